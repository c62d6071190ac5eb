import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.js';

describe('error kinds', () => {
  it('tells the kinds apart, and from other errors', () => {
    const input = new InputError([{ file: 'a.yaml', line: 3, message: 'bad' }]);
    expect(input instanceof InputError).toBe(true);
    expect(input instanceof UsageError).toBe(false);
    expect(input instanceof Error).toBe(true);
    expect(input.message).toBe('a.yaml:3: bad');
    expect(new UsageError('x') instanceof InputError).toBe(false);
    expect(new Error('x') instanceof InputError).toBe(false);
    for (const notAnError of [null, undefined, 'InputError', 2, {}] as unknown[]) expect((notAnError as object) instanceof InputError).toBe(false);
  });
});
