#!/usr/bin/env node
'use strict';
// Starts dist/cli.cjs, the bundle that holds commander and the whole `ready check` path. It is
// compiled here rather than `require`d so that V8 can skip most of the compiling: the build stores
// the bytecode of a `ready check` run in dist/cli.cjs.cache. V8 checks that cache against its own
// version and flags and ignores it when they differ (a Node.js other than the one that built the
// package); the bundle then compiles as it would under `require`. V8 matches a cache to its source
// by length only, so the build writes the two together and swaps dist/ in whole.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

/**
 * The compiled bundle in `dist` and a function that runs it. The build writes the bundle as one
 * function expression, `(function (exports, require, module, __filename, __dirname, importLazy)
 * {…})`: its lazily loaded modules are ES modules, and code compiled by vm.Script cannot call
 * import() without an experimental flag, so the bundle calls `importLazy` instead.
 */
function compileCli(dist) {
  const file = join(dist, 'cli.cjs');
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const importLazy = (name) => import(pathToFileURL(join(dist, name)).href);
  return {
    script,
    cacheFile,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    run: () => script.runInThisContext()(module.exports, require, module, file, dist, importLazy),
  };
}

if (require.main === module) {
  let cli;
  try {
    cli = compileCli(join(__dirname, '..', 'dist'));
  } catch (err) {
    // a checkout that was never built: say so, rather than print a stack
    if (err && err.code === 'ENOENT') {
      process.stderr.write(`ready: ${err.path} is missing; run \`npm run build\` in ${join(__dirname, '..')}\n`);
      process.exit(2);
    }
    throw err;
  }
  cli.run();
}

module.exports = { compileCli };
