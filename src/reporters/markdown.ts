// GitHub-flavoured markdown for issues, pull requests and wikis: the plan is a task list a team
// can tick off. All text from rubrics and readiness.yaml goes through escapeMarkdown.
import type { QuestionResult, RemediationItem, Report } from '../core/report.js';
import { escapeMarkdown as md, safeUrl } from '../text/escape.js';
import { answerText, answersSummary, areaTitle, contradictionsOf, evidenceText, gateVerdict, levelTitle, nextSteps, planByArea, projectName, reportDate, pointsGained, formatScore } from './view.js';

const row = (cells: (string | number)[]) => `| ${cells.map((c) => (c === '' ? ' ' : String(c))).join(' | ')} |`;

function table(head: string[], align: ('l' | 'r')[], rows: (string | number)[][]): string[] {
  return [row(head), `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map(row)];
}

const points = (r: RemediationItem) => `effort ${r.effort}, ${pointsGained(r.impact)}${r.blocker ? ', **blocker**' : ''}`;

function referenceLinks(r: RemediationItem): string {
  return r.references
    .map((ref) => {
      const url = safeUrl(ref.url);
      return url ? `[${md(ref.title)}](<${url}>)` : md(ref.title);
    })
    .join(', ');
}

const questionCell = (q: QuestionResult) => `${md(q.id)}: ${md(q.prompt)}`;

function answerCell(q: QuestionResult): string {
  const text = md(answerText(q));
  if (q.reason && (q.status === 'not-applicable' || q.status === 'out-of-tier' || q.status === 'condition-unmet')) {
    return `${text} (${md(q.reason)})`;
  }
  return q.blocker ? `${text} (**blocker**)` : text;
}

const answeredBy = (q: QuestionResult) => [q.by && md(q.by), q.at && md(q.at)].filter(Boolean).join(', ');

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Readiness report: ${md(projectName(report))}`, '');
  out.push(`Generated on ${reportDate(report)} against the rubric *${md(report.rubric.title)}* ${md(report.rubric.version)}.`, '');

  const level = `${md(report.level.title)}${report.level.cappedByBlockers ? ' (capped by blockers)' : ''}`;
  out.push(
    ...table(['Summary', ''], ['l', 'l'], [
      ['Tier', `${md(report.tier.title)}${report.tier.known ? '' : ' (assumed)'}: ${md(report.tier.reason)}`],
      ['Score', `**${formatScore(report.score)}** / 100`],
      ['Level', level],
      ['Gate', `${report.gate.passed ? '✅' : '❌'} ${gateVerdict(report)}`],
      ['Blockers', report.blockers.length],
      ['Answers', answersSummary(report)],
    ]),
    '',
  );

  out.push('## Areas', '');
  out.push(
    ...table(
      ['Area', 'Score', 'Level', 'Answered', "Don't know", 'Unanswered'],
      ['l', 'r', 'l', 'r', 'r', 'r'],
      report.areas.map((a) => [
        md(a.title),
        formatScore(a.score),
        a.score === null ? 'no question applies' : md(levelTitle(report, a.level)),
        `${a.answered}/${a.applicable}`,
        a.dontKnow,
        a.unanswered,
      ]),
    ),
    '',
  );

  if (report.blockers.length > 0) {
    out.push('## Blockers', '', 'Production is impossible until these answers change, whatever the score.', '');
    for (const b of report.blockers) {
      const prompt = report.questions.find((q) => q.id === b.question)?.prompt;
      const at = b.line !== undefined ? ` (readiness.yaml line ${b.line})` : '';
      out.push(`- **${md(areaTitle(report, b.area))} / ${md(b.question)}**: "${md(b.label)}"${prompt ? `. ${md(prompt)}` : ''}${at}`);
    }
    out.push('');
  }

  const contradictions = contradictionsOf(report);
  if (contradictions.length > 0) {
    out.push('## Contradictions', '', 'Answers that the repository does not bear out: check the answer, or the repository.', '');
    for (const x of contradictions) out.push(`- ⚠️ **${md(areaTitle(report, x.area))} / ${md(x.question)}**: ${md(x.message)}`);
    out.push('');
  }

  if (report.gate.failures.length > 0) {
    out.push('## Gate', '');
    for (const f of report.gate.failures) out.push(`- ${f.level === 'error' ? '❌ error' : '⚠️ warning'}: ${md(f.message)}`);
    out.push('');
  }

  out.push('## Remediation plan', '');
  const plan = planByArea(report);
  if (plan.length === 0) out.push('Nothing left to fix for the questions asked at this tier.', '');
  else {
    out.push('Start with:', '');
    nextSteps(report).forEach((r, i) => out.push(`${i + 1}. **${md(r.summary)}** (${md(areaTitle(report, r.area))} / ${md(r.question)}, ${points(r)})`));
    out.push('');
    for (const { area, items } of plan) {
      const score = area.score === null ? '' : ` (${formatScore(area.score)}, ${md(levelTitle(report, area.level))})`;
      out.push(`### ${md(area.title)}${score}`, '');
      for (const r of items) {
        out.push(`- [ ] **${md(r.summary)}** ${md(r.question)}: ${md(r.prompt)} (${points(r)})`);
        for (const step of r.steps) out.push(`  - ${md(step)}`);
        const refs = referenceLinks(r);
        if (refs) out.push(`  - See: ${refs}`);
      }
      out.push('');
    }
  }

  out.push('## Answers', '');
  // the evidence column only when the repository was scanned, so that it never sits empty
  const scanned = report.evidence !== undefined;
  out.push(
    ...table(
      ['Area', 'Question', 'Answer', 'Score', 'Note', 'By', ...(scanned ? ['Evidence'] : [])],
      ['l', 'l', 'l', 'r', 'l', 'l', ...(scanned ? (['l'] as const) : [])],
      report.questions.map((q) => [
        md(areaTitle(report, q.area)),
        questionCell(q),
        answerCell(q),
        q.score === null ? '–' : q.score,
        q.note ? md(q.note) : '',
        answeredBy(q),
        ...(scanned ? [md(evidenceText(q))] : []),
      ]),
    ),
  );
  return `${out.join('\n')}\n`;
}
