#!/usr/bin/env node
// `npm run bench`: builds dist/ (npm script), then bundles the benchmark
// (test/bench/main.ts, which reuses the TypeScript helpers of the tests: the
// LSP client, the Chromium harness, the corpus paths) and runs it. The core
// itself is never bundled in: the benchmark loads the built dist/core.js.
// Each bundled module keeps its own import.meta.url, so the helpers find the
// repository and the corpus as they do under vitest.
//   node test/bench/run.mjs [--json] [--runs N] [--only a,b] [--skip a,b]
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, 'dist', 'bench');

const ownFileUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

await build({
  // page.ts apart: it is loaded only when the Chromium section runs.
  entryPoints: [path.join(root, 'test/bench/main.ts'), path.join(root, 'test/bench/page.ts')],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
  plugins: [ownFileUrl],
});
const { main } = await import(pathToFileURL(path.join(outdir, 'main.mjs')).href);
try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
}
