// What the CI environment tells us: which system runs us, and where the repository root is, so
// that annotations and reports name readiness.yaml the way the CI system's file view does.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const onGithubActions = (env: NodeJS.ProcessEnv = process.env) => env.GITHUB_ACTIONS === 'true';

/** The file relative to the workspace (GitHub), the project directory (GitLab) or the working directory. */
export function repoPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR || process.cwd();
  const rel = relative(resolve(root), resolve(file));
  // a file outside the repository cannot be shown next to its lines anyway; keep its full path
  return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(file) : rel).split(sep).join('/');
}
