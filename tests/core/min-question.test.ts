// minQuestion: a minimum per question on the 0..1 scale of the rubric's option scores. Which
// questions can fail it, what the failure says, where the threshold comes from, and how rubrics
// and readiness.yaml write it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluate } from '../../src/core/evaluate.js';
import { resolveGate, type GateInput } from '../../src/core/gate.js';
import type { Answers } from '../../src/core/answers.js';
import type { Gate, Rubric } from '../../src/core/rubric-schema.js';
import { prepareRubric } from '../../src/core/prepare-rubric.js';
import { mergeRubricDocuments } from '../../src/core/rubric-merge.js';
import { Readiness } from '../../src/core/readiness-schema.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import { findings } from '../../src/reporters/findings.js';
import { renderRubricOutline } from '../../src/reporters/rubric-outline.js';
import { answers, FIXTURES, mini, NOW } from '../helpers/rubric.js';

const rubric = await mini();
const rubricData = parse(readFileSync(join(FIXTURES, 'rubrics/mini.yaml'), 'utf8'));
const run = (a: Answers, gate: GateInput = {}, r: Rubric = rubric) => evaluate(r, a, { now: NOW, gate });
const failing = (a: Answers, minQuestion: NonNullable<Gate['minQuestion']>) =>
  run(a, { flags: { minQuestion } }).gate.failures.filter((f) => f.term === 'minQuestion').map((f) => [f.question, f.value]);

// low tier: quality 0.5, owner 1, tools [ci] 0.5; serving is asked at the high tier only, and
// latency's condition (serving: api) cannot hold when serving is not asked
const low = answers({ consumer: 'humans', quality: 'manual', owner: 'named', tools: ['ci'] });

describe('which questions fail their minimum', () => {
  // [what, answers, minimums, [question, score] of each failure]
  it.each<[string, Answers, NonNullable<Gate['minQuestion']>, [string, number][]]>([
    ['a score above its minimum', low, { quality: 0.4 }, []],
    ['a score at its minimum', low, { quality: 0.5 }, []],
    ['a score below its minimum', low, { quality: 0.6 }, [['quality', 0.5]]],
    ['full marks against a minimum of 1', low, { owner: 1 }, []],
    ['a multiple choice, summed', { ...low, tools: { choice: ['ci', 'docker'] } }, { tools: 1 }, []],
    ['a multiple choice below', low, { tools: 0.75 }, [['tools', 0.5]]],
    ['an unanswered question, which scores 0', answers({ consumer: 'humans' }), { tools: 0.1 }, [['tools', 0]]],
    ['"don\'t know", which scores 0', { ...low, quality: { choice: ['dont-know'] } }, { quality: 0.1 }, [['quality', 0]]],
    ['a minimum of 0, which nothing is below', answers({ consumer: 'humans' }), { tools: 0 }, []],
    ['not applicable, with a reason', { ...low, owner: { notApplicable: 'public data' } }, { owner: 1 }, []],
    ['a question not asked at this tier', low, { serving: 1 }, []],
    ['a question whose condition does not hold', low, { latency: 1 }, []],
    ['several, in the rubric\'s order', answers({ consumer: 'humans', quality: 'none' }), { tools: 1, quality: 1, owner: 0.5 }, [['quality', 0], ['owner', 0], ['tools', 0]]],
  ])('%s', (_, a, minQuestion, expected) => {
    expect(failing(a, minQuestion)).toEqual(expected);
  });

  it('counts a question once it applies: serving at the high tier', () => {
    const high = answers({ consumer: 'machines', quality: 'automated', owner: 'named', tools: ['ci', 'docker'], serving: 'file' });
    expect(failing(high, { serving: 1, latency: 1 })).toEqual([['serving', 0.5]]);
    expect(failing({ ...high, serving: { choice: ['api'] } }, { serving: 1, latency: 1 })).toEqual([['latency', 0]]);
  });

  it('fails the gate at level error, and only warns at level warn', () => {
    expect(run(low, { flags: { minQuestion: { quality: 0.6 } } }).gate.passed).toBe(false);
    const warned = run(low, { flags: { minQuestion: { quality: { value: 0.6, level: 'warn' } } } }).gate;
    expect(warned.passed).toBe(true);
    expect(warned.failures).toMatchObject([{ term: 'minQuestion', level: 'warn' }]);
  });
});

