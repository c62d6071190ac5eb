import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the built binary; give a loaded 2-core machine some slack
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
