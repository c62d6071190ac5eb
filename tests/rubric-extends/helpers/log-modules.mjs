// Preloaded with `node --import`: for every module of the built CLI, prints its URL and whether its
// source holds zod or the yaml package, read as it loads (a rebuild of dist/ meanwhile cannot
// confuse the test that reads these lines).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.includes('/dist/')) {
    const source = String(result.source ?? '');
    process.stderr.write('MODULE ' + url + ' zod=' + source.includes('ZodError') + ' yaml=' + source.includes('YAMLMap') + '\\n');
  }
  return result;
}`),
);
