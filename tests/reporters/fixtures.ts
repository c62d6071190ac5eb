// Fixed reports for the reporter tests, built by the real core over fixed rubrics and answers at a
// fixed date, so that golden files change only when a renderer (or the report) changes.
import { evaluate } from '../../src/core/evaluate.js';
import { join } from 'node:path';
import { loadRubricFile } from '../../src/load/load-rubric.js';
import type { Answers } from '../../src/core/answers.js';
import type { Report } from '../../src/core/report.js';
import { mini, NOW } from '../helpers/rubric.js';

/** A note written to break every format it lands in. */
export const HOSTILE_NOTE = 'a | b `tick` <script>alert(1)</script>\nsecond line & **bold** [link](http://x)';

const miniRubric = await mini();
const realisticRubric = await loadRubricFile(join(import.meta.dirname, 'fixtures/realistic-rubric.yaml'));

/** High tier, a blocker, a gap in every area, a hostile note: the gate fails. */
export function pilotReport(): Report {
  const answers: Answers = {
    consumer: { choice: ['machines'] },
    quality: { choice: ['manual'], note: HOSTILE_NOTE, by: 'ana <ana@example.com>', at: '2026-11-02', line: 7 },
    owner: { choice: ['none'], note: 'nobody | everybody', line: 12 },
    tools: { choice: ['ci'], line: 14 },
    serving: { choice: ['api'], line: 15 },
  };
  return evaluate(miniRubric, answers, { now: NOW, project: 'churn <model> | v2', gate: { readiness: { minArea: { data: 60 } } } });
}

/** Low tier, full marks where asked, one question marked not applicable: the gate passes. */
export function readyReport(): Report {
  const answers: Answers = {
    consumer: { choice: ['humans'] },
    quality: { choice: ['automated'] },
    owner: { notApplicable: 'public open data' },
    tools: { choice: ['ci', 'docker'] },
  };
  return evaluate(miniRubric, answers, { now: NOW, project: 'open-data-dashboard' });
}

/** Nothing answered yet: strictest tier assumed, everything unanswered. */
export function emptyReport(): Report {
  return evaluate(miniRubric, {}, { now: NOW, project: 'fresh' });
}

/** A rubric shaped like the built-in one, long labels and prompts: what a real team sees. */
export function realisticReport(): Report {
  const answers: Answers = {
    consumer: { choice: ['machines'] },
    frequency: { choice: ['batch'] },
    'data-access': { choice: ['scheduled-manual'], note: `Extract pulled every Monday by Priya. ${HOSTILE_NOTE}`, by: 'priya', at: '2026-09-01', line: 9 },
    'data-quality': { choice: ['automated'], line: 12 },
    sponsor: { choice: ['manager'], by: 'lead', at: '2026-11-20', line: 14 },
    skills: { choice: ['dont-know'], line: 16 },
    operator: { choice: ['nobody'], note: 'IT has not agreed yet', line: 18 },
    packaging: { choice: ['script'], line: 21 },
    interface: { choice: ['rest'], line: 23 },
  };
  return evaluate(realisticRubric, answers, {
    now: NOW,
    project: 'demand-forecast-for-regional-warehouses-and-stores',
    gate: { flags: { maxAgeDays: { value: 60, level: 'warn' } } },
  });
}

export const FIXTURE_REPORTS: Record<string, () => Report> = {
  pilot: pilotReport,
  ready: readyReport,
  empty: emptyReport,
  realistic: realisticReport,
  scanned: scannedReport,
};

/**
 * The pilot report with hostile text in every field a user or rubric author writes: names,
 * titles, labels, prompts, notes and plan. Ids stay as they are (the rubric schema restricts them).
 */
export function hostileReport(): Report {
  const r = pilotReport();
  const evil = (what: string) => `${what} ${HOSTILE_NOTE}`;
  r.project = evil('project');
  r.rubric.title = evil('rubric');
  r.tier.title = evil('tier');
  r.tier.reason = evil('reason');
  r.level.title = evil('level');
  for (const l of r.levels) l.title = evil(l.id);
  for (const a of r.areas) a.title = evil(a.id);
  for (const q of r.questions) {
    q.prompt = evil(q.id);
    q.labels = q.labels.map(evil);
    q.note = evil('note');
    q.by = evil('by');
  }
  for (const b of r.blockers) b.label = evil('blocker');
  for (const item of r.remediation) {
    item.summary = evil('summary');
    item.prompt = evil('prompt');
    item.steps = item.steps.map(evil);
    item.references = [{ title: evil('ref'), url: 'https://example.org/a b?x=<y>&z=(1)' }, { title: 'unsafe', url: 'javascript:alert(1)' }];
  }
  for (const f of r.gate.failures) f.message = evil('gate');
  return r;
}

/** The realistic report as if the repository had been scanned: evidence beside answers, one contradiction. */
export function scannedReport(): Report {
  const r = realisticReport();
  r.evidence = { listing: 'git', files: 214, skipped: 3 };
  const finding = (description: string, paths: string[], more = false) => ({
    kind: 'file' as const,
    description,
    found: paths.length > 0,
    paths,
    more,
    supports: [],
    contradicts: [],
  });
  const q = (id: string) => r.questions.find((x) => x.id === id)!;
  q('packaging').evidence = [finding('a Dockerfile', ['Dockerfile', 'serving/Dockerfile']), finding('a CI workflow', ['.github/workflows/ci.yml'], true)];
  q('data-quality').evidence = [{ ...finding('a data validation library', ['requirements.txt']), kind: 'dependency', packages: ['pandera'] }];
  q('data-quality').evidence!.push(finding('validation checks in code', []));
  r.contradictions = [
    {
      code: 'ANSWER_LACKS_EVIDENCE',
      question: 'data-quality',
      area: 'data',
      option: 'automated',
      label: 'Automated checks that stop the pipeline',
      probes: ['validation checks in code'],
      paths: [],
      line: 12,
      message: 'data-quality is answered "Automated checks that stop the pipeline" (line 12), but nothing in the repository shows it (looked for validation checks in code)',
    },
  ];
  return r;
}
