import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileGlob, expandBraces, globProblem, GlobIndex } from '../../src/match/glob.js';

const matches = (glob: string, path: string) => compileGlob(glob).some((g) => g.regex.test(path));

describe('probe globs', () => {
  it.each([
    ['Dockerfile', 'Dockerfile', true],
    ['Dockerfile', 'services/api/Dockerfile', false],
    ['**/Dockerfile', 'Dockerfile', true],
    ['**/Dockerfile', 'services/api/Dockerfile', true],
    ['**/*.yml', '.github/workflows/ci.yml', true],
    ['.github/workflows/*.y{a,}ml', '.github/workflows/ci.yaml', true],
    ['.github/workflows/*.y{a,}ml', '.github/workflows/sub/ci.yml', false],
    ['requirements*.txt', 'requirements-dev.txt', true],
    ['requirements*.txt', 'sub/requirements.txt', false],
    ['src/**/test_*.py', 'src/test_a.py', true],
    ['src/**/test_*.py', 'src/a/b/test_a.py', true],
    ['src/**/test_*.py', 'srcx/test_a.py', false],
    ['data/', 'data/raw/x.csv', true],
    ['data/**', 'data', false],
    ['model.[oO]nnx', 'model.Onnx', true],
    ['model.[!o]nnx', 'model.onnx', false],
    ['a?c', 'a/c', false],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['f\\*o', 'f*o', true],
    ['f\\*o', 'fxo', false],
  ])('%s ~ %s: %s', (glob, path, expected) => {
    expect(matches(glob, path)).toBe(expected);
  });

  it('expands braces, nested, and leaves a brace without a comma alone', () => {
    expect(expandBraces('a.{yml,yaml}')).toEqual(['a.yml', 'a.yaml']);
    expect(expandBraces('{a,b{c,d}}x')).toEqual(['ax', 'bcx', 'bdx']);
    expect(expandBraces('{a}')).toEqual(['{a}']);
  });

  it.each([
    ['../x', /inside the repository/],
    ['/etc/passwd', /inside the repository/],
    ['a//b', /empty/],
    ['a[bc', /unclosed "\["/],
    ['{a,b', /unclosed "\{"/],
    ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', /more than 64/],
    ['[z-a]', /Range out of order/],
    ['x'.repeat(301), /longer than 300/],
  ])('refuses %s', (glob, message) => {
    expect(globProblem(glob)).toMatch(message);
  });
});

describe('GlobIndex: many globs, one pass', () => {
  const listing = ['Dockerfile', 'README.md', 'services/api/Dockerfile', 'src/pkg/model.onnx', '.github/workflows/ci.yml', 'notebooks/a.ipynb', 'data/x.csv'];

  it('gives each glob its paths in listing order, whichever bucket it falls in', () => {
    const index = new GlobIndex();
    const ids = ['Dockerfile', '**/Dockerfile', '**/*.onnx', '.github/workflows/*', '**/*.{ipynb,onnx}', 'data/', 'nothing/*'].map((g) => index.add(g));
    const out = index.match(listing);
    expect(ids.map((id) => out[id])).toEqual([
      ['Dockerfile'],
      ['Dockerfile', 'services/api/Dockerfile'],
      ['src/pkg/model.onnx'],
      ['.github/workflows/ci.yml'],
      ['src/pkg/model.onnx', 'notebooks/a.ipynb'],
      ['data/x.csv'],
      [],
    ]);
  });

  it('compiles a glob used by several probes once', () => {
    const index = new GlobIndex();
    expect(index.add('**/*.py')).toBe(index.add('**/*.py'));
  });

  it('agrees with the plain regular expressions on every path', () => {
    const globs = ['**/*', '*', '**/*.md', 'src/**', '**/D*e', '?EADME.md', '**/{a,b}.ipynb', 'notebooks/[ab].ipynb'];
    const index = new GlobIndex();
    const ids = globs.map((g) => index.add(g));
    const out = index.match(listing);
    globs.forEach((g, i) => expect(out[ids[i]!]).toEqual(listing.filter((p) => matches(g, p))));
  });
});

describe('GlobIndex against the plain regular expression, on random globs and listings', () => {
  const segment = fc.constantFrom('a', 'b', 'ab', '.x', 'a.py', 'b.py', 'test_a.py', 'Dockerfile', 'Dockerfile.dev', 'r.txt');
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  const globSegment = fc.constantFrom('a', 'b', '*', '**', '*.py', 'test_*.py', 'Dockerfile', 'Dockerfile.*', '?', '[ab]', '{a,b}.py', '*.{py,txt}', 'r.txt');
  const glob = fc.array(globSegment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));

  it('finds exactly the paths the glob matches, in listing order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 30 }), fc.uniqueArray(glob, { minLength: 1, maxLength: 6 }), (listing, globs) => {
        const index = new GlobIndex();
        const ids = globs.map((g) => index.add(g));
        const out = index.match(listing);
        globs.forEach((g, i) => expect(out[ids[i]!]).toEqual(listing.filter((p) => matches(g, p))));
      }),
      { numRuns: 500 },
    );
  });
});

describe('GlobIndex fed in parts', () => {
  it('finds the same paths as one match over the whole listing, wherever the parts are cut', () => {
    const listing = ['a/x.py', 'a/y.py', 'a/b/test_x.py', 'Dockerfile', 'c/Dockerfile', 'c/d/e.ipynb', 'tests/t.py', 'a/z.py'];
    const globs = ['**/*.py', 'a/*.py', '**/test_*.py', '**/Dockerfile', 'tests/**', '**/*.ipynb'];
    const whole = new GlobIndex();
    globs.forEach((g) => whole.add(g));
    const expected = whole.match(listing);
    for (let cut = 0; cut <= listing.length; cut++) {
      const parts = new GlobIndex();
      globs.forEach((g) => parts.add(g));
      parts.feed(listing.slice(0, cut));
      parts.feed(listing.slice(cut));
      expect(parts.results()).toEqual(expected);
    }
  });

  it('refuses a glob added after matching has begun', () => {
    const index = new GlobIndex();
    index.feed(['a']);
    expect(() => index.add('*.py')).toThrow(/before matching/);
  });
});
