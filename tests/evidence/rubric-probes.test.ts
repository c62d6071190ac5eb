// Probes as a rubric author writes them: the schema and the meaning checks refuse what the
// scanner could not use, each with the path of the problem.
import { describe, expect, it } from 'vitest';
import { prepareRubric } from '../../src/core/prepare-rubric.js';
import { runCli, tempProject } from '../helpers/cli.js';

const rubricWith = (probe: Record<string, unknown>) => ({
  id: 'probes',
  version: '1',
  title: 'Probes',
  areas: [{ id: 'tech', title: 'Tech' }],
  tiers: [{ id: 'any', title: 'Any' }],
  tierRules: [{ when: {}, tier: 'any', reason: 'One tier.' }],
  levels: [{ id: 'low', title: 'Low', min: 0 }],
  questions: [
    {
      id: 'packaging',
      area: 'tech',
      prompt: 'How is it packaged?',
      options: [
        { id: 'container', label: 'Container', score: 1 },
        { id: 'none', label: 'Nothing', score: 0 },
      ],
      remediation: { summary: 'Package it.', steps: ['Write a Dockerfile.'], effort: 'S' },
      evidence: [probe],
    },
  ],
});

const problems = (probe: Record<string, unknown>) => prepareRubric(rubricWith(probe)).problems.map((p) => `${p.path.join('.')}: ${p.message}`);

describe('probe checks', () => {
  it.each([
    [{ kind: 'file', paths: ['Dockerfile'], supports: ['container'], absenceContradicts: true }, []],
    [{ kind: 'file', paths: ['../outside'] }, ['questions.0.evidence.0.paths.0: must be a path inside the repository (no leading "/", no "..")']],
    [{ kind: 'file', paths: ['a[b'] }, ['questions.0.evidence.0.paths.0: glob has an unclosed "["']],
    // RE2 runs `(a+)+` in linear time; only what it cannot do (back-references) is refused
    [{ kind: 'content', paths: ['*.py'], pattern: '(a+)+' }, []],
    [{ kind: 'content', paths: ['*.py'], pattern: '(a)\\1' }, [expect.stringMatching(/^questions\.0\.evidence\.0\.pattern: pattern is not a valid regular expression in RE2 syntax: .*back-references/)]],
    [{ kind: 'content', paths: ['*.py'], pattern: '(' }, [expect.stringMatching(/^questions\.0\.evidence\.0\.pattern: pattern is not a valid regular expression/)]],
    [{ kind: 'file', paths: ['Dockerfile'], absenceContradicts: true }, ['questions.0.evidence.0.absenceContradicts: needs the options this probe supports ("supports"): those are what its absence contradicts']],
    [{ kind: 'file', paths: ['Dockerfile'], supports: ['container'], contradicts: ['container'] }, ['questions.0.evidence.0.contradicts: "container" cannot be both supported and contradicted by one probe']],
    [{ kind: 'dependency', packages: ['docker'], supports: ['kubernetes'] }, ['questions.0.evidence.0.supports.0: "packaging" has no option "kubernetes"']],
  ])('%j', (probe, expected) => {
    expect(problems(probe)).toEqual(expected);
  });

  it('ready rubric validate names the line of a bad pattern', async () => {
    const dir = tempProject({
      'rubric.yaml': JSON.stringify(rubricWith({ kind: 'content', paths: ['*.py'], pattern: '(?=x)' }), null, 2),
    });
    const r = await runCli(['rubric', 'validate', 'rubric.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ready: rubric\.yaml:\d+ questions\[0\]\.evidence\[0\]\.pattern: pattern is not a valid regular expression in RE2 syntax: .*look-ahead/m);
  });
});
