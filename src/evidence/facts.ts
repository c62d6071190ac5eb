// One reading of the repository as an engineer would read it: the project's own files (never
// vendored trees, generator payload or `ready`'s files), each read once, each handed to every
// reading that wants it: code for imports and the vocabulary's signals, CI files for jobs and
// steps, manifests for declared and pinned dependencies, infrastructure by content, credentials.
// The result is the facts every capability and every meaning-reading probe is answered from.
import { CAPABILITIES, type Capability } from '../core/probe-kinds.js';
import { MAX_PROOFS, type CapabilityFinding, type Proof } from '../core/evidence.js';
import { compileGlob } from '../match/glob.js';
import { compileAny, lazyPattern, type ContentPattern } from '../match/pattern.js';
import { ciByPlace, ciPlatform, isReadyOwnCi, mayBeCi, readCi, type CiConfig } from './ci.js';
import { codeText, importsOf, isCodeFile, moduleWithin, type CodeText } from './code-text.js';
import type { Ecosystem } from './manifests/index.js';
import { parseSetupCfg, parseSetupPy, normalizePython } from './manifests/python.js';
import { parsePackageJson, parseRDescription, parseRenvLock } from './manifests/plain.js';
import { isForeignPath, virtualenvDirs } from './never-evidence.js';
import { condaSpecs, hasHashes, locatedSpecs, requirementsSpecs, share, type DeclaredSpec } from './pinning.js';
import { findSecrets, mayHoldSecrets, secretRules } from './secrets.js';
import type { Signal, Vocabulary } from './vocabulary-schema.js';

export interface Declaration {
  path: string;
  ecosystem: Ecosystem;
  specs: DeclaredSpec[];
}

export interface RepoFacts {
  capabilities: Record<Capability, CapabilityFinding>;
  ci: CiConfig[];
  /** module -> where it is imported (the first few sites) */
  imports: Map<string, Proof[]>;
  declarations: Declaration[];
  locks: string[];
  secrets: Proof[];
  /** the read budget ran out before every candidate was read */
  incomplete: boolean;
}

export interface FactsInput {
  listing: readonly string[];
  /** the file as text, or undefined (missing, binary, too large, beyond the budget) */
  text(path: string): string | undefined;
  budgetSpent(): boolean;
  /** TOML parsers, loaded only when the repository has a pyproject.toml or a Pipfile */
  toml?: { pyproject(text: string): string[]; pipfile(text: string): string[] };
}

interface CompiledSignal {
  capability: Capability;
  signal: Signal;
  files?: PathTest;
  imports?: string[];
  /** the import names in PEP 503 form, to compare with distributions */
  dists?: string[];
  pattern?: ContentPattern;
}

type PathTest = (path: string) => boolean;

/**
 * A matcher for globs over 100,000 paths: each glob's literal part (its extension, file name or
 * whole path) is compared first, so that its regular expression runs only on the few paths that
 * could match.
 */
function pathTest(globs: readonly string[]): PathTest {
  const tests = globs.flatMap(compileGlob).map(({ key, regex, pattern }): PathTest => {
    if ('exact' in key) return (p) => p === key.exact;
    if ('basename' in key) return (p) => p.endsWith(key.basename) && (p.length === key.basename.length || p[p.length - key.basename.length - 1] === '/') && regex.test(p);
    if ('ext' in key) return (p) => p.endsWith(`.${key.ext}`) && regex.test(p);
    // no fixed start: the glob's longest literal part must at least occur (`Dockerfile` of `**/Dockerfile*`)
    const literal = pattern
      .replace(/\[[^\]]*\]/g, '*')
      .split(/[*?\\]+/)
      .map((part) => part.replace(/^\/+|\/+$/g, ''))
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    return (p) => p.startsWith(key.prefix) && p.includes(literal) && regex.test(p);
  });
  return (p) => tests.some((t) => t(p));
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

