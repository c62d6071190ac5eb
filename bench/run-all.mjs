#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, each comparing ready against its floor in the same run.
// Build first (`npm run build`); generated inputs are cached under .bench-tmp/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench: build first with `npm run build`');
  process.exit(2);
}
let failed = 0;
for (const script of ['startup.mjs', 'scan.mjs', 'portfolio.mjs']) {
  console.log(`\n== bench/${script}`);
  const r = spawnSync(process.execPath, [join(import.meta.dirname, script)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
