// Small wording and shape helpers shared by the core and every reporter.

/** "1 step", "3 steps"; `many` for irregular plurals. */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Cuts a line to `width` characters, marking the cut with an ellipsis. */
export const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** A plain mapping parsed from JSON or YAML (not null, not a list). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
