#!/usr/bin/env node
// Rebuilds the embedded registry (language-server/src/core/registry/data/embedded-registry.json)
// from the shared corpus with `vanban index`: every fact in it comes from a corpus document,
// with the document and line it was read from. Never edit the data file by hand; run
// `npm run registry` (it builds dist/ first) and review the diff.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
const out = path.join(root, 'language-server/src/core/registry/data/embedded-registry.json');
if (!existsSync(corpus)) {
  console.error(`registry: ${corpus} not found — the embedded registry is built from ../shared/corpus beside the repo.`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [path.join(root, 'bin/vanban.js'), 'index', '--output', out, corpus], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
