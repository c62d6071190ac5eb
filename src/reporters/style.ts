// How reporters colour text. They receive a Style: chalk when the output is a colour terminal,
// PLAIN otherwise, so that output to pipes, files and NO_COLOR terminals never loads chalk (its
// import is a measurable share of `ready check`'s start-up).
import type { ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

const identity = (...text: unknown[]) => text.join(' ');
/**
 * Every chalk colour and modifier, chained in any order, returning the text unchanged. It is not a
 * thenable (`then` is undefined), so it can be returned from an async function.
 */
export const PLAIN: Style = new Proxy(identity, {
  get: (_, prop) => (prop === 'level' ? 0 : prop === 'then' || typeof prop === 'symbol' ? undefined : PLAIN),
}) as unknown as Style;
