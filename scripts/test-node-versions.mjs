#!/usr/bin/env node
// The end-to-end tests (tests/e2e: the built binary as users run it) on every Node.js that users
// run: the binaries under .ci/nodes (`npm ci --prefix .ci/nodes`). Fails when one is missing or
// any test fails on any of them; `npm test` has run them on this Node.js already.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const wanted = Object.keys(JSON.parse(readFileSync(join(root, '.ci/nodes/package.json'), 'utf8')).devDependencies);
const failed = [];
for (const name of wanted) {
  const node = join(root, '.ci/nodes/node_modules', name, 'bin/node');
  if (!existsSync(node)) {
    console.error(`test:node-versions: ${node} is missing; run \`npm ci --prefix .ci/nodes\``);
    failed.push(name);
    continue;
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\n== tests/e2e on Node.js ${version}`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/e2e'], { cwd: root, stdio: 'inherit', env: { ...process.env, READY_TEST_NODE: node } });
  if (r.status !== 0) failed.push(`${name} (${version})`);
}
if (failed.length > 0) {
  console.error(`\ntest:node-versions: failed on ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\ntest:node-versions: tests/e2e passed on ${wanted.join(', ')}`);
