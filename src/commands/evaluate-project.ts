// What `check` and `report` share: load readiness.yaml and its rubric, resolve the gate flags,
// evaluate. The clock is read here, at the edge, and handed to the pure core.
import { basename, dirname, resolve } from 'node:path';
import { pathExists } from '../load/read-text.js';
import { evaluate } from '../core/evaluate.js';
import type { Gate, GateLevel, Rubric } from '../core/rubric-schema.js';
import type { Evidence } from '../core/evidence.js';
import type { Report } from '../core/report.js';
import { InputError, UsageError } from '../errors.js';
import { loadReadiness, type LoadedReadiness } from '../load/load-readiness.js';
import { findReadinessFile, READINESS_FILE } from '../load/find-readiness.js';
import { readinessGateInput } from '../load/readiness-gate.js';
import { migrationNotice } from '../reporters/migration-notice.js';
import { packageFile } from '../load/package-files.js';
import { isoTimestamp } from './clock.js';
import { didYouMean } from '../core/words.js';
import { stripControl } from '../text/sanitize.js';
import { FAIL_ON, KEYED_TERM_IDS, KEYED_TERMS, keyedIds, keyList, rangeWords, SCALAR_TERMS, unknownKey, type KeyedTerm, type ScalarTerm, type TermSpec } from '../core/gate-terms.js';

/** The gate flags as commander hands them over: one string per scalar term, a list per keyed term. */
export interface ProjectOptions extends Partial<Record<ScalarTerm, string>>, Partial<Record<KeyedTerm, string[]>> {
  file?: string;
  rubric?: string;
  example?: boolean;
  project?: string;
  failOn?: string[];
  /** false: do not scan the repository for evidence (`--no-evidence`) */
  evidence?: boolean;
  /** an earlier JSON report to compare with */
  baseline?: string;
  /** or readiness.yaml as of this git ref */
  baselineRef?: string;
}

export const EXAMPLE_FILE = 'examples/forecast-pilot/readiness.yaml';

export function exampleFile(): string {
  const file = packageFile(EXAMPLE_FILE);
  if (!file) throw new Error(`${EXAMPLE_FILE} is missing from the package`);
  return file;
}

/** `70` is an error below 70; `70:warn` only warns (`70:error` says the default out loud). */
function term(flag: string, raw: string, spec: Omit<TermSpec, 'flag' | 'help' | 'reportHelp' | 'rule'>): number | { value: number; level: GateLevel } {
  const m = /^(.*):([^:]*)$/.exec(raw);
  if (m && m[2] !== 'warn' && m[2] !== 'error') throw new UsageError(`${flag}: expected N, N:warn or N:error, got "${raw}"`);
  const text = m ? m[1]! : raw;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag}: expected ${spec.integer ? 'a whole number' : 'a number'} ${rangeWords(spec)}, got "${text}"`);
  }
  return m ? { value: n, level: m[2] as GateLevel } : n;
}

export function gateFromFlags(opts: ProjectOptions): Gate {
  const gate: Gate = {};
  for (const [name, spec] of Object.entries(SCALAR_TERMS) as [ScalarTerm, TermSpec][]) {
    const raw = opts[name];
    if (raw !== undefined) gate[name] = term(spec.flag, raw, spec);
  }
  for (const name of KEYED_TERM_IDS) {
    const spec = KEYED_TERMS[name];
    for (const entry of opts[name] ?? []) {
      const m = /^([^=]+)=(.*)$/.exec(entry);
      if (!m) throw new UsageError(`${spec.flag}: expected ${spec.key.toUpperCase()}=N, got "${entry}"`);
      (gate[name] ??= {})[m[1]!] = term(`${spec.flag} ${m[1]}`, m[2]!, spec);
    }
  }
  for (const word of opts.failOn ?? []) {
    const name = FAIL_ON[word];
    if (!name) throw new UsageError(`--fail-on: "${word}" is not one of ${Object.keys(FAIL_ON).join(', ')}${didYouMean(word, Object.keys(FAIL_ON))}`);
    gate[name] = 0;
  }
  return gate;
}

/** --file, else the nearest readiness.yaml up to the repository root; said on stderr when it is not here. */
export function readinessFileFor(explicit: string | undefined): string {
  const found = findReadinessFile(explicit);
  const file = found?.file ?? READINESS_FILE;
  if (!pathExists(file)) {
    const where = explicit === undefined ? ' (looked here and in the folders above, up to the repository root)' : '';
    throw new InputError([{ file, message: `no such readiness file; run \`ready assess\` to answer the questionnaire, or pass --file PATH${where}` }]);
  }
  if (found?.above) process.stderr.write(`ready: using ${stripControl(file)}\n`);
  return file;
}

