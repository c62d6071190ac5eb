#!/usr/bin/env node
// Node.js 22.1 and later keep the compiled CLI between runs in the system's temporary folder
// (never inside the package); on Node.js 20 this is a no-op.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
await main(process.argv.slice(2));
