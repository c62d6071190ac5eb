// `ready assess`: the interactive questionnaire. Loads readiness.yaml (or starts one), asks with
// the terminal Prompter, saves after every answer, and ends with the summary `ready check` prints.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Answers } from '../core/answers.js';
import type { Rubric } from '../core/rubric-schema.js';
import { respondentDefaults, scopeProblems, type Scope } from '../core/questionnaire.js';
import { InputError, UsageError } from '../errors.js';
import { loadReadiness, type LoadedReadiness } from '../load/load-readiness.js';
import { findReadinessFile, READINESS_FILE } from '../load/find-readiness.js';
import { BUILTIN_PREFIX, DEFAULT_RUBRIC, loadRubric } from '../load/load-rubric.js';
import { ReadinessWriter, unsavedLine, type AnswerChange } from '../write/readiness-writer.js';
import { schemaRef } from '../write/schema-ref.js';
import { PromptInterrupted, type Prompter } from '../prompt/prompter.js';
import { runQuestionnaire, type Suggestions } from '../prompt/run-questionnaire.js';
import { render } from '../reporters/render.js';
import { stripControl } from '../text/sanitize.js';
import { evaluateProject } from './evaluate-project.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { stdoutStream } from '../terminal/stdout.js';
import { isoTimestamp } from './clock.js';
import { gitSync } from '../load/git.js';
import { scanProgress } from '../terminal/scan-progress.js';

export interface AssessOptions {
  file?: string;
  rubric?: string;
  area?: string[];
  role?: string[];
  onlyUnanswered?: boolean;
  by?: string;
}

/** What the session needs from the outside world; the CLI passes the terminal, tests a script. */
export interface AssessIO {
  prompter: Prompter;
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  now: () => string;
  /** who answers when --by is not given */
  whoAmI: (dir: string) => Promise<string | undefined>;
  suggest?: (root: string, rubric: Rubric) => Promise<Suggestions>;
  /** the evidence scan: suggestions, and what an answer would contradict; wins over `suggest` */
  scan?: (root: string, rubric: Rubric) => Promise<EvidenceHelp>;
}

/** What the repository scan gives the questionnaire. */
export interface EvidenceHelp {
  suggestions: Suggestions;
  contradicts?: (id: string, choice: string[]) => string | undefined;
}

export const INTERRUPTED_EXIT = 130;

export async function assess(opts: AssessOptions): Promise<void> {
  if (!isInteractive()) {
    throw new UsageError('`ready assess` is interactive and needs a terminal; in scripts and CI run `ready check`, which never prompts');
  }
  // the prompt library loads here, never on the path of `check`
  const { createTerminalPrompter } = await import('../prompt/terminal.js');
  const color = wantsColor();
  const prompter = await createTerminalPrompter({ color });
  try {
    process.exitCode = await runAssess(opts, {
      prompter,
      out: (text) => stdoutStream().write(text),
      err: (text) => process.stderr.write(text),
      color,
      now: () => isoTimestamp(),
      whoAmI: gitOrOsUser,
      scan: scanForHelp,
    });
  } finally {
    prompter.close();
  }
  if (prompter.hungUp) {
    // Node restores the terminal's modes at exit and aborts when the terminal is gone; the answers
    // are on disk, so end the way a hung-up program conventionally does: by SIGHUP.
    process.kill(process.pid, 'SIGHUP');
  }
}

export function isInteractive(): boolean {
  const ci = process.env.CI;
  return process.stdin.isTTY === true && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

/** The whole command minus the terminal; returns the exit code. */
export async function runAssess(opts: AssessOptions, io: AssessIO): Promise<number> {
  // the file check and status would find, else a new one here
  const file = findReadinessFile(opts.file)?.file ?? READINESS_FILE;

  // Found out now rather than after the first answer, which could then not be saved.
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--file: ${file}: directory ${dirname(file)} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`--file: ${file}: cannot write in ${dirname(file)} (permission denied)`);
  }
  // An existing file goes through the validating loader: a file that cannot be read is never rewritten.
  const existing = existsSync(file) ? await loadReadiness(file, opts.rubric) : undefined;
  const rubricRef = opts.rubric ?? existing?.rubricRef ?? DEFAULT_RUBRIC;
  const rubric = existing?.rubric ?? (await loadRubric(rubricRef)).rubric;
  const problems = scopeProblems(rubric, { areas: opts.area ?? [], roles: opts.role ?? [] });
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  // --role and --by default from the respondents readiness.yaml names
  const given = opts.by !== undefined ? stripControl(opts.by.trim()) || undefined : undefined;
  const defaults = respondentDefaults(existing?.respondents ?? {}, { roles: opts.role ?? [], ...(given !== undefined && { by: given }) }, given === undefined ? await io.whoAmI(dir) : undefined);
  const by = defaults.by;
  const scope: Scope = { areas: opts.area ?? [], roles: defaults.roles, onlyUnanswered: opts.onlyUnanswered === true };
  const writer = openWriter(file, existing, rubric, opts.rubric, io);
  const answers: Answers = Object.fromEntries(Object.entries(existing?.answers ?? {}).map(([id, { line: _line, ...a }]) => [id, a]));
  const help: EvidenceHelp | undefined = io.scan ? await io.scan(dir, rubric) : io.suggest ? { suggestions: await io.suggest(dir, rubric) } : undefined;
  const suggestions = help?.suggestions;

  let outcome;
  try {
    ({ outcome } = await runQuestionnaire({
      rubric,
      answers,
      scope,
      prompter: io.prompter,
      save: (id, change) => saveOrKeep(writer, id, change, io),
      ...(by !== undefined && { by }),
      now: io.now,
      ...(suggestions && { suggestions }),
      ...(help?.contradicts && { contradicts: help.contradicts }),
      ...(defaults.because !== undefined && { narrowedBy: defaults.because }),
    }));
  } catch (err) {
    if (!(err instanceof PromptInterrupted)) throw err;
    if (reportUnsaved(writer, io)) return INTERRUPTED_EXIT;
    io.err(writer.written ? `Answers saved to ${file}; run \`ready assess\` to resume.\n` : `Nothing answered yet, so ${file} was not written; run \`ready assess\` to start.\n`);
    return INTERRUPTED_EXIT;
  }
  if (reportUnsaved(writer, io)) return 2;

  if (!writer.written) {
    io.out(`\nNothing was answered, so ${file} was not written.\n`);
    return 0;
  }
  // what `ready check` will say about the file as it now is
  // --rubric was trusted when given; the file now names it, maybe outside the repository, which
  // a later `ready check` refuses on its own
  const { report } = await evaluateProject({ file, ...(opts.rubric !== undefined && { rubric: opts.rubric }) });
  io.out(`\n${await render(report, 'text', { style: await loadStyle(io.color), detail: 'summary' })}\n`);
  io.out(outcome === 'stopped' ? `Answers saved to ${file}; run \`ready assess\` to resume.\n` : `Answers saved to ${file}.\n`);
  return 0;
}

