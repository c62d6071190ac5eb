// The few error kinds the CLI knows how to print; anything else is a bug and is re-thrown.

export interface Located {
  file: string;
  line?: number;
  /** path inside the document, such as questions[3].options[1].score */
  path?: string;
  message: string;
}

export const formatLocated = (l: Located) =>
  `${l.file}${l.line !== undefined ? `:${l.line}` : ''}${l.path ? ` ${l.path}` : ''}: ${l.message}`;

// The CLI bundle and the ES modules it loads lazily each hold a copy of this module (see
// scripts/build.mjs), so an error thrown by one copy reaches a catch written against the other:
// `instanceof` checks a brand that both copies share, not the class object.
const INPUT_ERROR = Symbol.for('ready-cli.InputError');
const USAGE_ERROR = Symbol.for('ready-cli.UsageError');
const branded = (value: unknown, brand: symbol) => typeof value === 'object' && value !== null && brand in value;

/** Bad input from a file: exit code 2, one line per problem. */
export class InputError extends Error {
  readonly [INPUT_ERROR] = true;
  static override [Symbol.hasInstance](value: unknown): value is InputError {
    return branded(value, INPUT_ERROR);
  }

  constructor(
    readonly problems: Located[],
    options?: { cause?: unknown },
  ) {
    super(problems.map(formatLocated).join('\n'), options);
    this.name = 'InputError';
  }
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  readonly [USAGE_ERROR] = true;
  static override [Symbol.hasInstance](value: unknown): value is UsageError {
    return branded(value, USAGE_ERROR);
  }

  override name = 'UsageError';
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$-]*$/.test(p) ? `${i ? '.' : ''}${p}` : `[${JSON.stringify(p)}]`)).join('');
}
