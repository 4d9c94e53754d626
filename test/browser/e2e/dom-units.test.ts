/**
 * The content script's DOM work, tested in a real DOM: the modules are
 * bundled as they are (esbuild) into a blank Chromium page, and table-driven
 * cases run there — the text a page yields and its map back to text nodes,
 * marking ranges without changing the page's text, finding the document,
 * reading vbpl.vn's properties table, sanitising hover HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus } from '../../helpers/corpus.ts';
import { CHROMIUM, hasChromium, ROOT } from './harness.ts';

const ENTRY = `
export { walkText, runToEnd, piecesOf, firstSegmentIn } from './extension/browser/page/text-map.ts';
export { MarkRegistry, placeMarks, wrapMark, currentPoint } from './extension/browser/page/annotate.ts';
export { findDocumentRoot } from './extension/browser/page/find-document.ts';
export { readVbplProperties, isoDate } from './extension/browser/page/learn.ts';
export { portalFor } from './extension/browser/lib/sites.ts';
export { sanitizeHtml } from './extension/browser/editor/sanitize.ts';
`;

describe.skipIf(!hasChromium)('content script DOM units (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const out = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'iife', globalName: 'units', write: false, platform: 'browser', logLevel: 'error' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: out.outputFiles[0].text });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The text walkText builds from `html`, and whether every segment maps back to its text node. */
  async function textOf(html: string, skip = 'script,style') {
    return page.evaluate(
      ({ html, skip }) => {
        const u = (window as any).units;
        document.body.innerHTML = html;
        const map = u.runToEnd(u.walkText(document.body, { skip, slice: 3 }));
        const mapsBack = map.segments.every((s: any) => map.text.slice(s.start, s.start + s.length) === s.node.data.slice(s.offset, s.offset + s.length).replace(/[\t\n\r\f]/g, ' '));
        return { text: map.text as string, mapsBack };
      },
      { html, skip },
    );
  }

  const TEXT_CASES: [string, string, string][] = [
    ['paragraphs become lines', '<p>Điều 1.</p><p>Khoản 1.</p>', 'Điều 1.\nKhoản 1.'],
    ['source line breaks and indentation fold to one space', '<p>\n\t\tChỉ pháp nhân   thương mại\n\t\tnào</p>', 'Chỉ pháp nhân thương mại nào'],
    ['inline elements join their text', '<p><strong>Điều <a name="x"></a>1. Nhiệm vụ</strong></p>', 'Điều 1. Nhiệm vụ'],
    ['<br> ends a line', '<p>QUỐC HỘI<br>Số: 100/2015/QH13</p>', 'QUỐC HỘI\nSố: 100/2015/QH13'],
    ['table cells are lines', '<table><tr><td>BỘ NỘI VỤ</td><td>CỘNG HÒA</td></tr></table>', 'BỘ NỘI VỤ\nCỘNG HÒA'],
    ['empty blocks leave no empty lines', '<div><p> </p><p>a</p><div></div><p>b</p></div>', 'a\nb'],
    ['NBSP is kept for the core to normalise', '<p>Điều&nbsp;5</p>', 'Điều\u00a05'],
    ['scripts and skipped elements are not text', '<p>a</p><script>var x = 1;</script><div class="ad">quảng cáo</div><p>b</p>', 'a\nb'],
    ['inline display:none is not text', '<p>a<span style="display:none">ẩn</span>b</p>', 'ab'],
    ['entities are decoded', '<p>1. Đối với người phạm tội&#58;</p>', '1. Đối với người phạm tội:'],
  ];

  it.each(TEXT_CASES)('%s', async (_name, html, expected) => {
    const r = await textOf(html, 'script,style,.ad');
    expect(r.text).toBe(expected);
    expect(r.mapsBack).toBe(true);
  });

  it('hands the text on in parts while reading; the parts and the rest are the whole text', async () => {
    const r = await page.evaluate(() => {
      const u = (window as any).units;
      document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Điều ${i + 1}.  Phạm\n vi <b>khoản</b> ${i}</p>`).join('\n');
      const parts: string[] = [];
      const map = u.runToEnd(u.walkText(document.body, { skip: 'script', slice: 5, parts: { chars: 50, send: (t: string) => parts.push(t) } }));
      const plain = u.runToEnd(u.walkText(document.body, { skip: 'script' }));
      const sent = parts.join('');
      return { parts: parts.length, whole: map.text === plain.text, prefix: map.text.startsWith(sent), short: parts.filter((p) => p.length < 50).length };
    });
    expect(r.parts).toBeGreaterThan(3);
    expect(r.whole).toBe(true);
    expect(r.prefix).toBe(true);
    expect(r.short).toBe(0);
  });

  /** Marks [start,end) ranges of the text of `html`; returns the marked texts, the page text after, and the HTML after clearing. */
  async function mark(html: string, ranges: [number, number][]) {
    return page.evaluate(
      ({ html, ranges }) => {
        const u = (window as any).units;
        document.body.innerHTML = html;
        const before = document.body.innerHTML;
        const textBefore = document.body.textContent;
        const map = u.runToEnd(u.walkText(document.body, { skip: 'script' }));
        const reg = new u.MarkRegistry();
        const marks = ranges.map(([start, end]: [number, number], i: number) => ({ start, end, attrs: { 'data-m': String(i) }, style: { 'text-decoration-line': 'underline' }, data: i }));
        u.runToEnd(u.placeMarks(document, map, marks, reg));
        const spans = [...document.querySelectorAll('[data-m]')].map((e) => ({ m: e.getAttribute('data-m'), text: e.textContent, html: e.innerHTML }));
        const textAfter = document.body.textContent;
        const found = reg.find(document.querySelector('[data-m]'));
        const fake = document.createElement('span');
        fake.setAttribute('data-m', '0');
        document.body.append(fake);
        const forged = reg.find(fake);
        fake.remove();
        reg.clear();
        return { text: map.text as string, spans, sameText: textBefore === textAfter, restored: document.body.innerHTML === before, found: !!found, forged: !!forged };
      },
      { html, ranges },
    );
  }

  it('wraps a citation whose number is a link in one span, link inside', async () => {
    const html = "<p>Bộ luật hình sự số <a class='toanvan' href='/x'>15/1999/QH10</a> và Luật số 37/2009/QH12</p>";
    const text = (await textOf(html)).text;
    const start = text.indexOf('số 15');
    const r = await mark(html, [[start, start + 'số 15/1999/QH10'.length]]);
    expect(r.spans).toHaveLength(1);
    expect(r.spans[0].text).toBe('số 15/1999/QH10');
    expect(r.spans[0].html).toContain('<a class="toanvan" href="/x">15/1999/QH10</a>');
    expect(r.sameText).toBe(true);
    expect(r.restored).toBe(true);
  });

  it('marks a range across two paragraphs piece by piece', async () => {
    const html = '<p>Quyết định số 45/2016/QĐ-</p><p>TTg ngày 19</p>';
    const text = (await textOf(html)).text;
    const start = text.indexOf('45/');
    const r = await mark(html, [[start, text.indexOf('TTg') + 3]]);
    expect(r.spans.map((s) => s.text)).toEqual(['45/2016/QĐ-', 'TTg']);
    expect(r.spans.every((s) => s.m === '0')).toBe(true);
    expect(r.sameText).toBe(true);
    expect(r.restored).toBe(true);
  });

  it('marks many ranges in one text node, last first, and keeps the text', async () => {
    const html = '<p>theo khoản 1 Điều 2, khoản 3 Điều 4 và điểm a khoản 5 Điều 6.</p>';
    const text = (await textOf(html)).text;
    const ranges: [number, number][] = ['khoản 1 Điều 2', 'khoản 3 Điều 4', 'điểm a khoản 5 Điều 6'].map((s) => [text.indexOf(s), text.indexOf(s) + s.length]);
    const r = await mark(html, ranges);
    expect(r.spans.map((s) => s.text)).toEqual(['khoản 1 Điều 2', 'khoản 3 Điều 4', 'điểm a khoản 5 Điều 6']);
    expect(r.sameText).toBe(true);
    expect(r.restored).toBe(true);
  });

  it('skips a range overlapping one already marked', async () => {
    const r = await mark('<p>khoản 2 Điều 3 của Nghị định số 63/2022/NĐ-CP</p>', [
      [0, 14],
      [10, 20],
    ]);
    expect(r.spans.map((s) => s.m)).toEqual(['0']);
  });

  it('knows its own marks and not an element the page made with the same attribute', async () => {
    const r = await mark('<p>Điều 5</p>', [[0, 6]]);
    expect(r.found).toBe(true);
    expect(r.forged).toBe(false);
  });

  it('finds where a text offset is after marking split its text node (what a jump scrolls to)', async () => {
    const r = await page.evaluate(() => {
      const u = (window as any).units;
      document.body.innerHTML = '<p>theo khoản 1 Điều 2 và khoản 3 Điều 4.</p><p><b>Điều 2.</b> Phạm vi</p>';
      const map = u.runToEnd(u.walkText(document.body, { skip: 'script' }));
      const at = (s: string) => map.text.indexOf(s);
      const marks = ['khoản 1 Điều 2', 'khoản 3 Điều 4'].map((s, i) => ({ start: at(s), end: at(s) + s.length, attrs: { 'data-m': String(i) }, style: {}, data: i }));
      u.runToEnd(u.placeMarks(document, map, marks, new u.MarkRegistry()));
      // Each offset: the text from the point found on, within its node.
      return ['khoản 3', 'Điều 4', 'và', 'Phạm vi', 'Điều 2.'].map((s) => {
        const p = u.currentPoint(document, map, at(s));
        return p ? p.node.data.slice(p.offset, p.offset + s.length) : null;
      });
    });
    expect(r).toEqual(['khoản 3', 'Điều 4', 'và', 'Phạm vi', 'Điều 2.']);
  });

  it('placeMarks yields how many steps are left, in steps of its slice (what driveByFrames evens batches by)', async () => {
    const r = await page.evaluate(() => {
      const u = (window as any).units;
      const run = (count: number, slice: number) => {
        document.body.innerHTML = '<p>' + 'khoản 1 '.repeat(count) + '</p>';
        const map = u.runToEnd(u.walkText(document.body, { skip: 'script' }));
        const marks = Array.from({ length: count }, (_, i) => ({ start: i * 8, end: i * 8 + 7, attrs: {}, style: {}, data: i }));
        const gen = u.placeMarks(document, map, marks, new u.MarkRegistry(), undefined, slice);
        const yields: number[] = [];
        for (let s = gen.next(); !s.done; s = gen.next()) yields.push(s.value);
        return yields;
      };
      return [run(7, 3), run(6, 3), run(3, 1), run(0, 10)];
    });
    expect(r).toEqual([
      [3, 2, 1],
      [2, 1, 0],
      [3, 2, 1, 0],
      [0],
    ]);
  });

  it('finds the first text segment inside an element by document order', async () => {
    const r = await page.evaluate(() => {
      const u = (window as any).units;
      document.body.innerHTML = '<div id="a"><p>một</p><p id="b">hai <i>ba</i></p><p id="empty"></p></div><p id="c">bốn</p>';
      const map = u.runToEnd(u.walkText(document.body, { skip: 'script' }));
      const first = (id: string) => {
        const i = u.firstSegmentIn(map.segments, id ? document.getElementById(id) : document.body);
        return i < 0 ? null : map.segments[i].node.data;
      };
      return ['a', 'b', 'c', 'empty', ''].map(first);
    });
    expect(r).toEqual(['một', 'hai ', 'bốn', null, 'một']);
  });

  async function rootOf(html: string, host: string) {
    return page.evaluate(
      ({ html, host }) => {
        const u = (window as any).units;
        document.body.innerHTML = html;
        const found = u.findDocumentRoot(document, u.portalFor(host));
        return found ? { id: found.root.id, how: found.how } : null;
      },
      { html, host },
    );
  }

  const LONG = 'Điều 1. Phạm vi điều chỉnh của văn bản này bao gồm nhiều nội dung. '.repeat(6);
  it.each([
    ['vbpl.vn: div.fulltext', `<div class="fulltext" id="ft"><div id="toanvancontent"><p>${LONG}</p></div></div>`, 'vbpl.vn', 'ft', 'div.fulltext'],
    ['thuvienphapluat.vn: #divContentDoc .content1', `<div id="divContentDoc"><div class="content1" id="c1"><p>${LONG}</p></div></div><div class="sidebar"><p>${LONG}</p></div>`, 'thuvienphapluat.vn', 'c1', '#divContentDoc .content1'],
    ['luatvietnam.vn: the document body', `<div id="noidung"><div class="the-document-body" id="b"><p>${LONG}</p></div></div>`, 'luatvietnam.vn', 'b', '#noidung .the-document-body'],
    ['a news article', `<nav><p>Trang chủ</p></nav><article id="a"><p>${LONG}</p></article>`, 'moha.gov.vn', 'a', 'article'],
    ['an unknown layout: the densest block', `<div id="menu"><p>Trang chủ · Tin tức</p></div><div id="main"><p>${LONG}</p><p>${LONG}</p></div><div id="side"><p>Liên kết</p></div>`, 'example.org', 'main', 'density'],
  ])('finds the document on %s', async (_n, html, host, id, how) => {
    expect(await rootOf(html, host)).toEqual({ id, how });
  });

  it('finds no document on a page without one', async () => {
    expect(await rootOf('<nav><p>Trang chủ</p></nav><p>Tìm kiếm văn bản</p>', 'vbpl.vn')).toBeNull();
  });

  it.skipIf(!hasCorpus)('reads the vbpl.vn properties table (BLTTHS 101/2015/QH13)', async () => {
    const html = readFileSync(join(CORPUS_DIR, 'portal/vbpl-thuoctinh-blttths-101-2015-QH13.html'), 'utf8');
    const facts = await page.evaluate((html) => {
      const u = (window as any).units;
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return u.readVbplProperties(doc, 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172');
    }, html);
    expect(facts).toEqual({
      number: '101/2015/QH13',
      url: 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172',
      type: 'Bộ luật',
      issued: '2015-11-27',
      effective: '2018-01-01',
      issuer: 'Quốc hội',
      signerTitle: 'Chủ tịch Quốc hội',
      signer: 'Nguyễn Sinh Hùng',
      title: 'Tố tụng hình sự',
      status: 'Còn hiệu lực',
    });
  });

  it.each([
    ['plain formatting stays', '<p><strong>Điều 5</strong> <em>Phạm vi</em></p><ul><li>a</li></ul>', '<p><strong>Điều 5</strong> <em>Phạm vi</em></p><ul><li>a</li></ul>'],
    ['scripts go with their content', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['event handlers and styles go', '<p onclick="alert(1)" style="color:red" class="x">a</p>', '<p class="x">a</p>'],
    ['images go', '<p>a<img src="x" onerror="alert(1)"></p>', '<p>a</p>'],
    ['links keep only their text', '<p><a href="javascript:alert(1)">bấm</a></p>', '<p>bấm</p>'],
    ['iframes and forms go', '<iframe src="https://example.org"></iframe><form><input></form>b', 'b'],
    ['svg goes', '<svg><script>alert(1)</script></svg>c', 'c'],
  ])('sanitises hover HTML: %s', async (_n, html, expected) => {
    expect(await page.evaluate((html) => (window as any).units.sanitizeHtml(html), html)).toBe(expected);
  });
});
