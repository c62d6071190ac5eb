// Which readiness.yaml a command means when no --file is given: the nearest one from the working
// directory up to the repository root, the way git and ESLint find their configuration. Outside
// a git repository only the working directory counts, so that a stray file in a parent folder
// (a home directory, /tmp) never decides a project's gate.
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const READINESS_FILE = 'readiness.yaml';

export interface FoundReadiness {
  /** the path to use in messages: relative to the working directory, as the user would type it */
  file: string;
  /** true when it came from a folder above the working directory */
  above: boolean;
}

// anything by that name counts: a FIFO or a link to a device is then refused by the reader with
// its reason, rather than passed over as if there were no readiness file
const isFile = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** The folders from `start` up to the repository root (the first one holding `.git`), nearest first. */
export function foldersToRepositoryRoot(start: string): string[] {
  const folders: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    folders.push(dir);
    // .git is a folder in a clone and a file in a worktree or submodule
    if (existsSync(join(dir, '.git'))) return folders;
    if (dirname(dir) === dir) return [resolve(start)];
  }
}

/** The readiness file to use: `--file` as given, else the nearest one up to the repository root. */
export function findReadinessFile(explicit: string | undefined, cwd: string = process.cwd()): FoundReadiness | undefined {
  if (explicit !== undefined) return { file: explicit, above: false };
  for (const dir of foldersToRepositoryRoot(cwd)) {
    const candidate = join(dir, READINESS_FILE);
    if (isFile(candidate)) {
      const file = relative(cwd, candidate) || READINESS_FILE;
      return { file, above: dir !== resolve(cwd) };
    }
  }
  return undefined;
}
