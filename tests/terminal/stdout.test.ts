import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/terminal/stdout.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A writer that takes at most `chunk` bytes a call and fails with `failWith` once `failAt` bytes are in. */
function fakeFd(opts: { chunk: number; failAt?: number; failWith?: string }) {
  const received: number[] = [];
  return {
    received,
    write(bytes: Buffer, from: number): number {
      if (opts.failAt !== undefined && received.length >= opts.failAt) throw errno(opts.failWith!);
      const n = Math.min(opts.chunk, bytes.length - from);
      received.push(...bytes.subarray(from, from + n));
      return n;
    },
  };
}

describe('writeAll (stdout without process.stdout)', () => {
  const text = Buffer.from('x'.repeat(1000) + 'é'.repeat(100));

  it('keeps writing after short writes until every byte is out', () => {
    const fd = fakeFd({ chunk: 7 });
    expect(writeAll(text, fd.write, () => expect.fail('not blocked'))).toBe('written');
    expect(Buffer.from(fd.received).equals(text)).toBe(true);
  });

  it('hands exactly the unwritten rest to the stream when the pipe would block', () => {
    const fd = fakeFd({ chunk: 64, failAt: 512, failWith: 'EAGAIN' });
    const handed: Buffer[] = [];
    expect(writeAll(text, fd.write, (rest) => handed.push(rest))).toBe('handed-over');
    expect(fd.received).toHaveLength(512);
    expect(Buffer.concat([Buffer.from(fd.received), ...handed]).equals(text)).toBe(true);
  });

  it('stops quietly when the reader has gone', () => {
    const fd = fakeFd({ chunk: 100, failAt: 300, failWith: 'EPIPE' });
    expect(writeAll(text, fd.write, () => expect.fail('not blocked'))).toBe('reader-gone');
    expect(fd.received).toHaveLength(300);
  });

  it('passes on any other error', () => {
    const fd = fakeFd({ chunk: 100, failAt: 0, failWith: 'EIO' });
    expect(() => writeAll(text, fd.write, () => {})).toThrow('EIO');
  });
});
