// Lists a directory that is not a git work tree: a walk that honours .gitignore files, never
// descends into links (so link loops cannot trap it) and keeps links that point out of the root
// out of the listing. Like git, it lists a link inside the root as an entry of its own.
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { SkipLog, MAX_FILE_BYTES } from './repo.js';
import { decodeName } from './names.js';
import { isIgnored, parseGitignore, type IgnoreRule } from './gitignore.js';
import type { Listing } from './list-git.js';

/** Folders of other version-control systems are never part of the project's files. */
const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn']);

export function walk(realRoot: string, maxFiles: number): Listing & { truncated: boolean } {
  const files: string[] = [];
  const rawNames = new Map<string, Buffer>();
  const skip = new SkipLog();
  const rootBuf = Buffer.from(realRoot);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot.endsWith('/') ? realRoot : `${realRoot}/`);
  let truncated = false;

  // depth-first with an explicit stack: deep trees cannot overflow the call stack
  const stack: { rel: string; raw: Buffer; exact: boolean; rules: IgnoreRule[] }[] = [{ rel: '', raw: rootBuf, exact: true, rules: [] }];
  while (stack.length > 0 && !truncated) {
    const dir = stack.pop()!;
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir.raw, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      skip.add(dir.rel === '' ? '.' : `${dir.rel}/`, 'unreadable', errCode(err));
      continue;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    const rules = [...dir.rules];
    const gitignore = entries.find((e) => e.name.toString() === '.gitignore' && e.isFile());
    if (gitignore) {
      const text = readSmall(Buffer.concat([dir.raw, Buffer.from('/.gitignore')]));
      if (text === undefined) skip.add(join(dir.rel, '.gitignore'), 'unreadable');
      else rules.push(...parseGitignore(text, dir.rel));
    }
    const subdirs: typeof stack = [];
    for (const entry of entries) {
      const decoded = decodeName(entry.name);
      const name = decoded.name;
      const exact = dir.exact && decoded.exact;
      if (dir.rel === '' && ALWAYS_SKIPPED.has(name)) continue;
      const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
      const raw = Buffer.concat([dir.raw, Buffer.from('/'), entry.name]);
      let kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'other';
      if (kind === 'other') kind = kindFromLstat(raw); // some file systems do not report the type
      if (isIgnored(rules, rel, kind === 'dir')) continue;
      if (kind === 'dir') {
        subdirs.push({ rel, raw, exact, rules });
        continue;
      }
      if (kind === 'link') {
        let real: string;
        try {
          real = realpathSync.native(raw, { encoding: 'utf8' });
        } catch (err) {
          skip.add(rel, 'broken-link', errCode(err));
          continue;
        }
        if (!inside(real)) {
          skip.add(rel, 'outside-root', `links to ${linkTarget(raw) ?? real}`);
          continue;
        }
      } else if (kind !== 'file') {
        // sockets, FIFOs and devices: git does not list them either
        continue;
      }
      if (files.length >= maxFiles) {
        truncated = true;
        break;
      }
      if (!exact) rawNames.set(rel, raw.subarray(rootBuf.length + 1));
      files.push(rel);
    }
    // reversed so that the stack pops them in name order
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return { files, rawNames, skipped: skip.entries, truncated };
}

function kindFromLstat(raw: Buffer): 'dir' | 'file' | 'link' | 'other' {
  try {
    const st = lstatSync(raw);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'other';
  }
}

function readSmall(raw: Buffer): string | undefined {
  try {
    if (lstatSync(raw).size > MAX_FILE_BYTES) return undefined;
    return readFileSync(raw, 'utf8');
  } catch {
    return undefined;
  }
}

function linkTarget(raw: Buffer): string | undefined {
  try {
    return readlinkSync(raw, 'utf8');
  } catch {
    return undefined;
  }
}

export const errCode = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? String(err);
