// GitLab code quality (the Code Climate subset GitLab reads): merge requests show which findings
// are new and which are fixed, matched by fingerprint, so a fingerprint names what a finding is
// about and never its numbers.
import type { Report } from '../core/report.js';
import { findings, type Finding } from './findings.js';
import { findingFingerprint, type CiRenderOptions } from './sarif.js';

type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const severity = (f: Finding): Severity => (f.level === 'warning' ? 'minor' : f.rule === 'blocker' ? 'blocker' : 'critical');

export function renderGitlab(report: Report, options: CiRenderOptions = {}): string {
  const file = options.file ?? 'readiness.yaml';
  const issues = findings(report).map((f) => ({
    type: 'issue',
    description: f.message,
    check_name: `ready/${f.code}`,
    fingerprint: findingFingerprint(f, file),
    severity: severity(f),
    location: { path: file, lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
