// One line per zod issue, with its path, in the words a rubric author understands.
import type { Problem } from './rubric-check.js';

interface Issue {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  keys?: string[];
  errors?: Issue[][];
  expected?: string;
}

export function prepareProblems(issues: readonly Issue[], prefix: PropertyKey[] = []): Problem[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    // "Invalid input" for a union says nothing; the branch that got furthest says what is wrong
    if (i.code === 'invalid_union' && i.errors && i.errors.length > 0) {
      const depth = (branch: Issue[]) => Math.max(...branch.map((b) => b.path.length + (b.code === 'invalid_type' ? 0 : 0.5)));
      const best = [...i.errors].sort((a, b) => depth(b) - depth(a))[0]!;
      if (best.length > 0 && depth(best) >= 1) return prepareProblems(best, path);
      if (i.message !== 'Invalid input') return [{ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }];
      const types = i.errors.flat().filter((b) => b.code === 'invalid_type' && b.path.length === 0);
      if (types.length > 0) {
        const received = /received (\w+)/.exec(types[0]!.message)?.[1];
        const expected = [...new Set(types.map((t) => (t.expected === 'array' ? 'list' : t.expected === 'object' ? 'mapping' : t.expected)))];
        return [{ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: `expected ${expected.join(' or ')}${received ? `, received ${received}` : ''}` }];
      }
    }
    return [{ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issueMessage(i), ...(i.code === 'unrecognized_keys' && i.keys && { keys: i.keys }) }];
  });
}

function issueMessage(issue: Issue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
