#!/usr/bin/env node
// Bundles the CLI (dist/cli.js, imported by bin/vanban.js), the pure core
// (dist/core.js, used by the bench and by anyone embedding the checker), and
// the language server: dist/server.js (Node: stdio, node-ipc, socket; also run
// by `vanban lsp`), which runs dist/server-node.cjs in a worker thread (whose
// script is dist/server-thread.cjs) or in its own, from the code cache
// dist/server-node.cache, and dist/server-worker.js (a classic Web Worker script).
// The VS Code extension: dist/extension.cjs (Node client; CommonJS, as VS Code
// loads extensions with require) and dist/web-extension.cjs (the web client:
// .cjs, as the package is "type": "module" and the web extension host loads CommonJS only).
// Usage: node scripts/build.mjs [--quiet]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { writeRulesDoc } from './rules-doc.mjs';
import { asciiBundle } from './ascii-bundle.mjs';
import { explicitClassesPlugin } from './explicit-classes.mjs';
import { lazyBuiltinsPlugin } from './lazy-builtins.mjs';

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
  // The core's \p{…} literals as explicit ranges in the bundles (scripts/explicit-classes.mjs).
  plugins: [explicitClassesPlugin(root)],
};

/** A CommonJS bundle for Node that reads import.meta.url (as its file's URL). */
const nodeCommonJs = {
  ...common,
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__vanbanModuleUrl' },
  banner: { js: "const __vanbanModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const started = performance.now();
await Promise.all([
  build({ ...common, entryPoints: ['language-server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['language-server/src/core/index.ts'], outfile: 'dist/core.js', platform: 'neutral' }),
  // The entry that runs the server in a worker thread or in its own (it imports nothing of the server).
  build({ ...common, entryPoints: ['language-server/src/server/node.ts'], outfile: 'dist/server.js' }),
  // The server itself: CommonJS, as a script compiled from a V8 code cache (server/code-cache.ts) must be.
  build({
    ...nodeCommonJs,
    entryPoints: ['language-server/src/server/node-server.ts'],
    outfile: 'dist/server-node.cjs',
    // crypto and child_process, which vscode-languageserver requires at load, loaded when first used (scripts/lazy-builtins.mjs).
    plugins: [...common.plugins, lazyBuiltinsPlugin()],
  }),
  // The server's worker thread's script over stdio (CommonJS: an ES module would load Node's ES module loader there first).
  build({ ...nodeCommonJs, entryPoints: ['language-server/src/server/thread-entry.ts'], outfile: 'dist/server-thread.cjs' }),
  build({ ...common, entryPoints: ['language-server/src/server/worker.ts'], outfile: 'dist/server-worker.js', platform: 'browser', format: 'iife', target: 'es2022' }),
  ...vscodeExtension(),
]);
// The bundles Node and the browser keep in memory as source for as long as they run: pure ASCII, so one byte a character.
for (const file of ['dist/server-node.cjs', 'dist/server-worker.js', 'dist/cli.js']) asciiBundle(path.join(root, file));
await writeServerCodeCache();
// The rule documentation the server links to (generated from the core just built).
await writeRulesDoc(root);
if (!quiet) console.log(`build: dist/cli.js, dist/core.js, dist/server.js, dist/server-thread.cjs, dist/server-node.cjs (+ .cache), dist/server-worker.js, dist/rules.md, dist/extension.cjs, dist/web-extension.cjs (${Math.round(performance.now() - started)} ms)`);

/** The two VS Code client bundles (minified: they ship in the .vsix); `vscode` is provided by the editor. */
function vscodeExtension() {
  const client = { ...common, format: 'cjs', external: ['vscode'], minify: true, keepNames: true };
  return [
    build({ ...client, entryPoints: ['extension/vscode/extension.ts'], outfile: 'dist/extension.cjs', platform: 'node' }),
    build({ ...client, entryPoints: ['extension/vscode/web-extension.ts'], outfile: 'dist/web-extension.cjs', platform: 'browser', target: 'es2022' }),
  ];
}

/**
 * The server bundle's V8 code cache, made by this node (the one that will run the server; another node or
 * other V8 flags compile from source) after the bundle has served a first check (server/code-cache-training.ts:
 * the cache then holds the functions a start runs). The trainer is the server's own code, bundled for this
 * process (CommonJS in a temporary file: it is also its own worker's script).
 */
async function writeServerCodeCache() {
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-build-'));
  try {
    const trainer = path.join(dir, 'code-cache-training.cjs');
    await build({ ...nodeCommonJs, entryPoints: ['language-server/src/server/code-cache-training.ts'], outfile: trainer, sourcemap: false, logLevel: 'error' });
    // In a child process, not in this one: the training starts the server in a worker thread and sets V8 flags
    // while it runs, and once in a CI run the whole build died of a SIGSEGV there (three builds of the same clone
    // then passed). A crashed training is tried again; after three, the build goes on: a cache left from an earlier
    // build carries that bundle's hash and a half-written one fails V8's check, so the server compiles its bundle
    // from source then, as whenever V8 refuses a cache (server/code-cache.ts).
    const bundle = path.join(root, 'dist/server-node.cjs');
    const script = `require(${JSON.stringify(trainer)}).writeTrainedCodeCache(${JSON.stringify(bundle)}).then((ok) => process.exit(ok ? 0 : 3), (e) => { console.error(e); process.exit(1); })`;
    for (let attempt = 1; ; attempt++) {
      const run = spawnSync(process.execPath, ['-e', script], { stdio: 'inherit' });
      if (run.status === 0) break;
      if (run.status === 3) {
        console.warn('build: the server code cache could not be made after a first check; it holds the top level only');
        break;
      }
      const why = run.signal ? `signal ${run.signal}` : `exit code ${run.status}`;
      if (attempt === 3) {
        console.warn(`build: the server code cache training failed three times (${why}); built without a fresh code cache`);
        break;
      }
      console.warn(`build: the server code cache training failed (${why}); trying again`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
