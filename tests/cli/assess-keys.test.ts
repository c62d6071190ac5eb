// `ready assess` in a real terminal (tmux): nothing chosen until the person chooses, blockers
// marked, actions as keys that never print as an answer, answered questions collapsed to one line,
// long options wrapped under themselves, the opening screen, and a contradiction said at once.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tempProject } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/rubric.js';
import { hasTmux, startReady, stopTmux } from '../helpers/tmux.js';

const dirs: string[] = [];
afterAll(() => {
  stopTmux();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const LONG = 'By hand, every week, by whoever has time, reading through a sample of the rows and fixing what looks wrong in place';
const rubric = readFileSync(join(FIXTURES, 'rubrics/mini.yaml'), 'utf8')
  .replace('        label: By hand\n', `        label: ${LONG}\n`)
  .replace(
    '    prompt: How is data quality checked?\n',
    '    prompt: How is data quality checked?\n    evidence:\n      - { kind: file, paths: [checks.py], description: data checks in code, supports: [automated], contradicts: [none] }\n',
  );

function project(files: Record<string, string> = {}): string {
  const dir = tempProject({ 'rubric.yaml': rubric, ...files });
  dirs.push(dir);
  return dir;
}

const answersIn = (dir: string) => (parse(readFileSync(join(dir, 'readiness.yaml'), 'utf8')) as { answers: Record<string, { choice?: string }> }).answers;

describe.skipIf(!hasTmux && !process.env.CI)('ready assess keys and layout in a terminal', () => {
  it('opens with the tier questions and the keys, and Enter alone never picks the first option', async () => {
    const dir = project();
    const run = startReady(dir, ['assess', '--rubric', 'rubric.yaml']);
    const opening = await run.waitFor(/^\? Tier · 1 of 1 /m);
    expect(opening).toMatch(/^First one question decides the deployment tier, which decides which of the 5 questions apply\.$/m);
    expect(opening).toMatch(/^Keys: .*h help, n note, b back, s skip, q stop/m);
    // nothing is pre-selected: no cursor on any option
    expect(opening).not.toMatch(/^❯/m);
    run.keys('Enter');
    await run.waitFor(/^Choose an option first: ↑↓ or its number, or s to skip\.$/m);
    run.keys('1', 'Enter');
    const data = await run.waitFor(/^\? Data · 1 of 2 /m);
    // the answered question is one line, with its answer after the prompt
    expect(data).toMatch(/^✔ Tier · 1 of 1  Who consumes the output\? › People$/m);
    expect(data).toMatch(/^Tier: Low\. People read it\.$/m);
    expect(data).toMatch(/^3 questions apply at this tier; 3 open, about 2 minutes\.$/m);
    run.keys('q');
    expect(await run.exitCode()).toBe(0);
  });

  it('marks blockers, wraps a long option under itself, and shows a skip as a skip, not as an answer', async () => {
    const dir = project();
    const run = startReady(dir, ['assess', '--rubric', 'rubric.yaml'], { columns: 70 });
    await run.waitFor(/^\? Tier · 1 of 1 /m);
    run.keys('1', 'Enter');
    const quality = await run.waitFor(/^\? Data · 1 of 2 /m);
    const lines = quality.split('\n');
    const first = lines.findIndex((l) => /^ {2}2\. By hand, every week/.test(l));
    expect(first).toBeGreaterThan(-1);
    // the continuation starts under the option's text, after "  2. "
    expect(lines[first + 1]).toMatch(/^ {5}\S/);
    expect(lines.every((l) => l.length <= 70)).toBe(true);
    run.keys('s');
    const owner = await run.waitFor(/^\? Data · 2 of 2 /m);
    expect(owner).toMatch(/^– Data · 1 of 2  How is data quality checked\? › \(skipped\)$/m);
    expect(owner).toMatch(/^ {2}2\. Nobody \[blocker\]$/m);
    run.keys('q');
    expect(await run.exitCode()).toBe(0);
    expect(answersIn(dir).quality).toBeUndefined();
  });

  it('says at once when an answer contradicts the evidence, and lets the person change it', async () => {
    const dir = project({ 'checks.py': 'assert df.notna().all().all()\n' });
    const run = startReady(dir, ['assess', '--rubric', 'rubric.yaml']);
    await run.waitFor(/^\? Tier · 1 of 1 /m);
    run.keys('1', 'Enter');
    await run.waitFor(/^\? Data · 1 of 2 /m);
    run.keys('3', 'Enter'); // "Not checked", though checks.py is there
    const said = await run.waitFor(/Keep this answer anyway\?/);
    expect(said).toMatch(/^The repository says otherwise: .*checks\.py/m);
    run.keys('n', 'Enter');
    const again = await run.waitFor(/\? Data · 1 of 2 [^\n]*\n(?:.*\n)*?.*\n\n?.*Enter confirms/);
    expect(again.split('\n').filter((l) => /^\? Data · 1 of 2 /.test(l)).length).toBeGreaterThanOrEqual(1);
    run.keys('1', 'Enter');
    await run.waitFor(/^\? Data · 2 of 2 /m);
    run.keys('q');
    expect(await run.exitCode()).toBe(0);
    expect(answersIn(dir).quality!.choice).toBe('automated');
  });

  it('refuses an empty reason for "not applicable" with a message', async () => {
    const dir = project();
    const run = startReady(dir, ['assess', '--rubric', 'rubric.yaml', '--area', 'data']);
    await run.waitFor(/^\? Tier · 1 of 1 /m);
    run.keys('1', 'Enter');
    await run.waitFor(/^\? Data · 1 of 2 /m);
    run.keys('s');
    await run.waitFor(/^\? Data · 2 of 2 /m);
    run.keys('a');
    await run.waitFor(/Why does this question not apply to the project\?/);
    run.keys('Enter');
    await run.waitFor(/^Not marked: "not applicable" needs a reason/m);
    run.keys('q');
    expect(await run.exitCode()).toBe(0);
    expect(answersIn(dir).owner).toBeUndefined();
  });
});
