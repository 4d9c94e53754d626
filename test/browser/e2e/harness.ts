/**
 * Driving the built, unpacked extension in Debian's Chromium (playwright-core).
 *
 * The browser's only way out is a proxy on 127.0.0.1 that this harness runs:
 * it serves the test pages under their portal host names (http://vbpl.vn/…),
 * answers 404 to anything else, refuses every CONNECT (https) and records
 * every request it sees — the page's, the content script's, the background's.
 * So nothing can leave the machine, and a test can compare what was asked for
 * with and without the extension.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const EXT_DIR = join(ROOT, 'dist-ext/chrome-mv3');

if (!hasChromium) console.warn(`[vanban e2e] ${CHROMIUM} not found: browser extension e2e tests are SKIPPED (apt-get install chromium).`);

/** Builds the extension (chrome-mv3) the way `npm run build:browser` does. */
export function buildExtension(browser: 'chrome' | 'firefox' = 'chrome'): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', browser], { cwd: ROOT, stdio: 'pipe' });
}

/** Chromium's id for an unpacked extension: sha256 of its path, first 32 hex digits mapped 0-f → a-p. */
export function extensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface Served {
  type?: string;
  body: string | Buffer;
}

export interface Recorded {
  method: string;
  url: string;
  /** Who asked, as far as the request says (Sec-Fetch-Site / Origin). */
  origin?: string;
}

export class PortalProxy {
  readonly requests: Recorded[] = [];
  private readonly routes = new Map<string, Served>();
  private server?: Server;

  /** Serves `body` at `url` (an absolute http:// URL; the query string is part of the key). */
  route(url: string, served: Served) {
    this.routes.set(url, served);
  }

  async start(): Promise<number> {
    const server = createServer((req, res) => {
      const url = req.url ?? '';
      this.requests.push({ method: req.method ?? 'GET', url, origin: req.headers.origin });
      const hit = this.routes.get(url);
      if (!hit) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not served by the test proxy');
        return;
      }
      res.writeHead(200, { 'content-type': hit.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(hit.body);
    });
    server.on('connect', (req, socket) => {
      this.requests.push({ method: 'CONNECT', url: req.url ?? '' });
      // Node hands a CONNECT socket over without its own error listener: Chromium
      // resetting it (it often does, on close) would be an uncaught ECONNRESET.
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    // A browser dropping a keep-alive connection mid-request is no failure of the page under test.
    server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  clear() {
    this.requests.length = 0;
  }

  async stop() {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

export interface Session {
  context: BrowserContext;
  id: string;
  close(): Promise<void>;
}

/** A fresh Chromium profile; with `extension` the built extension is loaded. */
export async function launch(proxyPort: number, extension = true): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'vanban-chromium-'));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
    '--proxy-bypass-list=<-loopback>',
    '--lang=vi',
  ];
  if (extension) args.push(`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new above: the new headless mode runs extensions
    args,
    // playwright adds --disable-extensions by default
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
  });
  let closed = false;
  return {
    context,
    id: extension ? extensionId(EXT_DIR) : '',
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The figures issue 9 asks for, on one page load: how long the content script
 * took from its start to the last mark (it writes data-vanban-ms), and the
 * longest main-thread task meanwhile (PerformanceObserver "longtask", which
 * only reports tasks over 50 ms: 0 means none was that long).
 */
export async function measurePage(context: BrowserContext, url: string): Promise<{ annotateMs: number; longestTaskMs: number; longTasks: number }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await annotated(page);
  await page.waitForTimeout(100); // let the observer deliver the last entries
  // Only tasks that end after the content script's start count: the page's own parsing before it is not the extension's.
  const r = await page.evaluate(() => {
    const start = performance.getEntriesByName('vanban:start')[0]?.startTime ?? 0;
    return {
      annotateMs: Number(document.documentElement.getAttribute('data-vanban-ms')),
      tasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start + t.duration > start).map((t) => t.duration),
    };
  });
  await page.close();
  return { annotateMs: r.annotateMs, longestTaskMs: Math.max(0, ...r.tasks), longTasks: r.tasks.length };
}

/** Waits until the content script says it is done (or gave up) on this page. */
export async function annotated(page: Page, timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const s = document.documentElement.getAttribute('data-vanban-state');
      return s && s !== 'running' && s !== 'starting' ? s : false;
    },
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/**
 * Runs `fn` (source text, `this` = the extension's CLOSED shadow root) with
 * `args`. The page cannot reach into that root; the DevTools protocol can
 * (pierce: true), which is how a test looks at what the user sees.
 */
async function inShadowRoot<T>(page: Page, fn: string, args: unknown[]): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (n) => (n.attributes ?? []).includes('data-vanban-ui'));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    })) as { result: { value: T | null } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** The text of an element of the extension's shadow root, or null when it is absent or hidden. */
export function shadowText(page: Page, selector: string): Promise<string | null> {
  return inShadowRoot<string>(page, 'function (sel) { const el = this.querySelector(sel); return el && !el.hidden ? el.textContent : null; }', [selector]);
}

/** Clicks a button of the extension's shadow root, found by its text (a trusted click, as a user's). */
export async function shadowClick(page: Page, selector: string, text: string): Promise<boolean> {
  const at = await inShadowRoot<{ x: number; y: number }>(
    page,
    `function (sel, text) {
      const b = [...this.querySelectorAll(sel)].find((e) => e.textContent.trim() === text);
      if (!b) return null;
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
    [selector, text],
  );
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}

interface CdpNode {
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNode(n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined {
  if (pred(n)) return n;
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const f = findNode(c, pred);
    if (f) return f;
  }
  return undefined;
}

/** With VANBAN_SCREENSHOTS=DIR, saves a screenshot of the page there (the README's pictures come from these runs). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.VANBAN_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: join(resolve(ROOT, dir), `${name}.png`) });
}