/**
 * A save that fails (a full disk, a file changed into something that no longer parses) does not
 * end the session or lose the answer: the writer keeps it and writes it with the next one.
 */
function saveOrKeep(writer: ReadinessWriter, id: string, change: AnswerChange, io: AssessIO): void {
  try {
    if (writer.save(id, change) === 'merged') io.err(`ready: ${writer.file} was changed meanwhile (another session or an editor); your answer was added to that version\n`);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.err(`ready: your answer to ${id} is not saved yet: ${stripControl(err.problems[0]?.message ?? err.message)}; it is kept and saved with your next answer\n`);
  }
}

/** Answers still unsaved at the end, one line each, ready to paste under `answers:`; true when there were any. */
function reportUnsaved(writer: ReadinessWriter, io: AssessIO): boolean {
  if (writer.unsaved.length === 0) return false;
  io.err(`ready: ${writer.unsaved.length} answer(s) could not be saved to ${writer.file}; add them under \`answers:\` by hand or run \`ready assess\` again:\n`);
  for (const { id, change } of writer.unsaved) io.err(`ready:   ${unsavedLine(id, change)}\n`);
  return true;
}

/**
 * The writer for the session. The answers on disk were checked against --rubric when loaded, so
 * from the first save on the file names that rubric, and `ready check` scores what was answered.
 */
function openWriter(file: string, existing: LoadedReadiness | undefined, rubric: Rubric, override: string | undefined, io: AssessIO): ReadinessWriter {
  const wanted = rubricForFile(override ?? DEFAULT_RUBRIC, file);
  const named = existing && (existing.yaml.data as { rubric?: unknown }).rubric;
  const current = typeof named === 'string' ? named : DEFAULT_RUBRIC;
  const same = wanted === current || (!wanted.startsWith(BUILTIN_PREFIX) && !current.startsWith(BUILTIN_PREFIX) && resolve(dirname(file), wanted) === resolve(dirname(file), current));
  const switching = existing !== undefined && override !== undefined && !same;
  if (switching) io.err(`ready: ${file} names rubric ${stripControl(current)}; your first answer switches it to ${stripControl(wanted)}\n`);
  return new ReadinessWriter(
    file,
    existing?.yaml.text ?? null,
    { rubric: wanted, rubricVersion: rubric.version, schema: schemaRef('readiness', file) },
    switching ? { rubric: wanted } : {},
    { ...existing?.carriedFrom },
  );
}

/** A rubric path in readiness.yaml is relative to that file (see load-readiness.ts). */
function rubricForFile(ref: string, file: string): string {
  if (ref.startsWith(BUILTIN_PREFIX)) return ref;
  return relative(dirname(resolve(file)), resolve(ref)).split(sep).join('/');
}

/** git's user.name where git knows one, else the login name; nothing when neither is available. */
export async function gitOrOsUser(dir: string): Promise<string | undefined> {
  // no git, or no user.name: the login name
  const git = gitSync(['config', 'user.name'], { cwd: dir, timeoutMs: 3000 });
  const name = git.code === 0 ? stripControl(git.stdout.toString('utf8').trim()) : '';
  if (name) return name;
  try {
    return stripControl(userInfo().username.trim()) || undefined;
  } catch {
    return undefined;
  }
}

/** Scans the repository once for the rubric's evidence probes; a spinner only on a large one. */
async function scanForHelp(root: string, rubric: Rubric): Promise<EvidenceHelp> {
  const [{ scanRepository, hasProbes }, { suggestAnswers }, { findContradictions }] = await Promise.all([
    import('../evidence/scan.js'),
    import('../core/evidence.js'),
    import('../core/contradictions.js'),
  ]);
  if (!hasProbes(rubric)) return { suggestions: {} };
  const progress = scanProgress(true);
  try {
    const evidence = await scanRepository(root, rubric, { onProgress: progress.update });
    return {
      suggestions: suggestAnswers(rubric, evidence),
      // the same finding `ready check` would report, said while the person still has the question in mind
      contradicts: (id, choice) => findContradictions(rubric, { [id]: { choice } }, evidence).find((c) => c.question === id)?.message,
    };
  } catch (err) {
    // without evidence the questionnaire still works; it only loses its suggested defaults
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`ready: no evidence suggestions: ${stripControl(err.message.split('\n')[0]!)}\n`);
    return { suggestions: {} };
  } finally {
    progress.stop();
  }
}
