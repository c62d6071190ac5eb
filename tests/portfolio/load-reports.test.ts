import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { digestReports, findReportFiles, matchesGlob, readReport, fallbackProjectName } from '../../src/load/load-reports.js';
import type { ReportDigest } from '../../src/core/portfolio.js';
import { tempProject } from '../helpers/cli.js';
import { portfolioReports } from './fixtures.js';

describe('matchesGlob: the probe-glob dialect on the command line', () => {
  const cases: [string, string, boolean][] = [
    ['*.json', 'a.json', true],
    ['*.json', 'a/b.json', false],
    ['*.json', 'a.yaml', false],
    ['?.json', 'a.json', true],
    ['?.json', 'ab.json', false],
    ['team-?/*.json', 'team-a/x.json', true],
    ['team-?/*.json', 'team-ab/x.json', false],
    ['**/*.json', 'x.json', true],
    ['**/*.json', 'a/b/c/x.json', true],
    ['a/**/r.json', 'a/r.json', true],
    ['a/**/r.json', 'a/b/c/r.json', true],
    ['a/**/r.json', 'b/r.json', false],
    ['**', 'a/b', true],
    ['a.b+(c)', 'a.b+(c)', true],
    ['a.b', 'axb', false],
    ['*report*', 'my-report.json', true],
    ['{a,b}/*.json', 'a/r.json', true],
    ['{a,b}/*.json', 'b/r.json', true],
    ['{a,b}/*.json', 'c/r.json', false],
    ['team-[ab]/*.json', 'team-b/r.json', true],
    ['team-[ab]/*.json', 'team-c/r.json', false],
  ];
  it.each(cases)('%s against %s is %s', (pattern, path, expected) => {
    expect(matchesGlob(pattern)(path)).toBe(expected);
  });
});

describe('findReportFiles', () => {
  const tree = () =>
    tempProject({
      'reports/team-a/alpha.json': '{}',
      'reports/team-a/notes.md': '# not a report',
      'reports/team-b/deep/bravo.json': '{}',
      'reports/team-b/charlie.JSON': '{}',
      'reports/node_modules/pkg/package.json': '{}',
      'reports/.git/config.json': '{}',
      'reports/top.json': '{}',
      'other/x.json': '{}',
    });
  const rel = (dir: string, files: string[]) => files.map((f) => relative(dir, f).split('\\').join('/'));

  it('searches directories recursively for JSON files, skipping .git and node_modules, in a stable order', () => {
    const dir = tree();
    const { files, missing } = findReportFiles([join(dir, 'reports')]);
    expect(rel(dir, files)).toEqual(['reports/team-a/alpha.json', 'reports/team-b/charlie.JSON', 'reports/team-b/deep/bravo.json', 'reports/top.json']);
    expect(missing).toEqual([]);
  });

  it('expands *, ? and ** patterns; a matching directory is searched like a named one', () => {
    const dir = tree();
    const find = (...patterns: string[]) => rel(dir, findReportFiles(patterns.map((p) => join(dir, p))).files);
    expect(find('reports/*/*.json')).toEqual(['reports/team-a/alpha.json']);
    expect(find('reports/team-?')).toEqual(['reports/team-a/alpha.json', 'reports/team-b/charlie.JSON', 'reports/team-b/deep/bravo.json']);
    expect(find('reports/**/*.json')).toEqual(['reports/team-a/alpha.json', 'reports/team-b/deep/bravo.json', 'reports/top.json']);
    expect(find('*/top.json', 'other/*')).toEqual(['reports/top.json', 'other/x.json']);
  });

  it('lists a file once however many paths name it', () => {
    const dir = tree();
    const { files } = findReportFiles([join(dir, 'reports/top.json'), join(dir, 'reports'), join(dir, 'reports/*.json')]);
    expect(rel(dir, files).filter((f) => f === 'reports/top.json')).toHaveLength(1);
    expect(files).toHaveLength(4);
  });

  it('reports the paths and patterns that name nothing', () => {
    const dir = tree();
    const { files, missing } = findReportFiles([join(dir, 'nope.json'), join(dir, 'reports/*.yaml')]);
    expect(files).toEqual([]);
    expect(missing).toEqual([
      { file: join(dir, 'nope.json'), reason: 'no such file or directory' },
      { file: join(dir, 'reports/*.yaml'), reason: 'no file or directory matches this pattern' },
    ]);
  });

  it('reads a file named on the command line whatever its extension, and does not follow linked directories', () => {
    const dir = tree();
    mkdirSync(join(dir, 'links'));
    symlinkSync(join(dir, 'reports'), join(dir, 'links/loop'));
    symlinkSync(join(dir, 'other/x.json'), join(dir, 'links/x.json'));
    expect(rel(dir, findReportFiles([join(dir, 'reports/team-a/notes.md')]).files)).toEqual(['reports/team-a/notes.md']);
    expect(rel(dir, findReportFiles([join(dir, 'links')]).files)).toEqual(['links/x.json']);
  });
});

/** Why a file was not read as a report (undefined when it was). */
const reasonOf = (file: string) => {
  const r = readReport(file);
  return 'reason' in r ? r.reason : undefined;
};

describe('readReport', () => {
  it('returns a valid report, and a reason for a corrupt, foreign or empty file', async () => {
    const { report } = (await portfolioReports())[0]!;
    const dir = tempProject({
      'good/r.json': JSON.stringify(report, null, 2),
      'bom/r.json': `\uFEFF${JSON.stringify(report)}`,
      'corrupt/r.json': '{\n  "schemaVersion": 1,\n  "score": ,\n}',
      'truncated/r.json': '{\n  "schemaVersion": 1\n  "score": 3 }',
      'foreign/package.json': JSON.stringify({ name: 'x', version: '1.0.0' }),
      'empty/r.json': '',
    });
    expect(readReport(join(dir, 'good/r.json')).report?.project).toBe('alpha');
    expect(readReport(join(dir, 'bom/r.json')).report?.project).toBe('alpha');
    expect(readReport(join(dir, 'corrupt/r.json'))).toEqual({ file: join(dir, 'corrupt/r.json'), reason: "not valid JSON (Unexpected token ',')" });
    expect(reasonOf(join(dir, 'truncated/r.json'))).toBe("not valid JSON (Expected ',' or '}' after property value, line 3)");
    expect(reasonOf(join(dir, 'foreign/package.json'))).toBe('not a ready report (no schemaVersion)');
    expect(reasonOf(join(dir, 'empty/r.json'))).toMatch(/^not valid JSON/);
    const digests: ReportDigest[] = [];
    const skipped = await digestReports([dir], (d) => digests.push(d));
    expect(digests.map((d) => [relative(dir, d.file), d.name])).toEqual([
      [join('bom', 'r.json'), 'alpha'],
      [join('good', 'r.json'), 'alpha'],
    ]);
    expect(skipped.map((s) => relative(dir, s.file))).toEqual([join('corrupt', 'r.json'), join('empty', 'r.json'), join('foreign', 'package.json'), join('truncated', 'r.json')]);
  });

  it('names a project after its directory when the report does not', () => {
    expect(fallbackProjectName('/srv/reports/churn-model/report.json')).toBe('churn-model');
  });
});
