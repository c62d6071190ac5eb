// The questionnaire's manners, with a scripted user: what is pre-selected, blockers marked, a
// contradicted answer confirmed on the spot, an empty "not applicable" refused, the opening screen
// counting what `ready check` counts, and --role/--by from readiness.yaml's respondents.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAssess, type AssessOptions, type EvidenceHelp } from '../../src/commands/assess.js';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { loadRubric } from '../../src/load/load-rubric.js';
import { evaluate } from '../../src/core/evaluate.js';
import { applicableCount, durationWords, respondentDefaults } from '../../src/core/questionnaire.js';
import { collapsedLine, optionLines } from '../../src/prompt/choice-prompt.js';
import { answers as answersOf, FIXTURES, NOW } from '../helpers/rubric.js';
import { tempProject } from '../helpers/cli.js';
import { act, answer, ScriptedPrompter, type Move } from './scripted-prompter.js';

// readiness.yaml may only name a rubric inside its repository: the sessions' folders sit in one
// repository that also holds the mini rubric
const REPO = mkdtempSync(join(tmpdir(), 'ready-assess-repo-'));
mkdirSync(join(REPO, '.git'));
const MINI = join(REPO, 'mini.yaml');
copyFileSync(join(FIXTURES, 'rubrics/mini.yaml'), MINI);
const dirs: string[] = [REPO];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function session(moves: Move[], opts: AssessOptions & { files?: Record<string, string>; help?: EvidenceHelp; confirms?: boolean[]; user?: string } = {}) {
  const dir = tempProject(opts.files ?? {}, REPO);
  dirs.push(dir);
  const file = join(dir, 'readiness.yaml');
  const prompter = new ScriptedPrompter(moves, opts.confirms);
  const code = await runAssess(
    { rubric: MINI, ...opts, file },
    {
      prompter,
      out: () => {},
      err: () => {},
      color: false,
      now: () => NOW,
      whoAmI: async () => opts.user,
      ...(opts.help && { scan: async () => opts.help! }),
    },
  );
  expect(prompter.remaining, 'the whole script was played').toBe(0);
  const saved = existsSync(file) ? (await loadReadiness(file)).answers : undefined;
  return { code, prompter, saved };
}

describe('what the questionnaire pre-selects and marks', () => {
  it('pre-selects nothing without a saved answer or a suggestion, and marks blocker options', async () => {
    const s = await session([answer('consumer', 'humans'), answer('quality', 'manual'), act('owner', 'stop')]);
    const owner = s.prompter.views.find((v) => v.id === 'owner')!;
    expect(owner.defaults).toEqual([]);
    expect(s.prompter.views.find((v) => v.id === 'quality')!.defaults).toEqual([]);
    expect(owner.options.filter((o) => o.blocker).map((o) => o.value)).toEqual(['none']);
    expect(owner.options.find((o) => o.value === 'named')!.blocker).toBeUndefined();
  });
});

describe('an answer the evidence contradicts', () => {
  const help: EvidenceHelp = {
    suggestions: {},
    contradicts: (id, choice) => (id === 'quality' && choice.includes('none') ? 'checks/quality.py shows automated data checks' : undefined),
  };

  it('is said at once with the finding; declining asks the question again', async () => {
    const s = await session([answer('consumer', 'humans'), answer('quality', 'none'), answer('quality', 'automated'), act('owner', 'stop')], { help, confirms: [false] });
    expect(s.prompter.said).toContain('The repository says otherwise: checks/quality.py shows automated data checks');
    expect(s.prompter.confirmed).toEqual([{ message: 'Keep this answer anyway?', reply: false }]);
    expect(s.saved!.quality!.choice).toEqual(['automated']);
  });

  it('is saved when the person confirms it', async () => {
    const s = await session([answer('consumer', 'humans'), answer('quality', 'none'), act('owner', 'stop')], { help, confirms: [true] });
    expect(s.saved!.quality!.choice).toEqual(['none']);
  });

  it('is not asked about when the evidence agrees', async () => {
    const s = await session([answer('consumer', 'humans'), answer('quality', 'automated'), act('owner', 'stop')], { help });
    expect(s.prompter.confirmed).toEqual([]);
  });
});

