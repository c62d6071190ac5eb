#!/usr/bin/env node
// Two builds of ready side by side: how a build change (a bundling choice, a reader kept or
// dropped) moves `ready check --example`, on this Node.js and those under .ci/nodes, in alternated
// runs, with `node -e 0` as the floor. Each build is a folder holding bin/, dist/, examples/ and
// package.json, e.g. `cp -r bin dist examples package.json /tmp/a` before the change and into
// /tmp/b after it. Usage: node bench/compare.mjs DIR_A DIR_B [runs=40] [-- ARGS of ready]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median, timeRuns } from './timing.mjs';

const root = resolve(import.meta.dirname, '..');
const [a, b, runsArg, ...rest] = process.argv.slice(2);
if (!a || !b || !existsSync(join(a, 'bin/ready.js')) || !existsSync(join(b, 'bin/ready.js'))) {
  console.error('usage: node bench/compare.mjs DIR_A DIR_B [runs] [-- ARGS]   (each DIR holds bin/ready.js and dist/)');
  process.exit(2);
}
const runs = Number(runsArg ?? 40);
const args = rest[0] === '--' ? rest.slice(1) : ['check', '--example'];
const nodes = [process.execPath, ...['22', '24', '26'].map((v) => join(root, `.ci/nodes/node_modules/node-${v}/bin/node`)).filter(existsSync)];
const cases = nodes.flatMap((node) => [
  [node, ['-e', '0'], root],
  [node, [join(resolve(a), 'bin/ready.js'), ...args], root],
  [node, [join(resolve(b), 'bin/ready.js'), ...args], root],
]);
const samples = timeRuns(cases, runs);
const med = (i, k) => median(samples[i].map((s) => s[k]));
console.log(`ready ${args.join(' ')}: ${runs} alternated runs; CPU ms (wall ms), A = ${a}, B = ${b}`);
nodes.forEach((node, n) => {
  const [floor, ia, ib] = [3 * n, 3 * n + 1, 3 * n + 2];
  const f = (i) => `${med(i, 'cpu').toFixed(1)} (${med(i, 'wall').toFixed(1)})`;
  console.log(`  ${node.includes('.ci/nodes') ? node.split('/').at(-3) : 'this node'}: floor ${f(floor)}  A ${f(ia)}  B ${f(ib)}  B - A ${(med(ib, 'cpu') - med(ia, 'cpu')).toFixed(1)} ms CPU`);
});
