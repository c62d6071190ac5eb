// Many projects' reports in one view: which projects could go to production next, and which
// barrier holds the organisation back most. One module a job: the shape (types), the check that a
// file is a report (report-check), what is kept of each report (digest), the fold (builder) and
// the sentences (wording).
export * from './portfolio/types.js';
export { reportProblem } from './portfolio/report-check.js';
export { digestReport, type ReportDigest, type ReportSource, type RubricCatalog } from './portfolio/digest.js';
export { PortfolioBuilder, buildPortfolio, byReadiness } from './portfolio/builder.js';
export { setAsideNote } from './portfolio/wording.js';
