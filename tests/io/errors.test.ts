import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/io/errors.js';

// dist/cli.cjs and the ES modules it loads each hold a copy of src/io/errors.ts: an error made by
// one copy must still be recognised by a catch written against the other
describe('error kinds across copies of the module', () => {
  it('recognises an InputError or a UsageError from another copy by its brand', () => {
    const foreignInput = Object.assign(new Error('a.yaml: bad'), { [Symbol.for('ready-cli.InputError')]: true, problems: [] });
    const foreignUsage = Object.assign(new Error('--x: bad'), { [Symbol.for('ready-cli.UsageError')]: true });
    expect(foreignInput instanceof InputError).toBe(true);
    expect(foreignUsage instanceof UsageError).toBe(true);
    expect(foreignInput instanceof UsageError).toBe(false);
  });

  it('still tells the kinds apart, and from other errors', () => {
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
