// Where the `$schema` line of a written file points: into the package when the file sits where the
// package is reachable by a relative path that survives a commit, else at the published copy.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { publishedSchemaUrl, schemaComment, schemaOfText, schemaRef } from '../../src/write/schema-ref.js';
import { ROOT } from '../helpers/cli.js';

describe('schemaRef', () => {
  it('is a relative path for a file inside the package checkout', () => {
    expect(schemaRef('readiness', join(ROOT, 'examples/forecast-pilot/readiness.yaml'))).toBe('../../schemas/readiness.schema.json');
    expect(schemaRef('rubric', join(ROOT, 'rubrics/acme.yaml'))).toBe('../schemas/rubric.schema.json');
  });

  it('is the published URL of this version elsewhere, never a path into someone else\'s install', () => {
    expect(schemaRef('rubric', join(tmpdir(), 'project/rubric.yaml'))).toBe(publishedSchemaUrl('rubric'));
    expect(publishedSchemaUrl('readiness', '1.2.3')).toBe('https://unpkg.com/ready-cli@1.2.3/schemas/readiness.schema.json');
  });

  it('reads back from the comment it writes', () => {
    const line = schemaComment('readiness', join(ROOT, 'readiness.yaml'));
    expect(line).toBe('# yaml-language-server: $schema=schemas/readiness.schema.json');
    expect(schemaOfText(`${line}\nanswers: {}\n`)).toBe('schemas/readiness.schema.json');
    expect(schemaOfText('answers: {}\n')).toBeUndefined();
  });
});
