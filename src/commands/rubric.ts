// `ready rubric validate|schema`
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { builtinRubricYaml, loadRubricFile } from '../io/load-rubric.js';
import { UsageError } from '../io/errors.js';

export async function validate(path: string | undefined): Promise<void> {
  const file = path ?? builtinRubricYaml('default');
  const rubric = await loadRubricFile(file);
  process.stdout.write(`${path ?? 'builtin:default'}: valid rubric ${rubric.id}@${rubric.version} ` +
    `(${rubric.areas.length} areas, ${rubric.questions.length} questions, ${rubric.tierRules.length} tier rules)\n`);
}

export async function schema(opts: { for: 'rubric' | 'readiness' }): Promise<void> {
  // the schemas are generated from the zod schemas at build time and ship in schemas/
  for (const rel of ['../schemas/', '../../schemas/']) {
    const file = fileURLToPath(new URL(`${rel}${opts.for}.schema.json`, import.meta.url));
    if (existsSync(file)) {
      process.stdout.write(readFileSync(file, 'utf8'));
      return;
    }
  }
  throw new UsageError(`the ${opts.for} schema is missing from the package; rebuild with npm run build`);
}
