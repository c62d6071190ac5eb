// `ready scan` in a terminal: each probe with what it found, the suggested answers, and what the
// scan skipped. Fits 80 columns; readable without colour.
import type { Style } from './style.js';
import { proofPlace, type Evidence, type SkipReason, type Suggestion } from '../core/evidence.js';
import { CAPABILITIES } from '../core/probe-kinds.js';
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

const CAPABILITY_WIDTH = Math.max(...CAPABILITIES.map((k) => k.length));

/** What the repository shows, capability by capability, each with the first file and line that proved it. */
function capabilityLines(capabilities: NonNullable<Evidence['capabilities']>, c: Style): string[] {
  const out = [c.bold('Capabilities')];
  for (const name of CAPABILITIES) {
    const f = capabilities[name];
    const label = name.padEnd(CAPABILITY_WIDTH);
    if (!f?.found) {
      out.push(`  ${c.dim('·')} ${c.dim(label)}  ${f?.incomplete ? c.yellow('not found before the read limit') : c.dim('not found')}`);
      continue;
    }
    const first = f.why[0]!;
    const more = f.paths.length > 1 ? ` +${f.paths.length - 1} more` : '';
    const proof = `${s(proofPlace(first))} (${s(first.what)})${more}`;
    const indent = 2 + 2 + CAPABILITY_WIDTH + 2;
    const [head, ...rest] = wrap(proof, WIDTH - indent);
    out.push(`  ${c.green('✔')} ${label}  ${head}`, ...rest.map((l) => `${' '.repeat(indent)}${l}`));
  }
  return out;
}

export function renderScanText(view: ScanView, options: { style: Style }): string {
  const c = options.style;
  const { evidence } = view;
  const out: string[] = [];
  const how = evidence.listing === 'git' ? 'git ls-files' : 'directory walk';
  out.push(c.bold(`Evidence in ${s(view.root)}`));
  out.push(c.dim(`${evidence.files} files (${how}) · rubric ${s(view.rubric.id)} ${s(view.rubric.version)}`));
  if (evidence.capabilities) out.push('', ...capabilityLines(evidence.capabilities, c));

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
        const places = f.why?.length ? f.why.map((p) => s(proofPlace(p))) : f.paths.map(s);
        const where = `${pkgs}${places.join(', ')}${f.more ? ', …' : ''}`;
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
