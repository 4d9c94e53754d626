/**
 * Properties over generated inputs (fast-check):
 * - any document made of the usual parts (header, căn cứ, Chương, Điều,
 *   khoản, điểm, items, slips in the numbering and the spacing, a Phụ lục
 *   table, Nơi nhận, signature) exported and read back keeps its text-level
 *   diagnostics and gets no layout diagnostic;
 * - Word's automatic numbering gives the labels a plain counter model says;
 * - damaged files never make the reader fail with anything but a DocxError.
 */
import { LevelFormat, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckOptions } from '../../language-server/src/core/service.ts';
import { exportDocx } from '../../language-server/src/io/docx/export.ts';
import { DocxError, readDocx } from '../../language-server/src/io/docx/read.ts';
import { docxOf, quyetDinhDocx } from '../helpers/docx.ts';

const DIEM = 'abcdđeghiklmnopqrstuvxy';
const sentence = fc.constantFrom(
  'Cơ quan, đơn vị thực hiện theo chức năng, nhiệm vụ được giao',
  'Văn phòng Bộ chủ trì, phối hợp với các đơn vị có liên quan',
  'Báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm',
  'Thực hiện theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ',
  'Các đơn vị thuộc Bộ Nội vụ tổ chức triển khai thực hiện',
);
/** A small slip now and then: a space before a comma, a repeated word, a spaced ký hiệu. */
const slip = fc.constantFrom('', '', '', ' ,', ' của của', ' số 76/NQ- CP');
const ending = fc.constantFrom('.', ';', ':', '');

const diem = fc.record({ skip: fc.boolean(), text: sentence, slip, end: ending });
const khoan = fc.record({ text: sentence, slip, end: ending, diems: fc.array(diem, { maxLength: 3 }), items: fc.array(sentence, { maxLength: 2 }) });
const dieu = fc.record({ title: fc.constantFrom('Phạm vi điều chỉnh', 'Hiệu lực thi hành', 'Tổ chức thực hiện', 'Trách nhiệm thi hành'), khoans: fc.array(khoan, { maxLength: 3 }), gap: fc.boolean() });
const documentArb = fc.record({
  chapters: fc.boolean(),
  dieus: fc.array(dieu, { minLength: 1, maxLength: 4 }),
  table: fc.boolean(),
  wrap: fc.boolean(),
});

type Doc = typeof documentArb extends fc.Arbitrary<infer T> ? T : never;

function render(d: Doc): string {
  const out = [
    'BỘ NỘI VỤ',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 15/QĐ-BNV',
    'Hà Nội, ngày 05 tháng 3 năm 2025',
    'QUYẾT ĐỊNH',
    'Về việc ban hành Quy chế làm việc',
    'BỘ TRƯỞNG BỘ NỘI VỤ',
    'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;',
    'Theo đề nghị của Chánh Văn phòng Bộ.',
    'QUYẾT ĐỊNH:',
  ];
  d.dieus.forEach((x, i) => {
    if (d.chapters && i % 2 === 0) out.push(`Chương ${['I', 'II', 'III'][i / 2]}`, 'QUY ĐỊNH CHUNG');
    out.push(`Điều ${i + 1}. ${x.title}`);
    let k = 0;
    for (const kh of x.khoans) {
      k += x.gap && k === 1 ? 2 : 1;
      out.push(`${k}. ${kh.text}${kh.slip}${kh.end}`);
      let e = 0;
      for (const di of kh.diems) {
        e += di.skip ? 2 : 1;
        out.push(`${DIEM[Math.min(e, DIEM.length) - 1]}) ${di.text}${di.slip}${di.end}`);
      }
      for (const it of kh.items) out.push(`- ${it};`);
    }
  });
  out.push('Nơi nhận:', '- Như Điều 1;', '- Lưu: VT, VP.', 'KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Nguyễn Văn An');
  if (d.table) out.push('Phụ lục', 'DANH SÁCH ĐƠN VỊ', '(Kèm theo Quyết định số 15/QĐ-BNV ngày 05 tháng 3 năm 2025)', '| STT | Đơn vị |', '|---|---|', '| 1 | Văn phòng Bộ |', '| 2 | Vụ Tổ chức cán bộ |');
  // A portal copy wraps long lines; the export joins them back.
  const text = out.join('\n') + '\n';
  return d.wrap ? text.replace(/(.{60,}?) (?=\S)/gu, '$1\n') : text;
}

const textLevel = (text: string, options: CheckOptions = {}) =>
  checkDocument(text, options).diagnostics.map((x) => `${x.code} | ${x.message.replace(/(?<![\p{L}])dòng \d+/gu, 'dòng N')}`).sort();

describe('properties of the Word round trip', () => {
  it('export then read back: same text-level diagnostics, no layout diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (d) => {
        const text = render(d);
        const back = await readDocx(await exportDocx(text));
        const after = textLevel(back.text, { layout: back.layout });
        expect(after.filter((x) => x.startsWith('layout/'))).toEqual([]);
        expect(after).toEqual(textLevel(text));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('automatic numbering: the labels of a plain counter model (deeper levels restart)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 12 }), async (levels) => {
        const paras = levels.map((level, i) => new Paragraph({ numbering: { reference: 'list', level }, children: [new TextRun(`Đoạn ${i}`)] }));
        const { text } = await readDocx(await docxOf(paras, [{ format: LevelFormat.DECIMAL, text: '%1.' }, { format: LevelFormat.LOWER_LETTER, text: '%2)' }, { format: LevelFormat.DECIMAL, text: '%1.%2.%3.' }]));
        const counters = [0, 0, 0];
        const expected = levels.map((l, i) => {
          counters[l]++;
          for (let d = l + 1; d < 3; d++) counters[d] = 0;
          const shown = (d: number) => Math.max(counters[d], 1);
          // Each %n shows in its own level's format: "%1.%2.%3." is "1.a.1.".
          const letter = (n: number) => String.fromCharCode(96 + n);
          const label = l === 0 ? `${shown(0)}.` : l === 1 ? `${letter(shown(1))})` : `${shown(0)}.${letter(shown(1))}.${shown(2)}.`;
          return `${label} Đoạn ${i}`;
        });
        expect(text.split('\n').filter(Boolean)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('a damaged file is read or refused with a DocxError, never anything else', async () => {
    const good = await quyetDinhDocx();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: good.length - 1 }), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }), fc.nat({ max: good.length }), async (flips, cut) => {
        const bytes = good.slice(0, Math.max(4, cut));
        for (const f of flips) if (f.at < bytes.length) bytes[f.at] = f.byte;
        const outcome = await readDocx(bytes).then(
          (r) => typeof r.text === 'string',
          (e: unknown) => e instanceof DocxError,
        );
        expect(outcome).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
