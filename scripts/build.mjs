// Build: one ES-module bundle of the CLI and the library, code-split so that each command, each
// reporter and each heavy library (zod, yaml, chalk, inquirer, ora) loads only when it is used;
// the built-in rubrics precompiled to validated JSON; the JSON Schemas.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// Build into a fresh folder and swap it in at the end: a test running the binary meanwhile never
// sees a half-written dist/, and a failed build leaves the last good one.
const out = `dist.tmp-${process.pid}`;
const tmp = `.build-tmp-${process.pid}`;
process.on('exit', (code) => {
  if (code !== 0) for (const d of [out, tmp]) rmSync(d, { recursive: true, force: true });
});

// readiness.yaml is validated on every `ready check` with a zod/mini schema. Bundled on its own
// first, it carries a tree-shaken copy of zod (about 25 KB); left to code splitting, it would share
// full zod's 415 KB core chunk with the rubric schemas, which costs `ready check` 11 ms on Node.js
// 22 and 30 ms on Node.js 20 (bench/startup.mjs). Nothing of it is shared with full zod.
const readinessSchema = `${tmp}/readiness-schema.js`;
await build({ entryPoints: ['src/core/readiness-schema.ts'], outfile: readinessSchema, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
const ownZodForReadiness = {
  name: 'own-zod-for-readiness',
  setup(b) {
    b.onResolve({ filter: /\/readiness-schema\.js$/ }, () => ({ path: new URL(`../${readinessSchema}`, import.meta.url).pathname }));
  },
};

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
  logLevel: 'warning',
  // chunks sit in dist/ with everything else, so that any module finds dist/rubrics next to itself
  chunkNames: '[name]-[hash]',
  define: { __READY_VERSION__: JSON.stringify(pkg.version) },
  // commander and inquirer's dependencies are CommonJS and call `require`: give them one
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  plugins: [ownZodForReadiness],
});

// The rubric compiler and schema generator run from a throw-away bundle of the same sources.
await build({ entryPoints: ['src/build-assets.ts'], outfile: `${tmp}/build-assets.mjs`, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', packages: 'external' });
const { compileRubric, jsonSchemas } = await import(`../${tmp}/build-assets.mjs`);
mkdirSync(`${out}/rubrics`, { recursive: true });
for (const file of readdirSync('rubrics').filter((f) => f.endsWith('.yaml'))) {
  writeFileSync(`${out}/rubrics/${file.replace(/\.yaml$/, '.json')}`, JSON.stringify(await compileRubric(`rubrics/${file}`)));
}
mkdirSync('schemas', { recursive: true });
// temp file and rename: a test reading a schema while another build runs never sees half of it
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`schemas/${name}.${process.pid}.tmp`, JSON.stringify(schema, null, 2) + '\n');
  renameSync(`schemas/${name}.${process.pid}.tmp`, `schemas/${name}`);
}
// the evidence vocabulary, validated once here, so that the CLI reads plain JSON without zod
await build({ entryPoints: ['src/evidence/vocabulary.ts'], outfile: `${tmp}/vocabulary.mjs`, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', packages: 'external' });
const { compileVocabulary } = await import(`../${tmp}/vocabulary.mjs`);
writeFileSync(`${out}/vocabulary.json`, JSON.stringify(await compileVocabulary('src/evidence/vocabulary.yaml')));
rmSync(tmp, { recursive: true, force: true });

const old = `dist.old-${process.pid}`;
try {
  renameSync('dist', old);
} catch {}
renameSync(out, 'dist');
rmSync(old, { recursive: true, force: true });
