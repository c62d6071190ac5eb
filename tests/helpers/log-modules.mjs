// Preloaded with `node --import`: for every module of the built CLI, prints its URL and which of
// the heavy libraries its source holds, read as it loads (a rebuild of dist/ meanwhile cannot
// confuse the test that reads these lines). Libraries are told apart by a string only they hold.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`const MARKERS = { zod: 'ZodError', yaml: 'YAMLMap', inquirer: 'User force closed the prompt', ora: 'isSpinning', chalk: 'chalkStderr' };
export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.includes('/dist/')) {
    const source = String(result.source ?? '');
    const libs = Object.entries(MARKERS).filter(([, m]) => source.includes(m)).map(([name]) => name);
    process.stderr.write('MODULE ' + url + ' ' + Object.keys(MARKERS).map((k) => k + '=' + libs.includes(k)).join(' ') + '\\n');
  }
  return result;
}`),
);
