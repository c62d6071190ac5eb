// Listing a repository: folders that git cannot list are walked without starting git at all, and
// a small repository is listed by one git process, a large one by two; the listing is the same.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { gitMarker, listGit } from '../../src/evidence/list-git.js';
import { runCli } from '../helpers/cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ready-marker-'));

describe('gitMarker', () => {
  it('finds a .git directory or file in the folder or above it', () => {
    const dir = fresh();
    expect(gitMarker(dir)).toBeUndefined();
    mkdirSync(join(dir, 'repo/src/deep'), { recursive: true });
    mkdirSync(join(dir, 'repo/.git'));
    expect(gitMarker(join(dir, 'repo/src/deep'))).toBe(join(dir, 'repo/.git'));
    expect(gitMarker(join(dir, 'repo'))).toBe(join(dir, 'repo/.git'));
    // a linked work tree or a submodule has a .git file
    mkdirSync(join(dir, 'worktree'));
    writeFileSync(join(dir, 'worktree/.git'), 'gitdir: /elsewhere/.git/worktrees/w\n');
    expect(gitMarker(join(dir, 'worktree'))).toBe(join(dir, 'worktree/.git'));
  });

  it('keeps `ready scan` from starting git outside a repository', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'train.py'), 'import sklearn\n');
    // a `git` first on PATH that leaves a trace if anything runs it
    const bin = join(dir, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'git'), `#!/bin/sh\ntouch "${join(dir, 'git-was-run')}"\nexit 128\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const r = await runCli(['scan', '--format', 'json'], { cwd: dir, env: { PATH: `${bin}${delimiter}${process.env.PATH}` } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).listing).toBe('walk');
    expect(existsSync(join(dir, 'git-was-run'))).toBe(false);
  });
});

describe('listGit in one process or two', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });

  it('lists the same files in the same order either way: tracked once each (a conflict too), then untracked', async () => {
    const dir = fresh();
    git(dir, 'init', '-q');
    writeFileSync(join(dir, '.gitignore'), 'data/\n');
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/big.csv'), 'x\n');
    writeFileSync(join(dir, 'model.py'), 'a\n');
    writeFileSync(join(dir, 'train.py'), 'a\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    // both branches change model.py: merging leaves it unmerged, in three index stages
    git(dir, 'checkout', '-qb', 'other');
    writeFileSync(join(dir, 'model.py'), 'b\n');
    git(dir, 'commit', '-qam', 'other');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'model.py'), 'c\n');
    git(dir, 'commit', '-qam', 'main');
    expect(() => git(dir, 'merge', '-q', 'other')).toThrow();
    writeFileSync(join(dir, 'notes.md'), 'untracked\n');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x62, 0xff, 0x2e, 0x70, 0x79])]), 'not UTF-8\n');

    const parts = { one: [] as string[], two: [] as string[] };
    const one = await listGit(dir, (p) => parts.one.push(...p), { oneProcessMaxIndexBytes: Infinity });
    const two = await listGit(dir, (p) => parts.two.push(...p), { oneProcessMaxIndexBytes: -1 });
    expect(one).toBeDefined();
    expect(one!.files).toEqual(two!.files);
    expect(one!.files.slice(0, 3)).toEqual(['.gitignore', 'model.py', 'train.py']);
    expect(one!.files.filter((f) => f === 'model.py')).toHaveLength(1);
    expect(one!.files).not.toContain('data/big.csv');
    expect(one!.files).toContain('notes.md');
    expect(one!.files).toContain('b\\xFF.py');
    expect([...one!.rawNames]).toEqual([...two!.rawNames]);
    expect(one!.rawNames.get('b\\xFF.py')).toEqual(Buffer.from([0x62, 0xff, 0x2e, 0x70, 0x79]));
    expect(parts.one).toEqual(one!.files);
    expect(parts.two).toEqual(two!.files);
  });
});
