// The ground-truth corpus (tests/fixtures/corpus/, see its README) as the scanner sees it, shared
// by tests/corpus/corpus.test.ts (the sources) and scripts/corpus-confusion.mjs (the build).
//
// A fixture is listing.txt (every path of the repository at its commit) and files/ (the few files
// that matter). A listed file without a copy reads as EMPTY, not absent: the fixtures copy every
// file a scanner must read, so a file left out holds nothing that proves a capability, yet it is in
// the repository, and findings by name (a notebook, a .tf file, a model file) must still see it.
// Reading it as absent would make it look deleted from the work tree, which the scanner treats as
// not there at all.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = new URL('../tests/fixtures/corpus/', import.meta.url).pathname;

export function fixturePort(dir) {
  const listing = readFileSync(join(dir, 'listing.txt'), 'utf8').split('\n').filter((l) => l !== '');
  const listed = new Set(listing);
  const copy = (path) => join(dir, 'files', path);
  return {
    list: () => listing,
    read(path) {
      if (!listed.has(path)) return undefined;
      const file = copy(path);
      return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : Buffer.alloc(0);
    },
    size(path) {
      if (!listed.has(path)) return undefined;
      const file = copy(path);
      return existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0;
    },
  };
}

export function loadCorpus(root = CORPUS) {
  return readdirSync(root)
    .filter((d) => existsSync(join(root, d, 'truth.json')))
    .sort()
    .map((slug) => ({ slug, dir: join(root, slug), truth: JSON.parse(readFileSync(join(root, slug, 'truth.json'), 'utf8')) }));
}

/** Runs `scan(port)` (which returns the capabilities) over every fixture; one row per fact. */
export async function scoreCorpus(scan, root = CORPUS) {
  const facts = [];
  for (const { slug, dir, truth } of loadCorpus(root)) {
    const found = await scan(fixturePort(dir));
    for (const [capability, t] of Object.entries(truth.capabilities)) {
      const f = found[capability];
      facts.push({ slug, half: truth.half, capability, truth: t.found, found: f?.found === true, paths: f?.paths ?? [] });
    }
  }
  return facts;
}

/** Per capability and half: true/false positives and negatives. */
export function confusion(facts) {
  const table = new Map();
  for (const f of facts) {
    const key = `${f.half}\0${f.capability}`;
    const row = table.get(key) ?? { half: f.half, capability: f.capability, tp: 0, fp: 0, fn: 0, tn: 0 };
    row[f.truth ? (f.found ? 'tp' : 'fn') : f.found ? 'fp' : 'tn']++;
    table.set(key, row);
  }
  return [...table.values()];
}

export const accuracy = (facts) => (facts.length === 0 ? 0 : facts.filter((f) => f.truth === f.found).length / facts.length);

export function formatConfusion(facts) {
  const rows = confusion(facts);
  const out = [];
  for (const half of ['tune', 'report', 'synthetic']) {
    const these = facts.filter((f) => f.half === half);
    if (these.length === 0) continue;
    out.push(`${half} half: ${these.filter((f) => f.truth === f.found).length} of ${these.length} facts right (${(100 * accuracy(these)).toFixed(1)}%)`);
    out.push(`  ${'capability'.padEnd(24)} ${['TP', 'FP', 'FN', 'TN'].map((h) => h.padStart(4)).join('')}   wrong`);
    for (const r of rows.filter((r) => r.half === half)) {
      const wrong = these.filter((f) => f.capability === r.capability && f.truth !== f.found).map((f) => `${f.slug}${f.found ? ' (FP)' : ' (FN)'}`);
      out.push(`  ${r.capability.padEnd(24)} ${[r.tp, r.fp, r.fn, r.tn].map((n) => String(n).padStart(4)).join('')}   ${wrong.join(', ')}`);
    }
    out.push('');
  }
  return out.join('\n');
}
