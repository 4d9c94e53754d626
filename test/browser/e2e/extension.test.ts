/**
 * End to end: the built, unpacked extension in Debian's Chromium, on portal
 * pages served from 127.0.0.1 (through the recording proxy of the harness).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasCorpus } from '../../helpers/corpus.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_MATCHES } from '../../../extension/browser/lib/sites.ts';
import { readDocx } from '../../../language-server/src/io/docx/read.ts';
import { canonicalNumber } from '../../../language-server/src/core/citations/number.ts';
import { parseRegistryText } from '../../../language-server/src/core/registry/load.ts';
import { annotated, buildExtension, EXT_DIR, ROOT, hasChromium, launch, measurePage, PortalProxy, screenshot, shadowClick, shadowText, type Recorded, type Session } from './harness.ts';
import {
  BROKEN_REFERENCE,
  NEWS_URLS,
  newsPage,
  PROBE_JS,
  PROBE_PATH,
  TVPL_SEED_004_URL,
  tvplSeed004Page,
  VBPL_FULLTEXT_URL,
  VBPL_CITING_URL,
  VBPL_PROPERTIES_URL,
  numbersAfterSo,
  seedText,
  vbplCitingPage,
  vbplFullTextPage,
  vbplPropertiesPage,
} from './pages.ts';

const run = hasChromium && hasCorpus;

describe.skipIf(!run)('browser extension in Chromium', () => {
  const proxy = new PortalProxy();
  let session: Session;
  let proxyPort = 0;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    buildExtension('chrome');
    proxy.route(VBPL_FULLTEXT_URL, { body: vbplFullTextPage() });
    proxy.route(VBPL_PROPERTIES_URL, { body: vbplPropertiesPage() });
    proxy.route(VBPL_CITING_URL, { body: vbplCitingPage() });
    proxy.route(TVPL_SEED_004_URL, { body: tvplSeed004Page() });
    NEWS_URLS.forEach((u, i) => proxy.route(u, { body: newsPage(i) }));
    for (const host of ['vbpl.vn', 'thuvienphapluat.vn', 'moha.gov.vn']) {
      proxy.route(`http://${host}${PROBE_PATH}`, { type: 'text/javascript', body: PROBE_JS });
    }
    proxyPort = await proxy.start();
    session = await launch(proxyPort);
    session.context.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await proxy.stop();
  });

  describe('packaging', () => {
    it('asks for narrow permissions, no host access beyond the portals, no remote code', () => {
      const m = JSON.parse(readFileSync(join(EXT_DIR, 'manifest.json'), 'utf8'));
      expect(m.manifest_version).toBe(3);
      expect(m.permissions.sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
      expect(m.host_permissions).toBeUndefined();
      expect(m.optional_host_permissions).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      // The default MV3 policy (script-src 'self') stands: no eval, no remote scripts.
      expect(m.content_security_policy).toBeUndefined();
      expect(m.content_scripts).toHaveLength(1);
      expect([...m.content_scripts[0].matches].sort()).toEqual([...PORTAL_MATCHES].sort());
      for (const pattern of m.content_scripts[0].matches as string[]) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z.]+\.vn\/\*$/u);
      // Every script the extension runs is a file inside it.
      const html = ['popup.html', 'options.html', 'editor.html', 'sidepanel.html'].map((f) => readFileSync(join(EXT_DIR, f), 'utf8')).join('\n');
      expect(html).not.toMatch(/<script[^>]+src=["']https?:/u);
      expect(html).not.toMatch(/<link[^>]+href=["']https?:/u);
    });

    it('builds for Firefox (MV2: browser_action, sidebar, background page, gecko id)', () => {
      buildExtension('firefox');
      const dir = join(ROOT, 'dist-ext/firefox-mv2');
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(m.manifest_version).toBe(2);
      expect(m.permissions.sort()).toEqual(['activeTab', 'scripting', 'storage']);
      expect(m.browser_action.default_popup).toBe('popup.html');
      expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
      expect(m.background.scripts).toEqual(['background.js']);
      expect(m.browser_specific_settings.gecko.id).toMatch(/@/u);
      expect([...m.content_scripts[0].matches].sort()).toEqual([...PORTAL_MATCHES].sort());
      for (const f of ['background.js', 'popup.html', 'options.html', 'editor.html', 'sidepanel.html', 'content-scripts/portal.js', 'icon/128.png']) {
        expect(existsSync(join(dir, f)), f).toBe(true);
      }
    }, 120_000);
  });

  /** Hovers the first element `selector` finds, as a user does, and reads the card it shows. */
  async function hoverCard(page: Page, selector: string): Promise<string | null> {
    const el = page.locator(selector).first();
    await el.scrollIntoViewIfNeeded();
    await el.hover();
    await page.waitForTimeout(100);
    return shadowText(page, '.card');
  }

  async function open(url: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    expect(await annotated(page)).toBe('done');
    return page;
  }

  describe('vbpl.vn full text (Bộ luật Hình sự 100/2015/QH13, 965 KB)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(VBPL_FULLTEXT_URL);
    }, 60_000);

    it('marks internal references as ok, pointing at the unit they name', async () => {
      const refs = await page.$$eval('[data-vanban-ref]', (els) => els.map((e) => ({ text: e.textContent, ref: e.getAttribute('data-vanban-ref'), status: e.getAttribute('data-vanban-status') })));
      const ok = refs.filter((r) => r.status === 'ok');
      expect(ok.length).toBeGreaterThan(400);
      const dieu76 = ok.find((r) => /^Điều 76/u.test(r.text ?? ''));
      expect(dieu76?.ref).toMatch(/dieu_76$/u);
    });

    it('marks the documents it cites with their canonical number, with the registry’s facts in the hover card', async () => {
      const cited = await page.$$eval('[data-vanban-citation]', (els) => els.map((e) => e.getAttribute('data-vanban-citation')));
      expect(cited).toContain('15/1999/QH10');
      expect(cited).toContain('37/2009/QH12');
      const card = await hoverCard(page, '[data-vanban-citation="37/2009/QH12"]');
      await screenshot(page, 'vbpl-citation-registry');
      // The embedded registry read the repeal from this very law's final provisions.
      expect(card).toContain('37/2009/QH12');
      expect(card).toContain('Hết hiệu lực toàn bộ từ ngày 01/07/2016');
      expect(card).toContain('Bị bãi bỏ bởi100/2015/QH13');
      expect(card).toContain('cơ sở dữ liệu của Vanban');
    });

    it('marks the injected broken reference broken and lists it in the panel', async () => {
      const broken = await page.$$eval('[data-vanban-status="broken"]', (els) => els.map((e) => e.textContent ?? ''));
      expect(broken.some((t) => t.includes(BROKEN_REFERENCE))).toBe(true);
      const panel = await shadowText(page, '.panel');
      await page.locator('[data-vanban-status="broken"]').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'vbpl-broken-reference-panel');
      expect(panel).toContain('khoản 9');
      expect(panel).toContain('Điều 3');
    });

    it('shows the target unit in the hover card and scrolls there on click', async () => {
      const ref = page.locator('[data-vanban-ref$="dieu_76"][data-vanban-status="ok"]').first();
      const card = await hoverCard(page, '[data-vanban-ref$="dieu_76"][data-vanban-status="ok"]');
      await screenshot(page, 'vbpl-reference-hover');
      expect(card).toContain('Điều 76');
      expect(card).toContain('Phạm vi chịu trách nhiệm hình sự của pháp nhân thương mại');
      await ref.click();
      const visible = await page.evaluate(() => {
        const a = document.querySelector('a[name$="_Dieu_76"]');
        const r = a?.getBoundingClientRect();
        return r ? r.top >= 0 && r.bottom <= window.innerHeight : false;
      });
      expect(visible).toBe(true);
    });

    it('keeps the page working: its scripts, its nodes and its layout', async () => {
      const probe = await page.evaluate(() => {
        const p = (window as unknown as { __probe: { layout: { width: number; height: number; scrollWidth: number }; measure(): { width: number; height: number; scrollWidth: number }; held: Element[]; heldText: string[]; timer: number } }).__probe;
        return {
          before: p.layout,
          after: p.measure(),
          connected: p.held.every((e) => e.isConnected),
          sameText: p.held.every((e, i) => e.textContent?.replace(/\s+/g, ' ').trim() === p.heldText[i]),
          timer: p.timer,
        };
      });
      expect(probe.connected).toBe(true);
      expect(probe.sameText).toBe(true);
      expect(probe.timer).toBeGreaterThan(0);
      expect(probe.after.width).toBe(probe.before.width);
      expect(probe.after.scrollWidth).toBe(probe.before.scrollWidth);
      expect(Math.abs(probe.after.height - probe.before.height) / probe.before.height).toBeLessThan(0.002);
      // A click on an annotated reference still reaches the page's own handler.
      const before = await page.evaluate(() => (window as unknown as { __probe: { clicks: number } }).__probe.clicks);
      await page.locator('[data-vanban-ref]').first().click();
      const after = await page.evaluate(() => (window as unknown as { __probe: { clicks: number } }).__probe.clicks);
      expect(after).toBe(before + 1);
    });

    it('closes the panel', async () => {
      expect(await shadowClick(page, '.panel button.close', '×')).toBe(true);
      expect(await shadowText(page, '.panel')).toBeNull();
    });
  });

  describe('pages the page itself forges messages on', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(VBPL_FULLTEXT_URL);
    }, 60_000);

    /** What the extension shows on the page: the marks, their states, the panel. */
    async function snapshot() {
      const marks = await page.$$eval('[data-vanban-ref],[data-vanban-citation]', (els) => els.map((e) => `${e.getAttribute('data-vanban-ref') ?? e.getAttribute('data-vanban-citation')}:${e.getAttribute('data-vanban-status')}`).join('|'));
      return { marks, panel: await shadowText(page, '.panel'), state: await page.evaluate(() => document.documentElement.getAttribute('data-vanban-state')) };
    }

    it('ignores window messages, DOM events and runtime calls made by the page', async () => {
      const before = await snapshot();
      const result = await page.evaluate(async () => {
        const forged = [
          { kind: 'rerun' },
          { kind: 'show-panel' },
          { kind: 'analyze', text: 'Điều 1. x\nTheo khoản 9 Điều 1.' },
          { kind: 'learn', facts: { number: '1/2099/QH99', url: location.href } },
          { type: 'vanban', command: 'disable' },
        ];
        for (const m of forged) {
          window.postMessage(m, '*');
          document.dispatchEvent(new CustomEvent('vanban', { detail: m }));
          document.documentElement.dispatchEvent(new CustomEvent('vanban:rerun', { detail: m, bubbles: true }));
        }
        // A page has no extension messaging (no externally_connectable): the call is not even there.
        const chromeRuntime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage;
        await new Promise((r) => setTimeout(r, 500));
        return { runtimeReachable: typeof chromeRuntime === 'function' };
      });
      expect(result.runtimeReachable).toBe(false);
      expect(await snapshot()).toEqual(before);
    });

    it('shows no card for synthetic mouse events or for look-alike elements the page made', async () => {
      const ref = page.locator('[data-vanban-ref][data-vanban-status="ok"]').nth(3);
      await ref.scrollIntoViewIfNeeded();
      await ref.evaluate((el) => {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      });
      await page.waitForTimeout(200);
      expect(await shadowText(page, '.card')).toBeNull();
      // The page makes its own element with our attributes and the user hovers it for real.
      await page.evaluate(() => {
        const fake = document.createElement('span');
        fake.id = 'fake-citation';
        fake.setAttribute('data-vanban-citation', '99/2099/NĐ-CP');
        fake.setAttribute('data-vanban-ref', 'dieu_1');
        fake.textContent = 'Nghị định số 99/2099/NĐ-CP';
        document.querySelector('#toanvancontent p')!.append(fake);
      });
      await page.locator('#fake-citation').hover();
      await page.waitForTimeout(200);
      expect(await shadowText(page, '.card')).toBeNull();
    });

    it('keeps its own findings when the page rewrites the marks', async () => {
      const panelBefore = await shadowText(page, '.panel');
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('[data-vanban-status="broken"]')) el.setAttribute('data-vanban-status', 'ok');
      });
      await page.waitForTimeout(200);
      expect(await shadowText(page, '.panel')).toBe(panelBefore);
    });
  });

  describe('vbpl.vn properties page (Bộ luật Tố tụng hình sự 101/2015/QH13)', () => {
    it('adds the document to the local registry', async () => {
      const page = await open(VBPL_PROPERTIES_URL);
      await screenshot(page, 'vbpl-properties');
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.id}/options.html`);
      await options.waitForSelector('#registry table');
      await options.setViewportSize({ width: 1000, height: 900 });
      await screenshot(options, 'options');
      const rows = await options.$$eval('#registry tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
      const row = rows.find((r) => r.includes('101/2015/QH13'));
      expect(row).toContain('Bộ luật');
      expect(row).toContain('Quốc hội');
      expect(row).toContain('2015-11-27');
      expect(row).toContain('Còn hiệu lực');
      await options.close();
      await page.close();
    });

    it('tells what it learned in the hover card of a later citation', async () => {
      const page = await open(VBPL_CITING_URL);
      const card = await hoverCard(page, '[data-vanban-citation="101/2015/QH13"]');
      expect(card).toContain('Bộ luật');
      expect(card).toContain('101/2015/QH13');
      expect(card).toContain('Còn hiệu lực');
      expect(card).toContain('Chủ tịch Quốc hội Nguyễn Sinh Hùng');
      expect(card).toContain('01/01/2018');
      // The other place the page cites it.
      expect(card).toMatch(/Trang này còn trích dẫn văn bản này ở 1 chỗ/u);
      await screenshot(page, 'citation-hover');
      // A number no registry knows.
      const unknownCard = await hoverCard(page, '[data-vanban-citation="4321/QĐ-BXD"]');
      expect(unknownCard).toContain('Không có trong cơ sở dữ liệu');
      expect(unknownCard).toContain('Bộ Xây dựng');
      await page.close();
    });

    it('exports the local registry as a vanban-registry file, and imports it back after the learned documents are forgotten', async () => {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.id}/options.html`);
      await options.waitForSelector('#registry-export');
      const [download] = await Promise.all([options.waitForEvent('download', { timeout: 20_000 }), options.click('#registry-export')]);
      expect(download.suggestedFilename()).toBe('vanban-registry.json');
      const text = readFileSync((await download.path())!, 'utf8');
      const loaded = parseRegistryText(text, 'vanban-registry.json');
      expect(loaded.problems).toEqual([]);
      expect(loaded.entries.find((e) => e.number === '101/2015/QH13')).toMatchObject({ type: 'Bộ luật', issuer: 'Quốc hội', dateIssued: '2015-11-27', status: 'con-hieu-luc' });
      expect(loaded.sources).toContain(VBPL_PROPERTIES_URL);

      await options.click('#learned-clear');
      await options.waitForFunction(() => document.getElementById('learned-count')?.textContent === '0 văn bản');
      const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.click('#registry-import')]);
      await chooser.setFiles({ name: 'vanban-registry.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await options.waitForSelector('#imported');
      expect(await options.textContent('[role=status]')).toContain(`Đã nhập ${loaded.entries.length} văn bản từ vanban-registry.json`);

      // A broken file: its problem names the file and the field; the valid entry is kept.
      const bad = JSON.stringify({ format: 'vanban-registry', version: 1, entries: [{ number: '7/2020/NĐ-CP', dateIssued: '2020-02-30x' }, { number: '8/2020/NĐ-CP' }] });
      const [chooser2] = await Promise.all([options.waitForEvent('filechooser'), options.click('#registry-import')]);
      await chooser2.setFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await options.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('hong.json'));
      const status = await options.textContent('[role=status]');
      expect(status).toContain('Đã nhập 1 văn bản từ hong.json');
      expect(status).toContain('hong.json: entries[0].dateIssued');
      await options.setViewportSize({ width: 1000, height: 900 });
      await options.locator('#registry').scrollIntoViewIfNeeded();
      await screenshot(options, 'options-registry');
      await options.close();

      // The card now knows the document from the imported file.
      const page = await open(VBPL_CITING_URL);
      const card = await hoverCard(page, '[data-vanban-citation="101/2015/QH13"]');
      expect(card).toContain('Còn hiệu lực');
      expect(card).toContain('tệp đã nhập vanban-registry.json');
      await page.close();
    });
  });

  describe('seed 004 in thuvienphapluat.vn layout', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(TVPL_SEED_004_URL);
    }, 60_000);

    it('reads the document, not the sidebar or the hidden tooltip, and marks its references', async () => {
      const refs = await page.$$eval('[data-vanban-ref]', (els) => els.map((e) => ({ text: e.textContent ?? '', status: e.getAttribute('data-vanban-status'), inSidebar: !!e.closest('.sidebar,.lqhlTootip-1') })));
      expect(refs.some((r) => r.inSidebar)).toBe(false);
      const nhu = refs.find((r) => /Điều 3/u.test(r.text));
      expect(nhu?.status).toBe('ok');
      const cited = await page.$$eval('[data-vanban-citation]', (els) => els.map((e) => ({ id: e.getAttribute('data-vanban-citation'), inSidebar: !!e.closest('.sidebar,.lqhlTootip-1') })));
      expect(cited.some((c) => c.inSidebar)).toBe(false);
      for (const n of ['63/2022/NĐ-CP', '76/NQ-CP', '23/CT-TTg', '1091/QĐ-BNV']) expect(cited.map((c) => c.id)).toContain(n);
      const card = await hoverCard(page, '[data-vanban-citation="63/2022/NĐ-CP"]');
      expect(card).toContain('quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ');
      expect(card).toContain('Chính phủ');
      expect(card).toContain('12/09/2022');
      await screenshot(page, 'tvpl-seed-004-citation');
      await page.mouse.move(0, 0);
      // The hidden tooltip's 99/2099/NĐ-CP is not the document's.
      expect(cited.map((c) => c.id)).not.toContain('99/2099/NĐ-CP');
      const panel = await shadowText(page, '.panel');
      expect(panel).toContain('76/NQ- CP');
      expect(panel).toContain('23/CT-TTg');
      expect(refs.filter((r) => r.status === 'ok').length).toBeGreaterThan(3);
      await screenshot(page, 'tvpl-seed-004');
    });
  });

  describe('Bộ Nội vụ news pages (seeds 000–003)', () => {
    it.each(NEWS_URLS.map((u, i) => [i, u]))('marks the numbers cited in news page %i', async (i, url) => {
      const page = await open(url as string);
      const cited = new Set(await page.$$eval('[data-vanban-citation]', (els) => els.map((e) => e.getAttribute('data-vanban-citation'))));
      // Seed 003 names its documents without numbers ("Nghị quyết số 27 của Hội nghị Trung ương"): nothing to find there.
      const written = numbersAfterSo(seedText(i as number));
      if (i !== 3) expect(written.length).toBeGreaterThan(0);
      const missing = written.filter((n) => !cited.has(canonicalNumber(n) ?? n));
      expect(missing).toEqual([]);
      const state = await page.evaluate(() => ({
        root: document.documentElement.getAttribute('data-probe-root'),
        outside: [...document.querySelectorAll('[data-vanban-ref],[data-vanban-citation]')].filter((e) => !e.closest(document.documentElement.getAttribute('data-probe-root')!)).length,
      }));
      expect(state.outside).toBe(0);
      await page.close();
    });
  });

  describe('a site the user turned off', () => {
    it('marks nothing and shows no panel; the state says disabled', async () => {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.id}/options.html`);
      await options.evaluate(`chrome.storage.local.set({ settings: { disabledSites: ['vbpl.vn'] } })`);
      const page = await session.context.newPage();
      await page.goto(VBPL_FULLTEXT_URL, { waitUntil: 'domcontentloaded' });
      expect(await annotated(page)).toBe('disabled');
      // Long enough for the 965 KB page to be read and marked, were it not off.
      await page.waitForTimeout(1_000);
      expect(await page.$$eval('[data-vanban-ref],[data-vanban-citation],[data-vanban-ui]', (els) => els.length)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-vanban-state'))).toBe('disabled');
      await options.evaluate(`chrome.storage.local.remove('settings')`);
      await options.close();
      await page.close();
    });
  });

  describe('timing on the 965 KB page (figures for the benchmark, not asserted)', () => {
    it('reports page_annotate_ms and the longest task', async () => {
      const m = await measurePage(session.context, VBPL_FULLTEXT_URL);
      console.log(`[vanban e2e] vbpl.vn BLHS page: page_annotate_ms=${Math.round(m.annotateMs)} page_longest_task_ms=${Math.round(m.longestTaskMs)} (long tasks: ${m.longTasks})`);
      expect(m.annotateMs).toBeGreaterThan(0);
    });
  });

  describe('drafting page', () => {
    const DRAFT = [
      'BỘ NỘI VỤ',
      'Số: 12/QĐ-BNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 05 tháng 01 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc ban hành Quy chế làm việc',
      'BỘ TRƯỞNG BỘ NỘI VỤ',
      'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Bộ Nội vụ.',
      'Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
    ].join('\n');
    let page: Page;

    async function lintItems(): Promise<string[]> {
      return page.$$eval('.cm-panel-lint li', (els) => els.map((e) => e.textContent ?? ''));
    }

    beforeAll(async () => {
      page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.id}/editor.html`);
      await page.waitForSelector('.cm-content');
    }, 60_000);

    it('shows the numbering diagnostic for a skipped Điều', async () => {
      await page.click('.cm-content');
      await page.keyboard.insertText(DRAFT);
      await page.waitForSelector('.cm-lintRange-error', { timeout: 20_000 });
      await page.click('#problems');
      await page.waitForFunction(() => [...document.querySelectorAll('.cm-panel-lint li')].some((e) => e.textContent?.includes('numbering/dieu')), undefined, { timeout: 20_000 });
      expect((await lintItems()).some((t) => t.includes('numbering/dieu'))).toBe(true);
      await screenshot(page, 'drafting-page');
    });

    it('shows the registry’s card when hovering a citation (the language server’s hover)', async () => {
      const at = await page.evaluate(() => {
        const view = (window as unknown as { vanban: { view: { state: { doc: { toString(): string } }; coordsAtPos(pos: number): { left: number; top: number; bottom: number } | null } } }).vanban.view;
        const pos = view.state.doc.toString().indexOf('63/2022/NĐ-CP') + 3;
        const c = view.coordsAtPos(pos);
        return c ? { x: c.left + 2, y: (c.top + c.bottom) / 2 } : null;
      });
      expect(at).not.toBeNull();
      await page.mouse.move(at!.x, at!.y);
      await page.waitForSelector('.cm-lsp-hover-tooltip', { timeout: 20_000 });
      const tip = await page.textContent('.cm-lsp-hover-tooltip');
      expect(tip).toContain('63/2022/NĐ-CP');
      expect(tip).toContain('cơ cấu tổ chức của Bộ Nội vụ');
      await page.mouse.move(0, 0);
    });

    it('applies the quick fix and the diagnostic goes away', async () => {
      await page.waitForFunction(() => [...document.querySelectorAll('.cm-panel-lint li')].some((e) => e.textContent?.includes('numbering/dieu') && e.querySelector('.cm-diagnosticAction')), undefined, { timeout: 20_000 });
      const item = page.locator('.cm-panel-lint li', { hasText: 'numbering/dieu' }).first();
      await item.locator('.cm-diagnosticAction').first().click();
      await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('Điều 2. Quyết định này có hiệu lực'), undefined, { timeout: 10_000 });
      await page.waitForFunction(() => ![...document.querySelectorAll('.cm-panel-lint li')].some((e) => e.textContent?.includes('numbering/dieu')), undefined, { timeout: 20_000 });
      expect((await lintItems()).some((t) => t.includes('numbering/dieu'))).toBe(false);
    });

    it('downloads the draft as a Word file laid out as ND30 (Tải về .docx)', async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('#save-docx')]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/u);
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      const { text, layout } = await readDocx(bytes);
      expect(text).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.');
      expect(layout.sections[0]).toMatchObject({ pageWidthMm: 210, pageHeightMm: 297 });
    });

    it('keeps the draft across a reload', async () => {
      await page.waitForFunction(() => document.getElementById('saved')?.textContent?.startsWith('Đã lưu'), undefined, { timeout: 10_000 });
      await page.reload();
      await page.waitForSelector('.cm-content');
      const text = await page.evaluate(() => (window as unknown as { vanban?: { view: { state: { doc: { toString(): string } } } } }).vanban?.view.state.doc.toString());
      expect(text).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.');
      expect(text).toContain('Căn cứ Nghị định số 63/2022/NĐ-CP');
    });
  });

  describe('content security', () => {
    it('never tried eval or a remote script anywhere (no CSP violation in any console)', () => {
      expect(consoleLines.filter((l) => /Content Security Policy|unsafe-eval|EvalError/u.test(l))).toEqual([]);
    });
  });

  describe('network', () => {
    it('makes no request of its own: everything asked for with the extension is asked for without it', async () => {
      // On the served hosts a request is told by its path; elsewhere (Chromium's own housekeeping:
      // update checks, account probes, with random query strings) by its host.
      const served = new Set(['vbpl.vn', 'thuvienphapluat.vn', 'moha.gov.vn']);
      const key = (r: Recorded) => {
        if (r.method === 'CONNECT') return `CONNECT ${r.url}`;
        const u = new URL(r.url);
        return served.has(u.host) ? `${r.method} ${u.host}${u.pathname}` : `${r.method} ${u.host}`;
      };
      const withExtension = new Set(proxy.requests.map(key));
      await session.close();
      proxy.clear();
      const bare = await launch(proxyPort, false);
      try {
        for (const url of [VBPL_FULLTEXT_URL, VBPL_PROPERTIES_URL, TVPL_SEED_004_URL, ...NEWS_URLS]) {
          const page = await bare.context.newPage();
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForTimeout(300);
          await page.close();
        }
      } finally {
        await bare.close();
      }
      const without = new Set(proxy.requests.map(key));
      const extra = [...withExtension].filter((k) => !without.has(k));
      expect(extra).toEqual([]);
      expect(withExtension.size).toBeGreaterThan(5);
    }, 120_000);
  });
});