const DOCKERFILE = /(^|[._-])(docker|container)file([._-]|$)|\.dockerfile$/i;
const COMPOSE = /^(docker-)?compose([._-][\w.-]*)?\.ya?ml$/i;
const REQUIREMENTS_NAME = /requirements?|^reqs?[._-]/i;
const CODEOWNERS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS']);
const NOTEBOOK = /\.(ipynb|rmd|qmd)$/i;
/** Data, media and build output: never read for meaning (names alone still count, e.g. `*.onnx`). */
const NEVER_READ = /\.(png|jpe?g|gif|svg|ico|bmp|tiff?|webp|pdf|sql|csv|tsv|parquet|feather|arrow|avro|orc|pkl|pickle|joblib|h5|hdf5|pt|pth|ckpt|safetensors|bin|onnx|pmml|zip|gz|bz2|xz|tar|tgz|whl|egg|jar|so|dylib|dll|exe|woff2?|ttf|otf|eot|mp3|mp4|wav|avi|mov|npy|npz|xlsx?|docx?|pptx?|css|scss|less|map|log|dvc|db|sqlite)$/i;
const PY_TEST_NAME = /^(test_.+|.+_tests?)\.py$/;
/** Test code by content: test functions or classes, a test framework, behave steps. */
const PY_TEST_CODE = /^\s*(async\s+)?def test|^\s*class Test|^\s*(import|from)\s+(unittest|pytest|behave)\b|^\s*@(given|when|then)\(/;
const JS_TEST_NAME = /\.(test|spec)\.[cm]?[jt]sx?$/;

export function isRequirementsFile(path: string): boolean {
  const b = base(path);
  if (!/\.(txt|in)$/i.test(b) || /constraints?/i.test(b)) return false;
  return REQUIREMENTS_NAME.test(b) || /(^|\/)requirements\//i.test(path);
}

function compileSignals(vocabulary: Vocabulary): CompiledSignal[] {
  const out: CompiledSignal[] = [];
  for (const capability of CAPABILITIES) {
    for (const signal of vocabulary.capabilities[capability].signals) {
      if (signal.detector) continue;
      out.push({
        capability,
        signal,
        ...(signal.files && { files: pathTest(signal.files) }),
        ...(signal.imports && { imports: signal.imports, dists: signal.imports.map(normalizePython) }),
        ...(signal.pattern && { pattern: lazyPattern(signal.pattern) }),
      });
    }
  }
  return out;
}

const compiledFor = new WeakMap<Vocabulary, { signals: CompiledSignal[]; anyCode: ContentPattern; locks: PathTest; dists: Map<string, string> }>();

function compiled(vocabulary: Vocabulary) {
  let c = compiledFor.get(vocabulary);
  if (!c) {
    const signals = compileSignals(vocabulary);
    // the code signals that need no import, as one pattern: most files match none of them
    const anyCode = compileAny(signals.filter((s) => !s.files && !s.imports && s.pattern).map((s) => s.signal.pattern!));
    c = { signals, anyCode, locks: pathTest(vocabulary.pinning.locks), dists: new Map() };
    compiledFor.set(vocabulary, c);
  }
  return c;
}

/** The distribution an imported module belongs to (`sklearn.linear_model` -> scikit-learn); remembered per module. */
export function distributionOf(module: string, vocabulary: Vocabulary): string {
  const memo = compiled(vocabulary).dists;
  let dist = memo.get(module);
  if (dist === undefined) {
    // the longest known prefix at a dot: `google.cloud.aiplatform.gapic` is in `google.cloud.aiplatform`
    let name = module;
    for (;;) {
      const known = vocabulary.modules[name];
      if (known !== undefined && Object.hasOwn(vocabulary.modules, name)) {
        dist = normalizePython(known);
        break;
      }
      const dot = name.lastIndexOf('.');
      if (dot === -1) {
        dist = normalizePython(module.split('.')[0]!);
        break;
      }
      name = name.slice(0, dot);
    }
    memo.set(module, dist);
  }
  return dist;
}

export function readFacts(input: FactsInput, vocabulary: Vocabulary): RepoFacts {
  const { signals, anyCode, locks: lockGlobs } = compiled(vocabulary);
  const rules = secretRules(vocabulary);
  const venvs = virtualenvDirs(input.listing);
  const own = input.listing.filter((p) => !isForeignPath(p, venvs));
  const listed = new Set(own);
  // a committed MLflow model directory carries its own environment files: not the project's
  const modelDirs = new Set(own.filter((p) => base(p) === 'MLmodel').map(dirOf));

  const found = new Map<Capability, Proof[]>(CAPABILITIES.map((c) => [c, []]));
  const prove = (c: Capability, proof: Proof) => {
    const list = found.get(c)!;
    if (list.length < 50 && !list.some((p) => p.path === proof.path && p.what === proof.what)) list.push(proof);
  };
  const ci: CiConfig[] = [];
  const imports = new Map<string, Proof[]>();
  const declarations: Declaration[] = [];
  const locks: string[] = [];
  const compiledRequirements = new Set<string>();
  const secrets: Proof[] = [];

  const fileSignals = signals.filter((s) => s.files);
  const nameSignals = fileSignals.filter((s) => !s.pattern && !s.imports);
  const contentSignals = fileSignals.filter((s) => s.pattern || s.imports);
  const codeSignals = signals.filter((s) => !s.files);

  // what to read, most telling first: configuration, then code, then the rest for credentials
  // what to read, most telling first: manifests and CI where CI lives, code and configuration
  // near the top, then the rest; what only credentials could be in comes last
  const wanted = (path: string, b: string): number => {
    if (NEVER_READ.test(b)) return -1;
    if (DOCKERFILE.test(b) || COMPOSE.test(b) || CODEOWNERS.has(path) || b === '.gitattributes' || isManifest(path, b) || ciByPlace(path)) return 0;
    const code = isCodeFile(b) || b.endsWith('.feature') || JS_TEST_NAME.test(b);
    const config = mayBeCi(path) || contentSignals.some((s) => s.files!(path));
    if ((code || config) && !path.includes('/', path.indexOf('/') + 1)) return 1;
    if (code) return 2;
    if (config) return 3;
    if (mayHoldSecrets(path)) return 4;
    return -1;
  };

  // by name alone: notebooks, Terraform, Bicep, Pulumi, Helm, CDK, DVC pointers, lock files
  const hasDvcConfig = listed.has('.dvc/config');
  const buckets: string[][] = [[], [], [], [], []];
  for (const path of own) {
    const b = base(path);
    const w = wanted(path, b);
    if (w >= 0) buckets[w]!.push(path);
    if (NOTEBOOK.test(b)) prove('notebooks', { path, what: 'a notebook' });
    if (/\.tf$/.test(b)) prove('infrastructure-as-code', { path, what: 'Terraform' });
    if (/\.bicep$/.test(b)) prove('infrastructure-as-code', { path, what: 'Bicep' });
    if (/^Pulumi\.ya?ml$/.test(b)) prove('infrastructure-as-code', { path, what: 'a Pulumi project' });
    if (b === 'Chart.yaml') prove('infrastructure-as-code', { path, what: 'a Helm chart' });
    if (b === 'cdk.json') prove('infrastructure-as-code', { path, what: 'an AWS CDK app' });
    if (b.endsWith('.dvc') && b !== '.dvc' && !path.startsWith('.dvc/')) prove('data-versioning', { path, what: 'data tracked by DVC' });
    if (lockGlobs(path) && !modelDirs.has(dirOf(path))) locks.push(path);
    for (const s of nameSignals) if (s.files!(path)) prove(s.capability, { path, what: s.signal.why });
  }
  for (const l of locks) prove('dependencies-pinned', { path: l, what: 'a lock file' });

  // within a bucket, every top-level folder in turn, each shallow first: when the read budget
  // stops a huge repository, every part of it has been looked at, not the first folder only
  const order = (ps: string[]) => {
    const groups = new Map<string, string[][]>();
    for (const p of ps) {
      const slash = p.indexOf('/');
      const top = slash === -1 ? '' : p.slice(0, slash);
      let d = 0;
      for (let i = slash; i !== -1; i = p.indexOf('/', i + 1)) d++;
      const depths = groups.get(top) ?? groups.set(top, []).get(top)!;
      (depths[d] ??= []).push(p);
    }
    const queues = [...groups.values()].map((depths) => depths.flatMap((b) => b ?? []));
    const out: string[] = [];
    for (let i = 0; out.length < ps.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
    return out;
  };

  let incomplete = false;
  for (const path of buckets.flatMap(order)) {
    const text = input.text(path);
    if (text === undefined) {
      if (input.budgetSpent()) incomplete = true;
      continue;
    }
    const b = base(path);
    const lines = text.split(/\r?\n/);
    const lineOf = (re: RegExp) => {
      const i = lines.findIndex((l) => re.test(l));
      return i === -1 ? undefined : i + 1;
    };

    if (DOCKERFILE.test(b)) {
      const from = lineOf(/^\s*FROM\s+\S+/i);
      if (from !== undefined) prove('container', { path, line: from, what: 'a Dockerfile (FROM line)' });
    }
    if (COMPOSE.test(b)) {
      const build = lineOf(/^\s+build\s*:/);
      if (build !== undefined) prove('container', { path, line: build, what: 'a compose file that builds an image' });
    }
    if (CODEOWNERS.has(path)) {
      const rule = lineOf(/^\s*[^#\s]\S*\s+\S*@\S+/);
      if (rule !== undefined) prove('codeowners', { path, line: rule, what: 'a CODEOWNERS rule' });
    }
    if (b === '.gitattributes') {
      const lfs = lineOf(/^\s*(?!\S*\.(png|jpe?g|gif|svg|pdf|ico|woff2?|ttf|mp4|gifv)\s)\S+\s.*\bfilter=lfs\b/i);
      if (lfs !== undefined) prove('data-versioning', { path, line: lfs, what: 'files stored in Git LFS' });
    }
    if (b === 'dvc.yaml' && hasDvcConfig) {
      const outs = lineOf(/^\s+outs\s*:/);
      if (outs !== undefined) prove('data-versioning', { path, line: outs, what: 'pipeline outputs tracked by DVC' });
    }

    // CI, by place or by content
    if (mayBeCi(path)) {
      const platform = ciPlatform(path, text);
      if (platform && !isReadyOwnCi(text)) {
        const config = readCi(path, platform, text, vocabulary);
        ci.push(config);
        prove('ci', { path, line: config.jobs[0]?.line ?? 1, what: `${platform} configuration` });
      }
    }

    // infrastructure by content
    if (/\.(ya?ml|json|template)$/i.test(b)) {
      const cfn = lineOf(/^\s*"?AWSTemplateFormatVersion"?\s*:|^Transform\s*:\s*['"]?AWS::Serverless/);
      const cfnType = cfn ?? (/^\s*"?Resources"?\s*:/m.test(text) ? lineOf(/^\s*"?Type"?\s*:\s*['"]?AWS::\w+::/) : undefined);
      if (cfnType !== undefined) prove('infrastructure-as-code', { path, line: cfnType, what: 'a CloudFormation template' });
      const arm = lineOf(/deploymentTemplate\.json#/);
      if (arm !== undefined) prove('infrastructure-as-code', { path, line: arm, what: 'an ARM template' });
      if (/\.ya?ml$/i.test(b)) {
        const api = lineOf(/^apiVersion\s*:\s*\S+/);
        if (api !== undefined && b !== 'Chart.yaml' && /^kind\s*:\s*[A-Z]\w+/m.test(text)) {
          prove('infrastructure-as-code', { path, line: api, what: 'a Kubernetes manifest' });
        }
      }
    }

    // declared dependencies, with their pins
    const declared = declarationOf(path, text, input, modelDirs);
    if (declared && declared.specs.length > 0) {
      declarations.push(declared);
      prove('dependencies-declared', { path, line: declared.specs[0]!.line ?? 1, what: 'declares dependencies' });
      if (hasHashes(text)) prove('dependencies-pinned', { path, what: 'requirements locked with hashes' });
      if (COMPILED_REQUIREMENTS.test(text.slice(0, 2000))) compiledRequirements.add(path);
    }

    // code: imports and the vocabulary's signals
    const code = isCodeFile(path) ? codeText(path, text) : undefined;
    if (code) {
      const sites = importsOf(code);
      for (const s of sites) {
        const list = imports.get(s.module) ?? imports.set(s.module, []).get(s.module)!;
        if (list.length < MAX_PROOFS) list.push({ path, line: code.fileLine[s.at]!, what: `imports ${s.module}` });
      }
      const siteDists = sites.map((s) => distributionOf(s.module, vocabulary));
      const imported = (names: readonly string[], dists: readonly string[]) =>
        sites.find((s, i) => names.some((n) => moduleWithin(s.module, n)) || dists.includes(siteDists[i]!));
      const joined = code.lines.join('\n');
      const anyPattern = anyCode.test(joined);
      for (const s of codeSignals) {
        if (!s.imports && !anyPattern) continue;
        let site: number | undefined;
        if (s.imports) {
          const imp = imported(s.imports, s.dists!);
          if (!imp) continue;
          site = imp.at;
        }
        if (s.pattern) {
          const at = matchLine(joined, s.pattern, code.lines);
          if (at === undefined) continue;
          site = at;
        }
        if (site !== undefined) prove(s.capability, { path, line: code.fileLine[site]!, what: s.signal.why });
      }
      if (isTestFile(path, code)) prove('tests', { path, line: firstTestLine(code), what: 'a test' });
    } else if (isOtherTest(path, text)) prove('tests', { path, line: 1, what: 'a test' });

    for (const s of contentSignals) {
      if (!s.files!(path)) continue;
      if (s.imports && !(code && importsOf(code).some((i) => s.imports!.some((n) => moduleWithin(i.module, n))))) continue;
      if (s.pattern) {
        const at = matchLine(text, s.pattern, lines);
        if (at !== undefined) prove(s.capability, { path, line: at + 1, what: s.signal.why });
      } else prove(s.capability, { path, what: s.signal.why });
    }

    if (mayHoldSecrets(path)) {
      for (const p of findSecrets(path, text, rules)) {
        if (secrets.length < 50) secrets.push(p);
        prove('committed-secrets', p);
      }
    }
  }

  // the input of pip-compile (requirements.in) is unpinned by design: its compiled sibling holds the pins
  const total = declarations.filter((d) => !(d.path.endsWith('.in') && compiledRequirements.has(`${d.path.slice(0, -3)}.txt`))).flatMap((d) => d.specs);
  const pins = { declared: total.length, exact: total.filter((s) => s.exact).length };
  if (pins.declared > 0 && share(pins) >= vocabulary.pinning.threshold) {
    for (const d of declarations) prove('dependencies-pinned', { path: d.path, line: d.specs[0]!.line ?? 1, what: `${pins.exact} of ${pins.declared} declared dependencies pinned exactly` });
  }

  const capabilities = Object.fromEntries(
    CAPABILITIES.map((c) => {
      const proofs = shallowFirst(found.get(c)!);
      const paths = [...new Set(proofs.map((p) => p.path))];
      return [c, { found: proofs.length > 0, paths: paths.slice(0, MAX_PROOFS), why: proofs.slice(0, MAX_PROOFS), ...(proofs.length === 0 && incomplete && { incomplete: true as const }) }];
    }),
  ) as Record<Capability, CapabilityFinding>;
  return { capabilities, ci, imports, declarations, locks, secrets, incomplete };
}

const shallowFirst = (ps: Proof[]) => ps.map((p, i) => ({ p, i, d: p.path.split('/').length })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.p);

/**
 * Index of the line a pattern first matches, or undefined. Patterns run on RE2 (linear time on
 * hostile text) and answer only whether they match: the whole text is asked once, and only a
 * match is then looked for line by line; one that spans lines is found by the shortest run of
 * lines that holds it.
 */
function matchLine(joined: string, re: ContentPattern, lines?: readonly string[]): number | undefined {
  if (!re.test(joined)) return undefined;
  const all = lines ?? joined.split('\n');
  for (let i = 0; i < all.length; i++) if (all[i]!.length > 0 && re.test(all[i]!)) return i;
  let lo = 1;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (re.test(all.slice(0, mid).join('\n'))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function isManifest(path: string, b = base(path)): boolean {
  return isRequirementsFile(path) || ['setup.py', 'setup.cfg', 'pyproject.toml', 'Pipfile', 'DESCRIPTION', 'renv.lock', 'package.json'].includes(b) || /^(environment|conda)[\w.-]*\.ya?ml$/i.test(b);
}

/** A conda environment by content, whatever its name; a file named like one needs less to show it. */
const CONDA_CONTENT = (text: string, named: boolean) =>
  /^dependencies\s*:/m.test(text) && (/^channels\s*:/m.test(text) || /^\s*-\s*pip\s*:/m.test(text) || (named && /^\s*-\s*[A-Za-z]/m.test(text)));

function declarationOf(path: string, text: string, input: FactsInput, modelDirs: Set<string>): Declaration | undefined {
  if (modelDirs.has(dirOf(path))) return undefined;
  const b = base(path);
  const python = (specs: DeclaredSpec[]): Declaration => ({ path, ecosystem: 'python', specs });
  try {
    if (isRequirementsFile(path)) return python(requirementsSpecs(text));
    if (/\.ya?ml$/i.test(b) && CONDA_CONTENT(text, /^(environment|conda)[\w.-]*\.ya?ml$/i.test(b))) {
      return python(condaSpecs(text));
    }
    if (b === 'setup.py') return python(locatedSpecs(text, parseSetupPy(text), 'pep508'));
    if (b === 'setup.cfg') return python(locatedSpecs(text, parseSetupCfg(text), 'pep508'));
    if (b === 'pyproject.toml' && input.toml) {
      const names = input.toml.pyproject(text);
      const located = locatedSpecs(text, names, 'pep508').map((s, i) => (s.line === undefined ? locatedSpecs(text, [names[i]!], 'toml-table')[0]! : s));
      return python(located);
    }
    if (b === 'Pipfile' && input.toml) return python(locatedSpecs(text, input.toml.pipfile(text), 'toml-table'));
    if (b === 'DESCRIPTION') return { path, ecosystem: 'r', specs: locatedSpecs(text, parseRDescription(text), 'r') };
    if (b === 'renv.lock') return { path, ecosystem: 'r', specs: renvPackages(text).map((name) => ({ name, exact: true })) };
    if (b === 'package.json') return { path, ecosystem: 'node', specs: parsePackageJson(text).map((name) => ({ name, exact: false })) };
  } catch {
    return undefined;
  }
  return undefined;
}

/** renv.lock's packages; a lock cut short (read limit, a partial copy) still names the ones it holds. */
function renvPackages(text: string): string[] {
  try {
    return parseRenvLock(text);
  } catch {
    return [...text.matchAll(/"Package"\s*:\s*"([A-Za-z][\w.]*)"/g)].map((m) => m[1]!);
  }
}

/** The header pip-compile (pip-tools) and uv write above the requirements they compiled. */
const COMPILED_REQUIREMENTS = /^#\s*This file (is|was) autogenerated by (pip-compile|uv)\b/m;

const TEST_DIR = /(^|\/)(tests?|testing|unit_?tests?|integration_?tests?)\//;

/** A test file by name that holds something, and is not the placeholder a template ships. */
function isTestFile(path: string, code: CodeText): boolean {
  const b = base(path);
  if (code.language === 'r') return /(^|\/)tests\/testthat\/test[^/]*\.r$/i.test(path) && code.lines.some((l) => l.trim() !== '');
  if (!/\.py$/.test(b) || b === 'conftest.py' || b === '__init__.py') return false;
  const named = PY_TEST_NAME.test(b) || ((TEST_DIR.test(path) || /^tests?\.py$/.test(b) || /(^|\/)features\/steps\//.test(path)) && code.lines.some((l) => PY_TEST_CODE.test(l)));
  if (!named) return false;
  const body = code.lines.filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
  if (body.length === 0) return false;
  return !isPlaceholder(body);
}

/** A body line that tests nothing: a bare assertion, `pass`, an import check, a docstring or a mark. */
const TRIVIAL = /^\s*(assert (True|False)\b.*|pass|\.\.\.|import \S+.*|from \S+ import .*|("""|''').*|@pytest\.mark\.\w+.*|return)$/;

/**
 * The file a project template ships so that a suite exists: every test in it is trivial (an
 * `assert False, "No tests written"` marked xfail, an import check). Without test functions there
 * is nothing to judge, and the file counts.
 */
function isPlaceholder(body: string[]): boolean {
  const starts = body.map((l, i) => (/^\s*(async\s+)?def test/.test(l) ? i : -1)).filter((i) => i !== -1);
  if (starts.length === 0) return false;
  return starts.every((start, k) => {
    const end = starts[k + 1] ?? body.length;
    return body.slice(start + 1, end).every((l) => TRIVIAL.test(l) || /^\S/.test(l));
  });
}

const firstTestLine = (code: CodeText) => {
  const i = code.lines.findIndex((l) => /^\s*(async\s+)?def test|^\s*class Test|test_that\(/.test(l));
  return code.fileLine[i === -1 ? 0 : i] ?? 1;
};

/** Tests that are not Python or R: behave features, JavaScript test files. */
function isOtherTest(path: string, text: string): boolean {
  const b = base(path);
  if (/\.feature$/.test(b)) return /^\s*Scenario( Outline)?:/m.test(text);
  if (JS_TEST_NAME.test(b) || /(^|\/)__tests__\//.test(path)) return /\b(it|test|describe)\s*\(/.test(text);
  return false;
}

