// Folders that git cannot list are walked without starting git at all.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { underGitMarker } from '../../src/evidence/list-git.js';
import { runCli } from '../helpers/cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ready-marker-'));

describe('underGitMarker', () => {
  it('finds a .git directory or file in the folder or above it', () => {
    const dir = fresh();
    expect(underGitMarker(dir)).toBe(false);
    mkdirSync(join(dir, 'repo/src/deep'), { recursive: true });
    mkdirSync(join(dir, 'repo/.git'));
    expect(underGitMarker(join(dir, 'repo/src/deep'))).toBe(true);
    expect(underGitMarker(join(dir, 'repo'))).toBe(true);
    // a linked work tree or a submodule has a .git file
    mkdirSync(join(dir, 'worktree'));
    writeFileSync(join(dir, 'worktree/.git'), 'gitdir: /elsewhere/.git/worktrees/w\n');
    expect(underGitMarker(join(dir, 'worktree'))).toBe(true);
  });

  it('keeps `ready scan` from starting git outside a repository', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'train.py'), 'import sklearn\n');
    // a `git` first on PATH that leaves a trace if anything runs it
    const bin = join(dir, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'git'), `#!/bin/sh\ntouch "${join(dir, 'git-was-run')}"\nexit 128\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const r = runCli(['scan', '--format', 'json'], { cwd: dir, env: { PATH: `${bin}${delimiter}${process.env.PATH}` } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).listing).toBe('walk');
    expect(existsSync(join(dir, 'git-was-run'))).toBe(false);
  });
});
