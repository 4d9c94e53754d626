#!/usr/bin/env node
/**
 * A/B of two builds of the browser extension on the bench's page (the 965 KB
 * vbpl.vn page of ../shared/corpus/portal): one Chromium per build, loads
 * interleaved so both share the machine's load. Per load: the bench's figure
 * (content script start → done), its phases (the content script's marks), the
 * longest task, and the renderer main thread's own time (CDP Performance
 * metrics: script, layout, style, all tasks) — a wall figure on a busy
 * machine swings, the main thread's time swings less. With --same, checks
 * that both builds leave the same annotated page (every marked element:
 * text, attributes, inline style; and the page's whole text).
 * With --profile, the self time per function of the page's main thread (CDP Profiler, 100 µs samples) over
 * the warm loads of each side, by function and source position (build with minification off to read names).
 *   node scripts/perf/page-ab.mjs A/dist-ext/chrome-mv3 B/dist-ext/chrome-mv3 [LOADS] [--same] [--trace DIR] [--profile]
 * Build each with `node node_modules/wxt/bin/wxt.mjs build -b chrome` in its checkout.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const same = args.includes('--same');
if (same) args.splice(args.indexOf('--same'), 1);
const profile = args.includes('--profile');
if (profile) args.splice(args.indexOf('--profile'), 1);
const traceDir = flag('--trace');
const [dirA, dirB, loadsArg] = args;
const loads = Number(loadsArg) || 10;
const portal = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus/portal');
const PAGE_FILE = path.join(portal, 'vbpl-toanvan-blhs-100-2015-QH13.html');
const PAGE_URL = 'http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122';
const body = readFileSync(PAGE_FILE);

const server = createServer((req, res) => {
  if (req.url !== PAGE_URL) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
});
server.on('connect', (_req, socket) => {
  socket.on('error', () => socket.destroy());
  socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

// As the bench's recorder: the figure runs from data-vanban-state "running" to its final state (the
// content script's own "vanban:done" mark comes later, after the vbpl.vn page has taught the registry).
const RECORDER = `(() => {
  const rec = { tasks: [], start: null, done: null };
  Object.defineProperty(window, '__ab', { value: rec });
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) rec.tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch {}
  const watch = () => new MutationObserver(() => {
    const s = document.documentElement.getAttribute('data-vanban-state');
    if (s === 'running' && rec.start === null) rec.start = performance.now();
    if (s && s !== 'running' && s !== 'starting' && rec.done === null) rec.done = performance.now();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-vanban-state'] });
  if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
})();`;

const PHASES = `(() => {
  const at = {};
  let bg = null;
  for (const e of performance.getEntriesByType('mark')) {
    if (!e.name.startsWith('vanban:')) continue;
    at[e.name.slice(7)] = e.startTime;
    if (e.name === 'vanban:analysed') bg = e.detail?.backgroundMs ?? null;
  }
  const rec = window.__ab;
  at.state = rec.done ?? undefined;
  const span = (a, b) => (at[a] !== undefined && at[b] !== undefined ? at[b] - at[a] : null);
  const longest = rec.tasks.filter((t) => t.start + t.duration >= rec.start && t.start <= rec.done).reduce((m, t) => Math.max(m, t.duration), 0);
  const trip = span('text', 'replied');
  // The round trip less the background's analysis: the last part and the request on their way, the settings, the reply back.
  const transit = trip === null || bg === null ? null : trip - bg;
  return { total: rec.done - rec.start, walk: span('start', 'text'), trip, bg, transit, check: span('replied', 'analysed'), marking: span('analysed', 'state'), longest };
})()`;

const SNAPSHOT = `(() => {
  const marked = [...document.querySelectorAll('[data-vanban-ref],[data-vanban-citation]')].map((e) => [e.textContent, e.getAttribute('data-vanban-ref'), e.getAttribute('data-vanban-status'), e.getAttribute('data-vanban-citation'), e.getAttribute('style'), e.parentElement.tagName]);
  return { marked, text: document.body.innerText, html: document.body.innerHTML.length };
})()`;

async function open(dir) {
  const profile = mkdtempSync(path.join(tmpdir(), 'vanban-ab-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>', '--lang=vi', `--disable-extensions-except=${path.resolve(dir)}`, `--load-extension=${path.resolve(dir)}`],
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
  });
  await context.addInitScript({ content: RECORDER });
  return { context, profile };
}

/** Adds a CPU profile's self time per function (name, file, line) to side.self. */
function selfTimes(side, prof) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  side.self ??= new Map();
  for (let k = 0; k < prof.samples.length; k++) {
    const n = byId.get(prof.samples[k]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    side.self.set(key, (side.self.get(key) ?? 0) + (prof.timeDeltas[k] ?? 0) / 1000);
  }
}

