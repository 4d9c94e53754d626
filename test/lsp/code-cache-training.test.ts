// The server's code cache is made after a first check (server/code-cache-training.ts): the build runs
// dist/server-node.cjs in a worker, speaks LSP to it, and writes the cache of what it compiled. Here on a
// copy of the built bundle: the cache is written, taken by a fresh thread under a start's flags, and larger
// than the top level's; a bundle that never answers gets the top level's cache instead.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './client.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'vanban-code-cache-training-'));
const trainerFile = path.join(dir, 'code-cache-training.cjs');
const runner = path.join(dir, 'code-cache.cjs');
let trainer: { writeTrainedCodeCache(bundle: string): Promise<boolean> };

beforeAll(async () => {
  // As scripts/build.mjs bundles it: CommonJS, its own worker's script.
  await build({
    entryPoints: [path.join(ROOT, 'language-server/src/server/code-cache-training.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: trainerFile,
    logLevel: 'error',
    define: { 'import.meta.url': '__vanbanModuleUrl', VANBAN_VERSION: '"test"' },
    banner: { js: "const __vanbanModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({ entryPoints: [path.join(ROOT, 'language-server/src/server/code-cache.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: runner, logLevel: 'error' });
  trainer = createRequire(import.meta.url)(trainerFile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a fresh thread (no V8 flag changed, as at a start) compiles `bundle` from its cache. */
function takenInFreshThread(bundle: string): Promise<boolean> {
  const worker = new Worker(`require('node:worker_threads').parentPort.postMessage(require(${JSON.stringify(runner)}).cacheIsTaken(${JSON.stringify(bundle)}))`, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: boolean) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

describe('the server code cache made after a first check', () => {
  it('is written for the server bundle and taken by a fresh thread; it holds more than the top level', async () => {
    const bundle = path.join(dir, 'server-node.cjs');
    copyFileSync(path.join(ROOT, 'dist/server-node.cjs'), bundle);
    copyFileSync(path.join(ROOT, 'dist/rules.md'), path.join(dir, 'rules.md'));
    expect(await trainer.writeTrainedCodeCache(bundle)).toBe(true);
    const trained = readFileSync(path.join(dir, 'server-node.cache')).length;
    expect(await takenInFreshThread(bundle)).toBe(true);
    // The top level's cache, as the build wrote it before.
    const topLevel = new Worker(`require(${JSON.stringify(runner)}).writeCodeCache(${JSON.stringify(bundle)})`, { eval: true });
    await new Promise((resolve) => topLevel.once('exit', resolve));
    expect(trained).toBeGreaterThan(readFileSync(path.join(dir, 'server-node.cache')).length + 100_000);
  }, 120_000);

  it('falls back to the top level cache when the bundle ends without answering', async () => {
    const bundle = path.join(dir, 'silent.cjs');
    writeFileSync(bundle, 'process.exit(0);\n');
    expect(await trainer.writeTrainedCodeCache(bundle)).toBe(false);
    expect(await takenInFreshThread(bundle)).toBe(true);
  }, 120_000);
});
