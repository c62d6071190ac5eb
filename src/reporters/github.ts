// GitHub Actions: workflow-command annotations that point at the lines of readiness.yaml, and the
// text of the step summary. Both are plain strings; the check command decides where they go.
import type { Report } from '../core/report.js';
import { findings, type Finding } from './findings.js';
import { stripControl } from '../text/sanitize.js';
import { escapeMarkdown } from '../text/escape.js';
import { renderMarkdown } from './markdown.js';

/** GitHub shows at most this many annotations of each kind per step and drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** $GITHUB_STEP_SUMMARY holds at most 1 MiB per step; a larger summary is not shown at all. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotation(level: 'error' | 'warning' | 'notice', props: { file?: string; line?: number; title?: string }, message: string): string {
  const parts: string[] = [];
  if (props.file !== undefined) parts.push(`file=${escapeProperty(props.file)}`);
  if (props.line !== undefined) parts.push(`line=${props.line}`);
  if (props.title !== undefined) parts.push(`title=${escapeProperty(stripControl(props.title))}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeData(stripControl(message))}`;
}

export interface AnnotationOptions {
  /** readiness.yaml as a path relative to the workspace, with forward slashes */
  file: string;
}

/**
 * One annotation per finding, errors first. When a level has more findings than GitHub shows, the
 * last visible slot says how many more there are instead of one of them silently vanishing.
 */
export function renderAnnotations(report: Report, options: AnnotationOptions): string {
  const all = findings(report);
  const lines: string[] = [];
  for (const level of ['error', 'warning'] as const) {
    const these = all.filter((f) => f.level === level);
    const overflow = these.length > ANNOTATIONS_PER_LEVEL;
    const shown = overflow ? these.slice(0, ANNOTATIONS_PER_LEVEL - 1) : these;
    for (const f of shown) lines.push(findingAnnotation(f, options.file));
    if (overflow) {
      const rest = these.length - shown.length;
      lines.push(annotation(level, { file: options.file, title: `ready: ${rest} more ${level}s` }, `${rest} more ${level === 'error' ? 'errors' : 'warnings'} of the readiness gate; the step summary and the log list them all`));
    }
  }
  // notes of the baseline comparison: nothing failed, but someone should know
  for (const note of report.baseline?.notes ?? []) lines.push(annotation('notice', { title: 'ready: baseline' }, note));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const findingAnnotation = (f: Finding, file: string) => annotation(f.level, { file, line: f.line, title: `ready: ${f.title}` }, f.message);

/**
 * Cuts markdown to fit in `maxBytes` of UTF-8 at a line boundary, and says so at the end. The
 * step summary file may already hold what earlier commands of the step wrote, so the caller
 * passes what is left of the limit.
 */
export function fitSummary(markdown: string, maxBytes: number): string {
  const notice = '\n\n_The readiness report was cut short to fit the 1 MiB step summary; the full report is in the job log and artifacts._\n';
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const room = maxBytes - Buffer.byteLength(notice);
  if (room <= 0) return '';
  // decoding a cut buffer drops a half-cut character at the end instead of writing garbage
  let text = new TextDecoder().decode(Buffer.from(markdown).subarray(0, room)).replace(/\uFFFD$/, '');
  const lastLine = text.lastIndexOf('\n');
  if (lastLine > 0) text = text.slice(0, lastLine);
  return `${text}${notice}`;
}

/** The step summary: the markdown report, plus what the baseline comparison could not compare. */
export function stepSummary(report: Report): string {
  const notes = report.baseline?.notes ?? [];
  const baseline = notes.length > 0 ? `\n## Baseline\n\n${notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}\n` : '';
  return `${renderMarkdown(report)}${baseline}`;
}
