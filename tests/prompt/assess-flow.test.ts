// `ready assess` end to end minus the terminal: the real loader, writer, evaluation and summary,
// with a scripted user. The mini rubric: tier question `consumer` (humans -> low, machines -> high);
// data: quality (role ds), owner (may be "not applicable"); tech: tools (multiple choice), serving
// (high tier only), latency (only when serving=api).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runAssess, type AssessOptions } from '../../src/commands/assess.js';
import { schemaComment } from '../../src/write/schema-ref.js';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { InputError, UsageError } from '../../src/errors.js';
import type { Suggestions } from '../../src/prompt/run-questionnaire.js';
import type { Rubric } from '../../src/core/rubric-schema.js';
import { FIXTURES, NOW } from '../helpers/rubric.js';
import { tempProject } from '../helpers/cli.js';
import { act, answer, interrupt, ScriptedPrompter, type Move } from './scripted-prompter.js';

// readiness.yaml may only name a rubric inside its repository: every session's folder sits in one
// repository that also holds the mini rubric
const REPO = mkdtempSync(join(tmpdir(), 'ready-assess-repo-'));
mkdirSync(join(REPO, '.git'));
const MINI = join(REPO, 'mini.yaml');
copyFileSync(join(FIXTURES, 'rubrics/mini.yaml'), MINI);
afterAll(() => rmSync(REPO, { recursive: true, force: true }));

