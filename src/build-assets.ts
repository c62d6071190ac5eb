// Build-time only: compile the built-in rubrics to validated JSON and generate the JSON Schemas.
import { z } from 'zod';
import { loadRubricFile } from './io/load-rubric.js';
import { Rubric } from './core/rubric-schema.js';
import { Readiness } from './core/readiness-schema.js';
import { InputError } from './io/errors.js';

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
  const opts = { io: 'input', unrepresentable: 'any' } as const;
  return {
    'rubric.schema.json': { title: 'ready rubric', ...z.toJSONSchema(Rubric, opts) },
    'readiness.schema.json': { title: 'ready readiness.yaml', ...z.toJSONSchema(Readiness, opts) },
  };
}
