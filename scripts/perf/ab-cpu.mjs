#!/usr/bin/env node
/**
 * A/B of two builds of the core in one process: interleaved full checks of one
 * text (default ../shared/corpus/real/18), each timed in wall and process CPU
 * time. Interleaving puts both under the same machine load; compare p10 and
 * the median, not single runs.
 *   node scripts/perf/ab-cpu.mjs A/dist/core.js B/dist/core.js [TEXT_FILE] [ROUNDS]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [a, b, file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg) || 60;
const real = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus/real');
const textFile = file || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const text = readFileSync(textFile, 'utf8');
const A = await import(pathToFileURL(path.resolve(a)).href);
const B = await import(pathToFileURL(path.resolve(b)).href);
const cores = [A, B];
const wall = [[], []];
const cpu = [[], []];
let sink = 0;
for (let i = 0; i < 8; i++) for (const c of cores) sink += c.checkDocument(text).diagnostics.length;
for (let i = 0; i < rounds; i++) {
  // alternate who goes first so neither always pays the other's garbage
  const order = i % 2 === 0 ? [0, 1] : [1, 0];
  for (const k of order) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sink += cores[k].checkDocument(text).diagnostics.length;
    wall[k].push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / 1000);
  }
}
const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const row = (name, xs) => [name, q(xs[0], 0.1), q(xs[1], 0.1), q(xs[0], 0.5), q(xs[1], 0.5)];
const fmt = (r) => `${r[0].padEnd(5)} p10 ${r[1].toFixed(2)} → ${r[2].toFixed(2)} (× ${(r[2] / r[1]).toFixed(3)})   median ${r[3].toFixed(2)} → ${r[4].toFixed(2)} (× ${(r[4] / r[3]).toFixed(3)})`;
console.log(`${path.basename(textFile)}, ${rounds} rounds (sink ${sink})`);
console.log(fmt(row('wall', wall)));
console.log(fmt(row('cpu', cpu)));
