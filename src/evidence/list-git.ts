// Lists a git work tree the way git sees it: tracked files plus untracked files that no ignore
// rule excludes, in one `git ls-files` call. Git does the .gitignore work far faster than we could.
import { execFile } from 'node:child_process';
import type { SkippedFile } from '../core/evidence.js';
import { decodeName } from './names.js';

export interface Listing {
  files: string[];
  /** the real bytes of names that are not valid UTF-8, by their shown name */
  rawNames: Map<string, Buffer>;
  skipped: SkippedFile[];
}

const GIT_ARGS = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];

/** The listing, or undefined when the root is not in a git work tree or git cannot run. */
export async function listGit(root: string): Promise<Listing | undefined> {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  // set by git hooks; the working directory, not the caller's repository, decides what is listed
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  const result = await new Promise<{ stdout: Buffer; stderr: Buffer } | undefined>((resolve) => {
    execFile('git', GIT_ARGS, { cwd: root, env, encoding: 'buffer', maxBuffer: 2 ** 31 - 1, windowsHide: true }, (err, stdout, stderr) => {
      resolve(err ? undefined : { stdout, stderr });
    });
  });
  if (!result) return undefined;
  return { ...parseLsFiles(result.stdout), skipped: parseWarnings(result.stderr.toString('utf8')) };
}

export function parseLsFiles(out: Buffer): Omit<Listing, 'skipped'> {
  const rawNames = new Map<string, Buffer>();
  const text = out.toString('utf8');
  let files: string[];
  if (!text.includes('\uFFFD')) {
    files = text.split('\0');
    files.pop(); // the output ends with a NUL
  } else {
    files = [];
    let start = 0;
    for (let end = out.indexOf(0, start); end !== -1; start = end + 1, end = out.indexOf(0, start)) {
      const bytes = out.subarray(start, end);
      const { name, exact } = decodeName(bytes);
      if (!exact) rawNames.set(name, Buffer.from(bytes));
      files.push(name);
    }
  }
  // an unmerged path is listed once per conflict stage; the index lists paths in order
  let w = 0;
  for (let r = 0; r < files.length; r++) if (r === 0 || files[r] !== files[r - 1]) files[w++] = files[r]!;
  files.length = w;
  return { files, rawNames };
}

/** `git ls-files --others` warns about directories it cannot open and goes on; so do we. */
function parseWarnings(stderr: string): SkippedFile[] {
  const out: SkippedFile[] = [];
  for (const m of stderr.matchAll(/could not open directory '(.*)': (.*)$/gm)) out.push({ path: m[1]!, reason: 'unreadable', detail: m[2]! });
  return out;
}
