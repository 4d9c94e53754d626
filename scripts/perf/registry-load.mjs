#!/usr/bin/env node
/**
 * Where a registry load goes (the bench's registry_100k_load_ms: the 100,000-
 * entry file of test/bench/registry.ts), per phase — read+decode (what the CLI's
 * readFile(file, 'utf8') does), parseRegistryText (JSON.parse + the entry
 * check), createRegistry (the indexes) — in main-thread CPU time (schedstat:
 * neither the GC helper threads nor the compile thread, nor other processes),
 * wall time, GC pauses on the main thread and page faults. On this shared VM
 * the wall time mostly measures the neighbours; main-thread CPU is the figure
 * to compare, and a fresh page costs 1.4–10 µs to fault in.
 *   node scripts/perf/registry-load.mjs A/dist/core.js [B/dist/core.js] [--rounds N] [--fresh K]
 * A build is loaded as the bench loads it: from bytes when its core has parseRegistryBytes (the CLI's and
 * the server's path since session 15), else from text; `X/dist/core.js#text` takes the text path anyway.
 * Default: N rounds in one process, A and B interleaved (the bench's case:
 * warm code, grown heap), p10 and median per phase. --fresh K: K fresh
 * processes per build, alternating, one load each (a user's case: the CLI or
 * the server loads a registry once per process, with cold code and heap).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '../..');
const PHASES_FILE = 'registry-100k.json';
const PHASES = ['read', 'parse', 'index', 'total'];
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** Main-thread CPU in ms: the first field of schedstat is the thread's time on a CPU in ns. */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const mainCpu = () => Number(readFileSync(schedstat, 'latin1').split(' ')[0]) / 1e6;
const faults = () => process.resourceUsage().minorPageFault;

/** GC pauses, delivered after the synchronous loads: summed into their phases by time (fill()). */
const pauses = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push([e.startTime, e.duration]);
}).observe({ entryTypes: ['gc'] });
const pending = [];

/** One load as the bench times it; per phase: [main-thread CPU, wall, GC (filled in later), faults]. */
function load([core, text], file) {
  const marks = [];
  const mark = () => marks.push([mainCpu(), performance.now(), 0, faults()]);
  mark();
  const read = text ? readFileSync(file).toString('utf8') : readFileSync(file);
  mark();
  const parsed = text ? core.parseRegistryText(read, file) : core.parseRegistryBytes(read, file);
  mark();
  const registry = core.createRegistry([{ origin: 'file', name: file, file: parsed }]);
  mark();
  if (registry.size !== 100_000) throw new Error(`loaded ${registry.size} entries`);
  const out = [1, 2, 3].map((k) => marks[k].map((x, j) => x - marks[k - 1][j]));
  out.push(marks[3].map((x, j) => x - marks[0][j]));
  pending.push([out, [1, 2, 3, 0].map((k, p) => (p < 3 ? [marks[k - 1][1], marks[k][1]] : [marks[0][1], marks[3][1]]))]);
  return out;
}

/** The GC pauses of each phase, once the observer has had them. */
async function fill() {
  await new Promise((r) => setTimeout(r, 100));
  for (const [out, spans] of pending.splice(0)) {
    spans.forEach(([a, b], p) => {
      out[p][2] = pauses.filter(([t]) => t >= a && t < b).reduce((s, [, d]) => s + d, 0);
    });
  }
}

/** The bench's file, made afresh by its own generator (a cached one would outlive a change of the generator). */
async function generate(dir) {
  const file = path.join(dir, PHASES_FILE);
  const { build } = await import('esbuild');
  const bundle = path.join(dir, 'generate.mjs');
  await build({ entryPoints: [path.join(root, 'test/bench/registry.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  const { generateRegistry } = await import(pathToFileURL(bundle).href);
  writeFileSync(file, generateRegistry());
  return file;
}

const print = (names, results) => {
  const fmt = (xs) => `p10 ${q(xs, 0.1).toFixed(1).padStart(6)}  median ${q(xs, 0.5).toFixed(1).padStart(6)}`;
  for (let p = 0; p < PHASES.length; p++) {
    for (let b = 0; b < names.length; b++) {
      const col = (j) => results[b].map((r) => r[p][j]);
      console.log(`${PHASES[p].padEnd(6)} ${names[b].padEnd(2)} main cpu ${fmt(col(0))} | wall ${fmt(col(1))} | gc ${q(col(2), 0.5).toFixed(1).padStart(5)} | faults ${q(col(3), 0.5)}`);
    }
  }
};

/** Per build, the phases of each load: `fresh` processes each, alternating, or `rounds` interleaved loads in this one. */
async function compare(builds, file, rounds, fresh) {
  const results = builds.map(() => []);
  if (fresh > 0) {
    for (let i = 0; i < fresh; i++) {
      for (const b of i % 2 ? [...builds.keys()].reverse() : builds.keys()) {
        results[b].push(JSON.parse(execFileSync(process.execPath, [self, '--child', builds[b], file], { encoding: 'utf8' })));
      }
    }
    console.log(`${fresh} fresh processes per build, one load each`);
    return results;
  }
  const cores = [];
  for (const b of builds) cores.push(await importBuild(b));
  for (let i = 0; i < 2; i++) for (const c of cores) load(c, file);
  for (let i = 0; i < rounds; i++) for (const b of i % 2 ? [...cores.keys()].reverse() : cores.keys()) results[b].push(load(cores[b], file));
  await fill();
  console.log(`${rounds} interleaved loads per build in one process (after 2 warm-up loads each)`);
  return results;
}

/** A build's core and whether it is loaded from text (no parseRegistryBytes, or `#text` after its path). */
async function importBuild(spec) {
  const [file, how] = spec.split('#');
  const core = await import(pathToFileURL(file).href);
  return [core, how === 'text' || typeof core.parseRegistryBytes !== 'function'];
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const out = load(await importBuild(args[1]), args[2]);
  await fill();
  process.stdout.write(JSON.stringify(out));
} else {
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i < 0 ? dflt : Number(args.splice(i, 2)[1]);
  };
  const rounds = opt('--rounds', 12);
  const fresh = opt('--fresh', 0);
  const builds = args.map((a) => path.resolve(a.split('#')[0]) + (a.includes('#') ? `#${a.split('#')[1]}` : ''));
  const names = builds.map((_, i) => String.fromCharCode(65 + i));
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-registry-load-'));
  try {
    const results = await compare(builds, await generate(dir), rounds, fresh);
    builds.forEach((b, i) => console.log(`${names[i]} = ${b}`));
    print(names, results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
