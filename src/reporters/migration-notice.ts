// The few lines on stderr that tell a team its rubric moved on since it answered: what carried
// over, what is new, and which answers no question takes any more (kept in the file, not scored).
import type { Migration, OrphanReason } from '../core/migrate.js';
import { stripControl } from '../text/sanitize.js';

const LISTED = 8;
const WHY: Record<OrphanReason, string> = {
  'question-removed': 'the question is gone',
  'option-removed': 'its option is gone',
  superseded: 'the question that replaces it has its own answer',
};

const at = (line: number | undefined) => (line === undefined ? '' : ` (line ${line})`);
const some = (ids: string[]) => (ids.length > LISTED ? `${ids.slice(0, LISTED).join(', ')} and ${ids.length - LISTED} more` : ids.join(', '));

export function migrationNotice(m: Migration, file: string, rubricId: string): string {
  const lines: string[] = [];
  if (m.answeredVersion !== null && m.answeredVersion !== m.version) {
    lines.push(`${file} was answered against ${rubricId} ${m.answeredVersion}; the rubric is now ${m.version}`);
  }
  if (m.carried.length > 0) lines.push(`  carried over: ${m.carried.map((c) => `${c.from} -> ${c.to}${at(c.line)}`).join(', ')}`);
  if (m.added.length > 0) lines.push(`  not answered yet: ${some(m.added)} (\`ready assess --only-unanswered\` asks them)`);
  for (const o of m.removed) {
    lines.push(`  not scored, kept in the file: ${o.id}${at(o.line)}: ${WHY[o.reason]}${o.replacedBy && o.reason !== 'superseded' ? ` (now ${o.replacedBy})` : o.replacedBy ? ` (${o.replacedBy})` : ''}`);
  }
  return lines.map((l) => `ready: notice: ${stripControl(l)}\n`).join('');
}
