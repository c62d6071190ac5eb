// `ready status --format markdown`: a checklist per role, to paste into an issue or a pull-request
// comment. Respondents are left as written, so that "@dan" notifies Dan where the platform does.
import type { Status } from '../core/status.js';
import { OPEN_REASON_WORDS } from '../core/status.js';
import { plural } from '../core/words.js';
import { escapeMarkdown } from '../text/escape.js';
import { statusHeadline } from './status-text.js';

/** A handle such as @dan or @org/team stays a mention; anything else is escaped. */
const person = (name: string) => (/^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/.test(name) ? name : escapeMarkdown(name));

export function renderStatusMarkdown(status: Status, options: { file: string }): string {
  const out = ['## Readiness: open questions', '', escapeMarkdown(statusHeadline(status, options.file)), ''];
  for (const role of status.roles) {
    const who = role.respondents.length > 0 ? role.respondents.map(person).join(', ') : '_nobody named_';
    out.push(`### ${escapeMarkdown(role.title)} (${plural(role.open.length, 'open question')})`, '', `Respondents: ${who}`, '');
    for (const q of role.open) {
      const detail = q.detail ? `: ${escapeMarkdown(q.detail)}` : '';
      out.push(`- [ ] ${escapeMarkdown(q.prompt)} (\`${q.question.replace(/`/g, '')}\`) — ${OPEN_REASON_WORDS[q.reason]}${detail}`);
    }
    if (role.open.length > 0) out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
