/** The version of the JSON report's shape (report-schema.ts); bump it on any breaking change. */
export const REPORT_SCHEMA_VERSION = 1;
