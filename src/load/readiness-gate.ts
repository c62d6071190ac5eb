// The `gate:` section of readiness.yaml as the core's gate input: its terms, checked against the
// rubric's areas, and the line of each term, so that a failure can point at the threshold.
import type { GateInput } from '../core/gate.js';
import { InputError } from '../errors.js';
import { didYouMean } from '../core/words.js';
import type { LoadedReadiness } from './load-readiness.js';
import { lineOfPath } from './yaml-lines.js';

export function readinessGateInput(loaded: LoadedReadiness): Pick<GateInput, 'readiness' | 'readinessLines'> {
  const gate = loaded.gate;
  if (!gate) return {};
  const areas = loaded.rubric.areas.map((a) => a.id);
  // a minimum for an area the rubric does not have would silently never fail
  const unknown = Object.keys(gate.minArea ?? {}).filter((a) => !areas.includes(a));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map((a) => ({
        file: loaded.file,
        line: lineOfPath(loaded.yaml, ['gate', 'minArea', a]),
        path: `gate.minArea.${a}`,
        message: `unknown area "${a}"${didYouMean(a, areas)} in rubric ${loaded.rubric.id} (areas: ${areas.join(', ')})`,
      })),
    );
  }
  const readinessLines: Record<string, number> = {};
  for (const [term, spec] of Object.entries(gate)) {
    if (term === 'minArea') {
      for (const area of Object.keys(spec as object)) readinessLines[`minArea.${area}`] = lineOfPath(loaded.yaml, ['gate', 'minArea', area]);
    } else readinessLines[term] = lineOfPath(loaded.yaml, ['gate', term]);
  }
  return { readiness: gate, readinessLines };
}
