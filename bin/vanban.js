#!/usr/bin/env node
// Runs the bundled CLI. Build it first with `npm run build` (npm start does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `vanban lsp --stdio` (or --node-ipc, --socket=N) goes straight to the server bundle: the editor waits
// for the server's start, and the CLI bundle has nothing to add (`vanban lsp` alone gets the CLI's usage error).
const lsp = process.argv[2] === 'lsp' && process.argv.slice(3).some((a) => /^--(?:stdio$|node-ipc$|socket=|pipe=)/.test(a));
const bundle = new URL(lsp ? '../dist/server.js' : '../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(`vanban: ${lsp ? 'dist/server.js' : 'dist/cli.js'} is missing; run \`npm run build\` first.\n`);
  process.exit(2);
}
await import(bundle.href);
