/**
 * The pages the extension is tested on, built from ../shared/corpus at test
 * time (never copied into the repo): the saved vbpl.vn pages as they are
 * (plus the page's own probe script and one broken reference injected into
 * the text), seed 004 in thuvienphapluat.vn's layout, and the four Bộ Nội vụ
 * news pages of seeds 000–003 in a ministry site's layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../../helpers/corpus.ts';

export const VBPL_FULLTEXT_URL = 'http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=96122';
export const VBPL_PROPERTIES_URL = 'http://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172';
export const TVPL_SEED_004_URL = 'http://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-971-QD-BNV-2024-ke-hoach-cai-cach-hanh-chinh-2025-636451.aspx';
export const NEWS_URLS = [0, 1, 2, 3].map((i) => `http://moha.gov.vn/tin-tuc/tin-hoat-dong/tin-${i}.html`);
export const PROBE_PATH = '/__page-probe.js';
/** A short vbpl.vn page (made for the test) that cites the Bộ luật whose properties page the extension has read. */
export const VBPL_CITING_URL = 'http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1';

/** The số ký hiệu a text writes after "số" ("Quyết định số 1153/QĐ-BNV"), as written. */
export function numbersAfterSo(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\d])số\s+(\d+[/-](?=[\p{L}\d/-]*\p{L})[\p{L}\d/-]*[\p{L}\d])/gu)].map((m) => m[1]);
}

export function vbplCitingPage(): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trung ương</title></head><body>
<div class="box-container"><div class="content"><div class="fulltext"><div id="toanvancontent" class="toanvancontent">
<p align="center"><strong>THÔNG TƯ</strong></p>
<p><em>Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 ngày 27 tháng 11 năm 2015;</em></p>
<p><strong>Điều 1. Phạm vi điều chỉnh</strong></p>
<p>Thông tư này hướng dẫn thi hành một số điều của Bộ luật Tố tụng hình sự số 101/2015/QH13 về việc tiếp nhận, giải quyết tố giác.</p>
<p><strong>Điều 2. Hiệu lực thi hành</strong></p>
<p>Thông tư này có hiệu lực kể từ ngày ký. Việc áp dụng thực hiện theo Điều 1 và Quyết định số 4321/QĐ-BXD ngày 01 tháng 02 năm 2019 của Bộ Xây dựng.</p>
</div></div></div></div></body></html>`;
}

/** The sentence injected into Điều 2 of the Bộ luật Hình sự: Điều 3 has only khoản 1 and 2. */
export const BROKEN_SENTENCE = '3. Việc xác định trách nhiệm hình sự của pháp nhân thương mại thực hiện theo quy định tại khoản 9 Điều 3 của Bộ luật này.';
export const BROKEN_REFERENCE = 'khoản 9 Điều 3';

/**
 * The page's own script: it counts clicks on the document's links and
 * paragraphs, keeps hold of nodes, and records the layout before the
 * extension runs, so a test can check all of it still works afterwards.
 */
export const PROBE_JS = `
(function () {
  var probe = window.__probe = { clicks: 0, linkClicks: 0, timer: 0, held: [], layout: null, errors: [] };
  window.addEventListener('error', function (e) { probe.errors.push(String(e.message)); });
  setInterval(function () { probe.timer++; }, 50);
  function measure(root) {
    var r = root.getBoundingClientRect();
    return { width: r.width, height: r.height, left: r.left, scrollWidth: document.documentElement.scrollWidth };
  }
  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector(document.documentElement.getAttribute('data-probe-root'));
    if (!root) return;
    probe.layout = measure(root);
    probe.measure = function () { return measure(root); };
    root.addEventListener('click', function (e) {
      probe.clicks++;
      var a = e.target.closest && e.target.closest('a');
      if (a) { probe.linkClicks++; e.preventDefault(); }
    });
    var ps = root.querySelectorAll('p');
    for (var i = 0; i < ps.length && probe.held.length < 50; i += 7) probe.held.push(ps[i]);
    probe.heldText = probe.held.map(function (p) { return p.textContent.replace(/\\s+/g, ' ').trim(); });
  });
})();
`;

function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function probeTag(root: string): string {
  return `<script>document.documentElement.setAttribute('data-probe-root', ${JSON.stringify(root)});</script><script src="${PROBE_PATH}"></script>`;
}

function readPortal(name: string): string {
  return readFileSync(join(CORPUS_DIR, 'portal', name), 'utf8');
}

export function seedText(n: number): string {
  const name = ['000_2c6dd798100795d3.txt', '001_a6c4dbc972d60cda.txt', '002_2a4e57ec2a404279.txt', '003_16e7c6cf24d0288c.txt', '004_52bceec2462771f4.txt'][n];
  return readFileSync(join(CORPUS_DIR, 'seeds', name), 'utf8');
}

/** The saved vbpl.vn full-text page, with the probe and the broken reference. */
export function vbplFullTextPage(): string {
  const html = readPortal('vbpl-toanvan-blhs-100-2015-QH13.html');
  const anchor = 'mới phải chịu trách nhiệm hình sự.</p>';
  const at = html.indexOf(anchor);
  if (at < 0) throw new Error('vbpl page: the khoản 2 Điều 2 paragraph moved');
  const withBroken = `${html.slice(0, at + anchor.length)}\n<p>\n${BROKEN_SENTENCE}</p>${html.slice(at + anchor.length)}`;
  return withBroken.replace('<head>', `<head>${probeTag('#toanvancontent')}`);
}

export function vbplPropertiesPage(): string {
  return readPortal('vbpl-thuoctinh-blttths-101-2015-QH13.html').replace('<head>', `<head>${probeTag('div.vbProperties')}`);
}

function paragraphs(lines: string[]): string {
  return lines.map((l) => (l.trim() ? `<p>${esc(l)}</p>` : '')).join('\n');
}

/**
 * Seed 004 as thuvienphapluat.vn shows a document: the header as a 2×2 table,
 * the text as paragraphs, the PHỤ LỤC rows as a table (the seed separates
 * cells with "|" lines and rows with two), the usual sidebar around it and a
 * hidden amendment tooltip inside the text.
 */
export function tvplSeed004Page(): string {
  const lines = seedText(4).replace(/\r\n?/gu, '\n').split('\n');
  const segments: string[][] = [[]];
  for (const l of lines) {
    if (l.trim() === '|') segments.push([]);
    else segments[segments.length - 1].push(l);
  }
  const [c0, c1, c2, c3, ...rest] = segments;
  const cell = (ls: string[]) => `<td>${ls.map((l) => `<p>${esc(l)}</p>`).join('')}</td>`;
  const header = `<table class="header"><tr>${cell(c0)}${cell(c1)}</tr><tr>${cell(c2)}${cell(c3)}</tr></table>`;
  const body: string[] = [];
  let row: string[] = [];
  let inTable = false;
  for (const seg of rest) {
    if (seg.length === 0) {
      // "|" "|": a row ends
      if (row.length > 0) body.push(`<tr>${row.join('')}</tr>`);
      row = [];
      continue;
    }
    const startsAppendix = seg.some((l) => /^PHỤ LỤC/u.test(l.trim()));
    if (startsAppendix) {
      if (inTable) body.push('</table>');
      inTable = false;
    }
    if (seg.length <= 6 && (inTable || /^(Nội dung|STT|TT)\b/u.test(seg[0]?.trim() ?? ''))) {
      if (!inTable) body.push('<table class="phu-luc" border="1">');
      inTable = true;
      row.push(cell(seg));
      continue;
    }
    if (inTable) {
      if (row.length > 0) body.push(`<tr>${row.join('')}</tr>`);
      row = [];
      body.push('</table>');
      inTable = false;
    }
    body.push(`<div>${paragraphs(seg)}</div>`);
  }
  if (row.length > 0) body.push(`<tr>${row.join('')}</tr>`);
  if (inTable) body.push('</table>');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Quyết định 971/QĐ-BNV 2024 Kế hoạch cải cách hành chính 2025 Bộ Nội vụ</title>
${probeTag('#divContentDoc')}
<style>
  body { font-family: Arial, sans-serif; margin: 0; }
  #header { background: #0b3d91; color: #fff; padding: 10px 20px; }
  #ctl00_Content_ThongTinVB_pnlDocContent { display: flex; gap: 20px; padding: 20px; }
  #divContentDoc { width: 530px; float: left; }
  .content1 p { margin: 4px 0; }
  table.header td { vertical-align: top; text-align: center; width: 50%; }
  table.phu-luc { border-collapse: collapse; } table.phu-luc td { border: 1px solid #999; padding: 2px 4px; vertical-align: top; }
  .lqhlTootip-1 { display: none; }
  .sidebar { width: 260px; }
</style></head>
<body>
<div id="header">THƯ VIỆN PHÁP LUẬT</div>
<div id="ctl00_Content_ThongTinVB_pnlDocContent">
  <div id="divContentDoc" class="cldivContentDocVn">
    <div class="content1"><div><div>
      ${header}
      <div class="lqhlTootip-1">Nội dung sửa đổi theo Nghị định số 99/2099/NĐ-CP (chú thích ẩn, không phải văn bản)</div>
      ${body.join('\n')}
    </div></div></div>
  </div>
  <div class="sidebar">
    <div class="NoiDungChiaSe">Chia sẻ văn bản này</div>
    <div class="ttlq"><p>Văn bản liên quan: Nghị định số 63/2022/NĐ-CP</p></div>
    <div class="download1">Tải về</div>
  </div>
</div>
</body></html>`;
}

