import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../src/commands/clock.js';

describe('isoTimestamp', () => {
  it('reads the clock when given no time, in UTC with milliseconds', () => {
    const before = Date.now();
    const now = isoTimestamp();
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(Date.now());
  });
});
