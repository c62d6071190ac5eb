// A rubric for people: as a readable outline (areas > questions > options with their scores), or
// as YAML that `ready` reads back to the same rubric (defaults and the automatic "dont-know" left
// out, so that a flattened company rubric reads like one written by hand).
import { stringify } from 'yaml';
import type { Condition, Gate, Question, Rubric } from '../core/rubric-schema.js';
import { stripControl } from '../text/sanitize.js';
import { KEYED_TERM_IDS } from '../core/gate-terms.js';

const DONT_KNOW_LABEL = "Don't know";

export function renderRubricOutline(rubric: Rubric, opts: { origin: string }): string {
  const s = stripControl;
  const out: string[] = [];
  out.push(s(`${rubric.id} ${rubric.version} · ${rubric.title}`));
  out.push(s(`from ${opts.origin}`));
  out.push(`aggregation ${rubric.aggregation} · ${rubric.areas.length} areas · ${rubric.questions.length} questions`);
  out.push('');
  out.push('Tiers');
  const tierWidth = Math.max(...rubric.tiers.map((t) => t.id.length));
  for (const t of rubric.tiers) out.push(s(`  ${t.id.padEnd(tierWidth)}  ${t.title}`));
  out.push('  rules, first match wins:');
  for (const rule of rubric.tierRules) {
    const when = Object.entries(rule.when).map(([q, o]) => `${q}=${Array.isArray(o) ? o.join('|') : o}`).join(', ') || 'anything';
    out.push(s(`    ${when} -> ${rule.tier}`));
  }
  out.push('');
  const blocked = rubric.blockedLevel ? ` (a blocker caps at ${rubric.levels.find((l) => l.id === rubric.blockedLevel)?.title ?? rubric.blockedLevel})` : '';
  out.push(s(`Levels  ${rubric.levels.map((l) => `${l.title} ≥${l.min}`).join(' · ')}${blocked}`));
  const gates = Object.entries(rubric.gates);
  if (gates.length > 0) out.push(s(`Gates   ${gates.map(([tier, g]) => `${tier}: ${describeGate(g)}`).join(' · ')}`));
  for (const area of rubric.areas) {
    const questions = rubric.questions.filter((q) => q.area === area.id);
    out.push('');
    out.push(s(`${area.title} [${area.id}] weight ${area.weight} · ${questions.length} question${questions.length === 1 ? '' : 's'}`));
    for (const q of questions) {
      out.push(s(`  ${q.id}  ${q.prompt}`));
      const facts = questionFacts(q);
      if (facts) out.push(s(`    ${facts}`));
      const width = Math.max(...q.options.map((o) => o.id.length));
      for (const o of q.options) {
        const marks = [o.blocker ? 'blocker' : '', o.remediation ? 'own remediation' : ''].filter(Boolean).join(', ');
        out.push(s(`    ${String(o.score).padStart(4)}  ${o.id.padEnd(width)}  ${o.label}${marks ? `  (${marks})` : ''}`));
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function questionFacts(q: Question): string {
  const facts = [`weight ${q.weight}`];
  if (q.type === 'multiple') facts.push('several choices, scores add up to 1');
  facts.push(q.tiers ? `tiers ${q.tiers.join(', ') || 'none'}` : 'all tiers');
  if (q.when) facts.push(`when ${describeCondition(q.when)}`);
  if (q.roles.length > 0) facts.push(`roles ${q.roles.join(', ')}`);
  if (q.allowNotApplicable) facts.push('may be not applicable');
  if (q.replaces) facts.push(`replaces ${[q.replaces].flat().join(', ')}`);
  if (q.remediation) facts.push(`fix [${q.remediation.effort}]: ${q.remediation.summary}`);
  return facts.join(' · ');
}

function describeCondition(c: Condition): string {
  if ('question' in c) return `${c.question} in ${c.in.join('|')}`;
  if ('all' in c) return `(${c.all.map(describeCondition).join(' and ')})`;
  if ('any' in c) return `(${c.any.map(describeCondition).join(' or ')})`;
  return `not ${describeCondition(c.not)}`;
}

function describeGate(g: Gate): string {
  const term = (t: number | { value: number; level: string }) => (typeof t === 'number' ? `${t}` : `${t.value}${t.level === 'warn' ? ' (warn)' : ''}`);
  const parts: string[] = [];
  if (g.minScore !== undefined) parts.push(`score ≥${term(g.minScore)}`);
  for (const keyed of KEYED_TERM_IDS) for (const [id, t] of Object.entries(g[keyed] ?? {})) parts.push(`${id} ≥${term(t)}`);
  if (g.maxBlockers !== undefined) parts.push(`blockers ≤${term(g.maxBlockers)}`);
  if (g.maxUnanswered !== undefined) parts.push(`unanswered ≤${term(g.maxUnanswered)}`);
  if (g.maxAgeDays !== undefined) parts.push(`answers ≤${term(g.maxAgeDays)} days old`);
  return parts.join(', ') || 'none';
}

// keys whose value here is the schema's default: leaving them out changes nothing on reading back
const EMPTY_DEFAULTS = new Set(['description', 'help', 'roles', 'evidence', 'references', 'supports', 'contradicts', 'tierQuestions', 'gates']);
const DEFAULT_VALUES: Record<string, unknown> = { type: 'single', allowNotApplicable: false };

export function compactRubric(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = key === 'options' ? value.filter((o) => !isAutomaticDontKnow(o)) : value;
    return items.map((v) => compactRubric(v));
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (EMPTY_DEFAULTS.has(k) && isEmpty(v)) continue;
    if (k in DEFAULT_VALUES && DEFAULT_VALUES[k] === v) continue;
    out[k] = compactRubric(v, k);
  }
  return out;
}

const isEmpty = (v: unknown) => v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

function isAutomaticDontKnow(o: unknown): boolean {
  const opt = o as Record<string, unknown>;
  return opt.id === 'dont-know' && opt.label === DONT_KNOW_LABEL && opt.score === 0 && Object.keys(opt).length === 3;
}

export function renderRubricYaml(rubric: Rubric, opts: { schemaComment: string; origin: string }): string {
  const header = [opts.schemaComment, `# The rubric ${rubric.id} ${rubric.version} as \`ready\` uses it, from ${opts.origin}.`].map((l) => stripControl(l).replace(/\n/g, ' '));
  return `${header.join('\n')}\n${stringify(compactRubric(rubric), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
