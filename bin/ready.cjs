#!/usr/bin/env node
'use strict';
// Starts dist/cli.cjs, the bundle that holds commander and the whole `ready check` path. It is
// compiled here rather than `require`d so that V8 can skip most of the compiling: the build stores
// the bytecode of a `ready check` run in dist/cli.cjs.cache. V8 checks that cache against its own
// version and flags and ignores it when they differ (a Node.js other than the one that built the
// package); the bundle then compiles as it would under `require`, and the first `ready check` leaves
// a cache of this Node.js next to it for the runs that follow. V8 matches a cache to its source by
// length only, so the build writes the two together and swaps dist/ in whole.
const { existsSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
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
  const source = readFileSync(file, 'utf8');
  const shipped = `${file}.cache`;
  // one per Node.js version and platform, so that two Node.js sharing an install keep one each
  // (V8 options that differ between runs would only mean that V8 refuses it, and a new one is made)
  const own = `${file}.${process.version}-${process.platform}-${process.arch}.cache`;
  // This Node.js's own cache when there is one: it exists only because V8 refused the shipped one
  // (an existsSync costs less than the exception of a failed read, on the path where there is
  // none). One try only: after a refusal V8 has compiled the source, and a second Script of the
  // same source would come from V8's in-memory cache, reported as accepted whatever its data.
  const candidate = existsSync(own) ? own : shipped;
  const cachedData = readIfThere(candidate);
  const script = new Script(source, { filename: file, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected ? candidate : undefined;
  const importLazy = (name) => import(pathToFileURL(join(dist, name)).href);
  return {
    script,
    /** the cache file V8 took, if any */
    cacheUsed,
    shippedCache: shipped,
    /** where a `check` leaves this Node.js's own cache when V8 refused the shipped one */
    ownCache: own,
    run() {
      // At exit the script holds all that this run compiled. Only a `check` leaves it behind, as
      // only a `check` makes the shipped one: a cache recorded by `ready --help` would hold
      // little of what CI runs, and would stay.
      const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
      if (!cacheUsed && command === 'check') process.once('exit', () => writeQuietly(own, () => script.createCachedData()));
      return script.runInThisContext()(module.exports, require, module, file, dist, importLazy);
    },
  };
}

function readIfThere(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Temp file and rename: a run starting meanwhile reads the old cache or the new, never half. Any failure (a read-only install) only means no cache. */
function writeQuietly(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes());
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
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
