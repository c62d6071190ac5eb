// SARIF 2.1.0 for GitHub code scanning: one result per finding, located at its line of
// readiness.yaml, so that a pull request shows the gate's complaints next to the answers.
import { createHash } from 'node:crypto';
import type { Report } from '../core/report.js';
import { ruleDescription } from '../core/messages.js';
import { VERSION } from '../version.js';
import { FINDING_RULES, findingCode, findings, type Finding } from './findings.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';


export interface CiRenderOptions {
  /** readiness.yaml relative to the repository root, with forward slashes */
  file?: string;
}

/** A hash of what a finding is about (never of its wording or numbers), so alerts keep their identity. */
export const findingFingerprint = (f: Finding, file: string) => createHash('sha256').update(`ready\0${file}\0${f.key}`).digest('hex');

export function renderSarif(report: Report, options: CiRenderOptions = {}): string {
  const file = options.file ?? 'readiness.yaml';
  const all = findings(report);
  // every rule the gate knows, so that the rule list does not change with what happens to fail
  const rules = FINDING_RULES.map((rule) => ({
    id: findingCode(rule),
    name: rule,
    shortDescription: { text: ruleDescription(rule) },
    // a term fails the gate unless the gate sets it to `warn`; each result carries its own level
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['readiness'] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = all.map((f) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code)!,
    level: f.level,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line },
        },
      },
    ],
    partialFingerprints: { 'readyFinding/v1': findingFingerprint(f, file) },
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ready', semanticVersion: VERSION, version: VERSION, rules } },
        // several projects of one repository upload side by side when each has its own category
        automationDetails: { id: `ready/${report.project ?? 'project'}/` },
        results,
        properties: { score: report.score, level: report.level.id, tier: report.tier.id, passed: report.gate.passed },
      },
    ],
  };
  // the same data, with control and bidi characters and line separators written as escapes: a viewer of the raw
  // file cannot be made to show it reordered (Trojan Source)
  return `${JSON.stringify(sarif, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
