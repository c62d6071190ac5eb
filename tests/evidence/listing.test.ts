// The parts of a git listing: NUL-separated names cut anywhere by the pipe, and the shallowest
// matches a file probe shows.
import { describe, expect, it } from 'vitest';
import { nulSplitter } from '../../src/evidence/list-git.js';
import { shallowest, sortShallowFirst } from '../../src/evidence/probes.js';

describe('nulSplitter', () => {
  const names = [Buffer.from('a.py'), Buffer.from('données/é.csv'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('z/日本.md')];
  const stream = Buffer.concat(names.flatMap((n) => [n, Buffer.from([0])]));

  it('gives the same names wherever the chunks are cut, even inside a UTF-8 sequence', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const raw = new Map<string, Buffer>();
      const split = nulSplitter(raw);
      const got = [...split(stream.subarray(0, cut)), ...split(stream.subarray(cut))];
      expect(got).toEqual(['a.py', 'données/é.csv', 'caf\\xE9', 'z/日本.md']);
      expect(raw).toEqual(new Map([['caf\\xE9', Buffer.from([0x63, 0x61, 0x66, 0xe9])]]));
    }
  });
});

describe('the shallowest matches', () => {
  it('orders by depth, then by list and listing order', () => {
    expect(sortShallowFirst(['a/b/c', 'x', 'a/b', 'y', 'a/c'])).toEqual(['x', 'y', 'a/b', 'a/c', 'a/b/c']);
  });

  it('picks the shallowest few without sorting everything, and says when it left some out', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `d/e/f/g${i}.py`);
    const lists = [['a/b/c.py', ...deep], ['top.py', 'a/b.py', 'top.py']];
    // a path matched twice counts twice towards `take`, and shows once
    expect(shallowest(lists, 5)).toEqual({ paths: ['top.py', 'a/b.py', 'a/b/c.py', 'd/e/f/g0.py'], all: false });
    expect(shallowest([['x/y', 'z']], 5)).toEqual({ paths: ['z', 'x/y'], all: true });
  });
});
