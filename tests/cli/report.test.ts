// `ready report` (and `ready check --format …`) run as a user would: the built binary, NO_COLOR set
// unless a test says otherwise, stdout and files checked, exit codes asserted.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLValidator } from 'fast-xml-parser';
import { marked, type Tokens } from 'marked';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';

const MINI = join(ROOT, 'tests/fixtures/rubrics/mini.yaml');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')));
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((d) => existsSync(join(ROOT, 'examples', d, 'readiness.yaml')));
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

/** High tier, a blocker and a hostile note: `ready check` fails this project. */
const FAILING = `project: "churn | <b>model</b>"
rubric: ./mini.yaml
answers:
  consumer: machines
  quality:
    choice: manual
    note: "a | b \`tick\` <script>alert(1)</script>\\nsecond line"
  owner: none
  tools: [ci]
  serving: api
`;

let failing: string;
beforeAll(() => {
  // readiness.yaml names a rubric inside its repository
  failing = tempProject({ 'readiness.yaml': FAILING, 'mini.yaml': readFileSync(MINI, 'utf8') });
});

describe('ready report', () => {
  it('prints the text report by default and exits 0 even when the gate fails', async () => {
    const check = await runCli(['check'], { cwd: failing });
    expect(check.code).toBe(1);
    const r = await runCli(['report'], { cwd: failing });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^churn \| <b>model<\/b> · Mini rubric 1\.0\.0 · \d{4}-\d\d-\d\d\n/);
    expect(r.stdout).toContain('Gate     FAILED');
    expect(r.stdout).toContain('Blockers (1)');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('fits 80 columns on the example project', async () => {
    const r = await runCli(['report', '--example']);
    expect(r.code).toBe(0);
    const widths = r.stdout.split('\n').map((l) => [...l].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
    expect(r.stdout.split('\n').length).toBeGreaterThan(30);
  });

  it('colours only when asked: not on a pipe, yes with FORCE_COLOR', async () => {
    expect((await runCli(['report', '--example'], { env: { NO_COLOR: undefined } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['report', '--example'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(['report', '--example', '--format', 'markdown'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it('writes markdown whose tables survive a hostile note', async () => {
    const r = await runCli(['report', '--format', 'markdown'], { cwd: failing });
    expect(r.code).toBe(0);
    const tables = marked.lexer(r.stdout).filter((t): t is Tokens.Table => t.type === 'table');
    const answers = tables.at(-1)!;
    expect(answers.rows).toHaveLength(5);
    expect(answers.rows.every((row) => row.length === 6)).toBe(true);
    expect(marked.parse(r.stdout)).not.toMatch(/<script|<b>/);
  });

  it('writes each format to a file with -o, and nothing to stdout', async () => {
    const dir = tempProject({ 'readiness.yaml': FAILING, 'mini.yaml': readFileSync(MINI, 'utf8') });
    const checks: Record<string, (text: string) => void> = {
      'report.md': (t) => expect(t).toMatch(/^# Readiness report: churn \\\| &lt;b&gt;model&lt;\/b&gt;\n/),
      'report.html': (t) => {
        expect(t).toMatch(/^<!DOCTYPE html>/);
        expect(t).not.toMatch(/<script/);
        expect(t).toContain('<svg class="chart"');
      },
      'report.json': (t) => expect(validate(JSON.parse(t))).toBe(true),
      'report.xml': (t) => expect(XMLValidator.validate(t)).toBe(true),
      'badge.svg': (t) => expect(t).toMatch(/^<svg [^>]*aria-label="readiness: [\d.]+ prototype"/),
      'report.txt': (t) => expect(t).toContain('Remediation plan'),
    };
    const format: Record<string, string> = { md: 'markdown', html: 'html', json: 'json', xml: 'junit', svg: 'badge', txt: 'text' };
    for (const [file, check] of Object.entries(checks)) {
      const r = await runCli(['report', '--format', format[file.split('.')[1]!]!, '-o', file], { cwd: dir });
      expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
      check(readFileSync(join(dir, file), 'utf8'));
    }
    // the text file never holds colour, whatever the terminal
    const forced = await runCli(['report', '-o', 'forced.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'forced.txt'), 'utf8')).not.toMatch(ANSI);
  });

  it('applies the gate flags to the report it renders', async () => {
    const r = await runCli(['report', '--example', '--format', 'json', '--min-score', '99']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.gate.passed).toBe(false);
    expect(report.gate.failures[0]).toMatchObject({ term: 'minScore', threshold: 99, source: 'flags' });
  });

  it.each(EXAMPLES)('produces a JSON report of examples/%s that the published schema accepts', async (name) => {
    const r = await runCli(['report', '--format', 'json', '--file', join('examples', name, 'readiness.yaml')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
  });

  it.each([
    ['a missing readiness file', ['report', '--file', 'nope.yaml'], /^ready: nope\.yaml: no such readiness file/],
    ['an unknown format', ['report', '--example', '--format', 'pdf'], /argument 'pdf' is invalid/],
    ['an output in a missing directory', ['report', '--example', '-o', 'no/such/dir/report.md'], /^ready: no\/such\/dir\/report\.md: cannot write: /],
    ['a bad gate flag', ['report', '--example', '--min-score', 'lots'], /^ready: --min-score: expected a number/],
  ])('exits 2 on %s, with one line', async (_, args, message) => {
    const dir = tempProject();
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('ready check --format', () => {
  it.each([
    ['markdown', (t: string) => t.startsWith('# Readiness report: churn')],
    ['html', (t: string) => t.startsWith('<!DOCTYPE html>')],
    ['junit', (t: string) => XMLValidator.validate(t) === true],
    ['badge', (t: string) => t.startsWith('<svg ')],
  ])('%s renders like report and still gates (exit 1)', async (format, ok) => {
    const r = await runCli(['check', '--format', format], { cwd: failing });
    expect(r.code).toBe(1);
    expect(ok(r.stdout)).toBe(true);
  });
});
