import type { Report } from '../core/report.js';

export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
