// The `gate:` section of readiness.yaml as the core's gate input: its terms, checked against the
// rubric's areas and questions, and the line of each term, so that a failure can point at the threshold.
import type { GateInput } from '../core/gate.js';
import { InputError } from '../errors.js';
import { KEYED_TERM_IDS, isKeyedTerm, keyedIds, keyList, unknownKey } from '../core/gate-terms.js';
import type { LoadedReadiness } from './load-readiness.js';
import { lineOfPath } from './yaml-lines.js';

export function readinessGateInput(loaded: LoadedReadiness): Pick<GateInput, 'readiness' | 'readinessLines'> {
  const gate = loaded.gate;
  if (!gate) return {};
  // a minimum for an area or question the rubric does not have would silently never fail
  const unknown = KEYED_TERM_IDS.flatMap((term) => {
    const ids = keyedIds(term, loaded.rubric);
    return Object.keys(gate[term] ?? {})
      .filter((key) => !ids.includes(key))
      .map((key) => ({
        file: loaded.file,
        line: lineOfPath(loaded.yaml, ['gate', term, key]),
        path: `gate.${term}.${key}`,
        message: `${unknownKey(term, key, ids)} in rubric ${loaded.rubric.id}${keyList(term, ids)}`,
      }));
  });
  if (unknown.length > 0) throw new InputError(unknown);
  const readinessLines: Record<string, number> = {};
  for (const [term, spec] of Object.entries(gate)) {
    if (isKeyedTerm(term)) {
      for (const key of Object.keys(spec as object)) readinessLines[`${term}.${key}`] = lineOfPath(loaded.yaml, ['gate', term, key]);
    } else readinessLines[term] = lineOfPath(loaded.yaml, ['gate', term]);
  }
  return { readiness: gate, readinessLines };
}