export async function evaluateProject(opts: ProjectOptions): Promise<{ report: Report; loaded: LoadedReadiness }> {
  const flags = gateFromFlags(opts);
  const file = opts.example ? exampleFile() : readinessFileFor(opts.file);
  const loading = loadReadiness(file, opts.rubric);
  // git lists the repository (the readiness file's folder) while the rubric and answers load; the
  // example ships without the repository its answers describe, so there is nothing to hold them against
  const scan = opts.evidence !== false && !opts.example;
  const scanning = scan ? scanForEvidence(dirname(resolve(file)), loading.then((l) => l.rubric)) : undefined;
  const loaded = await loading;
  const evidence = await scanning;
  for (const name of KEYED_TERM_IDS) {
    const ids = keyedIds(name, loaded.rubric);
    for (const key of Object.keys(flags[name] ?? {})) {
      if (!ids.includes(key)) throw new UsageError(`${KEYED_TERMS[name].flag}: ${unknownKey(name, key, ids)}${keyList(name, ids)}`);
    }
  }
  const project = opts.project ?? loaded.project ?? basename(dirname(resolve(file)));
  const report = evaluate(loaded.rubric, loaded.answers, {
    now: isoTimestamp(),
    project,
    gate: { flags, ...readinessGateInput(loaded) },
    ...(evidence && { evidence }),
  });
  if (loaded.answeredVersion !== undefined) report.rubric.answeredVersion = loaded.answeredVersion;
  if (loaded.migration) {
    report.migration = loaded.migration;
    process.stderr.write(migrationNotice(loaded.migration, file, loaded.rubric.id));
  }
  return { report, loaded };
}

/** `--baseline-ref auto`: the target branch of the pull or merge request CI is running for. */
export const AUTO_REF = 'auto';

export function autoBaselineRef(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const target = env.GITHUB_BASE_REF || env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME;
  if (target) return `origin/${target}`;
  process.stderr.write('ready: --baseline-ref auto: not a pull or merge request, so there is no base branch to compare with\n');
  return undefined;
}

/**
 * The evaluation compared with its baseline, when one is asked for: an earlier JSON report
 * (`--baseline`) or readiness.yaml as of a git ref (`--baseline-ref`). `check` gates on the
 * comparison; `report` shows it.
 */
export async function evaluateWithBaseline(opts: ProjectOptions): Promise<{ report: Report; loaded: LoadedReadiness; baselineLabel?: string; baselineReport?: Report }> {
  if (opts.baseline !== undefined && opts.baselineRef !== undefined) throw new UsageError('--baseline and --baseline-ref: give one baseline, not both');
  if (opts.baselineRef !== undefined && opts.example) throw new UsageError('--baseline-ref: the example project has no git history');
  // a bad baseline report is an input error, found before anything is printed
  const stored = opts.baseline ? (await import('../load/load-baseline.js')).loadBaseline(opts.baseline) : undefined;
  const { report, loaded } = await evaluateProject(opts);
  const ref = opts.baselineRef === AUTO_REF ? autoBaselineRef() : opts.baselineRef;
  const atRef = ref !== undefined ? await evaluateAtRef(loaded.file, ref, opts.rubric) : undefined;
  const baseline = stored ?? atRef?.report;
  const baselineLabel = opts.baseline ?? atRef?.label;
  if (!baseline || baselineLabel === undefined) return { report, loaded };
  const { compareWithBaseline } = await import('../core/baseline.js');
  return { report: compareWithBaseline(report, baseline, baselineLabel), loaded, baselineLabel, baselineReport: baseline };
}

/**
 * readiness.yaml as of a git ref, scored on the spot without evidence: the baseline of
 * `--baseline-ref`, so that a no-regression gate needs no stored report. One git process reads
 * both the commit (for its date) and the file.
 */
export async function evaluateAtRef(file: string, ref: string, rubricOverride?: string): Promise<{ report: Report; label: string }> {
  const { catFiles, blobText, committerDate } = await import('../load/git-revisions.js');
  const { loadReadinessText } = await import('../load/load-readiness.js');
  const name = basename(file);
  const label = `${file}@${ref}`;
  if (ref.trim() === '') throw new UsageError('--baseline-ref: expected a git ref such as origin/main or HEAD~1');
  const [commit, blob] = catFiles(dirname(resolve(file)), [`${ref}^{commit}`, `${ref}:./${name}`], file);
  if (!commit || 'missing' in commit) {
    throw new UsageError(`--baseline-ref: git knows no commit "${ref}" (in a shallow clone, fetch it first: actions/checkout with fetch-depth: 0, or GIT_DEPTH: 0 on GitLab)`);
  }
  if (!blob || 'missing' in blob || blob.type !== 'blob') throw new InputError([{ file: label, message: `${file} does not exist at ${ref}; there is no baseline to compare with` }]);
  const read = blobText(blob.content);
  if ('problem' in read) throw new InputError([{ file: label, message: read.problem }]);
  const loaded = await loadReadinessText({ label, text: read.text, file }, undefined, rubricOverride);
  const rubric = loaded.rubric;
  const when = committerDate(commit.content) ?? isoTimestamp();
  return { report: evaluate(rubric, loaded.answers, { now: when, ...(loaded.project !== undefined && { project: loaded.project }) }), label };
}

/** Evidence for the rubric's probes; none when the rubric has no probes (then nothing is listed). */
async function scanForEvidence(root: string, rubric: Promise<Rubric>): Promise<Evidence | undefined> {
  const probing = rubric.then((r) => r.questions.some((q) => q.evidence.length > 0)).catch(() => false);
  const { scanRepository } = await import('../evidence/scan.js');
  if (!(await probing)) return undefined;
  return scanRepository(root, rubric);
}

/** The files an evaluation read: readiness.yaml and every rubric file of the chain, which no output may overwrite. */
export function readFiles(loaded: LoadedReadiness): string[] {
  return [loaded.file, ...loaded.rubricFiles];
}
