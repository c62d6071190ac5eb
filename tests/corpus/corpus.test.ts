// The real scanner against the ground-truth corpus, through the repository port: at least 95% of
// facts right on the `report` half (the `tune` half is where the vocabulary was tuned). The table
// per capability is printed for both halves; scripts/corpus-confusion.mjs prints it from the build.
import { describe, expect, it } from 'vitest';
import type { RepoPort } from '../../src/evidence/repo.js';
import { evaluateProbes } from '../../src/evidence/scan.js';
import type { Rubric } from '../../src/core/rubric-schema.js';
// @ts-expect-error: a plain ES module shared with the confusion script, without types
import { accuracy, formatConfusion, loadCorpus, scoreCorpus } from '../../scripts/corpus-port.mjs';

interface Fact {
  slug: string;
  half: string;
  capability: string;
  truth: boolean;
  found: boolean;
}

const NO_QUESTIONS = { questions: [] } as unknown as Rubric;
const scan = async (port: RepoPort) => (await evaluateProbes(port, NO_QUESTIONS, { capabilities: true })).capabilities;

describe('the ground-truth corpus', () => {
  it('has both halves, each with every capability labelled', () => {
    const corpus = loadCorpus() as { truth: { half: string; capabilities: Record<string, unknown> } }[];
    expect(corpus.filter((c) => c.truth.half === 'report').length).toBeGreaterThanOrEqual(14);
    expect(corpus.filter((c) => c.truth.half === 'tune').length).toBeGreaterThanOrEqual(14);
    for (const c of corpus) expect(Object.keys(c.truth.capabilities)).toHaveLength(16);
  });

  it('gets at least 95% of the facts right on the report half', async () => {
    const facts = (await scoreCorpus(scan)) as Fact[];
    process.stdout.write(`\n${formatConfusion(facts)}\n`);
    const report = facts.filter((f) => f.half === 'report');
    expect(report.length).toBeGreaterThanOrEqual(14 * 16);
    const wrong = report.filter((f) => f.truth !== f.found).map((f) => `${f.slug} ${f.capability}: truth ${f.truth}, found ${f.found}`);
    expect(accuracy(report), wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the synthetic positives (marked synthetic in their truth.json)', () => {
  it('finds every fact of the CODEOWNERS and committed-secret fixtures, with the lines of the secrets', async () => {
    const facts = ((await scoreCorpus(scan)) as (Fact & { paths: string[] })[]).filter((f) => f.half === 'synthetic');
    expect(new Set(facts.map((f) => f.slug))).toEqual(new Set(['synthetic--codeowners', 'synthetic--committed-secrets']));
    expect(facts.filter((f) => f.truth !== f.found).map((f) => `${f.slug} ${f.capability}`)).toEqual([]);
    const corpus = loadCorpus() as { slug: string; dir: string; truth: { capabilities: Record<string, { paths: string[] }> } }[];
    const secrets = corpus.find((c) => c.slug === 'synthetic--committed-secrets')!;
    const { fixturePort } = await import('../../scripts/corpus-port.mjs' as string);
    const found = await scan(fixturePort(secrets.dir));
    const places = found!['committed-secrets'].why.map((p) => `${p.path}:${p.line}`);
    expect(places.sort()).toEqual([...secrets.truth.capabilities['committed-secrets']!.paths].sort());
  });
});
