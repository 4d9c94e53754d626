/**
 * The registry checks with a small registry written here (not the generated
 * embedded one): citation/registry-mismatch, citation/not-in-force,
 * can-cu/not-in-force and citation/unknown (off unless configured).
 */
import { describe, expect, it } from 'vitest';
import { createRegistry, layerFromData, type EntryData } from '../../language-server/src/core/registry/index.ts';
import { checkDocument, type CheckOptions } from '../../language-server/src/core/service.ts';
import { findCitationsInText } from '../../language-server/src/core/citations/index.ts';
import { resolveInDocument } from '../../language-server/src/core/rules/citation-registry.ts';
import { QD } from '../helpers/documents.ts';

const entries: EntryData[] = [
  { number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2022-09-12', title: 'quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ giai đoạn 2021 - 2025', status: 'het-hieu-luc-toan-bo', statusDate: '2025-03-01', relations: [{ kind: 'replaced-by', number: '25/2025/NĐ-CP' }], evidence: { dateIssued: [{ value: '2022-09-12', count: 7 }] } },
  { number: '25/2025/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2025-02-21', dateEffective: '2025-03-01' },
  { number: '30/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2020-03-05', status: 'con-hieu-luc' },
  { number: '01/2024/TT-BNV', type: 'Thông tư', issuer: 'Bộ Nội vụ', dateIssued: '2024-02-24', status: 'het-hieu-luc-toan-bo', relations: [{ kind: 'repealed-by', number: '09/2026/TT-BNV' }] },
  { number: '09/2026/TT-BNV', type: 'Thông tư', issuer: 'Bộ Nội vụ', dateIssued: '2026-01-10', dateEffective: '2026-03-01' },
];
const registry = createRegistry([layerFromData({ format: 'vanban-registry', version: 1, entries }, 'test.json')]);
const run = (text: string, code: string, options: CheckOptions = {}) =>
  checkDocument(text, { registry, ...options }).diagnostics.filter((d) => d.code === code).map((d) => d.message);

/** The test Quyết định dated 05/3/2025 (QD is dated 05/01/2024). */
const DOC = QD.replace('ngày 05 tháng 01 năm 2024', 'ngày 05 tháng 3 năm 2025');
const body = (s: string, doc = DOC) => doc.replace('Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Bộ Nội vụ.', `Điều 1. ${s}`);

describe('citation/registry-mismatch', () => {
  it.each([
    ['a date', 'Theo Nghị định số 30/2020/NĐ-CP ngày 05/4/2020 của Chính phủ.', ['Nghị định 30/2020/NĐ-CP: ngày ban hành “5/4/2020” khác với cơ sở dữ liệu văn bản (“5/3/2020”)']],
    ['an issuer', 'Theo Nghị định số 30/2020/NĐ-CP của Thủ tướng Chính phủ.', ['cơ quan ban hành “Thủ tướng Chính phủ” khác với cơ sở dữ liệu văn bản (“Chính phủ”)']],
    ['a number in the trích yếu', 'Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ giai đoạn 2021 - 2030.', ['trích yếu “… giai đoạn 2021 - 2030” khác với cơ sở dữ liệu văn bản (“… giai đoạn 2021 - 2025”)']],
    ['what agrees is silent', 'Theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ.', []],
  ])('%s', (_n, s, expected) => {
    const got = run(body(s), 'citation/registry-mismatch');
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(got[i]).toContain(e));
  });

  it('says how many sources agree, in English too', () => {
    // Without the căn cứ that states the right date (two dates in one text are citation/inconsistent's).
    const noCanCu = DOC.replace(/Căn cứ Nghị định số 63[^\n]*\n/u, '');
    const en = checkDocument(body('Theo Nghị định số 63/2022/NĐ-CP ngày 21/9/2022.', noCanCu), { registry, lang: 'en' }).diagnostics.filter((d) => d.code === 'citation/registry-mismatch');
    expect(en.map((d) => d.message)).toEqual(['Nghị định 63/2022/NĐ-CP: the date “21/9/2022” differs from the registry (“12/9/2022”, from 7 sources)']);
  });
});

