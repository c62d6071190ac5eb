// Committed credentials: well-known formats (private keys, cloud keys, tokens) anywhere, and
// settings named like a secret whose value looks real. Only the file, the line and the kind of
// credential ever leave this module: the value is never returned, stored or printed.
import { compileAny, lazyPattern, type ContentPattern } from '../match/pattern.js';
import type { Proof } from '../core/evidence.js';
import type { Vocabulary } from './vocabulary-schema.js';

/** Files worth reading for credentials: code, configuration, environment files, keys, prose. */
export function mayHoldSecrets(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^\.env($|\.)|\.env$|^env\.sh|^credentials|^id_(rsa|dsa|ecdsa|ed25519)$|[._-]key$|^\.netrc$|^\.pypirc$/i.test(base)) return true;
  return /\.(py|ipynb|r|rmd|qmd|ya?ml|json|toml|ini|cfg|conf|env|sh|bash|zsh|ps1|md|properties|tf|tfvars|pem|key|js|ts|example|sample)$/i.test(base);
}

const PLACEHOLDER = /^(\$|%\(|<|\{|\[)|your|xxx|change_?me|example|sample|dummy|placeholder|replace|redacted|todo|fixme|secret|password|passwd|token|none|null|undefined|true|false|\*\*\*|\.\.\.|^os\.|getenv|environ|\(|^(test|demo|admin|user|pass)/i;

/** A value that looks like a real credential rather than a word, a placeholder or a reference. */
function realLooking(value: string): boolean {
  if (value.length < 16 || value.length > 512 || PLACEHOLDER.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (!/^[A-Za-z0-9+/=_.:@-]+$/.test(value)) return false;
  // a path, a URL or a dotted name is configuration, not a secret
  if (/^[\w.-]+\/[\w./-]+$|:\/\/|^[a-z_]+(\.[a-z_]+)+$/i.test(value)) return false;
  return entropy(value) >= 3;
}

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

// `KEY=value`, `key: value`, `"key": "value"`, `os.environ["KEY"] = "value"`, `export KEY=value`,
// in JSON-escaped notebooks too (`\"KEY\"]=\"value\"`). Read from each `=` or `:` outwards, in
// bounded slices, so that a hostile line costs time linear in its length.
const KEY_BEFORE = /([A-Za-z_][\w.-]{0,100})(?:\\?["'])?\]?\s*$/;
const VALUE_AFTER = /^\s*(?:\\?["'])?([^\s"'\\#,;`]{0,600})/;
const MAX_ASSIGNMENTS_PER_LINE = 20;

/** The name of a secret-named setting on this line whose value looks real, or undefined. */
function assignedSecret(line: string, keys: ContentPattern): string | undefined {
  let seen = 0;
  for (let i = 0; i < line.length && seen < MAX_ASSIGNMENTS_PER_LINE; i++) {
    const ch = line.charCodeAt(i);
    if (ch !== 61 /* = */ && ch !== 58 /* : */) continue;
    seen++;
    const name = KEY_BEFORE.exec(line.slice(Math.max(0, i - 120), i))?.[1];
    if (!name) continue;
    const key = name.split('.').pop()!;
    if (!keys.test(key)) continue;
    const value = VALUE_AFTER.exec(line.slice(i + 1, i + 1 + 640))?.[1] ?? '';
    if (realLooking(value)) return key;
  }
  return undefined;
}

export interface SecretRules {
  formats: { name: string; regex: ContentPattern }[];
  /** every format as one pattern, asked first */
  anyFormat: ContentPattern;
  keys: ContentPattern;
}

let compiled: { vocabulary: Vocabulary; rules: SecretRules } | undefined;

export function secretRules(vocabulary: Vocabulary): SecretRules {
  if (compiled?.vocabulary === vocabulary) return compiled.rules;
  const rules = {
    formats: vocabulary.secrets.formats.map((f) => ({ name: f.name, regex: lazyPattern(f.pattern) })),
    anyFormat: compileAny(vocabulary.secrets.formats.map((f) => f.pattern)),
    keys: lazyPattern(vocabulary.secrets.keys),
  };
  compiled = { vocabulary, rules };
  return rules;
}

/** Test code sets made-up credentials for its own client; only well-known formats count there. */
const isTestPath = (path: string) => /(^|\/)(tests?|testing|fixtures?)\/|(^|\/)(test_[^/]*|[^/]*_test\.py|conftest\.py)$/.test(path);

/** Words without which no line can hold a secret-named setting: most files are ruled out at once. */
const MAY_NAME_SECRET = /pass|pwd|secret|token|key|auth|credential/i;
const MAX_SECRETS_PER_FILE = 20;

/** The credentials in one file: file, line and kind, never the value. */
export function findSecrets(path: string, text: string, rules: SecretRules): Proof[] {
  const out: Proof[] = [];
  // well-known formats: each asked once of the whole text, and only a match looked for by line
  const seen = new Set<number>();
  const lines = text.split(/\r?\n/);
  for (const f of rules.anyFormat.test(text) ? rules.formats : []) {
    if (!f.regex.test(text)) continue;
    for (let i = 0; i < lines.length && out.length < MAX_SECRETS_PER_FILE; i++) {
      const line = lines[i]!;
      if (seen.has(i + 1) || !f.regex.test(line)) continue;
      // documentation's sample keys (AWS's AKIAIOSFODNN7EXAMPLE) are placeholders too
      if (/EXAMPLE|XXXX|0000000000/i.test(line)) continue;
      out.push({ path, line: i + 1, what: f.name });
      seen.add(i + 1);
    }
  }
  // test code sets made-up credentials for its own client: only well-known formats count there
  if (!isTestPath(path) && MAY_NAME_SECRET.test(text)) {
    for (let i = 0; i < lines.length && out.length < MAX_SECRETS_PER_FILE; i++) {
      const line = lines[i]!;
      if (seen.has(i + 1) || line.length > 4096 || !MAY_NAME_SECRET.test(line)) continue;
      const key = assignedSecret(line, rules.keys);
      if (key !== undefined) out.push({ path, line: i + 1, what: `a value for ${key}` });
    }
  }
  return out.sort((a, b) => a.line! - b.line!);
}
