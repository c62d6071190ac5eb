// One line per zod issue, with its path, in the words a rubric author understands.
import type { Problem } from './rubric-check.js';

export function prepareProblems(issues: readonly { code: string; message: string; path: readonly PropertyKey[]; keys?: string[] }[]): Problem[] {
  return issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issueMessage(i) }));
}

function issueMessage(issue: { code: string; message: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
