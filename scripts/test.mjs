#!/usr/bin/env node
// `npm test` after the build: the type check and the test suite side by side (the type check is
// one process on one core, vitest spreads over the rest), failing when either fails.
import { spawn } from 'node:child_process';

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cmd, ...args], { stdio: 'inherit' });
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
const [types, tests] = await Promise.all([
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.tests.json']),
  run('node_modules/vitest/vitest.mjs', ['run', ...process.argv.slice(2)]),
]);
if (types !== 0) console.error('npm test: the type check failed');
process.exit(types || tests);
