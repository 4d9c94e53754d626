#!/usr/bin/env node
/**
 * The checks the bench times are the 6th to the 20th of a fresh process (5
 * warm-up rounds, then 15): on a 2-core machine much of that is still JIT
 * warm-up. This runs K fresh processes per build, A and B alternating, each
 * doing 20 checks of one text (default ../shared/corpus/real/18) with the
 * bench's floor after each, and prints per build the median over processes of
 * (median check of rounds 6–20), of the floor, and of check ÷ floor — the ratio
 * is steadier when the machine's memory speed swings (it does: the floor moves
 * between ≈ 0.6 and ≈ 1.1 ms on the shared machine).
 * --single-threaded: the children run with that V8 flag (V8 compiles on the main thread, no helper threads) and
 * the figures are process CPU per check: the sum of checks 1–20 is the whole warm-up (interpreted runs, every
 * compile and recompile, optimised runs), whatever share of the machine the compile thread would have had — the
 * steadier measure of fewer deopts and recompiles on a loaded machine, where the wall times swing with the load.
 *   node scripts/perf/warmup.mjs A/dist/core.js [B/dist/core.js] [K] [TEXT_FILE] [--single-threaded]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

if (process.argv[2] === '--child') {
  const [, , , corePath, textFile] = process.argv;
  const core = await import(pathToFileURL(corePath).href);
  const text = readFileSync(textFile, 'utf8');
  const LINE_TEST = /^(Điều|Chương|Mục|Phần)\s+\S+|^[0-9]+\.\s|^[a-zđ]\)\s/u;
  const floor = (t) => {
    let hits = 0;
    for (const line of t.split(/\r\n|\r|\n/)) if (LINE_TEST.test(line)) hits++;
    return hits;
  };
  const checks = [];
  const floors = [];
  const cpu = [];
  for (let i = 0; i < 20; i++) {
    const c0 = process.cpuUsage();
    let t0 = performance.now();
    core.checkDocument(text);
    checks.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    t0 = performance.now();
    floor(text);
    floors.push(performance.now() - t0);
  }
  console.log(JSON.stringify({ first: checks[0], check: median(checks.slice(5)), floor: median(floors.slice(5)), cpu }));
  process.exit(0);
}

const args = process.argv.slice(2).filter((a) => a !== '--single-threaded');
const singleThreaded = process.argv.includes('--single-threaded');
const builds = args.filter((a) => a.endsWith('.js')).map((a) => path.resolve(a));
const k = Number(args.find((a) => /^\d+$/.test(a))) || 10;
const real = path.resolve(path.dirname(self), '../../../shared/corpus/real');
const textFile = args.find((a) => !a.endsWith('.js') && !/^\d+$/.test(a)) || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const runs = builds.map(() => []);
for (let i = 0; i < k; i++) {
  builds.forEach((b, j) => {
    const flags = singleThreaded ? ['--single-threaded'] : [];
    runs[j].push(JSON.parse(execFileSync(process.execPath, [...flags, self, '--child', b, textFile], { encoding: 'utf8' })));
  });
}
const stat = (rs) => ({
  first: median(rs.map((r) => r.first)),
  check: median(rs.map((r) => r.check)),
  floor: median(rs.map((r) => r.floor)),
  ratio: median(rs.map((r) => r.check / r.floor)),
});
const s = runs.map(stat);
if (singleThreaded) {
  const sum = (xs) => xs.reduce((t, x) => t + x, 0);
  console.log(`${path.basename(textFile)}, ${k} fresh --single-threaded processes per build; medians over processes, process CPU`);
  builds.forEach((b, j) => {
    const at = (f) => median(runs[j].map((r) => f(r.cpu)));
    console.log(`${b}\n  checks 1–20 ${at(sum).toFixed(0)} ms · first ${at((x) => x[0]).toFixed(0)} · 2–5 ${at((x) => sum(x.slice(1, 5))).toFixed(0)} · 6–20 ${at((x) => sum(x.slice(5))).toFixed(0)} (median check ${at((x) => median(x.slice(5))).toFixed(2)})`);
  });
  process.exit(0);
}
console.log(`${path.basename(textFile)}, ${k} fresh processes per build; medians over processes of rounds 6–20`);
builds.forEach((b, j) => {
  const x = s[j];
  console.log(`${b}\n  first check ${x.first.toFixed(1)} ms · check ${x.check.toFixed(2)} ms · floor ${x.floor.toFixed(3)} ms · check/floor ${x.ratio.toFixed(1)}`);
});
if (s.length === 2) {
  const r = (key) => (s[1][key] / s[0][key]).toFixed(3);
  console.log(`B ÷ A: first × ${r('first')} · check × ${r('check')} · check/floor × ${r('ratio')}`);
}
