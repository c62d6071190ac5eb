// What zod cannot see: references between parts of a rubric, duplicate ids, `when` cycles and the
// coverage of the tier rules. Returns problems (with the path inside the document) rather than
// throwing, so that a loader can report all of them at once with their lines.
import { DONT_KNOW } from './constants.js';
import type { Condition, Rubric } from './rubric-schema.js';
import { tierCombinations, matchesRule } from './tier.js';
import { conditionValue } from './evaluate.js';
import { KEYED_TERM_IDS, keyedIds, unknownKey } from './gate-terms.js';

export type Path = (string | number)[];
export interface Problem {
  path: Path;
  message: string;
  /** for an unknown-key problem: the keys, so that a line can point at the key itself */
  keys?: string[];
  /** absent for an error; a warning does not stop the rubric from loading */
  severity?: 'warning';
}

export function checkRubric(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  const unique = (items: { id: string }[], at: Path, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) report([...at, i, 'id'], `duplicate ${what} id "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique(rubric.areas, ['areas'], 'area');
  unique(rubric.roles, ['roles'], 'role');
  unique(rubric.tiers, ['tiers'], 'tier');
  unique(rubric.levels, ['levels'], 'level');
  unique(rubric.tierQuestions, ['tierQuestions'], 'tier question');
  unique(rubric.questions, ['questions'], 'question');
  const tierQuestionIds = new Set(rubric.tierQuestions.map((q) => q.id));
  rubric.questions.forEach((q, i) => {
    if (tierQuestionIds.has(q.id)) report(['questions', i, 'id'], `"${q.id}" is already a tier question id`);
  });

  const areaIds = new Set(rubric.areas.map((a) => a.id));
  const tierIds = new Set(rubric.tiers.map((t) => t.id));
  const roleIds = new Set(rubric.roles.map((r) => r.id));
  const levelIds = new Set(rubric.levels.map((l) => l.id));
  const optionsOf = new Map<string, Set<string>>();
  for (const q of rubric.tierQuestions) optionsOf.set(q.id, new Set(q.options.map((o) => o.id)));
  for (const q of rubric.questions) optionsOf.set(q.id, new Set([...q.options.map((o) => o.id), DONT_KNOW]));
  const list = (ids: Iterable<string>) => [...ids].join(', ');

  // levels: bands must start at 0 and rise, or some score would have no level
  const mins = rubric.levels.map((l) => l.min);
  if (mins[0] !== 0) report(['levels', 0, 'min'], 'the first level must start at 0');
  mins.forEach((m, i) => {
    if (i > 0 && m <= mins[i - 1]!) report(['levels', i, 'min'], 'levels must be listed with rising "min"');
  });
  if (rubric.blockedLevel !== undefined && !levelIds.has(rubric.blockedLevel)) {
    report(['blockedLevel'], `unknown level "${rubric.blockedLevel}" (levels: ${list(levelIds)})`);
  }

  for (const [tier, gate] of Object.entries(rubric.gates)) {
    if (!tierIds.has(tier)) report(['gates', tier], `unknown tier "${tier}" (tiers: ${list(tierIds)})`);
    for (const term of KEYED_TERM_IDS) {
      const ids = keyedIds(term, rubric);
      for (const key of Object.keys(gate[term] ?? {})) if (!ids.includes(key)) report(['gates', tier, term, key], unknownKey(term, key, ids));
    }
  }

  rubric.tierQuestions.forEach((q, i) => unique(q.options, ['tierQuestions', i, 'options'], 'option'));

  rubric.tierRules.forEach((rule, i) => {
    if (!tierIds.has(rule.tier)) report(['tierRules', i, 'tier'], `unknown tier "${rule.tier}" (tiers: ${list(tierIds)})`);
    for (const [qid, value] of Object.entries(rule.when)) {
      const options = tierQuestionIds.has(qid) ? optionsOf.get(qid)! : undefined;
      if (!options) {
        report(['tierRules', i, 'when', qid], `unknown tier question "${qid}" (tier questions: ${list(tierQuestionIds)})`);
        continue;
      }
      for (const v of Array.isArray(value) ? value : [value]) {
        if (!options.has(v)) report(['tierRules', i, 'when', qid], `"${qid}" has no option "${v}" (options: ${list(options)})`);
      }
    }
  });
  checkTierCoverage(rubric, report);

  rubric.questions.forEach((q, i) => {
    const at: Path = ['questions', i];
    if (!areaIds.has(q.area)) report([...at, 'area'], `unknown area "${q.area}" (areas: ${list(areaIds)})`);
    q.tiers?.forEach((t, j) => {
      if (!tierIds.has(t)) report([...at, 'tiers', j], `unknown tier "${t}" (tiers: ${list(tierIds)})`);
    });
    q.roles.forEach((r, j) => {
      if (!roleIds.has(r)) report([...at, 'roles', j], `unknown role "${r}" (roles: ${list(roleIds) || 'none declared'})`);
    });
    unique(q.options, [...at, 'options'], 'option');
    q.options.forEach((o, j) => {
      if (o.id === DONT_KNOW && o.score !== 0) report([...at, 'options', j, 'score'], `"${DONT_KNOW}" must score 0`);
    });
    const own = optionsOf.get(q.id)!;
    q.evidence.forEach((probe, j) => {
      for (const key of ['supports', 'contradicts'] as const) {
        probe[key].forEach((o, k) => {
          if (!own.has(o)) report([...at, 'evidence', j, key, k], `"${q.id}" has no option "${o}"`);
        });
      }
      // the flag turns the absence of what the probe looks for against the options it supports
      if (probe.absenceContradicts && probe.supports.length === 0) {
        report([...at, 'evidence', j, 'absenceContradicts'], 'needs the options this probe supports ("supports"): those are what its absence contradicts');
      }
      const both = probe.supports.filter((o) => probe.contradicts.includes(o));
      if (both.length > 0) report([...at, 'evidence', j, 'contradicts'], `"${both.join('", "')}" cannot be both supported and contradicted by one probe`);
    });
    if (q.when) checkCondition(q.when, [...at, 'when'], q.id, optionsOf, report);
    const noRemediation = !q.remediation && q.options.some((o) => o.score < 1 && !o.remediation && o.id !== DONT_KNOW);
    if (noRemediation) report([...at, 'remediation'], 'options scoring below 1 need a remediation (on the question or the option)');
  });
  checkWhenCycles(rubric, report);
  checkReplaces(rubric, report);
  return problems;
}

/** `replaces` names ids of an earlier version: never a current id, and each old id goes to one question. */
function checkReplaces(rubric: Rubric, report: (path: Path, message: string) => void) {
  const current = new Set([...rubric.tierQuestions, ...rubric.questions].map((q) => q.id));
  const taken = new Map<string, string>();
  rubric.questions.forEach((q, i) => {
    const old = q.replaces === undefined ? [] : Array.isArray(q.replaces) ? q.replaces : [q.replaces];
    old.forEach((id, j) => {
      const at: Path = Array.isArray(q.replaces) ? ['questions', i, 'replaces', j] : ['questions', i, 'replaces'];
      if (current.has(id)) report(at, `"${id}" is a question of this rubric; "replaces" names ids of an earlier version`);
      else if (taken.has(id)) report(at, `"${id}" is already replaced by "${taken.get(id)}"`);
      else taken.set(id, q.id);
    });
  });
}

function checkCondition(
  cond: Condition,
  at: Path,
  self: string,
  optionsOf: Map<string, Set<string>>,
  report: (path: Path, message: string) => void,
) {
  if ('question' in cond) {
    const options = optionsOf.get(cond.question);
    if (cond.question === self) return report([...at, 'question'], `"${self}" cannot depend on itself`);
    if (!options) return report([...at, 'question'], `unknown question "${cond.question}"`);
    cond.in.forEach((o, k) => {
      if (!options.has(o)) report([...at, 'in', k], `"${cond.question}" has no option "${o}"`);
    });
  } else if ('all' in cond) cond.all.forEach((c, k) => checkCondition(c, [...at, 'all', k], self, optionsOf, report));
  else if ('any' in cond) cond.any.forEach((c, k) => checkCondition(c, [...at, 'any', k], self, optionsOf, report));
  else checkCondition(cond.not, [...at, 'not'], self, optionsOf, report);
}

export function conditionRefs(cond: Condition): string[] {
  if ('question' in cond) return [cond.question];
  if ('all' in cond) return cond.all.flatMap(conditionRefs);
  if ('any' in cond) return cond.any.flatMap(conditionRefs);
  return conditionRefs(cond.not);
}

function checkWhenCycles(rubric: Rubric, report: (path: Path, message: string) => void) {
  const deps = new Map(rubric.questions.map((q) => [q.id, q.when ? conditionRefs(q.when) : []]));
  const index = new Map(rubric.questions.map((q, i) => [q.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      const key = [...cycle].sort().join();
      if (!reported.has(key)) {
        reported.add(key);
        report(['questions', index.get(id)!, 'when'], `"when" conditions form a cycle: ${cycle.join(' -> ')}`);
      }
      return;
    }
    state.set(id, 'visiting');
    for (const dep of deps.get(id) ?? []) if (deps.has(dep) && dep !== id) visit(dep, [...trail, id]);
    state.set(id, 'done');
  };
  for (const q of rubric.questions) visit(q.id, []);
}

function checkTierCoverage(rubric: Rubric, report: (path: Path, message: string) => void) {
  const combos = tierCombinations(rubric.tierQuestions);
  const used = new Set<number>();
  for (const combo of combos) {
    const first = rubric.tierRules.findIndex((rule) => matchesRule(rule, combo));
    if (first === -1) {
      const desc = Object.entries(combo).map(([q, o]) => `${q}=${o}`).join(', ');
      report(['tierRules'], `no tier rule matches ${desc || 'the empty answer set'}`);
    } else used.add(first);
  }
  rubric.tierRules.forEach((_, i) => {
    if (!used.has(i)) report(['tierRules', i], 'this rule is never reached: earlier rules match every case it covers');
  });
}

/**
 * What a rubric may do but should not: warnings, never errors, so that a company rubric keeps
 * loading. One rule, after "not knowing is a barrier": only a checked negative may switch a
 * follow-up off. An option of a scored question that on its own makes a `when` condition false
 * (with every other question it names unknown) must earn full credit (score 1): an option that
 * scores less admits a gap or an unchecked claim ("we assume there is none"), and skipping the
 * follow-ups under it would let that answer score higher than the honest one that keeps them.
 * "Don't know", unanswered and not-applicable answers are unknown in a condition and never skip.
 */
export function checkRubricWarnings(rubric: Rubric): Problem[] {
  const warnings: Problem[] = [];
  const scored = new Map(rubric.questions.map((q) => [q.id, q]));
  rubric.questions.forEach((q, i) => {
    if (!q.when) return;
    for (const ref of new Set(conditionRefs(q.when))) {
      const source = scored.get(ref);
      if (!source || ref === q.id) continue;
      for (const o of source.options) {
        if (o.id === DONT_KNOW || o.score >= 1) continue;
        if (conditionValue(q.when, { [ref]: { choice: [o.id] } }) !== false) continue;
        warnings.push({
          path: ['questions', i, 'when'],
          message:
            `"${ref}" answered "${o.id}" (score ${o.score}) switches "${q.id}" off: only a checked negative, ` +
            `an option with score 1, should skip a follow-up; otherwise keep "${q.id}" applicable under "${o.id}"`,
          severity: 'warning',
        });
      }
    }
  });
  return warnings;
}