async function session(moves: Move[], opts: AssessOptions & { files?: Record<string, string>; suggest?: Suggestions; noUser?: boolean } = {}) {
  const dir = tempProject(opts.files ?? {}, REPO);
  const rubric = opts.rubric === undefined ? MINI : opts.files?.[opts.rubric] !== undefined ? join(dir, opts.rubric) : opts.rubric;
  const file = join(dir, 'readiness.yaml');
  const prompter = new ScriptedPrompter(moves);
  let out = '';
  let err = '';
  const code = await runAssess(
    { ...opts, rubric, file },
    {
      prompter,
      out: (t) => (out += t),
      err: (t) => (err += t),
      color: false,
      now: () => NOW,
      whoAmI: async () => (opts.noUser ? undefined : 'Tester'),
      ...(opts.suggest && { suggest: async (_root: string, _rubric: Rubric) => opts.suggest! }),
    },
  );
  expect(prompter.remaining, 'the whole script was played').toBe(0);
  const saved = existsSync(file) ? (await loadReadiness(file)).answers : undefined;
  const choices = saved && Object.fromEntries(Object.entries(saved).map(([id, a]) => [id, a.choice ?? a.notApplicable]));
  return { code, out, err, file, dir, prompter, saved, choices, text: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
}

const readinessWith = (answersYaml: string) => `rubric: ${MINI}\nanswers:\n${answersYaml}`;

describe('ready assess (scripted)', () => {
  it('asks the tier first, names the tier, then asks area by area and saves everything', async () => {
    const s = await session([answer('consumer', 'humans'), answer('quality', 'manual'), answer('owner', 'named'), answer('tools', 'ci', 'docker')]);
    expect(s.code).toBe(0);
    expect(s.prompter.views.map((v) => `${v.id} (${v.progress})`)).toEqual(['consumer (Tier · 1 of 1)', 'quality (Data · 1 of 2)', 'owner (Data · 2 of 2)', 'tools (Technology · 1 of 1)']);
    expect(s.prompter.said).toEqual(['Tier: Low. People read it.']);
    expect(s.choices).toEqual({ consumer: ['humans'], quality: ['manual'], owner: ['named'], tools: ['ci', 'docker'] });
    expect(s.saved!.quality).toMatchObject({ by: 'Tester', at: NOW });
    expect(s.text).toContain('    choice: [ci, docker]');
    // the same schema line `ready init` writes, for editor completion
    expect(s.text!.split('\n')[0]).toBe(schemaComment('readiness', s.file));
    // the summary `ready check` prints, and where the answers went
    expect(s.out).toContain('Score');
    expect(s.out).toContain('Gate');
    expect(s.out.trimEnd().split('\n').at(-1)).toBe(`Answers saved to ${s.file}.`);
  });

  it('offers the options with "don\'t know", and a multiple-choice question as such', async () => {
    const s = await session([answer('consumer', 'humans'), answer('quality', 'dont-know'), act('owner', 'skip'), answer('tools', 'dont-know')]);
    const [tier, quality, , tools] = s.prompter.views;
    expect(tier!.options.map((o) => o.value)).toEqual(['humans', 'machines']);
    expect(quality!.options.map((o) => o.label)).toEqual(['Automated checks', 'By hand', 'Not checked', "Don't know"]);
    expect(quality!.multiple).toBe(false);
    expect(tools).toMatchObject({ multiple: true, exclusive: 'dont-know' });
    expect(s.choices).toEqual({ consumer: ['humans'], quality: ['dont-know'], tools: ['dont-know'] });
  });

  it('skips questions whose tier or `when` condition rules them out', async () => {
    const api = await session([
      answer('consumer', 'machines'),
      act('quality', 'skip'),
      act('owner', 'skip'),
      answer('tools', 'ci'),
      answer('serving', 'api'),
      answer('latency', 'yes'),
    ]);
    expect(api.prompter.said).toEqual(['Tier: High. Software uses it.']);
    expect(api.prompter.views.at(-1)!.progress).toBe('Technology · 3 of 3');
    const file = await session([answer('consumer', 'machines'), act('quality', 'skip'), act('owner', 'skip'), answer('tools', 'ci'), answer('serving', 'file')]);
    expect(file.prompter.asked).not.toContain('latency');
    expect(file.choices).toEqual({ consumer: ['machines'], tools: ['ci'], serving: ['file'] });
  });

  it('goes back to the previous question, with the answer given as the default, and re-plans', async () => {
    const s = await session([
      answer('consumer', 'humans'),
      answer('quality', 'manual'),
      act('owner', 'back'),
      answer('quality', 'automated'),
      act('owner', 'back'),
      act('quality', 'back'),
      answer('consumer', 'machines'),
      answer('quality', 'automated'),
      answer('owner', 'named'),
      answer('tools', 'ci'),
      answer('serving', 'file'),
    ]);
    const views = s.prompter.views;
    expect(views[0]!.actions).not.toContain('back');
    expect(views[3]).toMatchObject({ id: 'quality', defaults: ['manual'] });
    expect(views[3]!.options[1]!.label).toBe('By hand (current answer)');
    expect(views[6]).toMatchObject({ id: 'consumer', defaults: ['humans'] });
    // the tier changed on the way back: it is named again, and serving now applies
    expect(s.prompter.said).toEqual(['Tier: Low. People read it.', 'Tier: High. Software uses it.']);
    expect(s.choices).toEqual({ consumer: ['machines'], quality: ['automated'], owner: ['named'], tools: ['ci'], serving: ['file'] });
  });

  it('shows help and keeps notes, saving a note as soon as it is written', async () => {
    const withHelp = readFileSync(MINI, 'utf8').replace('    prompt: How is data quality checked?\n', '    prompt: How is data quality checked?\n    help: Automated means checks that run with every load.\n');
    const s = await session(
      [
        answer('consumer', 'humans'),
        act('quality', 'help'),
        act('quality', 'note', 'Great Expectations, nightly.'),
        answer('quality', 'automated'),
        act('owner', 'back'),
        act('quality', 'note', 'Great Expectations, every load.'),
        act('quality', 'stop'),
      ],
      { files: { 'rubric.yaml': withHelp }, rubric: 'rubric.yaml', noUser: true },
    );
    expect(s.code).toBe(0);
    expect(s.prompter.views[1]!.actions).toEqual(['help', 'note', 'back', 'skip', 'stop']);
    expect(s.prompter.views[0]!.actions).toEqual(['note', 'skip', 'stop']);
    expect(s.prompter.said).toContain('Automated means checks that run with every load.');
    expect(s.prompter.textInitials).toEqual([undefined, 'Great Expectations, nightly.']);
    expect(s.saved!.quality).toEqual(expect.objectContaining({ choice: ['automated'], note: 'Great Expectations, every load.', at: NOW }));
    expect(s.saved!.quality!.by).toBeUndefined();
    expect(s.text).toMatch(/^rubric: rubric\.yaml$/m);
    expect(s.out.trimEnd().split('\n').at(-1)).toBe(`Answers saved to ${s.file}; run \`ready assess\` to resume.`);
  });

  it('saves a note even when the question is then skipped, and removes an emptied one', async () => {
    const s = await session([answer('consumer', 'humans'), act('quality', 'note', 'Ask Ana.'), act('quality', 'skip'), act('owner', 'back'), act('quality', 'note', ''), act('quality', 'stop')]);
    expect(s.saved!.quality).toBeUndefined();
    expect(s.text).not.toContain('Ask Ana.');
    const kept = await session([answer('consumer', 'humans'), act('quality', 'note', 'Ask Ana.'), act('quality', 'skip'), act('owner', 'stop')]);
    expect(kept.saved!.quality).toEqual(expect.objectContaining({ note: 'Ask Ana.' }));
    expect(kept.saved!.quality!.choice).toBeUndefined();
  });

  it('records "not applicable" with its reason where the rubric allows it', async () => {
    const s = await session([answer('consumer', 'humans'), act('quality', 'skip'), act('owner', 'not-applicable', 'The vendor owns the data.'), act('tools', 'stop')]);
    expect(s.prompter.views[1]!.actions).not.toContain('not-applicable');
    expect(s.choices).toEqual({ consumer: ['humans'], owner: 'The vendor owns the data.' });
  });

  it('leaves every earlier answer on disk when interrupted, and says how to resume', async () => {
    const s = await session([answer('consumer', 'machines'), answer('quality', 'manual'), interrupt('owner')]);
    expect(s.code).toBe(130);
    expect(s.err).toBe(`Answers saved to ${s.file}; run \`ready assess\` to resume.\n`);
    expect(s.out).toBe('');
    expect(s.choices).toEqual({ consumer: ['machines'], quality: ['manual'] });
  });

  it('writes no file when interrupted before the first answer', async () => {
    const s = await session([interrupt('consumer')]);
    expect(s.code).toBe(130);
    expect(existsSync(s.file)).toBe(false);
    expect(s.err).toMatch(/^Nothing answered yet, so \S+ was not written; run `ready assess` to start\.\n$/);
  });

  it('resumes at the first open question, with saved answers as defaults', async () => {
    const files = { 'readiness.yaml': readinessWith('  consumer: humans\n  quality: manual  # from the workshop\n') };
    const s = await session([answer('owner', 'named'), act('tools', 'back'), act('owner', 'back'), answer('quality', 'manual'), answer('owner', 'named'), answer('tools', 'ci')], { files });
    expect(s.prompter.said[0]).toBe('Resuming: 2 of 4 questions answered. Starting at the first open one; choose Back to revisit earlier answers.');
    expect(s.prompter.views[3]).toMatchObject({ id: 'quality', defaults: ['manual'], progress: 'Data · 1 of 2' });
    expect(s.choices).toEqual({ consumer: ['humans'], quality: ['manual'], owner: ['named'], tools: ['ci'] });
    expect(s.text).toContain('    choice: manual  # from the workshop\n');
  });

  it('walks everything from the top for review when all is answered', async () => {
    const files = { 'readiness.yaml': readinessWith('  consumer: humans\n  quality: manual\n  owner: named\n  tools: [ci]\n') };
    const s = await session([answer('consumer', 'humans'), act('quality', 'stop')], { files });
    expect(s.prompter.said[0]).toMatch(/^All 4 questions are answered/);
    expect(s.prompter.views[0]!.defaults).toEqual(['humans']);
  });

  it('narrows to --area, --role and --only-unanswered', async () => {
    const files = { 'readiness.yaml': readinessWith('  consumer: machines\n  quality: manual\n') };
    const area = await session([answer('tools', 'ci'), answer('serving', 'file')], { files, area: ['tech'] });
    // latency counts while serving is open; answering serving=file drops it
    expect(area.prompter.views.map((v) => v.progress)).toEqual(['Technology · 1 of 3', 'Technology · 2 of 3']);
    const role = await session([answer('quality', 'automated')], { files, role: ['ds'] });
    expect(role.choices).toMatchObject({ quality: ['automated'] });
    const open = await session([answer('owner', 'named'), answer('tools', 'ci'), answer('serving', 'api'), answer('latency', 'no')], { files, onlyUnanswered: true });
    expect(open.prompter.asked).toEqual(['owner', 'tools', 'serving', 'latency']);
    expect(open.choices).toEqual({ consumer: ['machines'], quality: ['manual'], owner: ['named'], tools: ['ci'], serving: ['api'], latency: ['no'] });
  });

  it('says so when the narrowing leaves nothing to ask', async () => {
    const files = { 'readiness.yaml': readinessWith('  consumer: humans\n  quality: manual\n') };
    const s = await session([], { files, role: ['ds'], onlyUnanswered: true });
    expect(s.prompter.said).toEqual(['No question matches: nothing to ask.']);
    expect(s.code).toBe(0);
  });

  it('strips terminal control sequences from a note before saving it', async () => {
    const s = await session([answer('consumer', 'humans'), act('quality', 'note', '\u001b[2J\u001b]0;pwned\u0007Checked \u001b[31mby hand\u001b[0m'), act('quality', 'stop')]);
    expect(s.saved!.quality!.note).toBe('Checked by hand');
  });

  it('switches the file to --rubric with the first answer, so that `ready check` scores what was answered', async () => {
    const files = { 'readiness.yaml': '# ours\nrubric: builtin:default   # for now\nanswers:\n  consumer: humans\n' };
    const s = await session([answer('quality', 'manual'), act('owner', 'stop')], { files });
    expect(s.err).toBe(`ready: ${s.file} names rubric builtin:default; your first answer switches it to ${relative(s.dir, MINI)}\n`);
    expect(s.text).toBe(`# ours\nrubric: ${relative(s.dir, MINI)}   # for now\nanswers:\n  consumer: humans\n  quality:\n    choice: manual\n    by: Tester\n    at: ${NOW}\n`);
  });

  it('leaves the rubric alone when --rubric names the same one', async () => {
    const files = { 'readiness.yaml': `rubric: ./${'rubric.yaml'}\nanswers:\n  consumer: humans\n`, 'rubric.yaml': readFileSync(MINI, 'utf8') };
    const s = await session([answer('quality', 'manual'), act('owner', 'stop')], { files, rubric: 'rubric.yaml' });
    expect(s.err).toBe('');
    expect(s.text).toMatch(/^rubric: \.\/rubric\.yaml\n/);
  });

  it('moves an answer carried over from a replaced question to its new id when it is saved', async () => {
    const rubric = readFileSync(MINI, 'utf8').replace('  - id: owner\n', '  - id: owner\n    replaces: data-owner\n');
    const files = { 'rubric.yaml': rubric, 'readiness.yaml': 'rubric: rubric.yaml\nrubricVersion: 0.9.0\nanswers:\n  consumer: humans\n  quality: manual\n  data-owner: none   # asked in 0.9\n' };
    const s = await session([act('tools', 'back'), answer('owner', 'named'), answer('tools', 'ci')], { files, rubric: 'rubric.yaml' });
    expect(s.prompter.views[1]).toMatchObject({ id: 'owner', defaults: ['none'] });
    expect(s.text).toContain(`  owner:\n    choice: named   # asked in 0.9\n    by: Tester\n    at: ${NOW}\n`);
    expect(s.text).not.toContain('data-owner');
    expect(s.choices).toEqual({ consumer: ['humans'], quality: ['manual'], owner: ['named'], tools: ['ci'] });
  });

  it('refuses an unknown area or role, listing the valid ones', async () => {
    await expect(session([], { area: ['people'] })).rejects.toThrow(new UsageError('--area: unknown area "people" (areas: data, tech)'));
    await expect(session([], { role: ['dba'] })).rejects.toThrow(/--role: unknown role "dba" \(did you mean "ds"\?\) \(roles: ds\)/);
  });

  it('refuses a --file in a directory that does not exist before asking anything', async () => {
    const dir = tempProject({}, REPO);
    const prompter = new ScriptedPrompter([]);
    const io = { prompter, out: () => {}, err: () => {}, color: false, now: () => NOW, whoAmI: async () => undefined };
    await expect(runAssess({ file: join(dir, 'nope/readiness.yaml'), rubric: MINI }, io)).rejects.toThrow(new UsageError(`--file: ${join(dir, 'nope/readiness.yaml')}: directory ${join(dir, 'nope')} does not exist`));
    expect(prompter.views).toEqual([]);
  });

  it('never rewrites a readiness file it cannot read', async () => {
    const bad = readinessWith('  consumer: robots\n');
    const dir = tempProject({ 'readiness.yaml': bad }, REPO);
    const file = join(dir, 'readiness.yaml');
    const prompter = new ScriptedPrompter([]);
    const io = { prompter, out: () => {}, err: () => {}, color: false, now: () => NOW, whoAmI: async () => undefined };
    await expect(runAssess({ file }, io)).rejects.toThrow(InputError);
    await expect(runAssess({ file }, io)).rejects.toThrow(/readiness\.yaml:3 answers\.consumer: "consumer" has no option "robots"/);
    expect(readFileSync(file, 'utf8')).toBe(bad);
    writeFileSync(file, 'answers: [unclosed\n');
    await expect(runAssess({ file }, io)).rejects.toThrow(InputError);
    expect(readFileSync(file, 'utf8')).toBe('answers: [unclosed\n');
  });

  it('pre-selects what the evidence suggests, marked as such, unless an answer is saved', async () => {
    const suggest: Suggestions = { tools: { option: 'docker', choice: ['ci', 'docker'], because: ['Dockerfile', '.github/workflows/ci.yml'] }, quality: { option: 'automated', because: ['tests/data/'] } };
    const files = { 'readiness.yaml': readinessWith('  consumer: humans\n  quality: manual\n') };
    const s = await session([act('owner', 'back'), answer('quality', 'manual'), answer('owner', 'named'), answer('tools', 'ci', 'docker')], { files, suggest });
    const quality = s.prompter.views[1]!;
    expect(quality.defaults).toEqual(['manual']);
    expect(quality.options[0]!.label).toBe('Automated checks (suggested by evidence: tests/data/)');
    const tools = s.prompter.views[3]!;
    // a multiple-choice question gets every option the evidence supports
    expect(tools.defaults).toEqual(['ci', 'docker']);
    expect(tools.options.map((o) => o.label)).toEqual([
      'CI (suggested by evidence: Dockerfile, .github/workflows/ci.yml)',
      'Containers (suggested by evidence: Dockerfile, .github/workflows/ci.yml)',
      'Tests',
      "Don't know",
    ]);
    expect(s.choices!.tools).toEqual(['ci', 'docker']);
  });
});
