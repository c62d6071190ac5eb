// User text (names, titles, notes, labels, file names from readiness.yaml, rubrics and the scanned
// repository) is neutralised here, once per kind of output, before any reporter prints it:
//
// - terminal and log text (`stripControl`): one line that cannot move the cursor, retitle the
//   terminal, start a new line ("Gate PASSED" above the real result), reorder what is shown
//   (Trojan Source bidi controls) or be read by a CI runner as a workflow command (`::error::`,
//   `##[error]`). What was there is shown by a visible marker, never silently passed on.
// - markup (`cleanText`, used by text/escape.ts): terminal sequences, control characters and bidi
//   controls removed; newlines kept, since HTML and XML show them as spaces.
/* eslint-disable no-control-regex */
const SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const NEWLINE = /\r\n|[\n\r\u0085\u2028\u2029]/g;
const EDGE_NEWLINES = /^(?:\r\n|[\n\r\u0085\u2028\u2029])+|(?:\r\n|[\n\r\u0085\u2028\u2029])+$/g;
/** Embedding, override and isolate controls, and the marks that steer them (Trojan Source). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What GitHub's runner reads as a command at a line start (`::`) or anywhere (`##[`). */
const WORKFLOW_COMMAND = /::|##\[/g;
/* eslint-enable no-control-regex */

/** A line break inside user text, shown where it was. */
export const NEWLINE_MARKER = '⏎';

const codePoint = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** One line of user text for a terminal or a log; see the header. */
export function stripControl(text: string): string {
  return (
    text
      .replace(SEQUENCE, '')
      // a line break at either end only ends the text; inside it, it is shown
      .replace(EDGE_NEWLINES, '')
      .replace(NEWLINE, NEWLINE_MARKER)
      // C0 controls as their Unicode pictures (␇ for a bell); DEL and C1 controls by code point
      .replace(CONTROL, (c) => (c.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : c === '\u007f' ? '␡' : codePoint(c)))
      .replace(BIDI, codePoint)
      // a zero-width space between the two characters: the text reads the same, no runner obeys it
      .replace(WORKFLOW_COMMAND, (m) => `${m[0]}\u200b${m.slice(1)}`)
  );
}

/**
 * User text for markup (HTML, XML, markdown): sequences, controls and bidi controls removed, every
 * kind of line break made a plain newline (each format decides what a newline becomes), and
 * workflow commands broken up as in terminal text: a report printed in a CI log is read by the
 * runner line by line too.
 */
export const cleanText = (text: string) =>
  text
    .replace(NEWLINE, '\n')
    .replace(SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(WORKFLOW_COMMAND, (m) => `${m[0]}\u200b${m.slice(1)}`);
