// Terminal manners: whether a stream gets colour, and the Style that goes with it.
import { PLAIN, type Style } from '../reporters/style.js';
import { stdoutIsTerminal } from './stdout.js';

/**
 * Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb (FORCE_COLOR wins over all).
 * `isTerminal` is asked last: the environment usually decides without a look at the stream.
 */
export function wantsColor(isTerminal: () => boolean = stdoutIsTerminal): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  // a terminal that says it understands no escape sequences shows them as garbage
  if (process.env.TERM === 'dumb') return false;
  return isTerminal();
}

export async function loadStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
