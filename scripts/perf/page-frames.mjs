#!/usr/bin/env node
/**
 * The marking frames of page-ab.mjs traces (`--trace DIR`): per load, the renderer main thread's tasks from the
 * content script's "vanban:analysed" mark to "vanban:done" that lay out (a frame), each with the elements its
 * style pass touched (≈ the marks of its batch; the findings panel adds ≈ 17 to the frame it lands in), its
 * thread time (CPU) and its wall time. A wall figure on a busy machine swings with the load; a frame's thread
 * time swings much less, so compare builds on `maxCpu` (the longest frame's CPU) as well as `maxWall`.
 * Load 0 of each side (a fresh background) is left out. Prints, per side, median and p10 over the loads of:
 * frames, maxWall, maxCpu, sumCpu (all frames), longestAny (the longest task of the window, frame or not), span
 * (analysed → done, ms); with FRAMES=1, every load's frames as `elements:cpu/wall`.
 *   node scripts/perf/page-frames.mjs DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/perf/page-frames.mjs TRACE_DIR');
  process.exit(2);
}
const bySide = {};
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
  const [side, load] = f.replace('.json', '').split('-');
  if (load === '0') continue;
  const raw = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const events = raw.traceEvents ?? raw;
  const analysed = events.find((e) => e.name === 'vanban:analysed');
  const done = events.find((e) => e.name === 'vanban:done');
  if (!analysed || !done) continue;
  const main = events.find((e) => e.name === 'RunTask' && e.pid === analysed.pid && e.ts <= analysed.ts && e.ts + e.dur >= analysed.ts);
  if (!main) continue;
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= analysed.ts && e.ts <= done.ts);
  const inside = (t, name) => thread.filter((e) => e.name === name && e.ts >= t.ts && e.ts <= t.ts + t.dur);
  const frames = tasks
    .filter((t) => inside(t, 'Layout').length > 0)
    .map((t) => ({ wall: t.dur / 1000, cpu: (t.tdur ?? t.dur) / 1000, elements: inside(t, 'UpdateLayoutTree')[0]?.args?.elementCount ?? 0 }));
  if (frames.length === 0) continue;
  (bySide[side] ??= []).push({
    frames: frames.length,
    maxWall: Math.max(...frames.map((x) => x.wall)),
    maxCpu: Math.max(...frames.map((x) => x.cpu)),
    sumCpu: frames.reduce((a, x) => a + x.cpu, 0),
    longestAny: Math.max(...tasks.map((t) => t.dur / 1000)),
    span: (done.ts - analysed.ts) / 1000,
    list: frames.map((x) => `${x.elements}:${x.cpu.toFixed(0)}/${x.wall.toFixed(0)}`).join(' '),
  });
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
const p10 = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 10)];
for (const [side, rows] of Object.entries(bySide)) {
  console.log(`${side}: ${rows.length} loads (median / p10)`);
  for (const k of ['frames', 'maxWall', 'maxCpu', 'sumCpu', 'longestAny', 'span']) {
    const xs = rows.map((r) => r[k]);
    console.log(`  ${k.padEnd(10)} ${median(xs).toFixed(1).padStart(7)} ${p10(xs).toFixed(1).padStart(7)}`);
  }
  if (process.env.FRAMES) for (const r of rows) console.log(`    ${r.list}`);
}
