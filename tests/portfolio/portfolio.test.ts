import { describe, expect, it } from 'vitest';
import { buildPortfolio, reportProblem, type Portfolio } from '../../src/core/portfolio.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { Report } from '../../src/core/report.js';
import { mini, NOW } from '../helpers/rubric.js';
import { answersOf, miniV2, PROJECTS, portfolioReports, type ReportFile } from './fixtures.js';

const asInput = (files: ReportFile[]) =>
  files.map(({ file, report }) => ({ report, source: { file, fallbackName: file.split('/').at(-2)! } }));

const known = async () => buildPortfolio(asInput(await portfolioReports()), { now: NOW });

describe('a portfolio with known answers', () => {
  it('orders projects by score, then fewer blockers, then name', async () => {
    const p = await known();
    expect(p.projects.map((x) => [x.name, x.score, x.blockers])).toEqual([
      ['alpha', 100, 0],
      ['hotel-dir', 100, 0],
      ['india', 96.9, 0],
      ['foxtrot', 93.8, 0],
      ['echo', 75, 0],
      ['golf', 75, 1],
      ['bravo', 59.4, 0],
      ['charlie', 56.3, 1],
      ['delta', 25, 0],
    ]);
  });

  it('counts projects per tier (least demanding first) and per level (least ready first)', async () => {
    const p = await known();
    expect(p.tiers).toEqual([
      { id: 'low', title: 'Low', projects: 6, levels: { prototype: 2, pilot: 1, ready: 3 } },
      { id: 'high', title: 'High', projects: 3, levels: { prototype: 1, pilot: 1, ready: 1 } },
    ]);
    expect(p.levels).toEqual([
      { id: 'prototype', title: 'Prototype', projects: 3 },
      { id: 'pilot', title: 'Pilot', projects: 2 },
      { id: 'ready', title: 'Ready', projects: 4 },
    ]);
  });

  it('tallies the weakest area; a project with full marks everywhere has none', async () => {
    const p = await known();
    expect(p.areas.map((a) => [a.id, a.weakestIn])).toEqual([
      ['data', 4],
      ['tech', 3],
    ]);
    const weakest = Object.fromEntries(p.projects.map((x) => [x.name, x.weakestArea?.id ?? null]));
    expect(weakest).toEqual({
      alpha: null,
      'hotel-dir': null,
      india: 'data',
      foxtrot: 'data',
      echo: 'tech',
      golf: 'data',
      bravo: 'tech',
      charlie: 'data',
      delta: 'tech',
    });
    // means of the area scores worked out in fixtures.ts
    expect(p.areas.find((a) => a.id === 'data')!.meanScore).toBe(Math.round(((100 + 87.5 + 0 + 100 + 100 + 75 + 0 + 100 + 87.5) / 9) * 10) / 10);
  });

  it('tallies blockers and gaps by question, counting projects', async () => {
    const p = await known();
    expect(p.blockers.map((t) => [t.question, t.projects])).toEqual([['owner', 2]]);
    expect(p.gaps.map((t) => [t.question, t.projects])).toEqual([
      ['quality', 5],
      ['owner', 2],
      ['tools', 2],
      ['serving', 1],
      ['latency', 1],
    ]);
    expect(p.blockers[0]).toMatchObject({ prompt: 'Who owns the data?', area: 'data' });
  });

  it('says in one sentence what holds the organisation back', async () => {
    const p = await known();
    expect(p.headline).toBe(
      'Data is the organisation\'s data-science bottleneck: the weakest area in 4 of 9 projects; the most common blocker is owner ("Who owns the data?"), in 2 projects.',
    );
    expect(p.comparison).toEqual({ rubrics: [{ id: 'mini', version: '1.0.0', title: 'Mini rubric', projects: 9 }], sharedQuestions: 5, sharedAreas: 2, note: null });
  });

  it('reports answered share, the assessment date and its age relative to now', async () => {
    const p = await known();
    const by = (name: string) => p.projects.find((x) => x.name === name)!;
    expect(by('delta')).toMatchObject({ answeredShare: 0.667, ageDays: 400 });
    expect(by('alpha')).toMatchObject({ answeredShare: 1, ageDays: 10, tier: { id: 'high', known: true } });
    // bravo's answers are dated: the assessment is as old as its newest answer, not the report
    expect(by('bravo')).toMatchObject({ assessedAt: '2026-10-29T00:00:00.000Z', ageDays: 30 });
    expect(by('charlie')).toMatchObject({ level: { id: 'prototype', cappedByBlockers: true }, ageDays: 0, areas: { data: 0, tech: 75 } });
    expect(by('hotel-dir').file).toBe('team-c/hotel-dir/readiness-report.json');
  });

  it('does not depend on the order the reports come in', async () => {
    const files = await portfolioReports();
    const forward = buildPortfolio(asInput(files), { now: NOW });
    const backward = buildPortfolio(asInput([...files].reverse()), { now: NOW });
    expect(backward.projects).toEqual(forward.projects);
    expect(backward.tiers).toEqual(forward.tiers);
    expect(backward.areas).toEqual(forward.areas);
    expect(backward.headline).toBe(forward.headline);
  });

  it('names two areas when they are tied as the weakest', async () => {
    const files = await portfolioReports();
    const p = buildPortfolio(asInput(files.filter((f) => !f.file.includes('india'))), { now: NOW });
    expect(p.areas.map((a) => a.weakestIn)).toEqual([3, 3]);
    expect(p.headline).toMatch(/^Data and Technology are the organisation's data-science bottleneck: each the weakest area in 3 of 8 projects;/);
  });

  it('names the most common gap when no project has a blocker', async () => {
    const rubric = await mini();
    const report = evaluate(rubric, answersOf(PROJECTS[1]!), { now: NOW, project: 'bravo' });
    const p = buildPortfolio([{ report, source: { file: 'b.json', fallbackName: 'x' } }], { now: NOW });
    expect(p.headline).toBe(
      'Technology is the organisation\'s data-science bottleneck: the weakest area in 1 of 1 project; no project has a blocker, and the most common gap is quality ("How is data quality checked?"), in 1 project.',
    );
  });
});

describe('reports made with different rubric versions', () => {
  const mixed = async (): Promise<Portfolio> => {
    const v1 = await portfolioReports();
    const v2 = (await portfolioReports(await miniV2())).map((f) => ({
      file: f.file.replace('readiness-report', 'v2'),
      report: { ...f.report, project: `${f.report.project ?? 'hotel'}-v2` },
    }));
    // v2 projects answer the new question with a blocker, which is not shared, so not tallied
    for (const f of v2) f.report.blockers.push({ question: 'runbook', area: 'org', option: 'nobody', label: 'Nobody yet' });
    return buildPortfolio(asInput([...v1, ...v2.slice(0, 3)]), { now: NOW });
  };

  it('says which versions were compared and on how many shared questions', async () => {
    const p = await mixed();
    expect(p.comparison.rubrics.map((r) => [r.version, r.projects])).toEqual([
      ['1.0.0', 9],
      ['2.0.0', 3],
    ]);
    expect(p.comparison.sharedQuestions).toBe(4);
    expect(p.comparison.note).toBe(
      'Reports were made with 2 rubric versions: mini 1.0.0 (9 projects), mini 2.0.0 (3 projects). Blockers and gaps are compared on the 4 questions they share (of 6 seen), areas on the 2 areas they share.',
    );
  });

  it('tallies only shared questions and areas', async () => {
    const p = await mixed();
    expect(p.areas.map((a) => a.id)).toEqual(['data', 'tech']);
    expect(p.blockers.map((t) => t.question)).toEqual(['owner']);
    expect(p.gaps.map((t) => t.question)).not.toContain('latency');
    expect(p.gaps.map((t) => t.question)).not.toContain('runbook');
    for (const x of p.projects) expect(Object.keys(x.areas)).toEqual(['data', 'tech']);
  });

  it('compares different rubric ids the same way', async () => {
    const other = { ...(await miniV2()), id: 'acme', version: '1.0.0' };
    // another project: two reports of one project count once, whatever their rubrics
    const acme = (await portfolioReports(other)).slice(0, 1).map((f) => ({ ...f, report: { ...f.report, project: 'alpha-at-acme' } }));
    const files = [...(await portfolioReports()).slice(0, 2), ...acme];
    const p = buildPortfolio(asInput(files), { now: NOW });
    expect(p.comparison.rubrics.map((r) => `${r.id}@${r.version}`)).toEqual(['acme@1.0.0', 'mini@1.0.0']);
    expect(p.comparison.note).toContain('on the 4 questions they share');
  });
});

describe('reportProblem', () => {
  const valid = async () => JSON.parse(JSON.stringify((await portfolioReports())[0]!.report)) as Record<string, unknown>;
  const cases: [string, (r: Record<string, unknown>) => unknown, string | RegExp][] = [
    ['an array', () => [], 'not a ready report (expected a JSON object)'],
    ['a package.json', () => ({ name: 'x', version: '1.0.0' }), 'not a ready report (no schemaVersion)'],
    ['a future schema', (r) => ({ ...r, schemaVersion: 2 }), 'report schemaVersion 2 is not supported (expected 1)'],
    ['a portfolio', () => ({ kind: 'portfolio', schemaVersion: 1 }), 'is a portfolio, not a project report'],
    ['a score as text', (r) => ({ ...r, score: '80' }), 'score: expected a number'],
    ['no rubric version', (r) => ({ ...r, rubric: { id: 'x' } }), 'rubric: expected an object with id and version'],
    ['a project number', (r) => ({ ...r, project: 7 }), 'project: expected a string'],
    ['an area without score', (r) => ({ ...r, areas: [{ id: 'a', title: 'A' }] }), 'areas[0].score: expected a number from 0 to 100, or null'],
    ['a question without id', (r) => ({ ...r, questions: [{ ...(r.questions as object[])[0], id: 3 }] }), 'questions[0].id: expected a string'],
    ['a blocker without question', (r) => ({ ...r, blockers: [{}] }), 'blockers[0].question: expected a question id'],
    ['no summary', (r) => ({ ...r, summary: undefined }), /^summary: expected/],
  ];
  it.each(cases)('rejects %s', async (_, make, message) => {
    const problem = reportProblem(make(await valid()));
    if (typeof message === 'string') expect(problem).toBe(message);
    else expect(problem).toMatch(message);
  });

  it('accepts a report the core made, and one made before reports carried level bands', async () => {
    const r = await valid();
    expect(reportProblem(r)).toBeNull();
    const { levels: _, ...older } = r;
    expect(reportProblem(older)).toBeNull();
    const p = buildPortfolio([{ report: older as unknown as Report, source: { file: 'o.json', fallbackName: 'o' } }], { now: NOW });
    expect(p.levels.map((l) => l.id)).toEqual(['ready']);
  });
});
