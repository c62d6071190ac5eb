// The code of a file as a reader of the repository sees it: a Python or R file whole, only the
// code cells of a notebook, only the code chunks of R Markdown and Quarto. Lines keep their place
// in the file, so that a finding names the line an editor shows.

export type Language = 'python' | 'r';

export interface CodeText {
  language: Language;
  /** the code, one entry per line of code */
  lines: string[];
  /** the line of the file (1-based) each code line sits on */
  fileLine: number[];
}

const CODE_EXT = /\.(py|ipynb|r|rmd|qmd)$/i;
export const isCodeFile = (path: string) => CODE_EXT.test(path);

export function codeText(path: string, text: string): CodeText | undefined {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'py') return plain('python', text);
  if (ext === 'r') return plain('r', text);
  if (ext === 'ipynb') return notebookCode(text);
  if (ext === 'rmd' || ext === 'qmd') return chunks(text);
  return undefined;
}

function plain(language: Language, text: string): CodeText {
  const lines = text.split(/\r?\n/);
  return { language, lines, fileLine: lines.map((_, i) => i + 1) };
}

/** Code cells of an nbformat-4 notebook; each cell line mapped back to its line in the JSON. */
function notebookCode(text: string): CodeText | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const cells = (doc as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return undefined;
  const kernel = JSON.stringify((doc as { metadata?: { kernelspec?: { language?: unknown } } }).metadata?.kernelspec?.language ?? '');
  const language: Language = /^"r"$/i.test(kernel) ? 'r' : 'python';
  // every cell has one "source" key, in order; an escaped \"source\" inside an output is not one
  const sourceLines: number[] = [];
  const key = /(?<!\\)"source"\s*:/g;
  let line = 1;
  let last = 0;
  for (let m = key.exec(text); m; m = key.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    sourceLines.push(line);
  }
  const lines: string[] = [];
  const fileLine: number[] = [];
  cells.forEach((cell, i) => {
    if (!cell || typeof cell !== 'object' || (cell as { cell_type?: unknown }).cell_type !== 'code') return;
    const source = (cell as { source?: unknown }).source;
    const at = sourceLines[i] ?? 1;
    if (Array.isArray(source)) {
      // nbformat writes one string per line, each on a line of its own after the key
      source.forEach((s, j) => {
        if (typeof s !== 'string') return;
        for (const part of s.replace(/\n$/, '').split('\n')) {
          lines.push(part);
          fileLine.push(at + 1 + j);
        }
      });
    } else if (typeof source === 'string') {
      for (const part of source.split('\n')) {
        lines.push(part);
        fileLine.push(at);
      }
    }
  });
  return { language, lines, fileLine };
}

/** The fenced code chunks of R Markdown or Quarto (```{r}, ```{python}); prose is not code. */
function chunks(text: string): CodeText {
  const all = text.split(/\r?\n/);
  const lines: string[] = [];
  const fileLine: number[] = [];
  let inside: Language | undefined;
  all.forEach((l, i) => {
    const fence = /^\s*```+\s*\{\s*([A-Za-z]+)/.exec(l);
    if (!inside && fence) {
      inside = fence[1]!.toLowerCase() === 'python' ? 'python' : 'r';
      return;
    }
    if (inside && /^\s*```/.test(l)) {
      inside = undefined;
      return;
    }
    if (inside) {
      lines.push(l);
      fileLine.push(i + 1);
    }
  });
  return { language: 'r', lines, fileLine };
}

export interface ImportSite {
  module: string;
  /** index into CodeText.lines */
  at: number;
}

const PY_IMPORT = /^\s*import\s+([A-Za-z_][\w.]*(?:\s+as\s+\w+)?(?:\s*,\s*[A-Za-z_][\w.]*(?:\s+as\s+\w+)?)*)/;
const PY_FROM = /^\s*from\s+([A-Za-z_][\w.]*)\s+import\s+\(?\s*([\w\s,.*]*)/;
const R_LOAD = /\b(?:library|require|requireNamespace)\(\s*["']?([A-Za-z][\w.]*)/g;
const R_NS = /\b([A-Za-z][\w.]*[A-Za-z0-9]):::?[A-Za-z_.]/g;

/**
 * The modules a file imports: `import a.b as c` gives `a.b`; `from a import b, c` gives `a`,
 * `a.b` and `a.c` (b may be a module); R's `library(x)`, `require(x)` and `x::f` give `x`.
 */
export function importsOf(code: CodeText): ImportSite[] {
  const out: ImportSite[] = [];
  code.lines.forEach((line, at) => {
    if (code.language === 'python') {
      const imp = PY_IMPORT.exec(line);
      if (imp) {
        for (const part of imp[1]!.split(',')) out.push({ module: part.trim().split(/\s+/)[0]!, at });
        return;
      }
      const from = PY_FROM.exec(line);
      if (from) {
        const base = from[1]!;
        out.push({ module: base, at });
        for (const name of from[2]!.split(',')) {
          const n = name.trim().split(/\s+/)[0];
          if (n && n !== '*' && /^[A-Za-z_]\w*$/.test(n)) out.push({ module: `${base}.${n}`, at });
        }
      }
      return;
    }
    for (const m of line.matchAll(R_LOAD)) out.push({ module: m[1]!, at });
    for (const m of line.matchAll(R_NS)) out.push({ module: m[1]!, at });
  });
  return out;
}

/** True when `module` is `name` or inside it (`google.cloud.aiplatform.gapic` is in `google.cloud.aiplatform`). */
export const moduleWithin = (module: string, name: string) => module === name || (module.startsWith(name) && module[name.length] === '.');
