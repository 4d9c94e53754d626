import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'dist-ext/**'],
    // Builds dist/ once so the CLI tests can spawn bin/vanban.js.
    globalSetup: ['scripts/test-global-setup.mjs'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
