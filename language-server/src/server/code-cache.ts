/**
 * The Node server bundle (dist/server-node.cjs) compiled from a V8 code cache
 * the build writes beside it (dist/server-node.cache).
 *
 * Compiling the 2.5 MB bundle costs ≈ 55 ms of CPU at every start (V8
 * pre-parses every function); from the cache ≈ 9 ms. The server's cold start
 * (issue 9: spawn → first diagnostics ≤ 400 ms) pays for the worker thread it
 * now runs in (thread.ts) with this. The build makes the cache after the
 * bundle has served a first check (code-cache-training.ts), so that it holds
 * the bytecode of the functions a start runs, not only of the top level.
 *
 * V8 takes a cache only from the same V8 build with the same flags (the VS
 * Code client's `--max-semi-space-size=4` makes it compile from source, as
 * before; the server sets its own only after the compile, v8-flags.ts) and
 * checks only the source's length: the cache starts with the fingerprint of
 * the bundle it was made from (its CRC-32 and byte length), and is used only
 * for that text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type vm from 'node:vm';

/** The bytes of a cache file before V8's data: the fingerprint of the bundle it was made from (fingerprintOf). */
export const FINGERPRINT_BYTES = 8;

/**
 * node:zlib and node:vm, required when a bundle is compiled, not when this module is loaded: dist/server.js
 * imports it in the main thread too, which over stdio only starts the server's thread, and every module loaded
 * there comes before that thread's start, on the cold start's critical path. (Required from the bundle's path: any
 * path resolves a `node:` module, and this module is also bundled as CommonJS, where import.meta.url is not defined
 * everywhere.)
 */
const builtin = <T>(bundle: string, name: 'node:zlib' | 'node:vm'): T => createRequire(bundle)(name) as T;

/**
 * What ties a cache to the exact text it was made from: the bundle's CRC-32 and its length in bytes. It guards
 * against a cache left beside another build (a stale or mixed-up file), not against an adversary, who could write
 * the cache itself. Why not SHA-256 (as before): node:crypto is 18 internal modules that nothing else in a stdio
 * server's start needs (the server bundle loads it lazily, scripts/lazy-builtins.mjs); loading it and hashing the
 * 2.8 MB bundle cost the server's thread ≈ 105 M instructions before its first diagnostics (callgrind), zlib's
 * CRC-32 ≈ 17 M (docs/notes/issue-9-s17-s17cold.md).
 */
function fingerprintOf(bundle: string, source: Buffer): Buffer | undefined {
  return fingerprint(source, builtin<typeof import('node:zlib')>(bundle, 'node:zlib').crc32);
}

/**
 * The fingerprint of `source` with `crc32`, or nothing when this Node has no zlib.crc32 (it came with Node 20.15):
 * the engines field asks for 20.19, but VS Code runs the server on its Electron's Node, 20.9 in VS Code 1.91, which
 * its `--max-semi-space-size` flag makes compile from source anyway (see above) — there, no cache, never a throw.
 */
export function fingerprint(source: Buffer, crc32: ((data: Buffer) => number) | undefined): Buffer | undefined {
  if (typeof crc32 !== 'function') return undefined;
  const print = Buffer.alloc(FINGERPRINT_BYTES);
  print.writeUInt32BE(crc32(source), 0);
  print.writeUInt32BE(source.length >>> 0, 4);
  return print;
}

export function cacheFileOf(bundle: string): string {
  return bundle.replace(/\.cjs$/, '') + '.cache';
}

/** The bundle as Node wraps a CommonJS module, so that it runs as one. */
function compile(bundle: string, source: Buffer, cachedData?: Buffer): vm.Script {
  const { Script } = builtin<typeof vm>(bundle, 'node:vm');
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, { filename: bundle, cachedData });
}

/**
 * Writes the bundle's code cache for the node running this (the build): of the functions `script` has compiled
 * so far when it is given (startBundle's, after it ran), else of a fresh compile (the top level only).
 */
export function writeCodeCache(bundle: string, script?: vm.Script): void {
  const source = readFileSync(bundle);
  const print = fingerprintOf(bundle, source);
  if (!print) throw new Error(`the code cache needs zlib.crc32 (Node ≥ 20.15), this is Node ${process.versions.node}`);
  writeFileSync(cacheFileOf(bundle), Buffer.concat([print, (script ?? compile(bundle, source)).createCachedData()]));
}

/** The cache of exactly this source, or nothing (none written, unreadable, or of another text). */
function cacheOf(bundle: string, source: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFileOf(bundle));
  } catch {
    return undefined;
  }
  if (cache.length <= FINGERPRINT_BYTES) return undefined;
  return fingerprintOf(bundle, source)?.equals(cache.subarray(0, FINGERPRINT_BYTES)) ? cache.subarray(FINGERPRINT_BYTES) : undefined;
}

/** Runs the CommonJS bundle, compiled from `cachedData` when given and taken by V8; its script. */
export function startBundle(bundle: string, cachedData?: (source: Buffer) => Buffer | undefined): vm.Script {
  const source = readFileSync(bundle);
  const script = compile(bundle, source, cachedData?.(source));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return script;
}

/** Runs the CommonJS bundle, compiled from its code cache when V8 takes it; true when it did. */
export function runBundle(bundle: string): boolean {
  return startBundle(bundle, (source) => cacheOf(bundle, source)).cachedDataRejected === false;
}

/** True when V8 takes the bundle's code cache here (in a fresh isolate: one that compiled the text answers from its own cache). */
export function cacheIsTaken(bundle: string): boolean {
  const source = readFileSync(bundle);
  const cache = cacheOf(bundle, source);
  return cache !== undefined && compile(bundle, source, cache).cachedDataRejected === false;
}
