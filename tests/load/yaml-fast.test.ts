// The fast reader must agree with the full `yaml` parser wherever it answers, data and lines alike.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseSimpleYaml } from '../../src/load/yaml-fast.js';
import { parseYamlText } from '../../src/load/yaml-file.js';
import { PATH_SEP } from '../../src/load/yaml-fast.js';

/** Full parse, or the error it raises; the fast reader may only answer when this succeeds. */
function full(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    const doc = parseYamlText('t.yaml', text, 'file');
    return { ok: true, data: doc.data };
  } catch {
    return { ok: false };
  }
}

function agree(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === null || Object.keys(fast.data).length === 0) return false;
  const reference = full(text);
  expect(reference.ok, `fast reader accepted text the full parser rejects:\n${text}`).toBe(true);
  expect(fast.data).toEqual((reference as { data: unknown }).data);
  const doc = parseYamlText('t.yaml', text, 'file');
  for (const [key, line] of fast.lines) {
    const path = key.split(PATH_SEP).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    expect(line, `line of ${path.join('.')}`).toBe(doc.lineOf(path));
  }
  return true;
}

// values shaped like readiness.yaml, with strings that stress YAML's plain-scalar rules
const tricky = fc.constantFrom(
  'humans', 'a b', 'yes', 'no', 'on', 'true', 'False', 'null', '~', '', ' ', '12', '012', '1e3', '0x1F', '0o17', '.5', '1.', '-', '- x',
  'a: b', 'a:b', 'a #b', 'a#b', '#x', "it's", 'say "hi"', '[x]', '{x}', 'x, y', '*x', '&x', '!x', '|', '>', '%x', '@x', '`x`',
  'x:', ' lead', 'trail ', 'multi\nline', 'tab\there', 'back\\slash', 'ü', '2026-11-01', '2026-11-01T10:00:00Z', '-1', '+1', '.inf', '.NaN',
  'a\u00a0#b', 'a\u2003#b',
);
const scalar = fc.oneof({ arbitrary: fc.constantFrom('humans', 'batch', 'Ana Lima', 'needs a | pipe', '2026-11-01'), weight: 6 }, tricky, fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const key = fc.oneof({ arbitrary: fc.constantFrom('consumer', 'frequency', 'answers', 'data-access', 'note'), weight: 8 }, fc.constantFrom('consumer', 'frequency', 'data-access', 'q_1', '$schema', 'choice', 'note', 'at', 'by', '1x', '12', 'true', 'a.b', 'False', 'NULL', 'null', '0x1F', '0o17', '1e3', '012', '1.5', '9_9'), fc.string({ minLength: 1, maxLength: 6 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(scalar, { maxLength: 3 }), tie('map')),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).map;
const top = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });
const style = fc.record({
  // quoted keys always take the full parser; plain style is what people and `ready` write
  defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  indentSeq: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  flowLists: fc.boolean(),
  comments: fc.boolean(),
});

function render(data: unknown, s: { defaultStringType: string; indentSeq: boolean; indent: number; flowLists: boolean; comments: boolean }) {
  let text = stringify(data, { defaultStringType: s.defaultStringType as 'PLAIN', indentSeq: s.indentSeq, indent: s.indent, collectionStyle: 'block', lineWidth: 0 });
  if (s.flowLists) text = stringify(data, { defaultStringType: s.defaultStringType as 'PLAIN', indent: s.indent, lineWidth: 0, flowCollectionPadding: false }).replace(/^(\s*)(\S.*)$/gm, '$1$2');
  if (s.comments) text = `# header\n\n${text.replace(/\n/g, '\n# between\n')}`;
  return text;
}

describe('parseSimpleYaml', () => {
  it('agrees with the full parser on generated documents', () => {
    let answered = 0;
    fc.assert(
      fc.property(top, style, (data, s) => {
        if (agree(render(data, s))) answered++;
      }),
      { numRuns: 3000 },
    );
    // the generator must reach the answering side often enough for the property to mean something
    expect(answered).toBeGreaterThan(100);
  });

  it('takes the fast path for plain readiness-like documents', () => {
    const word = fc.constantFrom('humans', 'batch', 'Ana Lima', 'needs a | pipe', '2026-11-01', '2026-11-28T10:00:00.000Z', 'data-access', 'it is fine, really');
    const answer = fc.oneof(word, fc.record({ choice: fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 })), note: word, by: word, at: word }, { requiredKeys: ['choice'] }));
    const doc = fc.record({ project: word, rubric: fc.constant('builtin:default'), answers: fc.dictionary(fc.constantFrom('consumer', 'frequency', 'data-access', 'sponsor', 'q_1'), answer, { minKeys: 1 }) });
    let fast = 0;
    fc.assert(fc.property(doc, fc.boolean(), (d, indentSeq) => {
      if (agree(stringify(d, { indentSeq, lineWidth: 0 }))) fast++;
    }), { numRuns: 500 });
    expect(fast).toBe(500);
  });

  it('agrees with the full parser on token soup', () => {
    const line = fc
      .tuple(fc.constantFrom('', '  ', '    ', ' ', '\t'), fc.constantFrom('a:', 'b: c', '- x', '- ', 'c: "q # x"', "d: 'it''s'", 'e: [a, b]', 'f: [a, "b,c"]', 'g: {}', 'h: x #c', 'i: x#c', '# c', 'j: 1', 'k: 0x10', 'l: &a x', 'm: *a', 'n: |', 'o: >', '---', 'p: "a\\nb"', 'q: "\\x41"', 'r: [a, [b]]', 'key: value: x', '"s": 1', 's:', 'u: - x', 'v: -x', 'w:x', '? x', 'y: [a,]', 'z: "a"b'))
      .map(([indent, body]) => indent + body);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        agree(`${lines.join('\n')}\n`);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads what `ready assess` writes', () => {
    const text = [
      '# yaml-language-server: $schema=node_modules/ready-cli/schemas/readiness.schema.json',
      '# Readiness of the churn model',
      'project: churn',
      'rubric: builtin:default',
      'rubricVersion: 1.0.0',
      'answers:',
      '  consumer:',
      '    choice: humans',
      '    by: Ana Lima',
      '    at: 2026-11-28T10:00:00.000Z',
      '  tools:',
      '    choice:',
      '      - ci',
      '      - docker',
      '    note: "needs a | pipe and a `tick` # not a comment"',
      '',
    ].join('\n');
    expect(agree(text)).toBe(true);
    expect(parseSimpleYaml(text)!.data).toEqual(parse(text));
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a flow mapping', 'a: { choice: x }\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a document marker', '---\na: 1\n'],
  ])('leaves %s to the full parser', (_, text) => expect(parseSimpleYaml(text)).toBeNull());
});
