#!/usr/bin/env node
/**
 * What a full check asks of memory: per check, minor page faults (fresh pages: ≈ 2.5–4 µs each on the
 * development VM), process CPU and its system part, the collections that ran inside it, and — for the
 * checks no collection ran in — the bytes allocated in each heap space (new space, the large-object spaces where
 * strings and arrays over 128 KB go, old space: objects of pretenured allocation sites).
 * With two builds both run in one process, alternating, as ab-cpu.mjs does.
 * --peer: markdownlint and a parse of the same text before every check, as in the bench's rounds; the check then
 * runs in a heap churned by markdownlint's garbage, where old-space pages are fresh (faults for every object of a
 * pretenured site) and collections fall in about one check in five.
 *   node scripts/perf/memory.mjs A/dist/core.js [B/dist/core.js] [TEXT_FILE] [N] [--peer]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const peer = args.includes('--peer');
const rest = args.filter((a) => a !== '--peer');
const builds = rest.filter((a) => a.endsWith('.js'));
const [file, nArg] = rest.filter((a) => !a.endsWith('.js'));
const n = Number(nArg) || 40;
const real = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus/real');
const textFile = file || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const text = readFileSync(textFile, 'utf8');
const cores = await Promise.all(builds.map((b) => import(pathToFileURL(path.resolve(b)).href)));
const lint = peer ? (await import('markdownlint/sync')).lint : undefined;

const gcKinds = { 1: 'scavenge', 2: 'minor-mc', 4: 'mark-compact', 8: 'incremental', 16: 'weak' };
// Entries arrive after the check that ran them (at the next turn of the event loop): matched to it by time.
const gcs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ at: e.startTime, kind: gcKinds[e.detail?.kind] ?? String(e.detail?.kind) });
}).observe({ entryTypes: ['gc'] });
const spaces = () => {
  const out = {};
  for (const s of v8.getHeapSpaceStatistics()) out[s.space_name] = s.space_used_size;
  return out;
};

const rows = cores.map(() => []);
const one = (k, timed) => {
  if (peer) {
    lint({ strings: { doc: text } });
    cores[k].parseDocument(text);
  }
  const s0 = spaces();
  const r0 = process.resourceUsage();
  const t0 = performance.now();
  cores[k].checkDocument(text);
  const t1 = performance.now();
  const r1 = process.resourceUsage();
  const s1 = spaces();
  if (!timed) return;
  const bytes = {};
  for (const name in s1) bytes[name] = s1[name] - s0[name];
  rows[k].push({
    faults: r1.minorPageFault - r0.minorPageFault,
    cpu: (r1.userCPUTime + r1.systemCPUTime - r0.userCPUTime - r0.systemCPUTime) / 1000,
    sys: (r1.systemCPUTime - r0.systemCPUTime) / 1000,
    t0,
    t1,
    bytes,
  });
};
for (let i = 0; i < 5; i++) cores.forEach((_, k) => one(k, false));
for (let i = 0; i < n; i++) for (const k of cores.map((_, j) => (i % 2 ? cores.length - 1 - j : j))) one(k, true);
// The gc entries of a check arrive after it; wait for the last ones.
await new Promise((resolve) => setTimeout(resolve, 20));
for (const rs of rows) for (const r of rs) r.gcs = gcs.filter((g) => g.at >= r.t0 && g.at < r.t1).map((g) => g.kind);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;
console.log(`${path.basename(textFile)}, ${n} checks per build${peer ? ', each after markdownlint and a parse (the bench\'s rounds)' : ''}`);
builds.forEach((b, k) => {
  const rs = rows[k];
  const perCheck = (kind) => (rs.reduce((a, r) => a + r.gcs.filter((g) => g === kind).length, 0) / rs.length).toFixed(3);
  const quiet = rs.filter((r) => r.gcs.length === 0);
  const space = (name) => (quiet.length ? kb(median(quiet.map((r) => r.bytes[name] ?? 0))) : '—');
  console.log(`${b}
  faults median ${median(rs.map((r) => r.faults))}, mean ${mean(rs.map((r) => r.faults)).toFixed(1)}   CPU median ${median(rs.map((r) => r.cpu)).toFixed(2)} ms, of it system time (mean) ${mean(rs.map((r) => r.sys)).toFixed(2)} ms
  per check: scavenges ${perCheck('scavenge')}, mark-compacts ${perCheck('mark-compact')}; checks without a collection ${quiet.length} of ${rs.length}
  allocated (median of those): new space ${space('new_space')}, new large objects ${space('new_large_object_space')}, old space ${space('old_space')}, large objects ${space('large_object_space')}`);
});
