// What `check` and `report` share: load readiness.yaml and its rubric, resolve the gate flags,
// evaluate. The clock is read here, at the edge, and handed to the pure core.
import { basename, dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { evaluate } from '../core/evaluate.js';
import type { Gate, GateLevel, Rubric } from '../core/rubric-schema.js';
import type { Evidence } from '../core/evidence.js';
import type { Report } from '../core/report.js';
import { InputError, UsageError } from '../io/errors.js';
import { loadReadiness, READINESS_FILE, type LoadedReadiness } from '../io/load-readiness.js';
import { readinessGateInput } from '../io/readiness-gate.js';
import { migrationNotice } from '../reporters/migration-notice.js';
import { packageFile } from '../io/package-files.js';
import { isoTimestamp } from '../io/clock.js';

export interface ProjectOptions {
  file?: string;
  rubric?: string;
  example?: boolean;
  project?: string;
  minScore?: string;
  minArea?: string[];
  maxBlockers?: string;
  maxUnanswered?: string;
  maxAgeDays?: string;
  maxContradictions?: string;
  failOn?: string[];
  /** false: do not scan the repository for evidence (`--no-evidence`) */
  evidence?: boolean;
}

export const EXAMPLE_FILE = 'examples/forecast-pilot/readiness.yaml';

export function exampleFile(): string {
  const file = packageFile(EXAMPLE_FILE);
  if (!file) throw new Error(`${EXAMPLE_FILE} is missing from the package`);
  return file;
}

function number(flag: string, raw: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag}: expected ${integer ? 'a whole number' : 'a number'} ${range}, got "${raw}"`);
  }
  return n;
}

type TermSpec = number | { value: number; level: GateLevel };

/** `70` is an error below 70; `70:warn` only warns (`70:error` says the default out loud). */
function term(flag: string, raw: string | undefined, min: number, max: number, integer = false): TermSpec | undefined {
  if (raw === undefined) return undefined;
  const m = /^(.*):([^:]*)$/.exec(raw);
  if (!m) return number(flag, raw, min, max, integer);
  if (m[2] !== 'warn' && m[2] !== 'error') throw new UsageError(`${flag}: expected N, N:warn or N:error, got "${raw}"`);
  return { value: number(flag, m[1], min, max, integer)!, level: m[2] };
}

export function gateFromFlags(opts: ProjectOptions): Gate {
  const gate: Gate = {};
  const minScore = term('--min-score', opts.minScore, 0, 100);
  if (minScore !== undefined) gate.minScore = minScore;
  for (const spec of opts.minArea ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(spec);
    if (!m) throw new UsageError(`--min-area: expected AREA=N, got "${spec}"`);
    (gate.minArea ??= {})[m[1]!] = term(`--min-area ${m[1]}`, m[2], 0, 100)!;
  }
  const maxBlockers = term('--max-blockers', opts.maxBlockers, 0, Infinity, true);
  if (maxBlockers !== undefined) gate.maxBlockers = maxBlockers;
  const maxUnanswered = term('--max-unanswered', opts.maxUnanswered, 0, Infinity, true);
  if (maxUnanswered !== undefined) gate.maxUnanswered = maxUnanswered;
  const maxAgeDays = term('--max-age-days', opts.maxAgeDays, 1, Infinity, true);
  if (maxAgeDays !== undefined) gate.maxAgeDays = maxAgeDays;
  const maxContradictions = term('--max-contradictions', opts.maxContradictions, 0, Infinity, true);
  if (maxContradictions !== undefined) gate.maxContradictions = maxContradictions;
  for (const what of opts.failOn ?? []) {
    if (what === 'blockers') gate.maxBlockers = 0;
    if (what === 'unanswered') gate.maxUnanswered = 0;
    if (what === 'contradictions') gate.maxContradictions = 0;
  }
  return gate;
}

export async function evaluateProject(opts: ProjectOptions): Promise<{ report: Report; loaded: LoadedReadiness }> {
  const flags = gateFromFlags(opts);
  const file = opts.example ? exampleFile() : (opts.file ?? READINESS_FILE);
  if (!opts.example && !existsSync(file)) {
    throw new InputError([{ file, message: 'no such readiness file; run `ready assess` to answer the questionnaire, or pass --file PATH' }]);
  }
  const loading = loadReadiness(file, opts.rubric);
  // git lists the repository (the readiness file's folder) while the rubric and answers load; the
  // example ships without the repository its answers describe, so there is nothing to hold them against
  const scan = opts.evidence !== false && !opts.example;
  const scanning = scan ? scanForEvidence(dirname(resolve(file)), loading.then((l) => l.rubric)) : undefined;
  const loaded = await loading;
  const evidence = await scanning;
  for (const area of Object.keys(flags.minArea ?? {})) {
    if (!loaded.rubric.areas.some((a) => a.id === area)) {
      throw new UsageError(`--min-area: unknown area "${area}" (areas: ${loaded.rubric.areas.map((a) => a.id).join(', ')})`);
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

/** Evidence for the rubric's probes; none when the rubric has no probes (then nothing is listed). */
async function scanForEvidence(root: string, rubric: Promise<Rubric>): Promise<Evidence | undefined> {
  const probing = rubric.then((r) => r.questions.some((q) => q.evidence.length > 0)).catch(() => false);
  const { scanRepository } = await import('../evidence/scan.js');
  if (!(await probing)) return undefined;
  return scanRepository(root, rubric);
}

/** The files an evaluation read: readiness.yaml and a rubric file, which no output may overwrite. */
export function readFiles(loaded: LoadedReadiness): string[] {
  if (loaded.rubricRef.startsWith('builtin:')) return [loaded.file];
  // a rubric named in readiness.yaml is relative to it; one given with --rubric, to the working directory
  return [loaded.file, resolve(loaded.rubricRef), resolve(dirname(loaded.file), loaded.rubricRef)];
}
