import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
// Test files that replace a module with vi.mock need a fresh module graph each; the others share
// their workers' modules, which halves the run (most of a fresh worker's time is importing).
const MOCKING = ['tests/write/readiness-writer.test.ts', 'tests/evidence/hostile.test.ts'];

const common = {
  // what scripts/build.mjs defines, so that the sources run in tests as the bundle does
  define: { __READY_VERSION__: JSON.stringify(version) },
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    // in-process CLI runs change the working directory, which worker threads cannot
    pool: 'forks' as const,
    // end-to-end tests spawn the built binary; give a loaded 2-core machine some slack
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      { ...common, test: { ...common.test, name: 'shared', include: ['tests/**/*.test.ts'], exclude: MOCKING, isolate: false } },
      { ...common, test: { ...common.test, name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
});
