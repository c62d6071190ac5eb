// `ready scan`: list the repository once, answer every probe of the rubric, print what was found.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suggestAnswers } from '../core/evidence.js';
import { scanRepository } from '../evidence/scan.js';
import { DEFAULT_RUBRIC, loadRubric } from '../load/load-rubric.js';
import { UsageError } from '../errors.js';
import { namedRubric, READINESS_FILE } from '../load/load-readiness.js';
import { renderScanText } from '../reporters/scan-text.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { writeStdout } from '../terminal/stdout.js';
import type { ScanFormat } from '../reporters/formats.js';
import { scanProgress } from '../terminal/scan-progress.js';

export interface ScanOptions {
  format: ScanFormat;
  root?: string;
  rubric?: string;
}

export async function scan(opts: ScanOptions): Promise<void> {
  const root = resolve(opts.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root: ${opts.root ?? root} is not a directory`);
  const loading = (async () => {
    const named = opts.rubric ? { ref: opts.rubric } : ((await rubricOfReadiness(root)) ?? { ref: DEFAULT_RUBRIC });
    return (await loadRubric(named.ref, named)).rubric;
  })();

  const progress = scanProgress(opts.format === 'text');
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

/** The rubric that readiness.yaml in the root names, so that `ready scan` probes what `check` will. */
async function rubricOfReadiness(root: string): Promise<{ ref: string; root?: string } | undefined> {
  const file = join(root, READINESS_FILE);
  if (!existsSync(file)) return undefined;
  const { readYamlFile } = await import('../load/yaml-file.js');
  const yaml = readYamlFile(file, 'readiness file');
  const ref = (yaml.data as { rubric?: unknown }).rubric;
  if (typeof ref !== 'string' || ref === '') return undefined;
  return namedRubric(file, ref, () => yaml.lineOf(['rubric']));
}
