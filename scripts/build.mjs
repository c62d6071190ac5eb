// Build: the CLI bundle and its V8 code cache, the lazily loaded ES modules (code-split so that each
// command loads only what it uses), the library entry, precompiled built-in rubrics and the JSON
// Schemas.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// Build into a fresh folder and swap it in at the end, so that a test running the binary
// meanwhile never sees a half-written dist/.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/commander/`) ? { path: new URL('./shims/lazy-child-process.cjs', import.meta.url).pathname } : undefined,
    );
  },
};
const out = `dist.tmp-${process.pid}`;
const tmp = `.build-tmp-${process.pid}`;
rmSync(out, { recursive: true, force: true });
// a failed build leaves the last good dist/ in place and no debris
process.on('exit', (code) => {
  if (code !== 0) for (const d of [out, tmp]) rmSync(d, { recursive: true, force: true });
});
// Two bundles. `dist/cli.cjs` holds commander, every command's set-up and the whole `check` path in
// one CommonJS file: CI runs `ready check` on every build, and one CJS file starts measurably
// faster than a graph of ES modules (no ESM loader, no module linking), and can be compiled from
// V8's code cache (bin/ready.cjs). Whatever cli.cjs imports lazily (the other commands, reporters,
// the YAML parser, chalk, inquirer…) becomes an entry of an ES-module build with code splitting, so
// each command still loads only what it uses.
const lazyEntries = new Map(); // entry name -> absolute path
const root = new URL('..', import.meta.url).pathname;
// Lazy imports that stay inside cli.cjs, started only when imported: the evidence scan, which a
// plain `ready check` runs, and the TOML reader for pyproject.toml. Through import() they would
// start Node's ES-module loader, about 20 ms on the first import.
const lazyInCli = new Set(['src/evidence/scan.ts', 'src/evidence/manifests/toml.ts'].map((f) => root + f));
const lazyIntoEsmBuild = {
  name: 'lazy-into-esm-build',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.inner) return undefined;
      const r = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: { inner: true } });
      if (r.errors.length) return { errors: r.errors };
      if (lazyInCli.has(r.path)) return { path: r.path };
      const name = entryName(r.path);
      lazyEntries.set(name, r.path);
      return { path: `./${name}.js`, external: true };
    });
  },
};
// src/commands/init.ts -> commands-init; node_modules/chalk/source/index.js -> lib-chalk
function entryName(path) {
  const rel = path.slice(root.length);
  const pkgName = rel.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkgName) return `lib-${pkgName.replace(/[@/]/g, (c) => (c === '/' ? '-' : ''))}`;
  return rel.replace(/^src\//, '').replace(/\.[cm]?[jt]s$/, '').replace(/\//g, '-');
}
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, legalComments: 'external', logLevel: 'warning', define: { __READY_VERSION__: JSON.stringify(pkg.version) } };
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: out,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // a module that asks for import.meta.url gets the bundle's own, worked out only then
  define: { ...common.define, 'import.meta.url': '__importMeta.url' },
  banner: { js: "var __importMeta={get url(){return require('node:url').pathToFileURL(__filename).href}};" },
  plugins: [lazyChildProcessForCommander, lazyIntoEsmBuild],
});
// bin/ready.cjs compiles cli.cjs with vm.Script, where import() needs an experimental flag: the
// lazy imports call the launcher's `importLazy` instead
const cliFile = `${out}/cli.cjs`;
let lazyCalls = 0;
const cliSource = readFileSync(cliFile, 'utf8').replace(/\bimport\("\.\/([\w-]+\.js)"\)/g, (_, name) => {
  lazyCalls++;
  if (!lazyEntries.has(name.slice(0, -3))) throw new Error(`build: cli.cjs imports ${name}, which is no lazy entry`);
  return `importLazy("./${name}")`;
});
if (lazyCalls === 0 || /\bimport\(/.test(cliSource)) throw new Error('build: the lazy imports of cli.cjs were not all rewritten');
// one function expression, which bin/ready.cjs compiles and calls
writeFileSync(cliFile, `(function (exports, require, module, __filename, __dirname, importLazy) {${cliSource}\n})`);
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', ...Object.fromEntries(lazyEntries) },
  outdir: out,
  splitting: true,
  format: 'esm',
  // chunks sit in dist/ with everything else, so that a module finds dist/rubrics next to itself
  chunkNames: '[name]-[hash]',
  // CommonJS packages inside (inquirer's dependencies) call `require`: give them one
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  plugins: [lazyChildProcessForCommander],
});
// The rubric compiler and schema generator run from a throw-away bundle of the same sources.
await build({ entryPoints: ['src/build-assets.ts'], outfile: `${tmp}/build-assets.mjs`, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', packages: 'external' });
const { compileRubric, jsonSchemas } = await import(`../${tmp}/build-assets.mjs`);
mkdirSync(`${out}/rubrics`, { recursive: true });
for (const file of readdirSync('rubrics').filter((f) => f.endsWith('.yaml'))) {
  const id = file.replace(/\.yaml$/, '');
  writeFileSync(`${out}/rubrics/${id}.json`, JSON.stringify(await compileRubric(`rubrics/${file}`)));
}
mkdirSync('schemas', { recursive: true });
// temp file and rename: a test reading a schema while another build runs never sees half of it
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schemas/${name}.${process.pid}.tmp`, JSON.stringify(schema, null, 2) + '\n');
  renameSync(`schemas/${name}.${process.pid}.tmp`, `schemas/${name}`);
}
rmSync(tmp, { recursive: true, force: true });
// V8's code cache for cli.cjs (see bin/ready.cjs), from a `ready check` of the example project with
// the evidence scan, as CI runs it; whether the example passes its gate does not matter here
// (a build inside GitHub Actions or GitLab CI must not annotate the job or write its step summary)
const warmEnv = { ...process.env, NO_COLOR: '1' };
for (const name of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'GITLAB_CI', 'FORCE_COLOR']) delete warmEnv[name];
const warm = spawnSync(process.execPath, ['scripts/code-cache.cjs', out, 'check', '--file', 'examples/forecast-pilot/readiness.yaml'], { stdio: ['ignore', 'ignore', 'inherit'], env: warmEnv });
if (warm.status !== 0 && warm.status !== 1) throw new Error(`build: the code-cache run of \`ready check\` exited ${warm.status}`);
const old = `dist.old-${process.pid}`;
try {
  renameSync('dist', old);
} catch {}
renameSync(out, 'dist');
rmSync(old, { recursive: true, force: true });
