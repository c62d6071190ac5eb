// ready check end to end: the paper's tiers from readiness.yaml, the JSON contract, the exit codes,
// and every command's help.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';

const readiness = (consumer: string, frequency: string) => `answers:\n  consumer: ${consumer}\n  frequency: ${frequency}\n`;

describe('ready check', () => {
  it.each([
    ['a one-off root-cause analysis read by engineers', 'humans', 'once', 'low'],
    ['a nightly sales forecast on a dashboard', 'humans', 'batch', 'medium'],
    ['a real-time IoT monitoring view', 'humans', 'streaming', 'medium'],
    ['a marketing-automation model feeding another system', 'machines', 'batch', 'high'],
  ])('classifies %s as %s/%s -> %s', async (_, consumer, frequency, tier) => {
    const dir = tempProject({ 'readiness.yaml': readiness(consumer, frequency) });
    const r = await runCli(['check', '--format', 'json', '--no-evidence'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).tier).toMatchObject({ id: tier, known: true });
  });

  it('prints the JSON contract', async () => {
    const dir = tempProject({ 'readiness.yaml': readiness('humans', 'batch') });
    const report = JSON.parse((await runCli(['check', '--format', 'json', '--no-evidence'], { cwd: dir })).stdout);
    expect(report).toMatchObject({ schemaVersion: 1, rubric: { id: 'default' }, tier: { id: 'medium' }, gate: { passed: false } });
    expect(typeof report.score).toBe('number');
    expect(report.level).toHaveProperty('id');
    expect(report.areas.map((a: { id: string }) => a.id)).toEqual(['data', 'humans', 'organization', 'technology']);
    expect(report.questions[0]).toEqual(expect.objectContaining({ id: expect.any(String), area: expect.any(String), choice: null, score: 0, status: 'unanswered' }));
    expect(Array.isArray(report.blockers) && Array.isArray(report.remediation) && Array.isArray(report.gate.failures)).toBe(true);
  });

  it('exits 0 when the gate passes, 1 when it fails, and the flags move the gate', async () => {
    const dir = tempProject({ 'readiness.yaml': readiness('humans', 'once') });
    expect((await runCli(['check', '--no-evidence'], { cwd: dir })).code).toBe(1); // nothing answered: below the low tier's minimum
    // flags override the rubric's default gate for the low tier (minScore 40, data and humans at
    // least 40, and floors for the legal questions)
    // every floor of the low gate, read from the compiled rubric
    const low = (JSON.parse(readFileSync(join(ROOT, 'dist/rubrics/default.json'), 'utf8')) as { gates: { low: { minQuestion: Record<string, number> } } }).gates.low.minQuestion;
    const floors = Object.keys(low).flatMap((q) => ['--min-question', `${q}=0`]);
    expect((await runCli(['check', '--no-evidence', '--min-score', '0', '--min-area', 'data=0', '--min-area', 'humans=0', ...floors], { cwd: dir })).code).toBe(0);
    const failed = await runCli(['check', '--no-evidence', '--min-score', '0', '--min-area', 'data=10', '--min-area', 'humans=0', ...floors], { cwd: dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/area "data" scores 0, below the minimum 10/);
    expect((await runCli(['check', '--example'])).code).toBe(0);
  });
});

describe('help', () => {
  it.each([['init'], ['assess'], ['check'], ['report'], ['scan'], ['diff'], ['portfolio'], ['rubric'], ['rubric', 'list'], ['rubric', 'show'], ['rubric', 'validate'], ['rubric', 'schema']])(
    'ready %s --help gives an example',
    async (...command) => {
      const r = await runCli([...command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ ready /);
    },
  );

  it('lists every command on one line each, and answers --version', async () => {
    const r = await runCli(['--help']);
    const lines = r.stdout.split('\n');
    for (const c of ['init', 'assess', 'check', 'report', 'scan', 'diff', 'portfolio', 'rubric']) {
      const line = lines.find((l) => l.startsWith(`  ${c} `));
      expect(line, c).toBeDefined();
      expect(lines[lines.indexOf(line!) + 1]!.startsWith('  ') && !lines[lines.indexOf(line!) + 1]!.startsWith('   ')).toBe(true);
    }
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
