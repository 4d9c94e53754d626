#!/usr/bin/env node
/**
 * Where the bench's timed checks cost more than the steady state: runs the bench's rounds in one process (the
 * floor, a parse, the check, markdownlint: test/bench/throughput.ts), profiles only the check, and prints self
 * time per source function in rounds 5–19 (the checks the bench times) beside rounds 40–54 (warm), biggest
 * difference first. markdownlint is in the rounds because it changes the warm-up: it fills the young generation in
 * round 0 (the pretenuring deopts a check-only process meets in round 5 happen in rounds 0–2) and its compiles hold
 * V8's compile thread through round 19. Read function rows with care: what is inlined is counted in its caller,
 * and inlining differs between the tiers; the core's total per check is the figure to compare.
 *   node scripts/perf/warm-profile.mjs [dist/core.js] [TEXT_FILE] [--top K]
 */
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from 'markdownlint/sync';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 30;
const [coreArg = 'dist/core.js', file] = args;
const real = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus/real');
const text = readFileSync(file || path.join(real, readdirSync(real).find((f) => f.startsWith('18_'))), 'utf8');
const corePath = path.resolve(coreArg);
const core = await import(pathToFileURL(corePath).href);
const map = new SourceMap(JSON.parse(readFileSync(corePath + '.map', 'utf8')));
const LINE_TEST = /^(Điều|Chương|Mục|Phần)\s+\S+|^[0-9]+\.\s|^[a-zđ]\)\s/u;
const WINDOWS = { timed: [5, 20], warm: [40, 55] };
const windowOf = (r) => Object.keys(WINDOWS).find((w) => r >= WINDOWS[w][0] && r < WINDOWS[w][1]);
const self = { timed: new Map(), warm: new Map() };
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
const nameOf = (cf) => {
  if (!cf.url.endsWith('core.js')) return cf.url ? `(${path.basename(cf.url)})` : cf.functionName || '(native)';
  const e = map.findEntry(cf.lineNumber, cf.columnNumber);
  return `${cf.functionName || '(anonymous)'} ${e?.originalSource?.replace(/^.*language-server\/src\/core\//, '') ?? '?'}:${(e?.originalLine ?? -1) + 1}`;
};
for (let r = 0; r < WINDOWS.warm[1]; r++) {
  for (const line of text.split(/\r\n|\r|\n/)) LINE_TEST.test(line);
  core.parseDocument(text);
  const w = windowOf(r);
  if (w) await session.post('Profiler.start');
  core.checkDocument(text);
  if (w) {
    const { profile } = await session.post('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    for (let i = 0; i < profile.samples.length; i++) {
      const cf = byId.get(profile.samples[i]);
      // Profiler.start's own setup (it logs every code object) is one sample with the inspector's dispatch on top.
      if (cf.functionName === 'dispatch' && !cf.url) continue;
      const k = nameOf(cf);
      self[w].set(k, (self[w].get(k) ?? 0) + profile.timeDeltas[i] / 1000);
    }
  }
  lint({ strings: { doc: text } });
}
const per = (w, k) => (self[w].get(k) ?? 0) / (WINDOWS[w][1] - WINDOWS[w][0]);
const sum = (w, f) => [...self[w].keys()].filter(f).reduce((s, k) => s + per(w, k), 0);
const isCore = (k) => /\.ts:\d+$/.test(k);
console.log(`ms per check, rounds ${WINDOWS.timed.join('–')} (timed) / ${WINDOWS.warm.join('–')} (warm):`);
console.log(`  the core ${sum('timed', isCore).toFixed(2)} / ${sum('warm', isCore).toFixed(2)}, GC ${sum('timed', (k) => k === '(garbage collector)').toFixed(2)} / ${sum('warm', (k) => k === '(garbage collector)').toFixed(2)}, all ${sum('timed', () => true).toFixed(2)} / ${sum('warm', () => true).toFixed(2)}`);
console.log('\n  timed    warm   extra  function');
const keys = [...new Set([...self.timed.keys(), ...self.warm.keys()])];
const rows = keys.map((k) => [k, per('timed', k), per('warm', k)]).sort((a, b) => b[1] - b[2] - (a[1] - a[2]));
for (const [k, a, b] of rows.slice(0, top)) console.log(`${a.toFixed(2).padStart(7)} ${b.toFixed(2).padStart(7)} ${(a - b).toFixed(2).padStart(7)}  ${k}`);