async function load(side, name, i) {
  const page = await side.context.newPage();
  const cdp = await side.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (traceDir) await cdp.send('Tracing.start', { categories: process.env.PAGE_AB_TRACE_CATEGORIES ?? 'devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => {
    const s = document.documentElement.getAttribute('data-vanban-state');
    return s && s !== 'running' && s !== 'starting';
  }, undefined, { timeout: 120_000 });
  await page.waitForTimeout(150);
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const r = await page.evaluate(PHASES);
  r.mainMs = m.TaskDuration * 1000;
  r.scriptMs = m.ScriptDuration * 1000;
  r.layoutMs = (m.LayoutDuration + m.RecalcStyleDuration) * 1000;
  const snap = same ? await page.evaluate(SNAPSHOT) : undefined;
  if (profile && i > 0) selfTimes(side, (await cdp.send('Profiler.stop')).profile);
  if (process.env.PAGE_AB_BG) {
    // A debug build's background keeps [event, epoch ms] in globalThis.__t: printed against the page's marks.
    const origin = await page.evaluate('performance.timeOrigin');
    const marks = await page.evaluate(`performance.getEntriesByType('mark').filter((e) => e.name.startsWith('vanban:')).map((e) => [e.name.slice(7), e.startTime])`);
    const start = origin + marks.find((m) => m[0] === 'start')[1];
    const bg = [];
    for (const w of side.context.serviceWorkers()) bg.push(...((await w.evaluate('globalThis.__t?.splice(0) ?? []').catch(() => [])) ?? []));
    const all = [...marks.map(([n, t]) => [`page ${n}`, origin + t]), ...bg.map(([n, t]) => [`bg ${n}`, t])].sort((a, b) => a[1] - b[1]);
    console.error(all.map(([n, t]) => `${n} ${(t - start).toFixed(1)}`).join(' | '));
  }
  if (traceDir) {
    const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    let chunks = '';
    for (;;) {
      const c = await cdp.send('IO.read', { handle: stream });
      chunks += c.data;
      if (c.eof) break;
    }
    writeFileSync(path.join(traceDir, `${name}-${i}.json`), chunks);
  }
  await cdp.detach();
  await page.close();
  return { r, snap };
}

const sides = [await open(dirA), await open(dirB)];
const names = ['A', 'B'];
const rows = [[], []];
let snaps = [undefined, undefined];
try {
  for (let i = 0; i < loads; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const { r, snap } = await load(sides[k], names[k], i);
      rows[k].push(r);
      if (snap && !snaps[k]) snaps[k] = snap;
      console.error(`${names[k]} ${i}: ${Object.entries(r).map(([n, v]) => `${n} ${v === null ? '-' : Math.round(v * 10) / 10}`).join(' ')}`);
    }
  }
} finally {
  for (const s of sides) {
    await s.context.close();
    rmSync(s.profile, { recursive: true, force: true });
  }
  server.close();
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const p10 = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 10)] : null;
};
// The first load of each browser also starts its background: reported apart.
const keys = Object.keys(rows[0][0]);
console.log(`loads ${loads} per side (warm: loads 2..${loads}); median / p10 of the warm loads`);
console.log(['', ...keys].map((k) => k.padStart(9)).join(''));
for (const k of [0, 1]) {
  const warm = rows[k].slice(1);
  console.log([`${names[k]} med`, ...keys.map((key) => (median(warm.map((r) => r[key])) ?? NaN).toFixed(1))].map((x) => x.padStart(9)).join(''));
  console.log([`${names[k]} p10`, ...keys.map((key) => (p10(warm.map((r) => r[key])) ?? NaN).toFixed(1))].map((x) => x.padStart(9)).join(''));
}
if (profile) {
  for (const k of [0, 1]) {
    console.log(`${names[k]}: self ms over ${loads - 1} warm loads`);
    const top = [...sides[k].self.entries()].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)')).sort((x, y) => y[1] - x[1]).slice(0, 40);
    for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(9)}  ${key}`);
  }
}
if (same) {
  const [a, b] = snaps;
  const ja = JSON.stringify(a.marked);
  const jb = JSON.stringify(b.marked);
  console.log(`marked elements: A ${a.marked.length}, B ${b.marked.length}; ${ja === jb ? 'same marks' : 'MARKS DIFFER'}; page text ${a.text === b.text ? 'same' : 'DIFFERS'}; body html length A ${a.html} B ${b.html}`);
  if (ja !== jb) {
    for (let i = 0; i < Math.max(a.marked.length, b.marked.length); i++) {
      if (JSON.stringify(a.marked[i]) !== JSON.stringify(b.marked[i])) {
        console.log('first difference at', i, JSON.stringify(a.marked[i]), JSON.stringify(b.marked[i]));
        break;
      }
    }
    process.exitCode = 1;
  }
}
