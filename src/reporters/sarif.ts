// SARIF 2.1.0 for GitHub code scanning: one result per finding, located at its line of
// readiness.yaml, so that a pull request shows the gate's complaints next to the answers.
import { createHash } from 'node:crypto';
import type { Report } from '../core/report.js';
import { ruleDescription, ruleHelp } from '../core/messages.js';
import { HOMEPAGE, VERSION } from '../version.js';
import { FINDING_RULES, findingCode, findings, type Finding, type FindingRule } from './findings.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where every location is relative to: GitHub code scanning resolves it to the checkout. */
const SRCROOT = '%SRCROOT%';

/**
 * A rule's readable name, apart from its id (the SARIF validator wants the two to differ, ignoring
 * case): minScore -> MinScore; `blocker` alone would equal BLOCKER, so it says what it is about.
 */
export const ruleName = (rule: FindingRule) => (rule === 'blocker' ? 'BlockingAnswer' : `${rule[0]!.toUpperCase()}${rule.slice(1)}`);

/** A relative path as a URI reference: each segment percent-encoded, so that `#`, `%` or a space stay part of the name. */
export const relativeUri = (file: string) => file.split('/').map(encodeURIComponent).join('/');

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
    name: ruleName(rule),
    shortDescription: { text: ruleDescription(rule) },
    fullDescription: { text: `${ruleDescription(rule)} ${ruleHelp(rule)}` },
    help: { text: ruleHelp(rule) },
    helpUri: HOMEPAGE,
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
          artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
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
        tool: { driver: { name: 'ready', semanticVersion: VERSION, version: VERSION, informationUri: HOMEPAGE, rules } },
        // the root is wherever the repository is checked out; the report does not know (or leak) the absolute path
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that holds readiness.yaml.' } } },
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
