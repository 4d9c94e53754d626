/** Hover content (Markdown, Vietnamese and English) and completion data for citations. */
import { describe, expect, it } from 'vitest';
import { completeCitation, hoverCitation } from '../../language-server/src/core/citations/hover.ts';
import { createRegistry, layerFromData, type EntryData } from '../../language-server/src/core/registry/index.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

const entries: EntryData[] = [
  {
    number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2022-09-12', title: 'quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ',
    status: 'het-hieu-luc-toan-bo', statusDate: '2025-03-01', relations: [{ kind: 'replaced-by', number: '25/2025/NĐ-CP', date: '2025-03-01' }],
    evidence: { dateIssued: [{ value: '2022-09-12', count: 7 }, { value: '2022-09-21', count: 1 }] },
  },
  { number: '30/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2020-03-05', title: 'Về công tác văn thư' },
  { number: '30/2021/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2021-03-26', title: 'sửa đổi, bổ sung một số điều của Nghị định số 99/2015/NĐ-CP' },
  { number: '300/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2020-12-01' },
  { number: '30/2020/TT-BTC', type: 'Thông tư', issuer: 'Bộ Tài chính', dateIssued: '2020-04-17' },
];
const registry = createRegistry([layerFromData({ format: 'vanban-registry', version: 1, entries }, 'test.json')]);

const text = `Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng của Bộ Nội vụ;
Điều 1. Theo khoản 2 Điều 5 Nghị định số 63/2022/NĐ-CP và Nghị định số 99/2021/NĐ-CP ngày 01/02/2021 của Chính phủ về thử nghiệm.
`;
const parse = parseDocument(text);
const at = (needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  return i + 2;
};

describe('hoverCitation', () => {
  it('a known document: number, issuer, title, dates with agreeing sources, status and what replaced it, other places', () => {
    const h = hoverCitation(parse, at('63/2022'), { registry })!;
    expect(h.markdown).toBe(
      [
        '**Nghị định số 63/2022/NĐ-CP** — Chính phủ',
        '',
        'quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ',
        '',
        '- Cơ quan ban hành: Chính phủ',
        '- Ngày ban hành: 12/9/2022 _(7 nguồn thống nhất; 1 nguồn ghi 21/9/2022)_',
        '- Tình trạng: **Hết hiệu lực toàn bộ** từ ngày 1/3/2025',
        '- Được thay thế bởi: 25/2025/NĐ-CP (1/3/2025)',
        '',
        'Được dẫn 2 lần trong văn bản này: dòng 2',
      ].join('\n'),
    );
    expect(text.slice(h.range.start, h.range.end)).toMatch(/^Nghị định số 63\/2022\/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ$/u);
  });

  it('English on request', () => {
    const h = hoverCitation(parse, at('63/2022'), { registry, lang: 'en' })!;
    expect(h.markdown).toContain('- Issued: 2022-09-12 _(7 sources agree; 1 sources say 2022-09-21)_');
    expect(h.markdown).toContain('- Status: **No longer in force** since 2025-03-01');
    expect(h.markdown).toContain('- Replaced by: 25/2025/NĐ-CP (2025-03-01)');
  });

  it('a pinpoint is shown; a short later citation borrows the full one', () => {
    const h = hoverCitation(parse, at('63/2022', 1), { registry })!;
    expect(h.markdown.split('\n').slice(0, 2)).toEqual(['**Nghị định số 63/2022/NĐ-CP** — Chính phủ', 'Dẫn chiếu: khoản 2 Điều 5']);
  });

  it('an unknown number: "Không có trong cơ sở dữ liệu", and what the text says', () => {
    const h = hoverCitation(parse, at('99/2021'), { registry })!;
    expect(h.markdown).toBe(
      ['**Nghị định số 99/2021/NĐ-CP** — Chính phủ', '', '_Không có trong cơ sở dữ liệu văn bản_', '', 'Văn bản này ghi: 1/2/2021 — về thử nghiệm'].join('\n'),
    );
  });

  it('nothing outside a citation', () => {
    expect(hoverCitation(parse, text.indexOf('Điều 1'), { registry })).toBeUndefined();
  });
});

describe('completeCitation', () => {
  it('"Nghị định số 30" offers the known numbers 30/… of that type with their full citation text', () => {
    const typed = 'Căn cứ Nghị định số 30';
    const c = completeCitation(typed, typed.length, { registry })!;
    expect(c.from).toBe(typed.length - 2);
    expect(c.type).toBe('Nghị định');
    expect(c.items.map((i) => i.label)).toEqual(['30/2020/NĐ-CP', '30/2021/NĐ-CP']);
    expect(c.items[0]).toEqual({
      label: '30/2020/NĐ-CP',
      detail: '5/3/2020 — Chính phủ',
      documentation: 'Về công tác văn thư',
      insertText: '30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư',
    });
  });

  it('a longer prefix narrows, another type is another list, nothing typed lists all of the type', () => {
    const t1 = 'theo Nghị định 30/2021';
    expect(completeCitation(t1, t1.length, { registry })!.items.map((i) => i.label)).toEqual(['30/2021/NĐ-CP']);
    const t2 = 'Thông tư số 30';
    expect(completeCitation(t2, t2.length, { registry })!.items.map((i) => i.label)).toEqual(['30/2020/TT-BTC']);
    const t3 = 'Nghị định số ';
    expect(completeCitation(t3, t3.length, { registry })!.items.length).toBe(4);
  });

  it('not after a type word: no completion', () => {
    expect(completeCitation('giai đoạn 2021 - 30', 19, { registry })).toBeUndefined();
  });
});
