#!/usr/bin/env node
// Throughput of the bundled core (dist/core.js; `npm run bench` builds it first):
// parse MB/s and check MB/s on two corpus files, beside a floor measured in the
// same process (split into lines + one regex test per line), so numbers from
// different machines can be compared by their ratio to the floor.
// Usage: node test/bench/run.mjs [--json] [--runs N]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 15) : 15;
const WARMUP = 5;

const FILES = [
  '../shared/corpus/real/18_BLHS-100-2015-QH13_vbpl-html2text.txt',
  '../shared/corpus/seeds/004_52bceec2462771f4.txt',
];

const corePath = path.join(root, 'dist/core.js');
if (!existsSync(corePath)) {
  console.error('bench: dist/core.js is missing; run `npm run build` (npm run bench does it).');
  process.exit(2);
}
const core = await import(pathToFileURL(corePath).href);
const { parseDocument, checkDocument } = core;
const { benchRegistry } = await import('./registry.mjs');

const LINE_TEST = /^(Điều|Chương|Mục|Phần)\s+\S+|^[0-9]+\.\s|^[a-zđ]\)\s/u;
function floor(text) {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (LINE_TEST.test(line)) hits++;
  return hits;
}

/**
 * Median seconds of each function over RUNS timed rounds, after WARMUP untimed
 * ones. The functions take turns within a round so that JIT warm-up and GC
 * pressure fall on all of them alike.
 */
function measure(fns, text) {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) sink ^= !!fn(text);
  const times = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      sink ^= !!fn(text);
      times[k].push((performance.now() - t0) / 1000);
    });
  }
  globalThis.__benchSink = sink;
  return times.map((ts) => ts.sort((a, b) => a - b)[ts.length >> 1]);
}

const results = [];
const skipped = [];
for (const rel of FILES) {
  const abs = path.resolve(root, rel);
  if (!existsSync(abs)) {
    skipped.push(rel);
    continue;
  }
  const text = readFileSync(abs, 'utf8');
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  const [floorS, parseS, checkS] = measure([floor, (t) => parseDocument(t).tree, (t) => checkDocument(t).diagnostics], text);
  const round = (x) => Math.round(x * 100) / 100;
  results.push({
    file: path.basename(rel),
    bytes: Buffer.byteLength(text, 'utf8'),
    parse_mb_per_s: round(mb / parseS),
    check_mb_per_s: round(mb / checkS),
    floor_mb_per_s: round(mb / floorS),
    parse_ms: round(parseS * 1000),
    check_ms: round(checkS * 1000),
    floor_ms: round(floorS * 1000),
  });
}

for (const s of skipped) console.error(`bench: skipping ${s} (not found; the shared corpus lives at ../shared beside the repo)`);

// The registry at scale (issue 5): 100,000 generated entries loaded, then looked up.
const registry = benchRegistry(core);

if (asJson) {
  console.log(JSON.stringify({ node: process.version, runs: RUNS, warmup: WARMUP, files: results, skipped, ...registry }, null, 2));
} else {
  const head = ['file', 'KB', 'parse MB/s', 'check MB/s', 'floor MB/s', 'parse ms', 'check ms'];
  const rows = results.map((r) => [r.file, (r.bytes / 1000).toFixed(0), r.parse_mb_per_s, r.check_mb_per_s, r.floor_mb_per_s, r.parse_ms, r.check_ms].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`vanban bench — ${process.version}, median of ${RUNS} runs after ${WARMUP} warm-up runs`);
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
  if (results.length === 0) console.log('(no corpus files found)');
  console.log(`registry: ${registry.registry_100k_entries} generated entries (${(registry.registry_100k_bytes / 1e6).toFixed(1)} MB) load in ${registry.registry_100k_load_ms} ms (${registry.registry_100k_load_cpu_ms} ms of CPU); a lookup takes ${registry.registry_lookup_us} µs`);
}
