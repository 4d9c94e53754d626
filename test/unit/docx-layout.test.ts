/**
 * Layout rules on .docx fixtures made with the `docx` package: the ND30
 * Quyết định of test/helpers/docx.ts is clean; each slip a drafter makes in
 * Word (wrong margin, Arial, an upright date, a khoản list running on from
 * the previous Điều, …) is reported with its code, and only that.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { readDocx } from '../../language-server/src/io/docx/read.ts';
import { quyetDinhDocx, type Slips } from '../helpers/docx.ts';

async function check(slips: Slips, lang: 'vi' | 'en' = 'vi') {
  const { text, layout } = await readDocx(await quyetDinhDocx(slips));
  return checkDocument(text, { layout, lang }).diagnostics;
}

describe('layout rules on Word fixtures', () => {
  it('say nothing about a document laid out as ND30 asks', async () => {
    expect(await check({})).toEqual([]);
  });

  const cases: { name: string; slips: Slips; code: string; vi: string; en: string }[] = [
    { name: 'top margin 15 mm', slips: { margins: { top: 850, bottom: 1134, left: 1701, right: 1134 } }, code: 'layout/margins', vi: 'lề trên 15 mm (cần 20–25 mm)', en: 'top margin 15 mm' },
    { name: 'left margin 25 mm', slips: { margins: { top: 1134, bottom: 1134, left: 1418, right: 1134 } }, code: 'layout/margins', vi: 'lề trái 25 mm (cần 30–35 mm)', en: 'left margin 25 mm' },
    { name: 'US Letter paper', slips: { page: { width: 12240, height: 15840 } }, code: 'layout/page-size', vi: 'Khổ giấy 215,9 × 279,4 mm (Letter)', en: 'Paper 215.9 × 279.4 mm (Letter)' },
    { name: 'Arial', slips: { font: 'Arial' }, code: 'layout/font', vi: 'Phông chữ Arial ở', en: 'Font Arial in' },
    { name: 'upright date line', slips: { uprightDate: true }, code: 'layout/italic', vi: 'Địa danh và ngày tháng (đoạn 5 “Hà Nội, ngày 05 tháng 01…”) phải in nghiêng', en: 'The place and date line (paragraph 5' },
    { name: 'Điều headings not bold', slips: { plainDieu: true }, code: 'layout/bold', vi: 'Tiêu đề Điều 1', en: 'The heading of Điều 1' },
    { name: 'body in 12 pt', slips: { bodySize: 12 }, code: 'layout/font-size', vi: 'Cỡ chữ 12 ở', en: 'Font size 12 in' },
    { name: 'recipients in 13 pt', slips: { recipientSize: 13 }, code: 'layout/font-size', vi: 'Cỡ chữ 13 ở danh sách nơi nhận', en: 'Font size 13 in the recipient list' },
    { name: 'no page numbers on a long document', slips: { pageNumbers: 'none', long: true }, code: 'layout/page-number', vi: 'không đánh số trang', en: 'no page numbers' },
    { name: 'a page number on page 1', slips: { pageNumbers: 'first-page' }, code: 'layout/page-number', vi: 'Số trang hiện ở trang đầu', en: 'The first page shows a page number' },
    { name: 'page numbers in the footer', slips: { pageNumbers: 'footer' }, code: 'layout/page-number', vi: 'Số trang đặt ở chân trang', en: 'Page numbers in the footer' },
    { name: 'Phụ lục numbered with the body', slips: { phuLucInline: true }, code: 'layout/page-number', vi: 'Phụ lục không đánh số trang riêng', en: 'Phụ lục is not numbered on its own' },
    { name: 'automatic khoản running on from Điều 1', slips: { numberingGap: true }, code: 'numbering/khoan', vi: 'Khoản 3 là khoản đầu tiên: thiếu khoản 1, 2', en: 'clause 3 is the first clause' },
  ];

  it.each(cases)('$name → $code', async ({ slips, code, vi, en }) => {
    const ds = await check(slips);
    expect(ds.map((d) => d.code)).toContain(code);
    // The slip is reported with that code only (other rules keep quiet about it).
    expect(new Set(ds.map((d) => d.code))).toEqual(new Set([code]));
    expect(ds.find((d) => d.code === code)!.message).toContain(vi);
    const enMessage = (await check(slips, 'en')).find((d) => d.code === code)!.message;
    expect(enMessage.toLowerCase()).toContain(en.toLowerCase());
  });

  it('reports a wrong body size once, with the other paragraphs as related places', async () => {
    const ds = (await check({ bodySize: 12 })).filter((d) => d.code === 'layout/font-size');
    const body = ds.find((d) => d.message.includes('nội dung'))!;
    expect(body.message).toMatch(/Cỡ chữ 12 ở \d+ đoạn nội dung, từ đoạn \d+/u);
    expect(body.related!.length).toBeGreaterThan(0);
  });

  it('reports a wrong font once for the whole document', async () => {
    const ds = (await check({ font: 'Arial' })).filter((d) => d.code === 'layout/font');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/Phông chữ Arial ở \d{2} đoạn, từ đoạn 1 “BỘ NỘI VỤ”/u);
  });

  it('stay silent on plain text (no layout model)', async () => {
    const { text } = await readDocx(await quyetDinhDocx({ font: 'Arial', uprightDate: true }));
    expect(checkDocument(text).diagnostics.filter((d) => d.code.startsWith('layout/'))).toEqual([]);
  });
});
