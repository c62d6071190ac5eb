// .gitignore rules for the directory walk, used when the root is not a git work tree. Written
// here rather than taken from a library because the glob compiler already exists (src/core/glob.ts)
// and the rules that matter fit in a page: comments, `!` negation, a trailing `/` for directories
// only, a `/` at the start or in the middle to anchor, `**`, escapes and trailing spaces.
// Not covered: .git/info/exclude and core.excludesFile, which only exist with git anyway.
import { segmentsSource } from '../match/glob.js';

export interface IgnoreRule {
  /** the directory of the .gitignore file, relative to the root ('' for the root) */
  base: string;
  negate: boolean;
  dirOnly: boolean;
  regex: RegExp;
}

export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    // trailing spaces are dropped unless escaped with a backslash
    line = line.replace(/(?<!\\)\s+$/, '').replace(/\\(\s)$/, '$1');
    if (line === '') continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    // a slash at the start or in the middle anchors the pattern to the .gitignore's directory
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const segments = (anchored ? line : `**/${line}`).split('/').filter((s) => s !== '');
    try {
      rules.push({ base, negate, dirOnly, regex: new RegExp(segmentsSource(segments, false)) });
    } catch {
      // git skips a pattern it cannot use; so do we
    }
  }
  return rules;
}

/** Whether a path is ignored: the last rule that matches decides, deeper .gitignore files last. */
export function isIgnored(rules: readonly IgnoreRule[], path: string, isDir: boolean): boolean {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (r.dirOnly && !isDir) continue;
    let rel = path;
    if (r.base !== '') {
      if (!path.startsWith(`${r.base}/`)) continue;
      rel = path.slice(r.base.length + 1);
    }
    if (r.regex.test(rel)) return !r.negate;
  }
  return false;
}
