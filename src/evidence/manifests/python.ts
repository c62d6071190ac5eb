// Python's plain-text declarations: requirement lines (PEP 508), requirements files with their
// includes, setup.cfg and setup.py. Names are compared in PEP 503 form.

/** PEP 503: `Great_Expectations` and `great.expectations` are both `great-expectations`. */
export const normalizePython = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/**
 * The project name in a requirement: `fastapi[all]>=0.110 ; python_version >= "3.9"`,
 * `pkg @ https://…`, or an archive URL with `#egg=name`. Undefined for a local path or a bare URL.
 */
export function requirementName(spec: string): string | undefined {
  const s = spec.trim();
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(s);
  if (/^[a-z+]+:\/\//i.test(s) || /^(git|hg|svn|bzr)\+/.test(s)) return egg?.[1];
  if (/^[./~]/.test(s)) return egg?.[1];
  return NAME.exec(s)?.[1];
}

export interface RequirementsFile {
  packages: string[];
  /** `-r other.txt`, relative to this file */
  includes: string[];
}

/** pip's requirements format: comments, `\` continuations, options, `-r` includes, `-e` editables. */
export function parseRequirements(text: string): RequirementsFile {
  const packages: string[] = [];
  const includes: string[] = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of lines) {
    // a comment starts at `#` at the line start or after whitespace (`#egg=` in a URL is no comment)
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const opt = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s*=\s*|\s+|(?=[^\s-]))(.+)$/.exec(line);
    if (opt) {
      const [, flag, value] = opt;
      // a constraints file pins versions but declares nothing
      if (flag === '-r' || flag === '--requirement') includes.push(value!.trim());
      else if (flag === '-e' || flag === '--editable') {
        const name = requirementName(value!);
        if (name) packages.push(name);
      }
      continue;
    }
    if (line.startsWith('-')) continue; // --index-url, --hash, -f and the like
    const name = requirementName(line);
    if (name) packages.push(name);
  }
  return { packages, includes };
}

/** setup.cfg: `install_requires` under [options] and every list under [options.extras_require]. */
export function parseSetupCfg(text: string): string[] {
  const out: string[] = [];
  let section = '';
  let key: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue;
    const header = /^\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      key = undefined;
      continue;
    }
    const wanted = (k: string) => (section === 'options' && (k === 'install_requires' || k === 'tests_require')) || section === 'options.extras_require';
    const kv = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && !/^\s/.test(raw)) {
      key = kv[1]!.toLowerCase();
      if (wanted(key)) out.push(...requirementList(kv[2]!));
      continue;
    }
    // an indented line continues the value above
    if (key !== undefined && /^\s/.test(raw) && wanted(key)) out.push(...requirementList(raw));
  }
  return out;
}

function requirementList(value: string): string[] {
  const v = value.replace(/(^|\s)#.*$/, '').trim();
  if (v === '' || v.startsWith('file:') || v.startsWith('attr:')) return [];
  const name = requirementName(v);
  return name ? [name] : [];
}

/**
 * setup.py read as text, never run: the string literals of `install_requires=[…]` (or of the list
 * a name there is assigned) and the lists inside `extras_require={…}`.
 */
export function parseSetupPy(text: string): string[] {
  const out: string[] = [];
  for (const key of ['install_requires', 'tests_require', 'extras_require']) {
    for (const m of text.matchAll(new RegExp(`\\b${key}\\s*=\\s*`, 'g'))) {
      let at = m.index + m[0].length;
      const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at));
      if (ident && !/^(?:list|dict|sorted|set|tuple)\b/.test(ident[0])) {
        // `install_requires=REQUIRED`: look for `REQUIRED = [...]` in the same file
        const assigned = new RegExp(`^\\s*${ident[0]}\\s*=\\s*(?=[\\[{(])`, 'm').exec(text);
        if (!assigned) continue;
        at = assigned.index + assigned[0].length;
      }
      for (const lit of stringLiterals(text, at)) {
        // in a dict, the keys are extra names; only strings inside a list or tuple are requirements
        if (key === 'extras_require' && lit.container !== '[' && lit.container !== '(') continue;
        const name = requirementName(lit.value);
        if (name) out.push(name);
      }
    }
  }
  return out;
}

/** String literals inside the bracketed expression that starts at `start`, with their innermost bracket. */
function stringLiterals(text: string, start: number): { value: string; container: string }[] {
  const out: { value: string; container: string }[] = [];
  const stack: string[] = [];
  const close: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      let j = i + quote.length;
      let value = '';
      while (j < text.length && !text.startsWith(quote, j)) {
        if (text[j] === '\\') j++;
        else if (!triple && text[j] === '\n') break;
        value += text[j] ?? '';
        j++;
      }
      if (stack.length > 0) out.push({ value, container: stack[stack.length - 1]! });
      i = j + quote.length - 1;
    } else if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch in close) {
      if (stack.pop() !== close[ch] || stack.length === 0) break;
    } else if (stack.length === 0 && !/\s/.test(ch)) break;
  }
  return out;
}
