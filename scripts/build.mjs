// Build: bundle the CLI (code-split so each command loads only what it uses), the library entry,
// precompiled built-in rubrics and the JSON Schemas.
import { build } from 'esbuild';
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
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'external',
  // chunks sit next to cli.js so that `new URL('./rubrics/…', import.meta.url)` finds the rubrics
  chunkNames: '[name]-[hash]',
  define: { __READY_VERSION__: JSON.stringify(pkg.version) },
  // commander is CommonJS: give its `require` calls something to call
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
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
const old = `dist.old-${process.pid}`;
try {
  renameSync('dist', old);
} catch {}
renameSync(out, 'dist');
rmSync(old, { recursive: true, force: true });
