// Where "the repository" ends, for inputs that name other files: a rubric named in readiness.yaml
// and every file it `extends` must lie inside it, so that a pull request cannot make `ready` read
// /etc/shadow or a secret next to the checkout and print a piece of it.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * The `.git` in `dir` or the nearest folder above it (a directory, or a file in a linked work tree
 * or submodule). Without one, git finds no repository either: GIT_DIR, which could point
 * elsewhere, is removed from git's environment (load/git.ts).
 */
export function gitMarker(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return join(d, '.git');
    if (dirname(d) === d) return undefined;
  }
}

const real = (path: string) => {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
};

/**
 * The real path of the git work tree that holds `file`. Outside git, the project is the working
 * directory when the file lies inside it (`ready check -f ml/readiness.yaml` in the project's
 * folder), else the folder the file sits in.
 */
export function repositoryRoot(file: string): string {
  const dir = dirname(resolve(file));
  const marker = gitMarker(dir);
  if (marker) return real(dirname(marker));
  const cwd = real(process.cwd());
  return isInside(dir, cwd) ? cwd : real(dir);
}

/** Whether `file`, with every link in its path followed, lies inside `root` (a real path). */
export function isInside(file: string, root: string): boolean {
  const target = real(file);
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}
