#!/usr/bin/env node
/**
 * Where the check's time goes: runs the built core's check N times under the
 * V8 CPU profiler and prints self time per source function (mapped through
 * dist/core.js.map) and per source file.
 *   [WARMUP=20] node scripts/perf/profile.mjs [dist/core.js] [TEXT_FILE] [N] [--top K]
 * WARMUP=5 N=15 shows the checks the bench times (its 5 warm-up rounds, then 15).
 */
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 40;
const [coreArg = 'dist/core.js', file, nArg] = args;
const n = Number(nArg) || 120;
const real = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus/real');
const textFile = file || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const text = readFileSync(textFile, 'utf8');
const corePath = path.resolve(coreArg);
const core = await import(pathToFileURL(corePath).href);
const map = new SourceMap(JSON.parse(readFileSync(corePath + '.map', 'utf8')));
const warmup = Number(process.env.WARMUP ?? 20);
for (let i = 0; i < warmup; i++) core.checkDocument(text);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let i = 0; i < n; i++) core.checkDocument(text);
const { profile } = await session.post('Profiler.stop');
const dt = new Map();
// Not the check's: Profiler.start first logs every code object that exists (≈ 100–130 ms for the core and Node),
// with the inspector session's `dispatch` (no script) on the stack, and the first sample carries all that time —
// counted, it was "V8 dispatch ≈ 6 %" of 80 checks and ≈ 1.5 ms more per check.
const setup = (id) => profile.nodes.find((node) => node.id === id)?.callFrame;
for (let i = 0; i < profile.samples.length; i++) {
  const cf = setup(profile.samples[i]);
  if (cf && cf.functionName === 'dispatch' && !cf.url) continue;
  dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
}
const byFn = new Map();
const byFile = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  if (us === 0) continue;
  total += us;
  const cf = node.callFrame;
  let src = cf.url ? path.basename(cf.url) : cf.functionName || '(native)';
  let name = cf.functionName || '(anonymous)';
  if (cf.url && cf.url.endsWith('core.js') && cf.lineNumber >= 0) {
    const e = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      src = e.originalSource.replace(/^.*language-server\/src\/core\//, '');
      name = `${name} ${src}:${e.originalLine + 1}`;
    }
  } else if (!cf.url) {
    src = name;
  }
  byFn.set(name, (byFn.get(name) ?? 0) + us);
  byFile.set(src, (byFile.get(src) ?? 0) + us);
}
const perCheck = (us) => (us / 1000 / n).toFixed(3);
const print = (title, m, k) => {
  console.log(`\n${title} (ms per check, % of ${perCheck(total)} ms)`);
  for (const [key, us] of [...m].sort((x, y) => y[1] - x[1]).slice(0, k)) console.log(`${perCheck(us).padStart(8)} ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
};
print('self time by function', byFn, top);
print('self time by file', byFile, top);
