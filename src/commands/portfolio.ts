// `ready portfolio PATHS…`: fold many projects' JSON reports into one view. Files that are not
// usable reports are skipped with a warning; only when none is left is it an input error.
import { PortfolioBuilder, type Portfolio } from '../core/portfolio.js';
import { InputError, UsageError } from '../errors.js';
import type { Skipped } from '../load/load-reports.js';
import { outputProblem, writeOutput } from '../write/write-output.js';
import { stripControl } from '../text/sanitize.js';
import { loadStyle, wantsColor } from '../terminal/terminal-style.js';
import { isoTimestamp } from './clock.js';

import type { PortfolioFormat } from '../reporters/formats.js';

export interface PortfolioOptions {
  format: PortfolioFormat;
  output?: string;
}

/** Enough names to find a pattern in what went wrong without burying the terminal. */
const MAX_WARNINGS = 20;

export async function portfolio(paths: string[], opts: PortfolioOptions): Promise<void> {
  if (paths.length === 0) throw new UsageError('portfolio: name at least one report file, directory or glob');
  const builder = new PortfolioBuilder();
  let outputInputs: string[] = [];
  // imported lazily so that its worker threads load a small module of their own
  const { digestReports, findReportFiles } = await import('../load/load-reports.js');
  // -o must not replace one of the reports it reads: refused before any is read
  if (opts.output) {
    outputInputs = findReportFiles(paths).files;
    const problem = outputProblem(opts.output, outputInputs);
    if (problem) throw new UsageError(`--output ${opts.output}: ${problem}`);
  }
  const skipped = await digestReports(paths, (digest) => builder.addDigest(digest));
  warn(skipped);
  if (builder.size === 0) {
    const why = skipped.length > 0 ? `${skipped.length} file(s) skipped, see the warnings above` : 'no *.json file found (directories are searched recursively)';
    throw new InputError([{ file: paths.join(' '), message: `no usable ready report: ${why}` }]);
  }
  const result = builder.build({ now: isoTimestamp() });
  const color = !opts.output && opts.format === 'text' && wantsColor();
  writeOutput(await renderPortfolio(result, opts.format, color), opts.output, outputInputs);
  process.exitCode = 0;
}

async function renderPortfolio(p: Portfolio, format: PortfolioFormat, color: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../reporters/portfolio-json.js')).renderPortfolioJson(p);
    case 'markdown':
      return (await import('../reporters/portfolio-markdown.js')).renderPortfolioMarkdown(p);
    case 'html':
      return (await import('../reporters/portfolio-html.js')).renderPortfolioHtml(p);
    case 'text':
      return (await import('../reporters/portfolio-text.js')).renderPortfolioText(p, { style: await loadStyle(color) });
  }
}

function warn(skipped: Skipped[]): void {
  for (const s of skipped.slice(0, MAX_WARNINGS)) process.stderr.write(`${stripControl(`ready: warning: skipped ${s.file}: ${s.reason}`)}\n`);
  if (skipped.length > MAX_WARNINGS) process.stderr.write(`ready: warning: … and ${skipped.length - MAX_WARNINGS} more files skipped\n`);
}
