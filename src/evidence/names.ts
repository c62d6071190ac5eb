// File names are bytes. Most are UTF-8; the few that are not are shown with `\xNN` for each byte
// that is not, and the real bytes are kept so that the file can still be opened.

/** Decodes a file name; `exact` is false when the name is not valid UTF-8. */
export function decodeName(bytes: Buffer): { name: string; exact: boolean } {
  const name = bytes.toString('utf8');
  // U+FFFD is what Node puts in place of bytes that are not UTF-8; a real U+FFFD round-trips
  if (!name.includes('\uFFFD') || Buffer.from(name).equals(bytes)) {
    return { name, exact: true };
  }
  return { name: escapeInvalid(bytes), exact: false };
}

function escapeInvalid(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len === 0) {
      out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    } else {
      out += bytes.toString('utf8', i, i + len);
      i += len;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence starting at i, or 0 when the byte there starts none. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    // no overlong forms, no UTF-16 surrogates
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
