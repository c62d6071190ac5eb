import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, oneLine, safeUrl } from '../../src/text/escape.js';

describe('escaping user text', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['`code`', '\\`code\\`'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['line one\nline two\r\n  three', 'line one line two three'],
    ['**bold** _it_ ~~del~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~del\\~\\~'],
    ['[x](http://y)', '\\[x\\](http://y)'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['AT&T &amp;', 'AT&amp;T &amp;amp;'],
    ['back\\slash', 'back\\\\slash'],
    ['version 1.0.0', 'version 1.0.0'],
    ['1.0.0 at the start', '1.0.0 at the start'],
    ['---', '\\---'],
    ['#hashtag', '#hashtag'],
    ['-1 degrees', '-1 degrees'],
  ])('markdown: %j -> %j', (text, out) => {
    expect(escapeMarkdown(text)).toBe(out);
  });

  it.each([
    ['<b title="x">Tom & Jerry\'s</b>', '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;'],
    ['bell\u0007 and \u001b[31mred', 'bell and red'],
  ])('HTML: %j -> %j', (text, out) => {
    expect(escapeHtml(text)).toBe(out);
  });

  it('XML: drops what XML 1.0 cannot hold and escapes the rest', () => {
    expect(escapeXml('a\u0000b\u0008c \uD800 \uFFFF <&>"\'')).toBe('abc \uFFFD \uFFFD &lt;&amp;&gt;&quot;&apos;');
    expect(escapeXml('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('oneLine keeps words apart where lines were', () => {
    expect(oneLine('a\nb\n\nc')).toBe('a b c');
  });

  it.each([
    ['https://example.org/x?a=(1)', 'https://example.org/x?a=%281%29'],
    ['http://a.b/c d', 'http://a.b/c%20d'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    [undefined, undefined],
  ])('links: %j -> %j', (url, out) => {
    expect(safeUrl(url)).toBe(out);
  });
});
