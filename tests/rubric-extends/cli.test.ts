// `ready rubric list|show|validate` and `ready check` across extends and rubric versions, through
// the built binary (npm test builds first), where built-in rubrics come precompiled as JSON.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, runWithModuleLog, tempProject } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/rubric.js';

const DIR = join(FIXTURES, 'rubrics/extends');
const compiled = (id: string) => JSON.parse(readFileSync(join(ROOT, 'dist/rubrics', `${id}.json`), 'utf8'));
const DEFAULT = compiled('default');
const ML = compiled('ml-test-score');

const ACME = [
  'extends: builtin:default',
  'id: acme',
  'version: 1.0.0',
  'title: Acme readiness',
  'areas:',
  '  - { id: compliance, title: Compliance, weight: 2 }',
  'questions:',
  '  - id: dpo-review',
  '    area: compliance',
  '    prompt: Has the data-protection officer signed off?',
  '    options: [{ id: "yes", label: "Yes", score: 1 }, { id: "no", label: "No", score: 0, blocker: true }]',
  '    remediation: { summary: Ask the DPO., steps: [Book a review.], effort: S }',
  '',
].join('\n');
const ACME_VERSION = `1.0.0+default.${DEFAULT.version}`;

describe('ready rubric list', () => {
  it('lists the built-in rubrics with version, question count and title', async () => {
    const r = await runCli(['rubric', 'list'], { cwd: tempProject() });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Built-in rubrics');
    expect(lines[1]).toMatch(new RegExp(`^ {4}default +${DEFAULT.version.replace(/\./g, '\\.')} +${DEFAULT.questions.length} questions  ${DEFAULT.title}$`));
    expect(lines[2]).toMatch(new RegExp(`^ {4}ml-test-score +2\\.0\\.0 +28 questions  ML Test Score \\(Breck et al\\., 2017\\)$`));
    expect(r.stdout).toContain('No readiness.yaml here: `ready assess` starts one with builtin:default.');
  });

  it('marks the built-in rubric readiness.yaml uses', async () => {
    const r = await runCli(['rubric', 'list'], { cwd: tempProject({ 'readiness.yaml': 'rubric: builtin:ml-test-score\nanswers: {}\n' }) });
    expect(r.stdout).toMatch(/^  \* ml-test-score /m);
    expect(r.stdout).toMatch(/^ {4}default /m);
    expect(r.stdout).toContain('In use by readiness.yaml: builtin:ml-test-score (marked *)');
  });

  it('describes a company rubric in use, with what it extends', async () => {
    const dir = tempProject({ 'rubrics/acme.yaml': ACME, 'readiness.yaml': 'rubric: rubrics/acme.yaml\n' });
    const r = await runCli(['rubric', 'list'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `In use by readiness.yaml: rubrics/acme.yaml\n  acme ${ACME_VERSION} · Acme readiness · ${DEFAULT.questions.length + 1} questions · extends builtin:default (default ${DEFAULT.version})\n`,
    );
  });

  it('still lists when the rubric in use is broken, and says why', async () => {
    const dir = tempProject({ 'readiness.yaml': 'rubric: ./gone.yaml\n' });
    const r = await runCli(['rubric', 'list'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/In use by readiness\.yaml: \.\/gone\.yaml \(cannot be loaded: .*gone\.yaml: no such rubric\)/);
  });

  it('prints JSON', async () => {
    const r = await runCli(['rubric', 'list', '--format', 'json'], { cwd: tempProject({ 'readiness.yaml': 'answers: {}\n' }) });
    const data = JSON.parse(r.stdout);
    expect(data.builtin.map((b: { id: string; inUse: boolean }) => [b.id, b.inUse])).toEqual([['default', true], ['ml-test-score', false]]);
    expect(data.builtin[1]).toMatchObject({ ref: 'builtin:ml-test-score', version: '2.0.0', questions: 28, areas: 4, aggregation: 'min' });
    expect(data.inUse).toMatchObject({ file: 'readiness.yaml', ref: 'builtin:default', rubric: { id: 'default', questions: DEFAULT.questions.length } });
  });
});

describe('ready rubric show', () => {
  it('prints an outline: areas > questions > options with scores', async () => {
    const r = await runCli(['rubric', 'show', 'ml-test-score'], { cwd: tempProject() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['ml-test-score 2.0.0 · ML Test Score (Breck et al., 2017)', 'from builtin:ml-test-score', 'aggregation min · 4 areas · 28 questions']);
    expect(r.stdout).toContain('\nData and features [data] weight 1 · 7 questions\n  feature-schema  Are the expected values');
    expect(r.stdout).toMatch(/\n {7}0  not-done +Not done\n {5}0\.5  manual +Done by hand, with the results documented and distributed to the team\n {7}1  automated +Automated and run repeatedly: on every change or on a schedule\n {7}0  dont-know +Don't know\n/);
    expect(r.stdout).toContain('Levels  Research project ≥0 · Serious gaps ≥7 · First pass ≥21 · Reasonably tested ≥35 · Strong ≥50 · Exceptional ≥78');
  });

  it('shows the merged company rubric, and by default the one readiness.yaml uses', async () => {
    const dir = tempProject({ 'acme.yaml': ACME, 'readiness.yaml': 'rubric: ./acme.yaml\n' });
    const r = await runCli(['rubric', 'show'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`acme ${ACME_VERSION} · Acme readiness\nfrom ./acme.yaml, which extends builtin:default (default ${DEFAULT.version})\n`);
    expect(r.stdout).toContain('Compliance [compliance] weight 2 · 1 question\n  dpo-review  Has the data-protection officer signed off?');
    expect(r.stdout).toMatch(/ {7}0  no +No  \(blocker\)/);
  });

  it('prints YAML with the schema line that `ready` reads back to the same rubric', async () => {
    const dir = tempProject({ 'acme.yaml': ACME });
    const json = await runCli(['rubric', 'show', 'acme.yaml', '--format', 'json'], { cwd: dir });
    const yaml = await runCli(['rubric', 'show', 'acme.yaml', '--format', 'yaml'], { cwd: dir });
    expect(yaml.code).toBe(0);
    expect(yaml.stdout.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/ready-cli@[\w.-]+\/schemas\/rubric\.schema\.json$/);
    expect(yaml.stdout).not.toContain('dont-know'); // added again on reading
    writeFileSync(join(dir, 'flat.yaml'), yaml.stdout);
    const again = await runCli(['rubric', 'show', 'flat.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(json.stdout));
    expect((await runCli(['rubric', 'validate', 'flat.yaml'], { cwd: dir })).stdout).toContain(`valid rubric acme@${ACME_VERSION}`);
  });

  it('prints the built-in default as JSON when nothing is named', async () => {
    const r = await runCli(['rubric', 'show', '--format', 'json'], { cwd: tempProject() });
    expect(JSON.parse(r.stdout)).toEqual(DEFAULT);
  });

  it('refuses an unknown rubric', async () => {
    const r = await runCli(['rubric', 'show', 'nope.yaml'], { cwd: tempProject() });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'ready: nope.yaml: no such rubric\n' });
  });
});

describe('ready rubric validate', () => {
  it('validates a rubric that extends the compiled built-in one', async () => {
    const r = await runCli(['rubric', 'validate', 'acme.yaml'], { cwd: tempProject({ 'acme.yaml': ACME }) });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`acme.yaml: valid rubric acme@${ACME_VERSION} (5 areas, ${DEFAULT.questions.length + 1} questions, ${DEFAULT.tierRules.length} tier rules), extends builtin:default (default ${DEFAULT.version})\n`);
  });

  it('validates a chain of three and names it', async () => {
    const r = await runCli(['rubric', 'validate', join(DIR, 'project.yaml')], { cwd: DIR });
    expect(r.stdout).toContain('valid rubric project@0.3.0+team.2.1.0+base.1.0.0 (3 areas, 3 questions, 2 tier rules), extends team.yaml (team 2.1.0), which extends base.yaml (base 1.0.0)');
  });

  it('validates the built-in rubrics from their YAML source', async () => {
    for (const id of ['default', 'ml-test-score']) {
      const r = await runCli(['rubric', 'validate', `builtin:${id}`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^builtin:${id}: valid rubric ${id}@`));
    }
  });

  it('points a problem in the compiled built-in parent at the line of its YAML source', async () => {
    const r = await runCli(['rubric', 'validate', 'rm.yaml'], { cwd: tempProject({ 'rm.yaml': 'extends: builtin:default\nid: rm\nversion: "1"\nremove:\n  areas: [technology]\n' }) });
    expect(r.code).toBe(2);
    const problems = r.stderr.trim().split('\n');
    const question = problems.map((l) => /^ready: (.*rubrics\/default\.yaml):(\d+) questions\[\d+\]\.area: unknown area "technology" .*\(as extended by rm\.yaml\)$/.exec(l)).find(Boolean);
    expect(question).toBeTruthy();
    expect(readFileSync(question![1]!, 'utf8').split('\n')[Number(question![2]) - 1]).toMatch(/area: technology/);
  });

  it.each([
    ['an extends cycle', 'cycle-a.yaml', /^ready: cycle-c\.yaml:4 extends: "extends" forms a cycle: .*cycle-a\.yaml -> cycle-b\.yaml -> cycle-c\.yaml -> cycle-a\.yaml\n$/],
    ['a missing parent', 'missing-parent.yaml', /^ready: .*missing-parent\.yaml:4 extends: no such rubric "\.\/no-such-base\.yaml"/],
    ['a bad score in the child', 'bad-child.yaml', /^ready: .*bad-child\.yaml:7 questions\[0\]\.options\[0\]\.score: must be between 0 and 1\n$/],
  ])('reports %s in one line, exit 2', async (_, file, message) => {
    const r = await runCli(['rubric', 'validate', join(DIR, file)], { cwd: DIR });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('ready check with a company rubric and rubric versions', () => {
  const answers = (rubric: { tierQuestions: { id: string; options: { id: string }[] }[] }) =>
    rubric.tierQuestions.map((q) => `  ${q.id}: ${q.options[0]!.id}`).join('\n');

  it('scores against a rubric extending the compiled built-in one', async () => {
    const dir = tempProject({ 'acme.yaml': ACME, 'readiness.yaml': `rubric: acme.yaml\nrubricVersion: ${ACME_VERSION}\nanswers:\n${answers(DEFAULT)}\n  dpo-review: "no"\n` });
    const r = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.rubric).toMatchObject({ id: 'acme', version: ACME_VERSION, answeredVersion: ACME_VERSION });
    expect(report.migration).toBeUndefined();
    expect(report.blockers).toEqual([expect.objectContaining({ question: 'dpo-review', option: 'no' })]);
  });

  it('says on stderr and in the report that the rubric moved on, and carries answers over', async () => {
    const v2 = readFileSync(join(DIR, 'base-v2.yaml'), 'utf8');
    const dir = tempProject({ 'rubric.yaml': v2, 'readiness.yaml': 'rubric: rubric.yaml\nrubricVersion: 1.0.0\nanswers:\n  consumer: humans\n  owner: named\n  serving: api\n' });
    const r = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe(
      [
        'ready: notice: readiness.yaml was answered against base 1.0.0; the rubric is now 2.0.0',
        'ready: notice:   carried over: owner -> data-owner (line 5)',
        'ready: notice:   not answered yet: quality, lineage (`ready assess --only-unanswered` asks them)',
        'ready: notice:   not scored, kept in the file: serving (line 6): the question is gone',
        '',
      ].join('\n'),
    );
    const report = JSON.parse(r.stdout);
    expect(report.rubric).toMatchObject({ version: '2.0.0', answeredVersion: '1.0.0' });
    expect(report.migration).toEqual({
      answeredVersion: '1.0.0',
      version: '2.0.0',
      added: ['quality', 'lineage'],
      removed: [{ id: 'serving', choice: ['api'], reason: 'question-removed', line: 6 }],
      carried: [{ from: 'owner', to: 'data-owner', line: 5 }],
    });
    expect(report.questions.find((q: { id: string }) => q.id === 'data-owner')).toMatchObject({ status: 'answered', choice: ['named'], line: 5 });
  });
});

describe('the built-in rubric stays on the fast path', () => {
  const chunksWith = (modules: string[], library: 'zod' | 'yaml') => modules.filter((l) => l.includes(` ${library}=true`)).map((l) => l.split(' ')[1]);

  it('loads neither zod nor the yaml package for a built-in rubric, and both for a user rubric', async () => {
    const builtin = tempProject({ 'readiness.yaml': `answers:\n${answers()}\n` });
    const user = tempProject({ 'acme.yaml': ACME, 'readiness.yaml': `rubric: acme.yaml\nanswers:\n${answers()}\n` });
    // the built-in rubric ships precompiled: neither library is needed to check it
    const fast = runWithModuleLog(['check'], { cwd: builtin });
    expect(fast.code).toBe(1);
    expect(fast.modules.length).toBeGreaterThan(0);
    expect(chunksWith(fast.modules, 'zod')).toEqual([]);
    expect(chunksWith(fast.modules, 'yaml')).toEqual([]);
    const slow = runWithModuleLog(['check'], { cwd: user });
    expect(chunksWith(slow.modules, 'zod')).not.toEqual([]);
    expect(chunksWith(slow.modules, 'yaml')).not.toEqual([]);
  });

  function answers() {
    return DEFAULT.tierQuestions.map((q: { id: string; options: { id: string }[] }) => `  ${q.id}: ${q.options[0]!.id}`).join('\n');
  }
});

describe('the ML Test Score rubric', () => {
  it('keeps the tier questions and rules of the default rubric', () => {
    const shape = (r: typeof DEFAULT) => ({
      tiers: r.tiers.map((t: { id: string }) => t.id),
      tierQuestions: r.tierQuestions.map((q: { id: string; options: { id: string }[] }) => [q.id, q.options.map((o) => o.id)]),
      tierRules: r.tierRules.map((rule: { when: unknown; tier: string }) => [rule.when, rule.tier]),
    });
    expect(shape(ML)).toEqual(shape(DEFAULT));
  });

  it('scores the weakest section, with half a point for a manual test', async () => {
    // per section: data all automated (7 points), model all by hand (3.5), infrastructure 4 of 7
    // automated, monitoring 3 of 7 automated (the weakest: 3 points). Scores are shown out of 100:
    // a section's points times 100/7.
    const bySection: Record<string, (n: number) => string> = {
      data: () => 'automated',
      model: () => 'manual',
      infrastructure: (n) => (n < 4 ? 'automated' : 'not-done'),
      monitoring: (n) => (n < 3 ? 'automated' : 'not-done'),
    };
    const seen: Record<string, number> = {};
    const lines = ML.questions.map((q: { id: string; area: string }) => `  ${q.id}: ${bySection[q.area]!((seen[q.area] = (seen[q.area] ?? -1) + 1))}`);
    const readiness = `rubric: builtin:ml-test-score\nanswers:\n  consumer: machines\n  frequency: batch\n${lines.join('\n')}\n`;
    const r = await runCli(['check', '--format', 'json'], { cwd: tempProject({ 'readiness.yaml': readiness }) });
    const report = JSON.parse(r.stdout);
    const points = (p: number) => Math.round((1000 * p) / 7) / 10;
    expect(report.areas.map((a: { id: string; score: number }) => [a.id, a.score])).toEqual([
      ['data', points(7)],
      ['model', points(3.5)],
      ['infrastructure', points(4)],
      ['monitoring', points(3)],
    ]);
    expect(report.score).toBe(points(3));
    expect(report.level.id).toBe('reasonably-tested'); // more than 2 and at most 3 points
    expect(report.tier.id).toBe('high');
    expect(r.code).toBe(1); // the high tier asks for more than 3 points in every section
  });
});
