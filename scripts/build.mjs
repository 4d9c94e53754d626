#!/usr/bin/env node
// Bundles the CLI (dist/cli.js, imported by bin/vanban.js) and the pure core
// (dist/core.js, used by the bench and by anyone embedding the checker).
// Usage: node scripts/build.mjs [--quiet]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: quiet ? 'error' : 'info',
  absWorkingDir: root,
  legalComments: 'none',
  define: { VANBAN_VERSION: JSON.stringify(pkg.version) },
};

const started = performance.now();
await Promise.all([
  build({ ...common, entryPoints: ['language-server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['language-server/src/core/index.ts'], outfile: 'dist/core.js', platform: 'neutral' }),
]);
if (!quiet) console.log(`build: dist/cli.js, dist/core.js (${Math.round(performance.now() - started)} ms)`);
