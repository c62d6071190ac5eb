// Build-time only: compile the built-in rubrics to validated JSON and generate the JSON Schemas.
import { z } from 'zod';
import { loadRubricFile } from './load/load-rubric.js';
import { RubricDocument } from './core/rubric-extension-schema.js';
import { Readiness } from './core/readiness-schema.js';
import { ReportSchema } from './core/report-schema.js';
import { InputError } from './errors.js';

export async function compileRubric(file: string) {
  try {
    return await loadRubricFile(file);
  } catch (err) {
    if (err instanceof InputError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

export function jsonSchemas(): Record<string, unknown> {
  // `input`: what an author may write, with defaults left optional
  // draft-07: the draft every editor's YAML and JSON language server understands
  const opts = {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-7',
    // zod also takes a Date (what a YAML timestamp could become); JSON and YAML text hold a string,
    // so the branch matches nothing instead of anything
    override: (ctx: { zodSchema: { _zod: { def: { type: string } } }; jsonSchema: Record<string, unknown> }) => {
      if (ctx.zodSchema._zod.def.type === 'date') ctx.jsonSchema.not = {};
    },
  } as const;
  return {
    'rubric.schema.json': rubricDocumentSchema(z.toJSONSchema(RubricDocument, opts) as Record<string, unknown>),
    'readiness.schema.json': { title: 'ready readiness.yaml', ...z.toJSONSchema(Readiness, opts) },
    // `output`: what `ready report --format json` writes
    'report.schema.json': { title: 'ready report', ...z.toJSONSchema(ReportSchema, { io: 'output' }) },
  };
}

/**
 * A rubric file is either complete or `extends` another (every part optional). The union comes
 * out as `anyOf`; `if/then/else` on `extends` makes an editor report the errors of the one shape
 * the file means, instead of both.
 */
function rubricDocumentSchema(union: Record<string, unknown>): Record<string, unknown> {
  const { anyOf, ...rest } = union as { anyOf: [unknown, unknown] };
  return {
    title: 'ready rubric',
    description: 'A rubric of `ready`: complete, or extending another one with `extends`.',
    ...rest,
    if: { type: 'object', properties: { extends: true }, required: ['extends'] },
    then: anyOf[0],
    else: anyOf[1],
  };
}
