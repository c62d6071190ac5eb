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

/** Bad input from a file: exit code 2, one line per problem. */
export class InputError extends Error {
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
  override name = 'UsageError';
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$-]*$/.test(p) ? `${i ? '.' : ''}${p}` : `[${JSON.stringify(p)}]`)).join('');
}
