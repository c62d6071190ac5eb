// The fast path must never accept what the zod schema rejects, and should accept the usual files.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPlainReadiness } from '../../src/core/readiness-guard.js';
import { Readiness } from '../../src/core/readiness-schema.js';

// Mostly plausible values with a sprinkling of wrong ones, so both sides of the guard are reached.
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
const oddStr = fc.oneof(fc.constantFrom('', '2026-02-30', '2026-11-01T25:00:00Z', '2026-11-01T10:00:00+02:00', '2026-11-1'), fc.string());
const goodStr = fc.constantFrom('humans', 'data', 'a b', 'x');
const str = mostly(goodStr, oddStr);
const num = mostly(fc.constantFrom(0, 1, 7, 50, 100), fc.oneof(fc.constantFrom(-1, 0.5, 101, Number.NaN, Infinity), fc.double()));
const scalar = fc.oneof(oddStr, num, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: false }));
const date = mostly(fc.constantFrom('2026-11-01', '2024-02-29', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00.123Z', new Date(0)), scalar);
const choice = mostly(fc.oneof(goodStr, fc.array(goodStr, { minLength: 1, maxLength: 3 })), fc.oneof(scalar, fc.array(str, { maxLength: 2 })));
const answerObj = fc.record(
  { choice, notApplicable: mostly(goodStr, scalar), note: mostly(goodStr, scalar), by: mostly(goodStr, scalar), at: date, extra: scalar },
  { requiredKeys: [] },
)
  .chain((o) => fc.nat(4).map((n) => (n > 0 ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'extra')) : o)));
const answer = fc.oneof(choice, answerObj, fc.constant(null), scalar);
const term = mostly(num, fc.record({ value: num, level: fc.constantFrom('warn', 'error', 'x') }, { requiredKeys: ['value'] }));
const gate = mostly(
  fc.record(
    { minScore: term, maxBlockers: term, maxUnanswered: term, maxContradictions: term, maxAgeDays: term, minArea: mostly(fc.dictionary(fc.constantFrom('data', 'tech'), term), fc.dictionary(fc.constantFrom('Data', '-x'), num)) },
    { requiredKeys: [] },
  ),
  scalar,
);
const readiness = mostly(
  fc.record(
    {
      $schema: mostly(goodStr, scalar),
      project: str,
      rubric: str,
      rubricVersion: mostly(fc.oneof(goodStr, fc.constantFrom(1, 2.5)), scalar),
      gate,
      answers: mostly(fc.dictionary(fc.constantFrom('consumer', 'frequency', 'q1', 'q-2'), answer, { maxKeys: 4 }), fc.oneof(scalar, fc.array(answer))),
    },
    { requiredKeys: [] },
  ),
  fc.oneof(scalar, fc.array(scalar), fc.record({ unknown: scalar })),
);

describe('isPlainReadiness', () => {
  it('never accepts what zod rejects', () => {
    let accepted = 0;
    fc.assert(
      fc.property(readiness, (data) => {
        if (isPlainReadiness(data)) {
          accepted++;
          expect(Readiness.safeParse(data).success).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    // the generator must reach the accepting side often enough for the property to mean something
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts what `ready assess` writes and what people write by hand', () => {
    const typical = {
      $schema: 'node_modules/ready-cli/schemas/readiness.schema.json',
      project: 'churn',
      rubric: 'builtin:default',
      rubricVersion: '1.0.0',
      gate: { minScore: 60, minArea: { data: 50, humans: { value: 40, level: 'warn' } }, maxBlockers: 0, maxContradictions: 0, maxUnanswered: { value: 0, level: 'warn' } },
      answers: {
        consumer: 'humans',
        tools: ['ci', 'docker'],
        frequency: { choice: 'batch', note: 'nightly', by: 'Ana', at: '2026-11-01' },
        owner: { notApplicable: 'open data', at: '2026-11-01T10:00:00.000Z' },
        later: null,
      },
    };
    expect(isPlainReadiness(typical)).toBe(true);
    expect(Readiness.safeParse(typical).success).toBe(true);
  });

  it.each([
    ['an invalid calendar date', { answers: { q: { choice: 'a', at: '2026-02-30' } } }],
    ['an empty choice list', { answers: { q: [] } }],
    ['a gate term with an unknown level', { gate: { minScore: { value: 50, level: 'info' } } }],
    ['a gate term the guard does not know (left to zod)', { gate: { maxSomething: 1 } }],
    ['an unknown key', { answer: {} }],
  ])('declines %s', (_, data) => expect(isPlainReadiness(data)).toBe(false));
});
