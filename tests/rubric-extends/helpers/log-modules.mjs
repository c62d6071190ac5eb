// Preloaded with `node --import`: prints the URL of every module of the built CLI as it loads, so a
// test can see which bundle chunks a command pulls in.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function load(url, context, next) {
  if (url.includes('/dist/')) process.stderr.write('MODULE ' + url + '\\n');
  return next(url, context);
}`),
);