describe('what a failure says', () => {
  const dated: Answers = { ...low, quality: { choice: ['manual'], line: 7 } };

  it('names the question with its line and its score against the minimum, and where the minimum was set', () => {
    const r = run(dated, { readiness: { minQuestion: { quality: 0.6 } }, readinessLines: { 'minQuestion.quality': 4 } });
    expect(r.gate.failures).toEqual([
      {
        term: 'minQuestion',
        level: 'error',
        source: 'readiness',
        threshold: 0.6,
        value: 0.5,
        question: 'quality',
        questions: ['quality'],
        lines: [7],
        gateLine: 4,
        message: 'question "quality" (line 7) scores 0.5 of 1, below the minimum 0.6 (minQuestion, set in readiness.yaml line 4)',
      },
    ]);
  });

  it.each<[string, Answers, string, string]>([
    ['unanswered', answers({ consumer: 'humans' }), 'tools', 'question "tools" is unanswered, which scores 0 of 1, below the minimum 0.5 (minQuestion, set on the command line)'],
    ['"don\'t know"', { ...low, quality: { choice: ['dont-know'], line: 7 } }, 'quality', 'question "quality" (line 7) is answered "don\'t know", which scores 0 of 1, below the minimum 0.5 (minQuestion, set on the command line)'],
  ])('says why an %s question scores 0', (_, a, question, message) => {
    expect(run(a, { flags: { minQuestion: { [question]: 0.5 } } }).gate.failures.map((f) => f.message)).toEqual([message]);
  });

  it('compares on the rubric\'s scale without rounding errors: 0.7 against an option scored 0.7', () => {
    const { rubric: r } = prepareRubric({ ...rubricData, questions: rubricData.questions.map((q: { id: string; options: { id: string; score: number }[] }) => (q.id === 'quality' ? { ...q, options: q.options.map((o) => (o.id === 'manual' ? { ...o, score: 0.7 } : o)) } : q)) });
    expect(run(low, { flags: { minQuestion: { quality: 0.7 } } }, r!).gate.failures).toEqual([]);
    expect(run(low, { flags: { minQuestion: { quality: 0.71 } } }, r!).gate.failures.map((f) => f.value)).toEqual([0.7]);
  });

  it('becomes a MIN_QUESTION finding at the answer\'s line, or at the minimum\'s line when there is no answer', () => {
    const r = run(dated, { readiness: { minQuestion: { quality: 0.6 } }, readinessLines: { 'minQuestion.quality': 4 } });
    const unanswered = run(answers({ consumer: 'humans' }), { readiness: { minQuestion: { tools: 1 } }, readinessLines: { 'minQuestion.tools': 5 } });
    expect([...findings(r), ...findings(unanswered)].filter((f) => f.rule === 'minQuestion').map((f) => [f.code, f.title, f.line, f.key])).toEqual([
      ['MIN_QUESTION', 'MIN_QUESTION quality', 7, 'minQuestion/quality'],
      ['MIN_QUESTION', 'MIN_QUESTION tools', 5, 'minQuestion/tools'],
    ]);
  });
});

describe('where a minimum comes from', () => {
  const rubricGate: Gate = { minQuestion: { quality: 1, owner: 1 } };

  it('resolves question by question: flags over readiness.yaml over the rubric', () => {
    const g = resolveGate(rubricGate, { readiness: { minQuestion: { owner: { value: 0.5, level: 'warn' }, tools: 0.5 } }, flags: { minQuestion: { tools: 0.25 } } });
    expect(g.minQuestion).toEqual({
      quality: { value: 1, level: 'error', source: 'rubric' },
      owner: { value: 0.5, level: 'warn', source: 'readiness' },
      tools: { value: 0.25, level: 'error', source: 'flags' },
    });
  });

  it('is absent from the resolved gate when nobody sets one, so reports read as before', () => {
    const r = run(low);
    expect(r.gate.terms).not.toHaveProperty('minQuestion');
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(ReportSchema.safeParse(run(low, { flags: { minQuestion: { quality: 0.6 } } })).success).toBe(true);
  });

  it('merges question by question when a rubric extends another', () => {
    const child = { id: 'child', version: '1', gates: { high: { minQuestion: { owner: { value: 0.5, level: 'warn' }, tools: 0.5 } } } };
    const merged = mergeRubricDocuments([{ ...rubricData, gates: { high: { minScore: 60, minQuestion: { quality: 1, owner: 1 } } } }, child]);
    expect(merged.problems).toEqual([]);
    const { rubric: r, problems } = prepareRubric(merged.data);
    expect(problems).toEqual([]);
    expect(r!.gates.high).toEqual({ minScore: 60, minQuestion: { quality: 1, owner: { value: 0.5, level: 'warn' }, tools: 0.5 } });
    expect(merged.locate(['gates', 'high', 'minQuestion', 'tools'])).toEqual({ doc: 1, path: ['gates', 'high', 'minQuestion', 'tools'] });
    expect(merged.locate(['gates', 'high', 'minQuestion', 'quality'])).toEqual({ doc: 0, path: ['gates', 'high', 'minQuestion', 'quality'] });
  });

  it('shows in the outline of `ready rubric show`', () => {
    const { rubric: r } = prepareRubric({ ...rubricData, gates: { high: { minScore: 60, minQuestion: { owner: 1, quality: { value: 0.5, level: 'warn' } } } } });
    expect(renderRubricOutline(r!, { origin: 'mini.yaml' })).toContain('score ≥60, owner ≥1, quality ≥0.5 (warn)');
  });
});

describe('how it is written', () => {
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it.each<[string, unknown, string[]]>([
    ['a number from 0 to 1', { quality: 0.5 }, []],
    ['{ value, level }', { quality: { value: 1, level: 'warn' } }, []],
    ['a score out of 100', { quality: 50 }, ['gate.minQuestion.quality: must be a number from 0 to 1']],
    ['a negative number', { quality: -0.1 }, ['gate.minQuestion.quality: must be a number from 0 to 1']],
  ])('readiness.yaml: %s', (_, minQuestion, expected) => {
    const result = Readiness.safeParse({ gate: { minQuestion } });
    expect(result.success).toBe(expected.length === 0);
    // a union's issues nest; the first branch's range message is the one people read
    if (expected.length > 0) expect(JSON.stringify(result.error)).toContain('must be a number from 0 to 1');
    else expect(issues(result)).toEqual([]);
  });

  it.each<[string, Gate, string[]]>([
    ['a known question', { minQuestion: { quality: 1 } }, []],
    ['a misspelt question, with "did you mean"', { minQuestion: { qualty: 1 } }, ['gates.high.minQuestion.qualty: unknown question "qualty" (did you mean "quality"?)']],
    ['a tier question, which has no score', { minQuestion: { consumer: 1 } }, ['gates.high.minQuestion.consumer: unknown question "consumer"']],
    ['a score out of 100', { minQuestion: { quality: 80 } }, ['gates.high.minQuestion.quality: must be a number from 0 to 1']],
  ])('a rubric gate: %s', (_, gate, expected) => {
    const { problems } = prepareRubric({ ...rubricData, gates: { high: gate } });
    expect(problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual(expected);
  });
});
