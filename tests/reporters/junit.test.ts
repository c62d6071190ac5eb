// JUnit XML read back by a real XML parser: well-formed, the counts right, user text intact.
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { outcomeOf, renderJunit } from '../../src/reporters/junit.js';
import { cleanText } from '../../src/text/sanitize.js';
import type { Report } from '../../src/core/report.js';
import { FIXTURE_REPORTS, HOSTILE_NOTE, hostileReport, scannedReport } from './fixtures.js';

interface Node {
  [key: string]: unknown;
}
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(xml) as {
    testsuites: Node & { testsuite: (Node & { testcase: Node[] })[] };
  };

const count = (report: Report, outcome: string, area?: string) => {
  const contradicted = new Set((report.contradictions ?? []).map((c) => c.question));
  return report.questions.filter((q) => (area === undefined || q.area === area) && outcomeOf(q, contradicted.has(q.id)) === outcome).length;
};

describe('JUnit report', () => {
  it.each([...Object.entries(FIXTURE_REPORTS), ['hostile', hostileReport] as const])('%s: well-formed, one case per question, counts that add up', (_, make) => {
    const report = make();
    const xml = renderJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = parse(xml);
    expect(Number(testsuites.tests)).toBe(report.questions.length);
    expect(Number(testsuites.failures)).toBe(count(report, 'failure'));
    expect(Number(testsuites.errors)).toBe(report.blockers.length > 0 ? new Set(report.blockers.map((b) => b.question)).size : 0);
    expect(Number(testsuites.skipped)).toBe(report.questions.filter((q) => q.score === null).length);
    expect(testsuites.testsuite.map((s) => s.id)).toEqual(report.areas.map((a) => a.id));
    for (const suite of testsuites.testsuite) {
      const area = String(suite.id);
      const cases = suite.testcase ?? [];
      expect(cases).toHaveLength(report.questions.filter((q) => q.area === area).length);
      expect(Number(suite.tests)).toBe(cases.length);
      expect(Number(suite.failures)).toBe(cases.filter((c) => 'failure' in c).length);
      expect(Number(suite.errors)).toBe(cases.filter((c) => 'error' in c).length);
      expect(Number(suite.skipped)).toBe(cases.filter((c) => 'skipped' in c).length);
      for (const outcome of ['failure', 'error', 'skipped']) expect(cases.filter((c) => outcome in c).length).toBe(count(report, outcome, area));
    }
  });

  it('marks a gap as a failure, a blocker as an error and a question that does not count as skipped', () => {
    const { testsuites } = parse(renderJunit(FIXTURE_REPORTS.realistic!()));
    const byName = new Map(testsuites.testsuite.flatMap((s) => s.testcase).map((c) => [String(c.name).split(':')[0], c]));
    expect(byName.get('operator')).toHaveProperty('error.type', 'blocker');
    expect(byName.get('data-access')).toHaveProperty('failure.type', 'gap');
    expect(byName.get('skills')).toHaveProperty('failure.message', "don't know, which scores 0");
    expect(byName.get('latency')).toHaveProperty('failure.type', 'unanswered');
    expect(byName.get('data-quality')).not.toHaveProperty('failure');
    const ready = parse(renderJunit(FIXTURE_REPORTS.ready!())).testsuites;
    const owner = ready.testsuite.flatMap((s) => s.testcase).find((c) => String(c.name).startsWith('owner:'))!;
    expect(owner).toHaveProperty('skipped.message', 'not applicable: public open data');
  });

  it('carries hostile text through escaped, and back intact', () => {
    const report = hostileReport();
    report.questions[0]!.note = `${HOSTILE_NOTE} ]]> \u0000\u0008 \uFFFE end`;
    const xml = renderJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = parse(xml);
    expect(testsuites.name).toBe(`ready: ${cleanText(report.project!)}`);
    const first = testsuites.testsuite[0]!.testcase[0]! as { name: string; failure: { '#text': string } };
    expect(first.name).toBe(`quality: ${report.questions[0]!.prompt}`);
    expect(first.failure['#text']).toContain(`Note: ${HOSTILE_NOTE} ]]>  \uFFFD end`);
  });

  it('fails an answer the repository contradicts, even at full marks, and shows the evidence', () => {
    const report = scannedReport();
    const { testsuites } = parse(renderJunit(report));
    const cases = testsuites.testsuite.flatMap((s) => s.testcase);
    const quality = cases.find((c) => String(c.name).startsWith('data-quality:'))! as { failure: { type: string; message: string; '#text': string } };
    expect(report.questions.find((q) => q.id === 'data-quality')!.score).toBe(100);
    expect(quality.failure.type).toBe('contradiction');
    expect(quality.failure.message).toBe('contradicted by the repository: Automated checks that stop the pipeline');
    expect(quality.failure['#text']).toContain('Evidence: pandera');
    expect(quality.failure['#text']).toContain('Contradiction: data-quality is answered');
    expect(Number(testsuites.failures)).toBe(Number(parse(renderJunit(FIXTURE_REPORTS.realistic!())).testsuites.failures) + 1);
  });
});
