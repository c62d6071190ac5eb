// The output formats of each command, once: the CLI's choices, the commands' option types and the
// renderers' switches all read these lists.
export const REPORT_FORMATS = ['text', 'markdown', 'html', 'json', 'junit', 'badge', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof REPORT_FORMATS)[number];
/** `ready report` renders a report; the CI formats (sarif, gitlab, github) are `ready check`'s */
export const FULL_REPORT_FORMATS = ['text', 'markdown', 'html', 'json', 'junit', 'badge'] as const satisfies readonly Format[];
export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const PORTFOLIO_FORMATS = ['text', 'markdown', 'html', 'json'] as const;
export type PortfolioFormat = (typeof PORTFOLIO_FORMATS)[number];
export const SCAN_FORMATS = ['text', 'json'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const STATUS_FORMATS = ['text', 'markdown', 'json'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];
export const HISTORY_FORMATS = ['text', 'markdown', 'html', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];