describe('"not applicable"', () => {
  it('refuses an empty reason with a message and leaves the question as it was', async () => {
    const s = await session([answer('consumer', 'humans'), act('quality', 'skip'), act('owner', 'not-applicable', '   '), act('owner', 'stop')]);
    expect(s.prompter.said).toContain('Not marked: "not applicable" needs a reason, so that a reviewer can judge it. Choose it again to give one.');
    expect(s.saved!.owner).toBeUndefined();
  });
});

describe('the opening screen', () => {
  it('says how many questions apply, counted as `ready check` counts them, and about how long', async () => {
    const s = await session([answer('consumer', 'machines'), act('quality', 'stop')]);
    expect(s.prompter.intros[0]).toContain('First one question decides the deployment tier, which decides which of the 5 questions apply.');
    const rubric = (await loadRubric(MINI)).rubric;
    const after = answersOf({ consumer: 'machines' });
    const applicable = evaluate(rubric, after, { now: NOW }).summary.applicable;
    expect(applicableCount(rubric, after)).toBe(applicable);
    expect(s.prompter.intros[1]).toEqual([`${applicable} questions apply at this tier; ${applicable} open, ${durationWords(applicable)}.`]);
  });

  it('on a resumed file names the tier and why at once, and leaves "not applicable" out of the count as check does', async () => {
    const files = { 'readiness.yaml': `rubric: ${MINI}\nanswers:\n  consumer: humans\n  owner: { notApplicable: the data is public }\n` };
    const s = await session([act('quality', 'stop')], { files });
    const rubric = (await loadRubric(MINI)).rubric;
    const report = evaluate(rubric, (await loadReadiness(join(dirs.at(-1)!, 'readiness.yaml'))).answers, { now: NOW });
    expect(s.prompter.intros[0]).toContain('Tier: Low. People read it.');
    expect(report.summary.applicable).toBe(2);
    expect(s.prompter.intros[0]).toContain('2 questions apply at this tier (1 more marked not applicable); 2 open, about a minute.');
  });
});

describe('respondents', () => {
  const files = { 'readiness.yaml': `rubric: ${MINI}\nrespondents:\n  ds: [Dana Science]\nanswers:\n  consumer: humans\n` };

  it('narrow the session to the roles of the person at the keyboard, spelt as readiness.yaml spells them', async () => {
    const s = await session([answer('quality', 'manual')], { files, user: 'dana science' });
    expect(s.prompter.asked).toEqual(['quality']);
    expect(s.saved!.quality!.by).toBe('Dana Science');
    expect(s.prompter.intros[0]!.join('\n')).toContain("From readiness.yaml's respondents: questions for ds, the roles readiness.yaml names Dana Science a respondent of (--role to change).");
  });

  it('give --by for --role when the role has one respondent and the user is not recognised', async () => {
    const s = await session([answer('quality', 'manual')], { files, role: ['ds'] });
    expect(s.saved!.quality!.by).toBe('Dana Science');
  });

  it('never override the flags', () => {
    expect(respondentDefaults({ ds: ['Dana'] }, { roles: [], by: 'Sam' }, 'Dana')).toEqual({ roles: [], by: 'Sam' });
    expect(respondentDefaults({ ds: ['Dana'], it: ['@ivan'] }, { roles: ['it'] }, 'Dana')).toEqual({ roles: ['it'], by: 'Dana' });
    expect(respondentDefaults({ ds: ['Dana', 'Dan'] }, { roles: ['ds'] }, undefined)).toEqual({ roles: ['ds'] });
    expect(respondentDefaults({ it: ['@ivan'] }, { roles: [] }, 'ivan')).toMatchObject({ roles: ['it'], by: '@ivan' });
  });
});

describe('the terminal layout', () => {
  it('wraps an option under its own text, not under the cursor', () => {
    const lines = optionLines('❯ 2. ', 'Measured; several key fields are often missing or wrong and are repaired case by case', 40);
    expect(lines[0]!.startsWith('❯ 2. Measured;')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('     ') && !l.startsWith('      '))).toBe(true);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
  });

  it('collapses an answered question to one line that fits', () => {
    const line = collapsedLine('✔', 'Data · 2 of 9', 'What state are the fields the model depends on in?', 'Measured and acceptable at the source, validated by the owning system', 60);
    expect(line).not.toContain('\n');
    expect([...line].length).toBeLessThan(60);
    expect(line).toMatch(/^✔ Data · 2 of 9  What.*… › Measured.*…$/);
  });
});
