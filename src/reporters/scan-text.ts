// `ready scan` in a terminal: each probe with what it found, the suggested answers, and what the
// scan skipped. Fits 80 columns; readable without colour.
import type { Style } from './style.js';
import type { Evidence, SkipReason, Suggestion } from '../core/evidence.js';
import type { Rubric } from '../core/rubric-schema.js';
import { stripControl as s } from '../text/sanitize.js';
import { wrap } from '../text/wrap.js';

const WIDTH = 80;

export interface ScanView {
  root: string;
  rubric: Pick<Rubric, 'id' | 'version' | 'questions'>;
  evidence: Evidence;
  suggestions: Record<string, Suggestion>;
}

const SKIP_LABEL: Record<SkipReason, string> = {
  'outside-root': 'leads out of the repository',
  'broken-link': 'broken link',
  'too-large': 'too large',
  binary: 'binary',
  unreadable: 'unreadable',
  'not-a-file': 'not a file',
  unparsable: 'cannot be parsed',
  'read-limit': 'read limit',
};

export function renderScanText(view: ScanView, options: { style: Style }): string {
  const c = options.style;
  const { evidence } = view;
  const out: string[] = [];
  const how = evidence.listing === 'git' ? 'git ls-files' : 'directory walk';
  out.push(c.bold(`Evidence in ${s(view.root)}`));
  out.push(c.dim(`${evidence.files} files (${how}) · rubric ${s(view.rubric.id)} ${s(view.rubric.version)}`));

  let probes = 0;
  let found = 0;
  for (const q of view.rubric.questions) {
    const findings = evidence.questions[q.id];
    if (!findings?.length) continue;
    out.push('');
    out.push(c.bold(q.id));
    for (const f of findings) {
      probes++;
      const what = s(f.description);
      if (f.found) {
        found++;
        const pkgs = f.packages?.length ? `${f.packages.map(s).join(', ')} in ` : '';
        const where = `${pkgs}${f.paths.map(s).join(', ')}${f.more ? ', …' : ''}`;
        const line = `  ✔ ${what}: ${where}`;
        // what was found goes on lines of its own when it does not fit beside the description
        if (line.length <= WIDTH) out.push(`  ${c.green('✔')} ${what}: ${where}`);
        else out.push(`  ${c.green('✔')} ${what}:`, ...wrap(where, WIDTH - 6).map((l) => `      ${l}`));
      } else out.push(`  ${c.dim('·')} ${what}: ${c.dim('nothing found')}`);
      if (f.problem) out.push(`    ${c.yellow('!')} ${s(f.problem)}`);
    }
    const suggestion = view.suggestions[q.id];
    if (suggestion) out.push(c.cyan(`  → suggests ${suggestion.choice.map(s).join(', ')}`));
  }
  if (probes === 0) {
    out.push('');
    out.push(`The rubric ${s(view.rubric.id)} has no evidence probes.`);
  }

  out.push('');
  out.push(`${c.bold('Probes')}    ${found} of ${probes} found something`);
  if (evidence.skippedTotal > 0) {
    out.push('');
    out.push(c.bold(`Skipped (${evidence.skippedTotal})`));
    for (const k of evidence.skipped) {
      out.push(`  ${c.yellow(SKIP_LABEL[k.reason].padEnd(28))} ${s(k.path)}${k.detail ? c.dim(`  ${s(k.detail)}`) : ''}`);
    }
    const hidden = evidence.skippedTotal - evidence.skipped.length;
    if (hidden > 0) out.push(c.dim(`  … and ${hidden} more`));
  }
  return `${out.join('\n')}\n`;
}
