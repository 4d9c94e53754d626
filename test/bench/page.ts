/**
 * The browser extension on the 965 KB vbpl.vn page of the Bộ luật Hình sự, in
 * Debian's Chromium (the harness of the extension's e2e tests: the built
 * extension, a fresh profile, the page served from 127.0.0.1 under its portal
 * host name). The page itself records, before any script of its own runs,
 * when the content script starts (data-vanban-state "running") and ends
 * ("done"), and every long task (PerformanceObserver "longtask") in between.
 * Type-checked with the browser project (it needs the DOM types of the
 * harness); run.mjs bundles it on its own and main.ts loads it at run time.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { annotated, buildExtension, EXT_DIR, hasChromium, launch, PortalProxy, type Session } from '../browser/e2e/harness.ts';
import { CORPUS_DIR } from '../helpers/corpus.ts';
import { median, missing, round, type Measured, type PageFigures } from './stats.ts';

const PAGE_FILE = path.join(CORPUS_DIR, 'portal', 'vbpl-toanvan-blhs-100-2015-QH13.html');
const PAGE_URL = 'http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122';
const LOADS = 3;

/** Runs in the page's main world before its scripts. */
const RECORDER = `(() => {
  const rec = { start: null, done: null, state: null, tasks: [] };
  Object.defineProperty(window, '__vanbanBench', { value: rec });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const watch = () => new MutationObserver(() => {
    const s = document.documentElement.getAttribute('data-vanban-state');
    if (s === 'running' && rec.start === null) rec.start = performance.now();
    if (s && s !== 'running' && s !== 'starting' && rec.done === null) { rec.done = performance.now(); rec.state = s; }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-vanban-state'] });
  if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
})();`;

interface Recorded {
  start: number | null;
  done: number | null;
  state: string | null;
  tasks: { start: number; duration: number }[];
}

/**
 * Where one load's time went, from the marks the content script leaves on the
 * page's timeline (vanban:start, text, replied, analysed — with the
 * background's own analysis time —) and the recorder's "done": reading the
 * page into text, the round trip to the background (sending the text, its
 * analysis, the answer back), checking the answer, marking. Marking ends where
 * the figure does, at the state "done" (the content script's own vanban:done
 * mark comes later, after a vbpl.vn page has taught the registry).
 */
const PHASES = `(() => {
  const at = { state: window.__vanbanBench.done ?? undefined };
  let backgroundMs = null;
  for (const e of performance.getEntriesByType('mark')) {
    if (!e.name.startsWith('vanban:')) continue;
    at[e.name.slice(7)] = e.startTime;
    if (e.name === 'vanban:analysed') backgroundMs = e.detail?.backgroundMs ?? null;
  }
  const span = (a, b) => (at[a] !== undefined && at[b] !== undefined ? at[b] - at[a] : null);
  return { walk: span('start', 'text'), round_trip: span('text', 'replied'), background: backgroundMs, check: span('replied', 'analysed'), marking: span('analysed', 'state') };
})()`;
type Phases = Record<'walk' | 'round_trip' | 'background' | 'check' | 'marking', number | null>;

/** The content script the extension ships for the portals. */
export function contentScriptBytes(): Measured {
  const file = path.join(EXT_DIR, 'content-scripts', 'portal.js');
  return existsSync(file) ? { value: statSync(file).size } : missing(`${path.relative(process.cwd(), file)} not built (npm run build:browser)`);
}

export async function measurePage(): Promise<PageFigures> {
  const none = (why: string): PageFigures => ({ page_annotate_ms: missing(why), page_longest_task_ms: missing(why), content_script_bytes: contentScriptBytes(), details: {} });
  if (!existsSync(PAGE_FILE)) return none(`${PAGE_FILE} not found (the shared corpus)`);
  if (!hasChromium) return none('Chromium not found (apt-get install chromium, or CHROMIUM_PATH)');
  try {
    buildExtension('chrome');
  } catch (e) {
    return none(`the extension did not build: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const proxy = new PortalProxy();
  proxy.route(PAGE_URL, { body: readFileSync(PAGE_FILE) });
  const port = await proxy.start();
  let session: Session | undefined;
  try {
    session = await launch(port);
    await session.context.addInitScript({ content: RECORDER });
    const annotate: number[] = [];
    const longest: number[] = [];
    const states: string[] = [];
    const phases: Phases[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await session.context.newPage();
      await page.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
      states.push(await annotated(page, 120_000));
      // Long tasks are reported a little after they end.
      await page.waitForTimeout(200);
      const r = (await page.evaluate('window.__vanbanBench')) as Recorded;
      phases.push((await page.evaluate(PHASES)) as Phases);
      await page.close();
      if (r.start === null || r.done === null) continue;
      annotate.push(r.done - r.start);
      const during = r.tasks.filter((t) => t.start + t.duration >= r.start! && t.start <= r.done!);
      longest.push(during.reduce((m, t) => Math.max(m, t.duration), 0));
    }
    if (!annotate.length) return { ...none(`the content script never finished (states: ${states.join(', ')})`), details: { states } };
    return {
      page_annotate_ms: { value: round(median(annotate), 1) },
      page_longest_task_ms: { value: round(median(longest), 1) },
      content_script_bytes: contentScriptBytes(),
      details: {
        loads: annotate.length,
        states,
        annotate_ms: annotate.map((x) => round(x, 1)),
        longest_task_ms: longest.map((x) => round(x, 1)),
        // Per load, in the order above (the first load also starts the background).
        phases_ms: Object.fromEntries((Object.keys(phases[0] ?? {}) as (keyof Phases)[]).map((k) => [k, phases.map((p) => (p[k] === null ? null : round(p[k], 1)))])),
      },
    };
  } finally {
    await session?.close();
    await proxy.stop();
  }
}