describe('can-cu/not-in-force', () => {
  it('a căn cứ replaced before the document’s date', () => {
    expect(run(DOC, 'can-cu/not-in-force')).toEqual([
      'Nghị định 63/2022/NĐ-CP: hết hiệu lực toàn bộ từ ngày 1/3/2025 (được thay thế bởi 25/2025/NĐ-CP), trước ngày 5/3/2025',
    ]);
  });
  it('not before the date: silent', () => {
    expect(run(QD, 'can-cu/not-in-force')).toEqual([]);
  });
  it('a document that states no date is judged at today, which the message does not name (a golden list would change every day)', () => {
    const undated = DOC.replace(/[^\n]*ngày 05 tháng 3 năm 2025[^\n]*\n/u, '');
    expect(run(undated, 'can-cu/not-in-force')).toEqual([
      'Nghị định 63/2022/NĐ-CP: hết hiệu lực toàn bộ từ ngày 1/3/2025 (được thay thế bởi 25/2025/NĐ-CP), tính đến hôm nay (văn bản chưa ghi ngày ban hành)',
    ]);
    expect(checkDocument(undated, { registry, lang: 'en' }).diagnostics.filter((d) => d.code === 'can-cu/not-in-force').map((d) => d.message)).toEqual([
      'Nghị định 63/2022/NĐ-CP: no longer in force since 2025-03-01 (replaced by 25/2025/NĐ-CP), as of today (this document states no date)',
    ]);
  });
  it('--date sets the "as of" date', () => {
    expect(run(DOC, 'can-cu/not-in-force', { asOf: '2025-02-01' })).toEqual([]);
  });
  it('without a date for the end, nothing is claimed; the ending document’s own effective date counts', () => {
    const doc = DOC.replace('Theo đề nghị của', 'Căn cứ Thông tư số 01/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ trưởng Bộ Nội vụ;\nTheo đề nghị của');
    expect(run(doc, 'can-cu/not-in-force').filter((m) => m.includes('01/2024'))).toEqual([]);
    const later = doc.replace('ngày 05 tháng 3 năm 2025', 'ngày 05 tháng 4 năm 2026');
    expect(run(later, 'can-cu/not-in-force').filter((m) => m.includes('01/2024'))).toEqual([
      'Thông tư 01/2024/TT-BNV: hết hiệu lực toàn bộ từ ngày 1/3/2026 (bị bãi bỏ bởi 09/2026/TT-BNV), trước ngày 5/4/2026',
    ]);
  });
});

describe('citation/not-in-force', () => {
  it.each([
    ['applied after its end', 'Thực hiện theo quy định tại Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ.', 1],
    ['named as what was replaced', 'Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ được thay thế bởi Nghị định số 25/2025/NĐ-CP.', 0],
    ['a document in force', 'Thực hiện theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.', 0],
  ])('%s', (_n, s, n) => {
    const noCanCu = DOC.replace(/Căn cứ Nghị định số 63[^\n]*\n/u, '');
    expect(run(body(s, noCanCu), 'citation/not-in-force')).toHaveLength(n);
  });
});

describe('citation/unknown', () => {
  const text = body('Theo Nghị định số 99/2021/NĐ-CP ngày 01/02/2021 của Chính phủ.');
  it('is off by default', () => expect(run(text, 'citation/unknown')).toEqual([]));
  it('reports numbers the registry does not know when switched on', () => {
    expect(run(text, 'citation/unknown', { rules: { 'citation/unknown': 'hint' } })).toEqual(['Nghị định 99/2021/NĐ-CP: không có trong cơ sở dữ liệu văn bản']);
  });
});

describe('resolveInDocument', () => {
  it('answers a citation list once per registry and date, and afresh for another registry or date', () => {
    const cits = findCitationsInText('Theo Nghị định số 30/2020/NĐ-CP và Thông tư số 01/2024/TT-BNV, Nghị định số 99/2020/NĐ-CP.');
    const first = cits.map((c) => resolveInDocument(registry, c, cits, '2025-03-05'));
    expect(first.map((r) => r?.entry.number)).toEqual(['30/2020/NĐ-CP', '01/2024/TT-BNV', undefined]);
    cits.forEach((c, i) => expect(resolveInDocument(registry, c, cits, '2025-03-05')).toBe(first[i]));
    // Another registry (one without the Thông tư) is asked itself, not answered from the first.
    const other = createRegistry([layerFromData({ format: 'vanban-registry', version: 1, entries: [{ number: '30/2020/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2020-03-05' }] }, 'other.json')]);
    expect(cits.map((c) => resolveInDocument(other, c, cits, '2025-03-05')?.entry.number)).toEqual(['30/2020/NĐ-CP', undefined, undefined]);
    expect(resolveInDocument(registry, cits[1], cits, '2025-03-05')?.entry.number).toBe('01/2024/TT-BNV');
    expect(resolveInDocument(registry, cits[0], cits, '2024-01-01')).not.toBe(first[0]);
  });

  it('tells laws of one name apart by date, year and name when the list names them many times', () => {
    const laws = createRegistry([
      layerFromData(
        {
          format: 'vanban-registry',
          version: 1,
          entries: [
            { number: '45/2013/QH13', type: 'Luật', title: 'ĐẤT ĐAI', dateIssued: '2013-11-29', status: 'het-hieu-luc-toan-bo' },
            { number: '31/2024/QH15', type: 'Luật', title: 'ĐẤT ĐAI', dateIssued: '2024-01-18' },
            { number: '27/2023/QH15', type: 'Luật', title: 'NHÀ Ở', dateIssued: '2023-11-27' },
          ],
        },
        'laws.json',
      ),
    ]);
    const text = 'Theo Luật Đất đai ngày 29 tháng 11 năm 2013, Luật Đất đai năm 2024, Luật Nhà ở năm 2023, Luật Đất đai năm 2024, Luật Đất đai ngày 29 tháng 11 năm 2013 và Bộ luật Đất đai năm 2024.';
    const cits = findCitationsInText(text);
    expect(cits.map((c) => resolveInDocument(laws, c, cits, '2025-03-05')?.entry.number)).toEqual([
      '45/2013/QH13', '31/2024/QH15', '27/2023/QH15', '31/2024/QH15', '45/2013/QH13', undefined,
    ]);
  });
});
