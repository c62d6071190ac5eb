// Picks the reporter for a format. Every reporter is (report, options) => string; each is loaded
// only when its format is asked for, so `ready check` loads the text reporter and nothing else.
import type { Report } from '../core/report.js';
import type { Style } from './style.js';
import { renderText, type TextDetail } from './text.js';

import type { Format } from './formats.js';

export type { Format };
export interface RenderOptions {
  style: Style;
  /** how much the text format shows: `check` prints the summary, `report` the full plan */
  detail?: TextDetail;
  /** readiness.yaml relative to the repository root, for formats that point at its lines */
  file?: string;
}

export async function render(report: Report, format: Format, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderJson(report);
    case 'text':
      return renderText(report, options);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(report);
    case 'html':
      return (await import('./html.js')).renderHtml(report);
    case 'junit':
      return (await import('./junit.js')).renderJunit(report);
    case 'badge':
      return (await import('./badge.js')).renderBadge(report);
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(report, options);
    case 'gitlab':
      return (await import('./gitlab.js')).renderGitlab(report, options);
    case 'github':
      return (await import('./github.js')).renderAnnotations(report, { file: options.file ?? 'readiness.yaml' });
  }
}
