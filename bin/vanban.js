#!/usr/bin/env node
// Runs the bundled CLI. Build it first with `npm run build` (npm start does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('vanban: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
await import(bundle.href);
