import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  // what scripts/build.mjs defines, so that the sources run in tests as the bundle does
  define: { __READY_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // in-process CLI runs change the working directory, which worker threads cannot
    pool: 'forks',
    // end-to-end tests spawn the built binary; give a loaded 2-core machine some slack
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
