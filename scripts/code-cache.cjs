'use strict';
// Run by the build: `node scripts/code-cache.cjs DIST ARGS…` runs the CLI bundle in DIST with ARGS
// (a `ready check`) and, as the process exits, writes the bytecode V8 compiled on the way to
// DIST/cli.cjs.cache, which bin/ready.cjs hands back to V8 on every start.
const { rmSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { compileCli } = require('../bin/ready.cjs');

const dist = resolve(process.argv[2]);
process.argv.splice(2, 1); // what the CLI sees: node, this script, ARGS
const cli = compileCli(dist);
cli.run();
// registered after run(), so that it runs after the launcher's own exit handler: the cache that
// one leaves for this Node.js is not for shipping
process.on('exit', () => {
  writeFileSync(cli.shippedCache, cli.script.createCachedData());
  rmSync(cli.ownCache, { force: true });
});
