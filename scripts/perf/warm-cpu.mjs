#!/usr/bin/env node
/**
 * The whole cost of warming up, as CPU time that does not depend on how much of the machine the compile thread
 * gets: K fresh processes per build, A and B alternating, run with --single-threaded (V8 compiles on the main
 * thread, no helper threads), each doing 20 checks of one text (default ../shared/corpus/real/18) and reading
 * the process CPU time of each. Prints per build the median over processes of the sum of checks 1–20
 * (interpreted runs + every compile and recompile + optimised runs), of checks 2–5, of checks 6–20 (the bench's
 * timed rounds) and the first check. On a loaded 2-core machine, where warmup.mjs's wall times swing with the
 * load, this is the steadier measure of fewer deopts and recompiles. Extra V8 flags for B: WARM_CPU_B_FLAGS.
 *   node scripts/perf/warm-cpu.mjs A/dist/core.js B/dist/core.js [K=8] [TEXT_FILE]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  const [, , , corePath, textFile] = process.argv;
  const core = await import(pathToFileURL(corePath).href);
  const text = readFileSync(textFile, 'utf8');
  const cpu = [];
  for (let i = 0; i < 20; i++) {
    const c0 = process.cpuUsage();
    core.checkDocument(text);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(JSON.stringify(cpu));
  process.exit(0);
}
const args = process.argv.slice(2);
const builds = args.filter((a) => a.endsWith('.js')).map((a) => path.resolve(a));
const k = Number(args.find((a) => /^\d+$/.test(a))) || 8;
const real = path.resolve(path.dirname(self), '../../../shared/corpus/real');
const textFile = args.find((a) => !a.endsWith('.js') && !/^\d+$/.test(a)) || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const bFlags = (process.env.WARM_CPU_B_FLAGS ?? '').split(' ').filter(Boolean);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const sum = (xs) => xs.reduce((s, x) => s + x, 0);
const runs = builds.map(() => []);
for (let i = 0; i < k; i++) {
  builds.forEach((b, j) => {
    const flags = ['--single-threaded', ...(j === 1 ? bFlags : [])];
    runs[j].push(JSON.parse(execFileSync(process.execPath, [...flags, self, '--child', b, textFile], { encoding: 'utf8' })));
  });
}
console.log(`${path.basename(textFile)}, ${k} fresh --single-threaded processes per build; medians over processes, process CPU`);
builds.forEach((b, j) => {
  const r = runs[j];
  const stat = (f) => median(r.map(f));
  console.log(`${b}\n  checks 1–20 ${stat(sum).toFixed(0)} ms · first ${stat((x) => x[0]).toFixed(0)} · 2–5 ${stat((x) => sum(x.slice(1, 5))).toFixed(0)} · 6–20 ${stat((x) => sum(x.slice(5))).toFixed(0)} (median check ${stat((x) => median(x.slice(5))).toFixed(2)})`);
});
