// The release workflow: a version tag is tested as CI tests, then published with provenance; and CI
// packs the package as `npm publish` would, so that a release cannot fail on packaging.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8'));
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };

describe('.github/workflows/release.yml', () => {
  it('runs on version tags only', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('tests first, the way CI does, and refuses a tag that is not the package version', () => {
    const steps = workflow.jobs.test.steps as Step[];
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('.ci/run');
    const check = steps.find((s) => s.run?.includes('package.json'))!;
    // the tag reaches the script through the environment, never as script text
    expect(check.env).toEqual({ TAG: '${{ github.ref_name }}' });
    expect(check.run).not.toContain('${{');
    expect(check.run).toMatch(/"\$TAG" != "v\$version"/);
  });

  it('publishes with provenance after the tests, with only the permissions provenance needs', () => {
    const publish = workflow.jobs.publish;
    expect(publish.needs).toBe('test');
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const steps = publish.steps as Step[];
    expect(steps.find((s) => s.uses === 'actions/setup-node@v4')!.with).toMatchObject({ 'registry-url': 'https://registry.npmjs.org' });
    const run = steps.find((s) => s.run?.startsWith('npm publish'))!;
    expect(run.run).toBe('npm publish --provenance --access public');
    expect(run.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });
});

describe('.ci/run', () => {
  it('packs the package as a release would, after the tests', () => {
    const script = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const lines = script.split('\n').map((l) => l.trim());
    expect(lines.indexOf('npm publish --dry-run')).toBeGreaterThan(lines.indexOf('npm test'));
    expect(lines.indexOf('npm test')).toBeGreaterThan(-1);
  });
});
