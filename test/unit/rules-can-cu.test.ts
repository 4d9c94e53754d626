import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { CONG_VAN, KE_HOACH, QD } from '../helpers/documents.ts';
import { runCase, type RuleCase } from '../helpers/rules.ts';

const LAST = 'Theo đề nghị của Chánh Văn phòng Bộ.';
const ND = `CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 63/2022/NĐ-CP
Hà Nội, ngày 12 tháng 9 năm 2022
NGHỊ ĐỊNH
Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Nội vụ;
Chính phủ ban hành Nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ.
Điều 1. Vị trí và chức năng
Bộ Nội vụ là cơ quan của Chính phủ.
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày ký.
`;

describe('can-cu/punctuation', () => {
  const cases: RuleCase[] = [
    { name: 'well-formed Quyết định', text: QD, vi: [] },
    { name: 'ND78 form: every line ";" before "Chính phủ ban hành Nghị định …"', text: ND, vi: [] },
    {
      name: 'a căn cứ ending with "," is fixed to ";"',
      text: QD.replace('năm 2025;', 'năm 2025,'),
      vi: ['Căn cứ “Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025,” kết thúc bằng “,”: cần “;”'],
      en: ['ends with “,”: expected “;”'],
      fixed: QD,
    },
    { name: 'a căn cứ with no mark gets ";"', text: QD.replace('năm 2025;', 'năm 2025'), vi: ['không có dấu kết thúc: cần “;”'], fixed: QD },
    { name: 'the last line ending ";" gets "."', text: QD.replace(LAST, LAST.replace('.', ';')), vi: ['Dòng cuối của phần căn cứ “Theo đề nghị của Chánh Văn phòng Bộ;”'], fixed: QD },
    { name: 'the last line ending "," in a VBHC of 2024', text: QD.replace(LAST, LAST.replace('.', ',')), vi: ['cần “.”'], fixed: QD },
    { name: '"," before QUYẾT ĐỊNH: in a document older than ND30', text: QD.replace(LAST, LAST.replace('.', ',')).replace('năm 2024', 'năm 2015'), vi: [] },
    { name: 'a Kế hoạch has no căn cứ to check', text: KE_HOACH, vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('can-cu/punctuation', c));
});

describe('can-cu/order', () => {
  const swapped = QD.replace(
    'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;',
    'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;',
  );
  const cases: RuleCase[] = [
    { name: 'Luật before Nghị định', text: QD, vi: [] },
    { name: 'Luật after Nghị định', text: swapped, vi: ['Căn cứ “Căn cứ Luật Tổ chức Chính phủ', '(Luật, Bộ luật, Nghị quyết của Quốc hội) có hiệu lực pháp lý cao hơn'], en: ['has higher legal force'] },
  ];
  it.each(cases.slice(0, 1))('$name', (c) => runCase('can-cu/order', c));
  it('Luật after Nghị định: one info finding, pointing at the Luật, related to the Nghị định', () => {
    const ds = checkDocument(swapped).diagnostics.filter((d) => d.code === 'can-cu/order');
    expect(ds).toHaveLength(1);
    expect(ds[0].severity).toBe('info');
    expect(ds[0].message).toContain('(Luật, Bộ luật, Nghị quyết của Quốc hội) có hiệu lực pháp lý cao hơn');
    expect(swapped.slice(ds[0].range.start, ds[0].range.end)).toMatch(/^Căn cứ Luật Tổ chức Chính phủ/u);
    expect(swapped.slice(ds[0].related![0].range.start, ds[0].related![0].range.end)).toMatch(/^Căn cứ Nghị định số 63/u);
  });
});

describe('can-cu/missing-enactment', () => {
  const cases: RuleCase[] = [
    { name: 'Quyết định with QUYẾT ĐỊNH:', text: QD, vi: [] },
    { name: 'Nghị định with "Chính phủ ban hành Nghị định …"', text: ND, vi: [] },
    { name: 'Quyết định without QUYẾT ĐỊNH:', text: QD.replace('QUYẾT ĐỊNH:\n', ''), vi: ['Thiếu dòng ban hành “QUYẾT ĐỊNH:” giữa phần căn cứ và nội dung của quyết định'], en: ['No enactment line “QUYẾT ĐỊNH:”'] },
    { name: 'Nghị định without its enactment line', text: ND.replace(/Chính phủ ban hành Nghị định[^\n]*\n/u, ''), vi: ['Thiếu dòng ban hành “Chính phủ ban hành Nghị định …”'] },
    { name: 'Nghị định with QUYẾT ĐỊNH:', text: ND.replace(/Chính phủ ban hành Nghị định[^\n]*\n/u, 'QUYẾT ĐỊNH:\n'), vi: ['Dòng ban hành “QUYẾT ĐỊNH:” không hợp với tên loại “NGHỊ ĐỊNH”'] },
    { name: 'a Kế hoạch is not asked for one', text: KE_HOACH, vi: [] },
    { name: 'a Công văn is not asked for one', text: CONG_VAN, vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('can-cu/missing-enactment', c));
});
