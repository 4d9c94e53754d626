import { defineConfig } from 'vitest/config';

// vitest 5 calls Map.groupBy (Node 21+) when it prints failed tests; on Node 20
// the report itself then crashes with "Map.groupBy is not a function" and
// hides the failures. The config loads in vitest's main process, so a small
// polyfill here is enough.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const out = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
      }
      return out;
    },
  });
}

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
