import { describe, expect, it, vi, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { editAnswer, editTopLevel, newReadinessText, ReadinessWriter, renameAnswer, type AnswerChange } from '../../src/write/readiness-writer.js';
import { loadReadiness } from '../../src/load/load-readiness.js';
import { InputError } from '../../src/errors.js';
import { FIXTURES } from '../helpers/rubric.js';
import { ROOT, tempProject } from '../helpers/cli.js';

// A write can be made to fail half-way through the temp file, or at the rename, to stand in for a
// crash or a full disk. Everything else goes to the real file system.
const crash = vi.hoisted(() => ({ at: null as null | 'write' | 'rename' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (crash.at === 'write' && String(file).endsWith('.tmp')) {
      fs.writeFileSync(file, String(data).slice(0, Math.floor(String(data).length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return fs.writeFileSync(file, data, options);
  };
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (crash.at === 'rename') throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    return fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, writeFileSync, renameSync }, writeFileSync, renameSync };
});
afterEach(() => {
  crash.at = null;
});

const MINI = join(FIXTURES, 'rubrics/mini.yaml');
const AT = '2026-11-28T12:00:00.000Z';
const by = (change: AnswerChange): AnswerChange => ({ ...change, by: 'Bo', at: AT });

// The team's own file: comments everywhere, keys in their order, 4-space indentation, shorthand
// answers, a block-scalar note and a blank line between entries.
const TEAM_FILE = `# yaml-language-server: $schema=../schemas/readiness.schema.json
# Readiness of the churn model. Reviewed every sprint.

gate:
    minScore: 60   # agreed with IT, 2026-10
project: churn   # shown in reports

answers:
    # tier
    consumer: humans   # first guess
    tools:
        - ci
        - docker
    quality:
        choice: manual
        note: |
            Checked by Ana
            every Monday.
        by: Ana
        at: 2026-01-02

    owner:     # ask the warehouse team
# end of answers
rubric: ${MINI}
`;

describe('editAnswer keeps the rest of the file as it was', () => {
  it('changes only the lines of the answers it touches', () => {
    let text = TEAM_FILE;
    text = editAnswer(text, 'consumer', by({ choice: ['machines'] }));
    text = editAnswer(text, 'tools', by({ choice: ['ci', 'docker', 'tests'] }));
    text = editAnswer(text, 'quality', by({ choice: ['automated'], note: null }));
    text = editAnswer(text, 'owner', by({ notApplicable: 'The vendor owns it.' }));
    text = editAnswer(text, 'serving', by({ choice: ['api'], note: 'Behind the gateway,\nsee ADR 7.' }));
    text = editAnswer(text, 'quality', { note: 'Great Expectations suite in CI.' });
    expect(text).toBe(`# yaml-language-server: $schema=../schemas/readiness.schema.json
# Readiness of the churn model. Reviewed every sprint.

gate:
    minScore: 60   # agreed with IT, 2026-10
project: churn   # shown in reports

answers:
    # tier
    consumer:
        choice: machines   # first guess
        by: Bo
        at: ${AT}
    tools:
        choice: [ci, docker, tests]
        by: Bo
        at: ${AT}
    quality:
        choice: automated
        by: Bo
        at: ${AT}
        note: Great Expectations suite in CI.

    owner:
        notApplicable: The vendor owns it.     # ask the warehouse team
        by: Bo
        at: ${AT}
    serving:
        choice: api
        note: "Behind the gateway,\\nsee ADR 7."
        by: Bo
        at: ${AT}
# end of answers
rubric: ${MINI}
`);
  });

  it('leaves a file that loads with the answers given', async () => {
    const dir = tempProject({ 'readiness.yaml': TEAM_FILE });
    const file = join(dir, 'readiness.yaml');
    let text = TEAM_FILE;
    text = editAnswer(text, 'consumer', by({ choice: ['machines'] }));
    text = editAnswer(text, 'tools', by({ choice: ['dont-know'] }));
    text = editAnswer(text, 'owner', by({ choice: ['named'], note: 'Jane (warehouse)' }));
    writeFileSync(file, text);
    // the file names the fixture rubric outside its temporary folder: only --rubric may do that
    const loaded = await loadReadiness(file, MINI);
    expect(loaded.project).toBe('churn');
    expect(loaded.gate).toEqual({ minScore: 60 });
    expect(loaded.answers.consumer).toMatchObject({ choice: ['machines'], by: 'Bo', at: AT });
    expect(loaded.answers.tools).toMatchObject({ choice: ['dont-know'] });
    expect(loaded.answers.owner).toMatchObject({ choice: ['named'], note: 'Jane (warehouse)' });
    expect(loaded.answers.quality).toMatchObject({ choice: ['manual'], note: 'Checked by Ana\nevery Monday.\n', by: 'Ana' });
  });

  it('turns "not applicable" back into a choice', () => {
    const text = editAnswer('answers:\n  owner:\n    notApplicable: vendor\n    by: Ana\n', 'owner', by({ choice: ['named'], notApplicable: null }));
    expect(text).toBe(`answers:\n  owner:\n    choice: named\n    by: Bo\n    at: ${AT}\n`);
  });

  it('adds an answers section to a file without one, and to an empty one', () => {
    expect(editAnswer('project: p  # mine\n', 'consumer', { choice: ['humans'] })).toBe('project: p  # mine\nanswers:\n  consumer:\n    choice: humans\n');
    expect(editAnswer('answers:   # to do\ngate: { minScore: 50 }\n', 'consumer', { choice: ['humans'] })).toBe(
      'answers:   # to do\n  consumer:\n    choice: humans\ngate: { minScore: 50 }\n',
    );
  });

  it('falls back to the Document API for flow-style answers, keeping data and comments', () => {
    const text = editAnswer('# mine\nanswers: { consumer: humans }  # flow\nproject: p\n', 'owner', { choice: ['named'] });
    expect(text).toContain('# mine');
    expect(text).toContain('# flow');
    expect(text.indexOf('answers')).toBeLessThan(text.indexOf('project'));
    expect(text).toMatch(/consumer: humans/);
    expect(text).toMatch(/owner: \{ choice: named \}|owner:\n\s+choice: named/);
  });

  it('keeps Windows line endings', () => {
    const text = editAnswer('project: p\r\nanswers:\r\n  consumer: humans\r\n', 'owner', { choice: ['named'] });
    expect(text).toBe('project: p\r\nanswers:\r\n  consumer: humans\r\n  owner:\r\n    choice: named\r\n');
  });

  it('quotes what YAML would otherwise read as another type', () => {
    const text = editAnswer('answers:\n', 'latency', { choice: ['1'], note: 'true', by: '2026' });
    expect(editAnswer(text, 'x', { note: '# not a comment' })).toBe(`answers:\n  latency:\n    choice: "1"\n    note: "true"\n    by: "2026"\n  x:\n    note: "# not a comment"\n`);
  });
});

describe('a new readiness file', () => {
  it('starts with a comment header and the schema hint, then the first answer', () => {
    const text = editAnswer(newReadinessText({ rubric: 'builtin:default', rubricVersion: '0.1.0', schema: 'node_modules/ready-cli/schemas/readiness.schema.json' }), 'consumer', by({ choice: ['humans'] }));
    expect(text).toBe(`# yaml-language-server: $schema=node_modules/ready-cli/schemas/readiness.schema.json
# How ready this project is for production: answered with \`ready assess\`, scored by
# \`ready check\`. Commit it and review changes like code; \`ready\` keeps your comments and
# key order when it saves answers.
rubric: builtin:default
rubricVersion: 0.1.0
answers:
  consumer:
    choice: humans
    by: Bo
    at: ${AT}
`);
  });
});

describe('ReadinessWriter', () => {
  const header = { rubric: `${MINI}`, rubricVersion: '1.0.0' };

  it('creates the file at the first save, not before', () => {
    const dir = tempProject();
    const file = join(dir, 'readiness.yaml');
    const writer = new ReadinessWriter(file, null, header);
    expect(existsSync(file)).toBe(false);
    writer.save('consumer', by({ choice: ['humans'] }));
    writer.save('quality', by({ choice: ['manual'] }));
    expect(readFileSync(file, 'utf8')).toMatch(/^# How ready[\s\S]*consumer:\n {4}choice: humans[\s\S]*quality:\n {4}choice: manual/);
    expect(readdirSync(dir)).toEqual(['readiness.yaml']);
  });

  it('adds the answer to a file someone changed meanwhile, keeping their change', () => {
    const dir = tempProject({ 'readiness.yaml': TEAM_FILE });
    const file = join(dir, 'readiness.yaml');
    const writer = new ReadinessWriter(file, TEAM_FILE, header);
    writer.save('consumer', by({ choice: ['machines'] }));
    const edited = `${readFileSync(file, 'utf8')}# edited in an editor\n`;
    writeFileSync(file, edited);
    expect(writer.save('quality', by({ choice: ['none'] }))).toBe('merged');
    expect(readFileSync(file, 'utf8')).toBe(editAnswer(edited, 'quality', by({ choice: ['none'] })));
  });

  it('refuses to overwrite a file changed meanwhile into one it cannot edit, and keeps the answer for the next save', () => {
    const dir = tempProject({ 'readiness.yaml': TEAM_FILE });
    const file = join(dir, 'readiness.yaml');
    const writer = new ReadinessWriter(file, TEAM_FILE, header);
    writeFileSync(file, 'answers: [unclosed\n');
    expect(() => writer.save('quality', by({ choice: ['none'] }))).toThrow(/was changed while `ready assess` was running and can no longer be edited .*; not overwriting it/);
    expect(readFileSync(file, 'utf8')).toBe('answers: [unclosed\n');
    expect(writer.unsaved.map((u) => u.id)).toEqual(['quality']);
    writeFileSync(file, TEAM_FILE);
    writer.save('owner', by({ choice: ['named'] }));
    expect(writer.unsaved).toEqual([]);
    expect(readFileSync(file, 'utf8')).toMatch(/quality:[\s\S]*choice: none/);
  });

  for (const at of ['write', 'rename'] as const) {
    it(`leaves the old file intact byte for byte when the ${at} fails half-way`, () => {
      const dir = tempProject({ 'readiness.yaml': TEAM_FILE });
      const file = join(dir, 'readiness.yaml');
      const before = readFileSync(file);
      const writer = new ReadinessWriter(file, TEAM_FILE, header);
      crash.at = at;
      expect(() => writer.save('consumer', by({ choice: ['machines'] }))).toThrow(InputError);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['readiness.yaml']);
      // the writer did not move on: once the disk recovers, the next save works
      crash.at = null;
      writer.save('consumer', by({ choice: ['machines'] }));
      expect(readFileSync(file, 'utf8')).toContain('choice: machines');
    });
  }

  it('leaves the old file intact when the process is killed in the middle of a save', async () => {
    // A separate process saves with the real writer and is SIGKILLed half-way through writing the
    // temp file, and in another run just before the rename.
    const dir = tempProject({ 'readiness.yaml': TEAM_FILE });
    const file = join(dir, 'readiness.yaml');
    const bundle = join(dir, 'writer.mjs');
    await build({ entryPoints: [join(ROOT, 'src/write/readiness-writer.ts')], outfile: bundle, bundle: true, format: 'esm', platform: 'node', logLevel: 'error',
      // yaml is CommonJS: give its `require` calls something to call, as scripts/build.mjs does
      banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    });
    const driver = join(dir, 'driver.mjs');
    writeFileSync(
      driver,
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const [file, when] = process.argv.slice(2);
const { writeFileSync } = fs;
if (when === 'write') fs.writeFileSync = (f, data, o) => { writeFileSync(f, String(data).slice(0, 40)); process.kill(process.pid, 'SIGKILL'); };
if (when === 'rename') fs.renameSync = () => process.kill(process.pid, 'SIGKILL');
syncBuiltinESMExports();
const { ReadinessWriter } = await import('./writer.mjs');
new ReadinessWriter(file, fs.readFileSync(file, 'utf8'), { rubric: 'builtin:default', rubricVersion: '1' }).save('consumer', { choice: ['machines'] });
`,
    );
    const before = readFileSync(file);
    for (const [i, when] of ['write', 'rename'].entries()) {
      const r = spawnSync(process.execPath, [driver, file, when], { encoding: 'utf8' });
      expect(r.signal, r.stderr).toBe('SIGKILL');
      expect(readFileSync(file).equals(before)).toBe(true);
      // each killed process leaves its temp file behind, beside the intact original
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(i + 1);
    }
    const done = spawnSync(process.execPath, [driver, file, 'none'], { encoding: 'utf8' });
    expect(done.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('choice: machines   # first guess');
  });
});

describe('removing the last field of an answer', () => {
  it('removes the whole entry, and leaves `answers:` empty when it was the only one', () => {
    expect(editAnswer('answers:\n  a:\n    note: x\n  b: y\nproject: p\n', 'a', { note: null })).toBe('answers:\n  b: y\nproject: p\n');
    expect(editAnswer('answers:\n  a:\n    note: x\nproject: p\n', 'a', { note: null })).toBe('answers:\nproject: p\n');
  });
});

describe('top-level keys and renamed answers', () => {
  it('sets a top-level scalar in place, or adds it before the answers', () => {
    expect(editTopLevel('# c\nrubric: builtin:default  # for now\nanswers:\n  a: b\n', 'rubric', 'acme.yaml')).toBe('# c\nrubric: acme.yaml  # for now\nanswers:\n  a: b\n');
    expect(editTopLevel('project: p\n\n# the answers\nanswers:\n  a: b\n', 'rubric', 'acme.yaml')).toBe('project: p\n\n# the answers\nrubric: acme.yaml\nanswers:\n  a: b\n');
  });

  it('renames an answer key where it stands, keeping its value and comments', () => {
    const text = 'answers:\n  # ownership\n  data-owner: none   # asked in 0.9\n  tools: [ci]\n';
    expect(renameAnswer(text, 'data-owner', 'owner')).toBe('answers:\n  # ownership\n  owner: none   # asked in 0.9\n  tools: [ci]\n');
    expect(renameAnswer(text, 'absent', 'owner')).toBe(text);
  });
});
