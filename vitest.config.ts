import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

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

const exclude = [...configDefaults.exclude, 'dist/**', 'dist-ext/**'];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'vanban', include: ['test/**/*.test.ts'], exclude: [...exclude, 'test/browser/unit/**'] } },
      // The browser extension's unit tests run with WXT's plugin: a fake
      // `browser` (storage, runtime messaging) and the extension's config.
      { extends: true, plugins: [WxtVitest()], test: { name: 'browser', include: ['test/browser/unit/**/*.test.ts'], exclude } },
    ],
    // Builds dist/ once so the CLI tests can spawn bin/vanban.js.
    globalSetup: ['scripts/test-global-setup.mjs'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
