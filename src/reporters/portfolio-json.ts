import type { Portfolio } from '../core/portfolio.js';

export const renderPortfolioJson = (p: Portfolio): string => `${JSON.stringify(p, null, 2)}\n`;
