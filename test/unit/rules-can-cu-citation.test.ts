/**
 * can-cu/lower-force and the legal-force level of what a căn cứ cites
 * (can-cu/order's own cases stay in rules-can-cu.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { documentForce, forceOfCitation } from '../../language-server/src/core/citations/force.ts';
import { findCitations, findCitationsInText, rememberCitations } from '../../language-server/src/core/citations/index.ts';
import { canCuLines } from '../../language-server/src/core/rules/can-cu-citation.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { runCase, type RuleCase } from '../helpers/rules.ts';

describe('legal force of a cited document (Luật 64/2025/QH15 Điều 4)', () => {
  it.each([
    ['Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;', 1],
    ['Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', 2],
    ['Căn cứ Bộ luật Hình sự năm 2015;', 2],
    ['Căn cứ Luật số 64/2025/QH15;', 2],
    ['Căn cứ Nghị quyết số 176/2025/QH15 của Quốc hội;', 2],
    ['Căn cứ Nghị quyết số 45/2024/UBTVQH15 của Ủy ban Thường vụ Quốc hội;', 3],
    ['Căn cứ Pháp lệnh số 28/2005/PL-UBTVQH11;', 3],
    ['Căn cứ Lệnh số 08/2001/L-CTN;', 4],
    ['Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022;', 5],
    ['Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021;', 5],
    ['Căn cứ Quyết định số 12/2024/QĐ-TTg ngày 31 tháng 7 năm 2024;', 6],
    ['Căn cứ Nghị quyết số 01/2019/NQ-HĐTP;', 7],
    ['Căn cứ Thông tư số 11/2024/TT-BNV;', 8],
    ['Căn cứ Thông tư liên tịch số 121/2010/TTLT-BTC-BLĐTBXH;', 9],
    ['Căn cứ Nghị quyết số 69/2017/NQ-HĐND;', 10],
    ['Căn cứ Quyết định số 12/2024/QĐ-UBND;', 11],
    ['Căn cứ văn bản số 12/2024/NĐ-CP;', 5],
    ['Căn cứ Quyết định số 1091/QĐ-BNV ngày 06 tháng 10 năm 2021;', undefined],
    ['Căn cứ Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021;', undefined],
    ['Căn cứ Nghị quyết số 27-NQ/TW;', undefined],
  ])('%s → %s', (line, level) => expect(forceOfCitation(findCitationsInText(line)[0])).toBe(level));

  it('of the document being checked', () => {
    const force = (head: string) => {
      const p = parseDocument(head);
      return documentForce(p.tree.docType, p.tree.children.find((c) => c.kind === 'header')?.header);
    };
    expect(force(TT.split('Căn cứ')[0])).toBe(8);
    expect(force(TT.split('Căn cứ')[0].replace('Số: 11/2024/TT-BNV', 'Số: 12/2024/NĐ-CP').replace('THÔNG TƯ', 'NGHỊ ĐỊNH'))).toBe(5);
  });
});

describe('canCuLines', () => {
  it('is read once per parse, and afresh when the parse is handed another citation list', () => {
    const p = parseDocument(TT);
    const first = canCuLines(p);
    expect(first.map((l) => l.citations.map((c) => c.number?.canonical ?? c.name?.text))).toEqual([['Lưu trữ'], ['63/2022/NĐ-CP']]);
    expect(canCuLines(p)).toBe(first);
    // The language service hands a parse the citations of an edit's reading (rememberCitations): those count.
    rememberCitations(p, findCitations(p).filter((c) => c.kind !== 'law'));
    const again = canCuLines(p);
    expect(again).not.toBe(first);
    expect(again.map((l) => l.citations.length)).toEqual([0, 1]);
    expect(canCuLines(parseDocument(TT))).toEqual(first);
  });
});

const TT = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 11/2024/TT-BNV
Hà Nội, ngày 18 tháng 10 năm 2024
THÔNG TƯ
Quy định về lưu trữ
Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Theo đề nghị của Cục trưởng Cục Văn thư và Lưu trữ nhà nước;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về lưu trữ.
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về lưu trữ.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 12 năm 2024.
`;
const addCanCu = (text: string, line: string) => text.replace('Theo đề nghị của', `${line}\nTheo đề nghị của`);

describe('can-cu/lower-force', () => {
  const cases: RuleCase[] = [
    { name: 'a Thông tư resting on a Luật and a Nghị định', text: TT, vi: [] },
    {
      name: 'a Thông tư resting on another Thông tư',
      text: addCanCu(TT, 'Căn cứ Thông tư số 01/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ trưởng Bộ Nội vụ;'),
      vi: ['Căn cứ “Thông tư 01/2024/TT-BNV” (Thông tư) có hiệu lực pháp lý ngang bằng văn bản này (Thông tư)'],
      en: ['has the same legal force than this document (Circular)'],
    },
    {
      name: 'a Nghị định resting on another Nghị định and on a Thông tư',
      text: addCanCu(TT.replace('Số: 11/2024/TT-BNV', 'Số: 12/2024/NĐ-CP').replace('THÔNG TƯ\n', 'NGHỊ ĐỊNH\n').replace('Bộ trưởng Bộ Nội vụ ban hành Thông tư', 'Chính phủ ban hành Nghị định'), 'Căn cứ Thông tư số 01/2024/TT-BNV;'),
      vi: ['Căn cứ “Nghị định 63/2022/NĐ-CP” (Nghị định, Nghị quyết của Chính phủ) có hiệu lực pháp lý ngang bằng', 'có hiệu lực pháp lý thấp hơn văn bản này (Nghị định, Nghị quyết của Chính phủ)'],
    },
    {
      name: 'a Chỉ thị is not a VBQPPL',
      text: addCanCu(TT, 'Căn cứ Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021 của Thủ tướng Chính phủ;'),
      vi: ['Căn cứ “Chỉ thị 23/CT-TTg” không phải là văn bản quy phạm pháp luật'],
    },
    { name: 'an individual Quyết định is not a VBQPPL', text: addCanCu(TT, 'Căn cứ Quyết định số 1091/QĐ-BNV ngày 06 tháng 10 năm 2021;'), vi: ['không phải là văn bản quy phạm pháp luật'] },
    { name: 'a Party resolution is not a VBQPPL', text: addCanCu(TT, 'Căn cứ Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017;'), vi: ['không phải là văn bản quy phạm pháp luật'] },
    {
      name: 'a văn bản hành chính (Quyết định cá biệt) is not held to it',
      text: addCanCu(TT.replace('Số: 11/2024/TT-BNV', 'Số: 15/QĐ-BNV').replace('THÔNG TƯ\n', 'QUYẾT ĐỊNH\n'), 'Căn cứ Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021;'),
      vi: [],
    },
  ];
  it.each(cases)('$name', (c) => runCase('can-cu/lower-force', c));
});
