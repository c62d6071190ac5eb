// The Report type is inferred from the report's zod schema, so the two cannot drift. These tests
// keep schemas/report.schema.json generated from that schema, and validate every report the
// project produces against the JSON Schema.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchemas } from '../../src/build-assets.js';
import { evaluate } from '../../src/core/evaluate.js';
import { loadReadiness } from '../../src/load/load-readiness.js';
import type { Report } from '../../src/core/report.js';
import { ROOT } from '../helpers/cli.js';
import { NOW } from '../helpers/rubric.js';
import { FIXTURE_REPORTS, hostileReport } from './fixtures.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const problems = (report: unknown) => (validate(report) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

const EXAMPLES = existsSync(join(ROOT, 'examples')) ? readdirSync(join(ROOT, 'examples')).filter((d) => existsSync(join(ROOT, 'examples', d, 'readiness.yaml'))) : [];

describe('report schema', () => {
  it('is what the build generates into schemas/report.schema.json', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(jsonSchemas()['report.schema.json'])));
  });

  it('requires schemaVersion and refuses a foreign document', () => {
    const report = FIXTURE_REPORTS.pilot!();
    expect(problems(report)).toEqual([]);
    const { schemaVersion: _, ...unversioned } = report;
    expect(problems(unversioned).join()).toMatch(/schemaVersion/);
    expect(problems({ ...report, schemaVersion: 2 })).not.toEqual([]);
    expect(problems({ name: 'package.json', version: '1.0.0' })).not.toEqual([]);
  });
});

describe('every report the project produces is valid', () => {
  it.each([...Object.entries(FIXTURE_REPORTS), ['hostile', hostileReport] as const])('the %s fixture report', (_, make) => {
    expect(problems(JSON.parse(JSON.stringify(make())))).toEqual([]);
  });

  it.each(EXAMPLES)('the report of examples/%s, fresh from its readiness.yaml', async (name) => {
    const loaded = await loadReadiness(join(ROOT, 'examples', name, 'readiness.yaml'));
    const report: Report = evaluate(loaded.rubric, loaded.answers, { now: NOW, project: name });
    expect(problems(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it.each(EXAMPLES.filter((name) => existsSync(join(ROOT, 'examples', name, 'report.json'))))('the report.json shipped in examples/%s', (name) => {
    expect(problems(JSON.parse(readFileSync(join(ROOT, 'examples', name, 'report.json'), 'utf8')))).toEqual([]);
  });
});
