// Issue 16, output that cannot be forged: hostile text in every field a user, a rubric author or a
// scanned file name writes, through every report format. No format may start a line with it, show
// a bidi override raw, or carry a workflow command the GitHub runner would obey.
import { describe, expect, it } from 'vitest';
import { render } from '../../src/reporters/render.js';
import { REPORT_FORMATS } from '../../src/reporters/formats.js';
import { PLAIN } from '../../src/reporters/style.js';
import { stripControl } from '../../src/text/sanitize.js';
import { hostileReport as hostile } from './hostile-report.js';

describe('hostile text through every format', () => {
  it.each(REPORT_FORMATS)('%s', async (format) => {
    const out = await render(hostile(), format, { style: PLAIN, file: 'readiness.yaml', detail: 'full' });
    const lines = out.split(/\r?\n/);
    // what the runner would read as a command, after it trims the start of the line
    // (`##[` anywhere in the line, the runner's older form, in every format that escapes user text;
    // json and sarif carry user text as data)
    const data = format === 'json' || format === 'sarif' || format === 'gitlab';
    const commands = lines.filter((l) => /^\s*::/.test(l) || (!data && l.includes('##[')));
    if (format === 'github') for (const c of commands) expect(c).toMatch(/^::(error|warning|notice) [^\n]*::[^\n]*$/);
    else expect(commands).toEqual([]);
    for (const l of lines) expect(l.trimStart().startsWith('✔ Gate PASSED'), l).toBe(false);
    // (the JSON report is the data contract: it keeps the text as given, JSON-escaped)
    if (format !== 'json') expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0007\u0085\u2028]|\u001b\[2J/);
    if (!data) expect(out).not.toMatch(/::add-mask::/);
  });

  it('terminal text shows what was there', () => {
    expect(stripControl('a\nb\u202Ec\u0007::x')).toBe('a⏎b<U+202E>c␇:\u200b:x');
  });
});
