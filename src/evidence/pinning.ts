// How exactly the declared dependencies are pinned. A pin is exact when it names one version
// (`==1.2.3`, a VCS ref at a tag or commit, conda's `=1.2.3` or `=1.2=build`, Poetry's bare
// `1.2.3`); `==1.2.*`, `~=1.2`, conda's `=1.2` and ranges are not. Every declared dependency
// counts, in every manifest, so that one pinned file beside an unpinned one is not "pinned".
import { requirementName } from './manifests/python.js';

export interface DeclaredSpec {
  name: string;
  /** 1-based line of the declaration, where it could be found */
  line?: number;
  exact: boolean;
}

const VERSION_REF = /^v?\d+(\.\d+)+([.-]?\w+)?$|^[0-9a-f]{7,40}$/;

/** An exact version: digits and dots, no wildcard, no second clause. */
const exactVersion = (v: string) => /^\s*v?\d+(\.\d+)*([.+-]?[A-Za-z0-9]+)*\s*$/.test(v) && !v.includes('*');

/** A PEP 508 requirement (without its name) pins one version. */
export function exactRequirement(spec: string): boolean {
  const s = spec.split(';')[0]!.trim();
  const vcs = /@\s*\S*?(?:git|hg|svn|bzr)\+\S+?@([^#@\s]+)(?:#|$)|^(?:git|hg|svn|bzr)\+\S+?@([^#@\s]+)(?:#|$)/.exec(s);
  if (vcs) return VERSION_REF.test(vcs[1] ?? vcs[2]!);
  const m = /^(?:\[[^\]]*\])?\s*===?\s*([^,\s]+)\s*$/.exec(s);
  return m !== null && exactVersion(m[1]!);
}

/** Lines of a requirements file: each requirement with its line; includes and options are not dependencies. */
export function requirementsSpecs(text: string): DeclaredSpec[] {
  const out: DeclaredSpec[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || /^-(r|c|-requirement|-constraint)\b/.test(line)) continue;
    const editable = /^(-e|--editable)\s*=?\s*(.+)$/.exec(line);
    const body = editable ? editable[2]!.trim() : line;
    if (body.startsWith('-')) continue;
    // the project itself (`-e .`, `./pkg`) is not a dependency
    if (/^[./~]/.test(body)) continue;
    const name = requirementName(body);
    if (!name) continue;
    const rest = /^(?:git|hg|svn|bzr)\+|^[a-z+]+:\/\//i.test(body) ? body : body.slice(body.indexOf(name) + name.length);
    out.push({ name, line: start + 1, exact: exactRequirement(rest) });
  }
  return out;
}

/** The entries of a conda environment's `dependencies:` and its `- pip:` list, with their lines. */
export function condaSpecs(text: string): DeclaredSpec[] {
  const out: DeclaredSpec[] = [];
  const lines = text.split(/\r?\n/);
  let inDeps = false;
  let pipIndent: number | undefined;
  lines.forEach((raw, i) => {
    if (/^\S/.test(raw)) {
      inDeps = /^dependencies\s*:/.test(raw);
      pipIndent = undefined;
      return;
    }
    if (!inDeps) return;
    const item = /^(\s*)-\s*(.*?)\s*(#.*)?$/.exec(raw);
    if (!item) return;
    const indent = item[1]!.length;
    const value = item[2]!.replace(/^["']|["']$/g, '');
    if (/^pip\s*:/.test(value)) {
      pipIndent = indent;
      return;
    }
    if (pipIndent !== undefined && indent > pipIndent) {
      out.push(...requirementsSpecs(value).map((s) => ({ ...s, line: i + 1 })));
      return;
    }
    pipIndent = undefined;
    const m = /^(?:[^:\s]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/.exec(value);
    if (!m || m[1] === 'python' || m[1] === 'pip' || m[1] === 'r-base') return;
    out.push({ name: m[1]!, line: i + 1, exact: exactConda(m[2]!.replace(/\s+/g, '')) });
  });
  return out;
}

/** conda's match spec: `==1.2`, `=1.2.3=build` and `=1.2.3` pin; `=1.2` means 1.2.*, a range. */
function exactConda(spec: string): boolean {
  if (spec.startsWith('==')) return exactVersion(spec.slice(2)) || /^==[^*,|<>]+$/.test(spec);
  const m = /^=([^=]+)(=(.+))?$/.exec(spec);
  if (!m || m[1]!.includes('*')) return false;
  return m[3] !== undefined || m[1]!.split('.').length >= 3;
}

/**
 * Specs of formats read by a parser that knows only names (pyproject.toml, Pipfile, setup.py,
 * setup.cfg, DESCRIPTION): each name's declaration is found in the text, with its line.
 */
export function locatedSpecs(text: string, names: readonly string[], style: 'pep508' | 'toml-table' | 'r'): DeclaredSpec[] {
  const lines = text.split(/\r?\n/);
  return names.map((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re =
      style === 'toml-table'
        ? new RegExp(`^\\s*["']?${escaped}["']?\\s*=\\s*(.*)$`, 'i')
        : style === 'r'
          ? new RegExp(`(?:^|[\\s,:])${escaped}\\s*(\\([^)]*\\))?`)
          : new RegExp(`["']\\s*${escaped}\\s*((?:\\[[^\\]]*\\])?[^"']*)["']`, 'i');
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (!m) continue;
      return { name, line: i + 1, exact: exactIn(style, m[1] ?? '') };
    }
    return { name, exact: false };
  });
}

function exactIn(style: 'pep508' | 'toml-table' | 'r', spec: string): boolean {
  if (style === 'pep508') return exactRequirement(spec);
  if (style === 'r') return /^\(\s*==\s*[\d.-]+\s*\)$/.test(spec.trim());
  // Poetry and Pipfile: "1.2.3" (Poetry's exact), "==1.2.3", { version = "…" }, { git = …, tag/rev = … }
  const v = spec.trim();
  const version = /version\s*=\s*["']([^"']+)["']/.exec(v)?.[1] ?? /^["']([^"']*)["']/.exec(v)?.[1];
  if (/\b(tag|rev)\s*=\s*["']([^"']+)["']/.test(v)) return true;
  if (version === undefined) return false;
  const bare = version.replace(/^===?\s*/, '');
  return exactVersion(bare) && !/^[\^~<>!]/.test(version);
}

export interface PinShare {
  declared: number;
  exact: number;
}

export const share = (p: PinShare) => (p.declared === 0 ? 0 : p.exact / p.declared);

/** pip-compile output with hashes is a lock: every requirement carries `--hash`. */
export const hasHashes = (text: string) => /^\s*--hash[= ]sha256:/m.test(text) || /\\\s*\n\s*--hash=sha256:/.test(text);
