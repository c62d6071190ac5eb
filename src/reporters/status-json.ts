import type { Status } from '../core/status.js';

export const renderStatusJson = (status: Status): string => `${JSON.stringify(status, null, 2)}\n`;
