// `ready scan`: list the repository once, answer every probe of the rubric, print what was found.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { suggestAnswers } from '../core/evidence.js';
import { scanRepository } from '../evidence/scan.js';
import { DEFAULT_RUBRIC, BUILTIN_PREFIX, loadRubric } from '../load/load-rubric.js';
import { UsageError } from '../errors.js';
import { READINESS_FILE } from '../load/load-readiness.js';
import { renderScanText } from '../reporters/scan-text.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { writeStdout } from '../terminal/stdout.js';
import type { ScanFormat } from '../reporters/formats.js';

export interface ScanOptions {
  format: ScanFormat;
  root?: string;
  rubric?: string;
}

/** A spinner only pays for itself on a repository this large. */
export const LARGE_REPOSITORY = 10_000;

export async function scan(opts: ScanOptions): Promise<void> {
  const root = resolve(opts.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root: ${opts.root ?? root} is not a directory`);
  const loading = (async () => (await loadRubric(opts.rubric ?? (await rubricOfReadiness(root)) ?? DEFAULT_RUBRIC)).rubric)();

  const progress = spinnerFor(opts.format === 'text' && process.stderr.isTTY === true && !process.env.CI);
  const evidence = await scanRepository(root, loading, { onProgress: progress.update, capabilities: true }).finally(progress.stop);
  const rubric = await loading;
  const suggestions = suggestAnswers(rubric, evidence);
  if (opts.format === 'json') {
    const { listing, files, capabilities, questions, skipped, skippedTotal } = evidence;
    const json = { root, rubric: { id: rubric.id, version: rubric.version }, listing, files, capabilities, questions, suggestions, skipped, skippedTotal };
    writeStdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    writeStdout(renderScanText({ root, rubric, evidence, suggestions }, { style: await loadStyle(wantsColor()) }));
  }
}

/**
 * A spinner on stderr once the listing passes LARGE_REPOSITORY files, while git still lists: ora
 * is loaded only then, and never when stderr is not a terminal, in CI, or for JSON output.
 */
function spinnerFor(wanted: boolean): { update(files: number): void; stop(): void } {
  let spinner: { text: string; stop(): unknown } | undefined;
  let loading = false;
  let done = false;
  let text = '';
  return {
    update(files) {
      text = `Scanning the repository: ${files.toLocaleString('en')} files listed`;
      if (spinner) spinner.text = text;
      if (!wanted || loading || files < LARGE_REPOSITORY) return;
      loading = true;
      void import('ora').then(({ default: ora }) => {
        // the scan may have finished while ora loaded
        if (!done) spinner = ora({ text, stream: process.stderr }).start();
      });
    },
    stop() {
      done = true;
      spinner?.stop();
    },
  };
}

/** The rubric that readiness.yaml in the root names, so that `ready scan` probes what `check` will. */
async function rubricOfReadiness(root: string): Promise<string | undefined> {
  const file = join(root, READINESS_FILE);
  if (!existsSync(file)) return undefined;
  const { readYamlFile } = await import('../load/yaml-file.js');
  const ref = (readYamlFile(file, 'readiness file').data as { rubric?: unknown }).rubric;
  if (typeof ref !== 'string' || ref === '') return undefined;
  return ref.startsWith(BUILTIN_PREFIX) || isAbsolute(ref) ? ref : resolve(root, ref);
}
