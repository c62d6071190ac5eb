// Picks the reporter for a format. Every reporter is (report, options) => string.
import type { Report } from '../core/report.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';

export type Format = 'text' | 'json';
export interface RenderOptions {
  color: boolean;
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'text':
      return renderText(report, options);
  }
}
