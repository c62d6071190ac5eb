// `ready status` on a terminal: per role, who answers for it and what is still open.
import type { RoleStatus, Status } from '../core/status.js';
import { OPEN_REASON_WORDS } from '../core/status.js';
import { plural } from '../core/words.js';
import { oneLine } from '../text/escape.js';
import { wrap } from '../text/wrap.js';
import type { Style } from './style.js';

const WIDTH = 80;

export const respondentsText = (role: RoleStatus) =>
  role.respondents.length > 0 ? role.respondents.map(oneLine).join(', ') : 'nobody named (add them under respondents: in readiness.yaml)';

export function statusHeadline(status: Status, file: string): string {
  const roles = status.roles.filter((r) => r.open.length > 0).length;
  if (status.open === 0) return `Nothing is open in ${file}: every applicable question has a current answer.`;
  return `${plural(status.open, 'question')} open in ${file} (of ${status.applicable} applicable), owed by ${plural(roles, 'role')}.`;
}

export function renderStatusText(status: Status, options: { style: Style; file: string }): string {
  const { style: c } = options;
  const out = [statusHeadline(status, oneLine(options.file)), ''];
  for (const role of status.roles) {
    out.push(`${c.bold(oneLine(role.title))} ${c.dim(`(${role.id})`)}: ${role.open.length === 0 ? c.green('nothing open') : plural(role.open.length, 'question')}`);
    out.push(`  ${c.dim('respondents:')} ${respondentsText(role)}`);
    for (const q of role.open) {
      const why = `${OPEN_REASON_WORDS[q.reason]}${q.by ? `, answered by ${oneLine(q.by)}` : ''}`;
      const lines = wrap(`${oneLine(q.prompt)} (${why})`, WIDTH - 4);
      out.push(`  - ${c.cyan(q.question)}`, ...lines.map((l) => `    ${l}`));
      if (q.detail) out.push(...wrap(oneLine(q.detail), WIDTH - 6).map((l) => `      ${c.dim(l)}`));
    }
    out.push('');
  }
  if (status.open > 0) out.push(c.dim('Answer with `ready assess --role ROLE`; respondents come from readiness.yaml.'));
  return `${out.join('\n').trimEnd()}\n`;
}
