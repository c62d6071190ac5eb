import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoTimestamp } from '../../src/commands/clock.js';

describe('isoTimestamp', () => {
  it('writes what Date#toISOString writes, for any time in years 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: new Date('0000-01-01T00:00:00.000Z').getTime(), max: new Date('9999-12-31T23:59:59.999Z').getTime() }), (ms) => {
        expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('reads the clock when given no time', () => {
    const before = Date.now();
    const at = Date.parse(isoTimestamp());
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});
