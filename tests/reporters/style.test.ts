import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/reporters/style.js';
import { loadStyle } from '../../src/terminal/terminal-style.js';

describe('PLAIN style', () => {
  it('takes any chain of chalk styles and returns the text unchanged', () => {
    expect(PLAIN.red('a')).toBe('a');
    expect(PLAIN.bold.red.bgYellow('a', 'b')).toBe('a b');
    expect(PLAIN.dim(`x${PLAIN.underline('y')}`)).toBe('xy');
    expect(PLAIN.level).toBe(0);
  });

  it('can be awaited, so loadStyle can return it', async () => {
    expect(await loadStyle(false)).toBe(PLAIN);
    expect((await loadStyle(true)).red('a')).toBe('\u001b[31ma\u001b[39m');
  });
});
