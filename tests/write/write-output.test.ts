import { describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/write/write-output.js';
import { InputError } from '../../src/errors.js';
import { tempProject } from '../helpers/cli.js';

describe('writeFileAtomic', () => {
  it('replaces the file and keeps its permissions', () => {
    const dir = tempProject({ 'readiness.yaml': 'old\n' });
    const file = join(dir, 'readiness.yaml');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['readiness.yaml']); // no temp file left
  });

  it('creates a new file, and reports a folder that does not exist as an input error', () => {
    const dir = tempProject();
    writeFileAtomic(join(dir, 'report.json'), '{}\n');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{}\n');
    expect(() => writeFileAtomic(join(dir, 'missing/report.json'), '{}')).toThrow(InputError);
    writeFileSync(join(dir, 'keep.txt'), 'x');
    expect(readdirSync(dir).sort()).toEqual(['keep.txt', 'report.json']);
  });
});
