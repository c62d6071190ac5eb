// Fitting text to a terminal's columns, for every reporter and the prompts.

/** Columns a text takes: its code points, counted without building an array (wrap asks for every word). */
export function length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const unit = text.charCodeAt(i);
    // a surrogate pair is one code point
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

/** Cuts text to `width` columns, marking the cut with an ellipsis. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Word-wraps to `width` columns; a word longer than a line is cut into pieces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineLength = 0;
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (length(word) > width) {
      if (line) lines.push(line);
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
      line = '';
      lineLength = 0;
    }
    if (!word) continue;
    const wordLength = length(word);
    if (line && lineLength + 1 + wordLength > width) {
      lines.push(line);
      line = word;
      lineLength = wordLength;
    } else {
      line = line ? `${line} ${word}` : word;
      lineLength += (lineLength > 0 ? 1 : 0) + wordLength;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

