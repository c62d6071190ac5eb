// Escaping of user text (notes, labels, names; anything from readiness.yaml or a rubric) for each
// output language. Every helper first drops terminal sequences, control and bidi characters
// (text/sanitize.ts).
import { cleanText } from './sanitize.js';

/** One line of text: notes may hold newlines, which would end a table row or a list item. */
export const oneLine = (text: string) => cleanText(text).replace(/\s*[\r\n]+\s*/g, ' ').trim();

// A newline in HTML text renders as a space anyway; as a space it cannot start a line of the file
// a CI log shows.
export const escapeHtml = (text: string) =>
  cleanText(text).replace(/\n/g, ' ').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// XML 1.0 allows neither most C0 controls (cleanText drops them) nor lone surrogates and U+FFFE/F.
const XML_INVALID = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

// XML keeps a newline as the character reference &#10;: the parsed text is the same, an attribute
// even keeps it (a raw one would be normalised to a space), and the file has no line break a CI log
// could show as a line of its own.
export const escapeXml = (text: string) =>
  cleanText(text)
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/\n/g, '&#10;');

/**
 * Inline GitHub-flavoured markdown that renders as the literal text: HTML is entity-encoded (so
 * `<script>` shows as text), markdown punctuation is backslash-escaped (so `|` cannot split a table
 * cell and a backtick cannot open code), and newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]|~{}]/g, '\\$&')
    // these only mean something at the start of a line; escaping the punctuation is valid anywhere
    .replace(/^[#+=-](?=[\s#+=-]|$)/, '\\$&')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A link target for markdown and HTML: only http(s), and nothing that can end the link early. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s<>()"'`|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
