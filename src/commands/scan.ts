// `ready scan`: list the repository once, answer every probe of the rubric, print what was found.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { suggestAnswers } from '../core/evidence.js';
import { scanRepository } from '../evidence/scan.js';
import { DEFAULT_RUBRIC, BUILTIN_PREFIX, loadRubric } from '../io/load-rubric.js';
import { UsageError } from '../io/errors.js';
import { READINESS_FILE } from '../io/load-readiness.js';
import { renderScanText } from '../reporters/scan-text.js';
import { wantsColor } from './check.js';

export interface ScanOptions {
  format: 'text' | 'json';
  root?: string;
  rubric?: string;
}

/** A spinner only pays for itself on a repository this large. */
export const LARGE_REPOSITORY = 10_000;

export async function scan(opts: ScanOptions): Promise<void> {
  const root = resolve(opts.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root: ${opts.root ?? root} is not a directory`);
  const loading = (async () => (await loadRubric(opts.rubric ?? (await rubricOfReadiness(root)) ?? DEFAULT_RUBRIC)).rubric)();

  let stop = () => {};
  const showProgress = opts.format === 'text' && process.stderr.isTTY === true && !process.env.CI;
  const evidence = await scanRepository(root, loading, {
    async onListed(files) {
      if (!showProgress || files < LARGE_REPOSITORY) return;
      const { default: ora } = await import('ora');
      const spinner = ora({ text: `Scanning ${files.toLocaleString('en')} files`, stream: process.stderr }).start();
      stop = () => spinner.stop();
    },
  });
  stop();
  const rubric = await loading;
  const suggestions = suggestAnswers(rubric, evidence);
  if (opts.format === 'json') {
    const { listing, files, questions, skipped, skippedTotal } = evidence;
    const json = { root, rubric: { id: rubric.id, version: rubric.version }, listing, files, questions, suggestions, skipped, skippedTotal };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(renderScanText({ root, rubric, evidence, suggestions }, { color: wantsColor(process.stdout) }));
  }
}

/** The rubric that readiness.yaml in the root names, so that `ready scan` probes what `check` will. */
async function rubricOfReadiness(root: string): Promise<string | undefined> {
  const file = join(root, READINESS_FILE);
  if (!existsSync(file)) return undefined;
  const { readYamlFile } = await import('../io/yaml-file.js');
  const ref = (readYamlFile(file, 'readiness file').data as { rubric?: unknown }).rubric;
  if (typeof ref !== 'string' || ref === '') return undefined;
  return ref.startsWith(BUILTIN_PREFIX) || isAbsolute(ref) ? ref : resolve(root, ref);
}
