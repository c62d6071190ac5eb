// argv -> the options each command receives, with the commands replaced by recorders (as
// changesets tests its CLI): the wiring of every flag, default and choice, without a process.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, type CommandLoaders } from '../../src/cli.js';

type Call = { command: string; args: unknown[] };

function recorders(calls: Call[]): CommandLoaders {
  const rec =
    (command: string) =>
    async (...args: unknown[]) => {
      calls.push({ command, args });
    };
  return {
    init: async () => ({ init: rec('init') }),
    assess: async () => ({ assess: rec('assess') }),
    check: async () => ({ check: rec('check') }),
    report: async () => ({ report: rec('report') }),
    scan: async () => ({ scan: rec('scan') }),
    diff: async () => ({ diff: rec('diff') }),
    portfolio: async () => ({ portfolio: rec('portfolio') }),
    rubric: async () => ({ validate: rec('rubric validate'), schema: rec('rubric schema'), list: rec('rubric list'), show: rec('rubric show') }),
    status: async () => ({ status: rec('status') }),
    history: async () => ({ history: rec('history') }),
  };
}

/** Runs `ready ARGV` in-process; what the command got, the exit code and stderr. */
async function run(argv: string[]): Promise<{ calls: Call[]; code: number; stderr: string; stdout: string }> {
  const calls: Call[] = [];
  let stderr = '';
  let stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  process.exitCode = undefined;
  await main(argv, recorders(calls));
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  vi.restoreAllMocks();
  return { calls, code, stderr, stdout };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

// [argv, command, the arguments it receives (options last, compared as a subset)]
const TABLE: [string[], string, unknown[]][] = [
  [['init'], 'init', [{ file: 'readiness.yaml', rubric: 'builtin:default' }]],
  [['init', '--ci', 'github', '--force', '-f', 'ml/r.yaml'], 'init', [{ ci: 'github', force: true, file: 'ml/r.yaml' }]],
  // without --file, the commands look for readiness.yaml upward themselves
  [['assess'], 'assess', [{}]],
  [['assess', '--area', 'data', '--area', 'humans', '--role', 'legal-privacy', '--only-unanswered', '--by', 'Sam Lee'], 'assess', [{ area: ['data', 'humans'], role: ['legal-privacy'], onlyUnanswered: true, by: 'Sam Lee' }]],
  [['check'], 'check', [{ format: 'text', evidence: true }]],
  [['check', '--baseline-ref', 'origin/main'], 'check', [{ baselineRef: 'origin/main' }]],
  [['report', '--baseline-ref', 'auto', '-f', 'ml/readiness.yaml'], 'report', [{ baselineRef: 'auto', file: 'ml/readiness.yaml' }]],
  [['status'], 'status', [{ format: 'text', evidence: true }]],
  [['status', '--role', 'legal-privacy', '--role', 'it-operations', '--format', 'markdown', '-o', 's.md', '--no-evidence'], 'status', [{ role: ['legal-privacy', 'it-operations'], format: 'markdown', output: 's.md', evidence: false }]],
  [['history'], 'history', [{ format: 'text' }]],
  [['history', '--format', 'html', '-o', 'h.html', '--file', 'ml/readiness.yaml'], 'history', [{ format: 'html', output: 'h.html', file: 'ml/readiness.yaml' }]],
  [['diff', 'a.json', 'b.json', '--format', 'json'], 'diff', ['a.json', 'b.json', { format: 'json' }]],
  [['check', '--no-evidence', '--format', 'sarif', '-o', 'r.sarif'], 'check', [{ evidence: false, format: 'sarif', output: 'r.sarif' }]],
  [['check', '--min-score', '70', '--min-area', 'data=60', '--min-area', 'humans=50:warn', '--max-age-days', '180:warn'], 'check', [{ minScore: '70', minArea: ['data=60', 'humans=50:warn'], maxAgeDays: '180:warn' }]],
  [['check', '--min-question', 'legal-basis=1', '--min-question', 'operator=0.7:warn'], 'check', [{ minQuestion: ['legal-basis=1', 'operator=0.7:warn'] }]],
  [['report', '--min-question', 'legal-basis=0.5', '--min-area', 'data=60'], 'report', [{ minQuestion: ['legal-basis=0.5'], minArea: ['data=60'] }]],
  [['check', '--max-blockers', '1', '--max-unanswered', '3', '--max-contradictions', '0'], 'check', [{ maxBlockers: '1', maxUnanswered: '3', maxContradictions: '0' }]],
  [['check', '--fail-on', 'blockers', '--fail-on', 'contradictions'], 'check', [{ failOn: ['blockers', 'contradictions'] }]],
  [['check', '--baseline', 'main.json', '--project', 'churn', '--rubric', 'acme.yaml', '--example'], 'check', [{ baseline: 'main.json', project: 'churn', rubric: 'acme.yaml', example: true }]],
  [['report'], 'report', [{ format: 'text', evidence: true }]],
  [['report', '--format', 'badge', '-o', 'r.svg', '--fail-on', 'unanswered'], 'report', [{ format: 'badge', output: 'r.svg', failOn: ['unanswered'] }]],
  [['scan'], 'scan', [{ format: 'text' }]],
  [['scan', '--root', '../api', '--format', 'json', '--rubric', 'builtin:ml-test-score'], 'scan', [{ root: '../api', format: 'json', rubric: 'builtin:ml-test-score' }]],
  [['diff', 'a.json', 'b.json'], 'diff', ['a.json', 'b.json', { format: 'text' }]],
  [['diff', 'a.json', 'b.json', '--format', 'markdown', '-o', 'd.md'], 'diff', ['a.json', 'b.json', { format: 'markdown', output: 'd.md' }]],
  [['portfolio', 'reports/', 'x/*.json'], 'portfolio', [['reports/', 'x/*.json'], { format: 'text' }]],
  [['portfolio', 'r/', '--format', 'html', '-o', 'p.html'], 'portfolio', [['r/'], { format: 'html', output: 'p.html' }]],
  [['rubric', 'validate'], 'rubric validate', [undefined]],
  [['rubric', 'validate', 'acme.yaml'], 'rubric validate', ['acme.yaml']],
  [['rubric', 'schema', '--for', 'readiness'], 'rubric schema', [{ for: 'readiness' }]],
  [['rubric', 'list', '--format', 'json'], 'rubric list', [{ format: 'json', file: 'readiness.yaml' }]],
  [['rubric', 'show', 'ml-test-score', '--format', 'yaml'], 'rubric show', ['ml-test-score', { format: 'yaml', file: 'readiness.yaml' }]],
  [['--debug', 'check'], 'check', [{ format: 'text' }]],
];

describe('argv to options', () => {
  it.each(TABLE)('ready %j calls %s', async (argv, command, expected) => {
    const r = await run(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]!.command).toBe(command);
    const args = r.calls[0]!.args.slice(0, expected.length);
    expected.forEach((want, i) => (want !== null && typeof want === 'object' && !Array.isArray(want) ? expect(args[i]).toMatchObject(want) : expect(args[i]).toEqual(want)));
  });

  it.each(['assess', 'check', 'report', 'status', 'history'])('leaves --file unset for %s without -f, so that the command looks for readiness.yaml upward', async (command) => {
    const r = await run([command]);
    expect(r.calls[0]!.args[0]).not.toHaveProperty('file');
  });

  // [argv, what stderr must say]: refused before any command runs, with exit code 2
  const REFUSED: [string[], RegExp][] = [
    [['check', '--fail-on', 'unanswerd'], /"unanswerd" is not one of blockers, unanswered, contradictions \(did you mean "unanswered"\?\)/],
    [['check', '--format', 'pdf'], /argument 'pdf' is invalid\. Allowed choices are text, markdown, html, json, junit, badge, sarif, gitlab, github/],
    [['report', '--format', 'sarif'], /Allowed choices are text, markdown, html, json, junit, badge\./],
    [['diff', 'a.json'], /missing required argument 'new'/],
    [['portfolio'], /missing required argument 'paths'/],
    [['chek'], /unknown command 'chek'[\s\S]*Did you mean check\?/],
    [['check', '--min-scor', '7'], /unknown option '--min-scor'[\s\S]*Did you mean --min-score\?/],
    [['init', '--ci', 'jenkins'], /Allowed choices are github, gitlab/],
    [['rubric', 'schema', '--for', 'report'], /Allowed choices are rubric, readiness/],
  ];
  it.each(REFUSED)('refuses ready %j with exit 2', async (argv, message) => {
    const r = await run(argv);
    expect(r.calls).toEqual([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('prints help and the version with exit 0, running no command', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.calls).toEqual([]);
    // commands listed in the order a team meets them
    expect(help.stdout.match(/^  (\w+)/gm)?.map((s) => s.trim())).toEqual(['init', 'assess', 'check', 'report', 'status', 'history', 'scan', 'diff', 'portfolio', 'rubric', 'help']);
    const version = await run(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(version.code).toBe(0);
  });

  it('shows every gate term of the table as a flag of check and report', async () => {
    const { SCALAR_TERMS, KEYED_TERMS } = await import('../../src/core/gate-terms.js');
    for (const command of ['check', 'report']) {
      const help = (await run([command, '--help'])).stdout;
      for (const spec of [...Object.values(SCALAR_TERMS), ...Object.values(KEYED_TERMS)]) expect(help).toContain(spec.flag);
    }
  });

  it('hands an error of a command to the one error handler: exit 2, one line, no stack', async () => {
    const calls: Call[] = [];
    const loaders = recorders(calls);
    const { UsageError } = await import('../../src/errors.js');
    loaders.check = async () => ({
      check: async () => {
        throw new UsageError('--min-area: unknown area "dta" (areas: data, humans)');
      },
    });
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    await main(['check'], loaders);
    expect(process.exitCode).toBe(2);
    expect(stderr).toBe('ready: --min-area: unknown area "dta" (areas: data, humans)\n');
  });
});
