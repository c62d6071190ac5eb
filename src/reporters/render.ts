// Picks the reporter for a format. Every reporter is (report, options) => string.
import type { Report } from '../core/report.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderBadge } from './badge.js';
import { renderSarif } from './sarif.js';
import { renderGitlab } from './gitlab.js';
import { renderAnnotations } from './github.js';

export const FORMATS = ['text', 'markdown', 'html', 'json', 'junit', 'badge', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export interface RenderOptions {
  color: boolean;
  /** readiness.yaml relative to the repository root, for formats that point at its lines */
  file?: string;
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'text':
      return renderText(report, options);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'junit':
      return renderJunit(report);
    case 'badge':
      return renderBadge(report);
    case 'sarif':
      return renderSarif(report, options);
    case 'gitlab':
      return renderGitlab(report, options);
    case 'github':
      return renderAnnotations(report, { file: options.file ?? 'readiness.yaml' });
  }
}
