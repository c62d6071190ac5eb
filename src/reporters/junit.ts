// JUnit XML, so that CI systems that show test results show readiness the same way: one test
// suite per area, one test case per question. A gap is a failure, a blocker an error, and a
// question that does not count (not applicable, not asked at this tier, condition unmet) is skipped.
import type { QuestionResult, Report } from '../core/report.js';
import { escapeXml as x } from '../text/escape.js';
import { STATUS_WORDS } from '../core/messages.js';
import { answerText, evidenceText, levelTitle, projectName, pointsGained } from './view.js';

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

/** A contradicted answer fails even at full marks: the repository says otherwise. */
export function outcomeOf(q: QuestionResult, contradicted = false): Outcome {
  if (q.score === null) return 'skipped';
  if (q.blocker) return 'error';
  return q.score < 100 || contradicted ? 'failure' : 'passed';
}

const attrs = (pairs: Record<string, string | number>) =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${x(String(v))}"`)
    .join('');

function testcase(report: Report, q: QuestionResult): string[] {
  const head = `    <testcase${attrs({ classname: `ready.${q.area}`, name: `${q.id}: ${q.prompt}`, time: 0 })}`;
  const contradictions = (report.contradictions ?? []).filter((c) => c.question === q.id);
  const outcome = outcomeOf(q, contradictions.length > 0);
  if (outcome === 'passed') return [`${head}/>`];
  if (outcome === 'skipped') return [`${head}>`, `      <skipped${attrs({ message: `${STATUS_WORDS[q.status]}${q.reason ? `: ${q.reason}` : ''}` })}/>`, '    </testcase>'];

  const fix = report.remediation.find((r) => r.question === q.id);
  const answer = answerText(q);
  const message =
    outcome === 'error'
      ? `blocker: ${answer}`
      : q.score === 100
        ? `contradicted by the repository: ${answer}`
        : q.status === 'answered'
          ? `scores ${q.score} of 100: ${answer}`
          : `${STATUS_WORDS[q.status]}, which scores 0`;
  const details = [
    `Question: ${q.prompt}`,
    `Answer: ${answer}${q.line !== undefined ? ` (readiness.yaml line ${q.line})` : ''}`,
    ...(q.note ? [`Note: ${q.note}`] : []),
    ...(evidenceText(q) ? [`Evidence: ${evidenceText(q)}`] : []),
    ...contradictions.map((c) => `Contradiction: ${c.message}`),
    ...(fix ? [`Fix (effort ${fix.effort}, ${pointsGained(fix.impact)}): ${fix.summary}`, ...fix.steps.map((s) => `  - ${s}`)] : []),
  ];
  const type = outcome === 'error' ? 'blocker' : q.score === 100 ? 'contradiction' : q.status === 'answered' ? 'gap' : q.status;
  // the body is lines, escaped one by one so that they stay lines of the file
  return [`${head}>`, `      <${outcome}${attrs({ message, type })}>${details.map(x).join('\n')}</${outcome}>`, '    </testcase>'];
}

export function renderJunit(report: Report): string {
  const contradicted = new Set((report.contradictions ?? []).map((c) => c.question));
  const tally = (qs: QuestionResult[]) => {
    const n = (o: Outcome) => qs.filter((q) => outcomeOf(q, contradicted.has(q.id)) === o).length;
    return { tests: qs.length, failures: n('failure'), errors: n('error'), skipped: n('skipped') };
  };
  const suites = report.areas.map((area) => {
    const qs = report.questions.filter((q) => q.area === area.id);
    return { area, qs, counts: tally(qs) };
  });
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: `ready: ${projectName(report)}`, ...tally(report.questions), time: 0, timestamp: report.generatedAt })}>`,
  ];
  for (const { area, qs, counts } of suites) {
    out.push(`  <testsuite${attrs({ name: area.title, id: area.id, ...counts, time: 0, timestamp: report.generatedAt })}>`);
    out.push('    <properties>');
    out.push(`      <property${attrs({ name: 'score', value: area.score === null ? 'n/a' : area.score })}/>`);
    out.push(`      <property${attrs({ name: 'level', value: area.level === null ? 'n/a' : levelTitle(report, area.level) })}/>`);
    out.push(`      <property${attrs({ name: 'tier', value: report.tier.id })}/>`);
    out.push('    </properties>');
    for (const q of qs) out.push(...testcase(report, q));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