/** A Bộ Nội vụ news article (seeds 000–003). Pages 2 and 3 use a container the extension does not know (density fallback). */
export function newsPage(n: number): string {
  const lines = seedText(n).replace(/\r\n?/gu, '\n').split('\n');
  const known = n < 2;
  const container = known ? 'detail-content' : 'noi-dung-bai-viet';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin hoạt động — Bộ Nội vụ</title>
${probeTag(`.${container}`)}
<style>
  body { font-family: Arial, sans-serif; margin: 0; }
  header, footer { background: #8b1a1a; color: #fff; padding: 8px 24px; }
  .wrap { display: flex; gap: 24px; padding: 16px 24px; }
  .${container} { flex: 1; max-width: 760px; }
  aside { width: 280px; font-size: 13px; }
</style></head>
<body>
<header><nav><a href="/">Trang chủ</a> · <a href="/tin-tuc">Tin tức</a> · <a href="/van-ban">Văn bản</a></nav></header>
<div class="wrap">
  <div class="${container}">
    ${paragraphs(lines)}
  </div>
  <aside><h3>Tin mới</h3><ul><li><a href="/tin-tuc/1">Hội nghị giao ban</a></li><li><a href="/tin-tuc/2">Thông báo tuyển dụng</a></li></ul></aside>
</div>
<footer>Cổng Thông tin điện tử Bộ Nội vụ</footer>
</body></html>`;
}
