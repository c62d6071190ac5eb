// Preloaded with `node --import`: for every ES module of the built CLI, prints its URL and which of
// the heavy libraries its source holds, read as it loads (a rebuild of dist/ meanwhile cannot
// confuse the test that reads these lines), one line each to the file READY_MODULE_LOG names
// (runWithModuleLog in cli.ts). The markers, strings only each library's source holds,
// are in library-markers.json ("zod" is full zod; "zod/mini" also matches full zod).
import { readFileSync } from 'node:fs';
import { register } from 'node:module';

const MARKERS = JSON.parse(readFileSync(new URL('./library-markers.json', import.meta.url), 'utf8'));

register(
  'data:text/javascript,' +
    encodeURIComponent(`const MARKERS = ${JSON.stringify(MARKERS)};
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.includes('/dist/')) {
    const source = String(result.source ?? '');
    const libs = Object.entries(MARKERS).filter(([, m]) => source.includes(m)).map(([name]) => name);
    // a synchronous append, done before the module reaches the main thread: stderr written from
    // this hooks thread could still be in flight when the process exits
    appendFileSync(process.env.READY_MODULE_LOG, 'MODULE ' + url + ' ' + Object.keys(MARKERS).map((k) => k + '=' + libs.includes(k)).join(' ') + '\\n');
  }
  return result;
}`),
);
