// Repositories built to hurt a scanner. Created in a temp dir in setup, never committed: links to
// /etc, link loops, a 200 MB sparse file, a binary requirements.txt, a non-UTF-8 name, a FIFO, an
// unreadable directory. The scan must finish, read nothing outside the root, and say what it skipped.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SkippedFile } from '../../src/core/evidence.js';
import { scanRepository } from '../../src/evidence/scan.js';
import { openRepository } from '../../src/evidence/node-repo.js';
import { evidenceRubric, foundPaths } from './helpers.js';

// every path the scanner hands to the file system, to prove it never reads outside the root
const touched = vi.hoisted(() => ({ reads: [] as string[], lists: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const str = (p: unknown) => (Buffer.isBuffer(p) ? p.toString('latin1') : String(p));
  return {
    ...fs,
    readFileSync: (p: never, ...rest: never[]) => (touched.reads.push(str(p)), fs.readFileSync(p, ...rest)),
    readdirSync: (p: never, ...rest: never[]) => (touched.lists.push(str(p)), fs.readdirSync(p, ...rest)),
  };
});

const rubric = await evidenceRubric();
let root: string;
const NON_UTF8 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x70, 0x79]); // "caf\xE9.py" in Latin-1
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'ready-hostile-')));
  const at = (p: string) => join(root, p);
  symlinkSync('/etc', at('etc-link'));
  symlinkSync('/etc/passwd', at('Dockerfile')); // a "container build file" that is really /etc/passwd
  symlinkSync('loop-b', at('loop-a'));
  symlinkSync('loop-a', at('loop-b'));
  symlinkSync('.', at('self')); // a directory loop inside the root
  symlinkSync('/nonexistent/target', at('dangling'));
  execFileSync('truncate', ['-s', '200M', at('big.py')]); // sparse: no disk used, but 200 MB to a reader
  writeFileSync(at('requirements.txt'), Buffer.concat([Buffer.from('fastapi==0.110.0\n'), Buffer.alloc(64), Buffer.from('PK\x03\x04')]));
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), NON_UTF8]), 'from skl2onnx import convert_sklearn\n');
  execFileSync('mkfifo', [at('pipe.py')]); // opening it for reading would wait forever
  mkdirSync(at('secret'));
  writeFileSync(at('secret/notes.py'), 'import torch\ntorch.onnx.export(model, x, "m.onnx")\n');
  chmodSync(at('secret'), 0o000);
});

afterAll(() => {
  chmodSync(join(root, 'secret'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

const reasonsOf = (skipped: SkippedFile[]) => Object.fromEntries(skipped.map((s) => [s.path, s.reason]));

describe('a hostile repository, walked', () => {
  it('finishes, reads nothing outside the root, and reports what it skipped', async () => {
    touched.reads.length = 0;
    touched.lists.length = 0;
    const evidence = await scanRepository(root, rubric, { git: false });

    const outside = [...touched.reads, ...touched.lists].filter((p) => !p.startsWith(root));
    expect(outside).toEqual([]);

    const reasons = reasonsOf(evidence.skipped);
    expect(reasons).toMatchObject({
      'etc-link': 'outside-root',
      Dockerfile: 'outside-root',
      'loop-a': 'broken-link',
      'loop-b': 'broken-link',
      dangling: 'broken-link',
      'requirements.txt': 'binary',
    });
    expect(evidence.skipped.find((s) => s.path === 'etc-link')!.detail).toBe('links to /etc');
    expect(evidence.skipped.find((s) => s.path === 'big.py')).toMatchObject({ reason: 'too-large', detail: '200 MiB, more than the 1 MiB read' });
    // as root, chmod 000 does not stop reads, so the directory is simply read
    if (isRoot) expect(reasons['secret/']).toBeUndefined();
    else expect(reasons['secret/']).toBe('unreadable');
    expect(evidence.skippedTotal).toBe(evidence.skipped.length);
  });

  it('does not count what it skipped as evidence, and still reads the non-UTF-8 file', async () => {
    const evidence = await scanRepository(root, rubric, { git: false });
    const found = foundPaths(evidence);
    expect(found['container-file']).toEqual([]); // the Dockerfile link leads out of the root
    expect(found['python-web']).toEqual([]); // the only requirements.txt is binary
    expect(found['onnx-export']).toEqual(isRoot ? ['caf\\xE9.py', 'secret/notes.py'] : ['caf\\xE9.py']);
  });

  it('lists links inside the root as entries, and leaves out links out of it, broken links and the FIFO', async () => {
    const repo = await openRepository(root, { git: false });
    const listed = ['big.py', 'caf\\xE9.py', 'requirements.txt', 'self', ...(isRoot ? ['secret/notes.py'] : [])];
    expect([...repo.list()].sort()).toEqual(listed.sort());
  });
});

describe('a hostile repository, listed by git', () => {
  it('lists tracked and untracked files, skips ignored ones, and guards every read the same way', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(root, '.gitignore'), 'ignored/\n');
    mkdirSync(join(root, 'ignored'));
    writeFileSync(join(root, 'ignored/Dockerfile'), 'FROM scratch\n');
    mkdirSync(join(root, 'tracked'));
    writeFileSync(join(root, 'tracked/gone.ipynb'), '{}');
    git('add', '.gitignore', 'Dockerfile', 'etc-link', 'requirements.txt', 'tracked/gone.ipynb');
    git('commit', '-q', '-m', 'hostile');
    rmSync(join(root, 'tracked/gone.ipynb')); // still in the index, gone from the work tree

    touched.reads.length = 0;
    const evidence = await scanRepository(root, rubric);
    expect(evidence.listing).toBe('git');
    expect(touched.reads.filter((p) => !p.startsWith(root))).toEqual([]);
    const found = foundPaths(evidence);
    expect(found['container-file']).toEqual([]); // ignored/Dockerfile is ignored, ./Dockerfile leads to /etc/passwd
    expect(found.notebooks).toEqual([]); // deleted since it was committed
    expect(found['onnx-export']).toContain('caf\\xE9.py'); // untracked, not ignored, not UTF-8
    expect(reasonsOf(evidence.skipped)).toMatchObject({ Dockerfile: 'outside-root', 'big.py': 'too-large', 'requirements.txt': 'binary' });
    if (!isRoot) expect(evidence.skipped.some((s) => s.path.startsWith('secret') && s.reason === 'unreadable')).toBe(true);
  });
});
