// The server bundle runs from a V8 code cache only when the cache was made
// from exactly its text (server/code-cache.ts); otherwise from source, the same.
// Each run is in a fresh isolate (a worker thread; same V8 flags): an isolate
// that compiled a text before answers from its own compilation cache instead.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileOf, fingerprint, FINGERPRINT_BYTES, writeCodeCache } from '../../language-server/src/server/code-cache.ts';
import { ROOT } from '../lsp/client.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'vanban-code-cache-'));
const runner = path.join(dir, 'code-cache.cjs');
beforeAll(async () => {
  await build({ entryPoints: [path.join(ROOT, 'language-server/src/server/code-cache.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: runner, logLevel: 'error' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS bundle that tells what it ran with. */
function bundle(name: string, word: string): string {
  const file = path.join(dir, `${name}.cjs`);
  writeFileSync(file, `require('node:worker_threads').parentPort.postMessage({ word: ${JSON.stringify(word)}, joined: require('node:path').join(__dirname, 'x'), file: __filename, exportsIsModuleExports: exports === module.exports });\n`);
  return file;
}

/** runBundle in a fresh isolate: whether it ran from the cache, and what the bundle said. */
function run(file: string): Promise<{ fromCache: boolean; said: Record<string, unknown> }> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const fromCache = require(${JSON.stringify(runner)}).runBundle(${JSON.stringify(file)});
     parentPort.postMessage({ fromCache });`,
    { eval: true },
  );
  return new Promise((resolve, reject) => {
    let said: Record<string, unknown> = {};
    worker.on('message', (m: Record<string, unknown>) => {
      if ('fromCache' in m) resolve({ fromCache: m.fromCache as boolean, said });
      else said = m;
    });
    worker.on('error', reject);
  });
}

/** Runs `code` in a fresh isolate until it ends (messages it posts are ignored). */
function inWorker(code: string): Promise<void> {
  const worker = new Worker(code, { eval: true });
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
}

describe('runBundle', () => {
  it('runs a bundle from the cache written for it, as a CommonJS module (require, __dirname, __filename, exports)', async () => {
    const file = bundle('a', 'alpha');
    expect((await run(file)).fromCache).toBe(false);
    writeCodeCache(file);
    expect(await run(file)).toEqual({ fromCache: true, said: { word: 'alpha', joined: path.join(dir, 'x'), file, exportsIsModuleExports: true } });
  });

  it('does not use a cache made from another text of the same length, and runs the new text', async () => {
    const file = bundle('b', 'alpha');
    writeCodeCache(file);
    bundle('b', 'omega');
    const { fromCache, said } = await run(file);
    expect(fromCache).toBe(false);
    expect(said.word).toBe('omega');
  });

  it('runs from source when V8 refuses the cache', async () => {
    const file = bundle('c', 'gamma');
    writeCodeCache(file);
    const cache = readFileSync(cacheFileOf(file));
    cache.fill(7, FINGERPRINT_BYTES); // the fingerprint of the text kept, V8's header and data spoiled
    writeFileSync(cacheFileOf(file), cache);
    const { fromCache, said } = await run(file);
    expect(fromCache).toBe(false);
    expect(said.word).toBe('gamma');
  });

  it('writes, after the bundle ran, a cache that also holds the functions it called, and runs from it', async () => {
    // A function the top level calls: compiled at its first call, so only a cache made after the run holds its bytecode.
    const file = path.join(dir, 'd.cjs');
    const body = Array.from({ length: 200 }, (_, i) => `s += ${i} * n;`).join(' ');
    writeFileSync(file, `function sum(n) { let s = 0; ${body} return s; }\nrequire('node:worker_threads').parentPort.postMessage({ word: 'delta', sum: sum(1) });\n`);
    writeCodeCache(file);
    const fresh = readFileSync(cacheFileOf(file)).length;
    await inWorker(`const r = require(${JSON.stringify(runner)}); r.writeCodeCache(${JSON.stringify(file)}, r.startBundle(${JSON.stringify(file)}));`);
    expect(readFileSync(cacheFileOf(file)).length).toBeGreaterThan(fresh + 1000);
    expect(await run(file)).toMatchObject({ fromCache: true, said: { word: 'delta', sum: 19900 } });
  });

  it('fingerprints a text by its CRC-32 and length, and gives none on a Node without zlib.crc32 (no throw)', () => {
    const crc32 = (data: Buffer) => data.reduce((h, b) => (h * 31 + b) >>> 0, 7);
    const a = fingerprint(Buffer.from('alpha'), crc32);
    expect(a?.length).toBe(FINGERPRINT_BYTES);
    expect(a?.readUInt32BE(4)).toBe(5);
    expect(a?.equals(fingerprint(Buffer.from('alpha'), crc32)!)).toBe(true);
    expect(a?.equals(fingerprint(Buffer.from('omega'), crc32)!)).toBe(false);
    // VS Code 1.91's Electron runs Node 20.9, which has no zlib.crc32: the server then compiles from source.
    expect(fingerprint(Buffer.from('alpha'), undefined)).toBeUndefined();
  });

  it('names the cache beside the bundle', () => {
    expect(cacheFileOf('/x/dist/server-node.cjs')).toBe('/x/dist/server-node.cache');
  });
});
