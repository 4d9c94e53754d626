import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { checkSoKyHieu, typeCodeOf } from '../../language-server/src/core/rules/header.ts';
import { CONG_VAN, KE_HOACH, QD } from '../helpers/documents.ts';
import { diagsOf, runCase, type RuleCase } from '../helpers/rules.ts';

const HEADER_CODES = ['header/quoc-hieu', 'header/so-ky-hieu', 'header/ky-hieu-loai', 'header/ngay-thang', 'header/ten-loai'];

describe('well-formed documents: no header finding', () => {
  it.each([
    ['Quyết định', QD],
    ['Công văn (no tên loại, V/v)', CONG_VAN],
    ['Kế hoạch', KE_HOACH],
    ['HOÀ and en-dashes', QD.replace('HÒA', 'HOÀ').replace('Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc')],
    ['tháng 3 has no zero, tháng 04 is tolerated', QD.replace('ngày 05 tháng 01', 'ngày 15 tháng 04')],
    ['VBQPPL number with year', QD.replace('15/QĐ-BNV', '12/2024/QĐ-TTg')],
    ['draft with blank number', QD.replace('Số: 15/QĐ-BNV', 'Số:      /QĐ-BNV')],
    ['a fragment with a lone "Số:" has no header', 'Căn cứ Nghị định số 30/2020/NĐ-CP;\nSố: 12/NĐ-CP ngày 05 tháng 01 năm 2025.\n'],
  ])('%s', (_name, text) => {
    expect(checkDocument(text).diagnostics.filter((d) => HEADER_CODES.includes(d.code)).map((d) => d.message)).toEqual([]);
  });
});

describe('header/quoc-hieu', () => {
  const cases: RuleCase[] = [
    {
      name: 'misspelled Quốc hiệu, fixed word by word',
      text: QD.replace('CHỦ NGHĨA', 'CHỦ NGHỈA'),
      vi: ['Quốc hiệu viết sai: “CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM”'],
      en: ['National title misspelled'],
      fixed: QD,
    },
    {
      name: 'lower-case Quốc hiệu',
      text: QD.replace('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Cộng hòa xã hội chủ nghĩa Việt Nam'),
      vi: ['Quốc hiệu viết sai'],
      fixed: QD,
    },
    {
      name: 'Tiêu ngữ without spaces around the dashes',
      text: QD.replace('Độc lập - Tự do - Hạnh phúc', 'Độc lập-Tự do-Hạnh phúc'),
      vi: ['Tiêu ngữ viết sai: “Độc lập-Tự do-Hạnh phúc”, đúng là “Độc lập - Tự do - Hạnh phúc”'],
      fixed: QD,
    },
    {
      name: 'Quốc hiệu and Tiêu ngữ missing',
      text: QD.replace('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n', ''),
      vi: ['Thiếu Quốc hiệu', 'Thiếu Tiêu ngữ'],
      en: ['National title “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” is missing', 'Motto'],
    },
  ];
  it.each(cases)('$name', (c) => runCase('header/quoc-hieu', c));
});

describe('header/so-ky-hieu', () => {
  const cases: RuleCase[] = [
    { name: 'number below 10 without 0', text: QD.replace('15/QĐ-BNV', '5/QĐ-BNV'), vi: ['số nhỏ hơn 10 thiếu số 0 ở trước: nên là “05/QĐ-BNV”'], fixed: QD.replace('15/QĐ-BNV', '05/QĐ-BNV') },
    { name: 'spaces inside', text: QD.replace('15/QĐ-BNV', '15/QĐ- BNV'), vi: ['có dấu cách bên trong'], en: ['has spaces inside'], fixed: QD },
    { name: 'lower-case ký hiệu', text: QD.replace('15/QĐ-BNV', '15/qđ-bnv'), vi: ['ký hiệu phải viết in hoa'], fixed: QD },
    { name: 'mixed-case table codes keep their case', text: QD.replace('15/QĐ-BNV', '15/TTR-BNV'), vi: ['in hoa: nên là “15/TTr-BNV”'], fixed: QD.replace('15/QĐ-BNV', '15/TTr-BNV') },
    { name: 'en-dash between groups', text: QD.replace('15/QĐ-BNV', '15/QĐ–BNV'), vi: ['gạch nối'], fixed: QD },
    { name: 'missing "Số:" line', text: QD.replace('Số: 15/QĐ-BNV\n', ''), vi: ['Thiếu số, ký hiệu văn bản'] },
    {
      name: 'a văn bản hợp nhất has its số in the XÁC THỰC block at the end',
      text: QD.replace('Số: 15/QĐ-BNV\n', '') + 'XÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 470/VBHN-BNV\n',
      vi: [],
    },
    { name: 'a pre-2005 number keeps its old form', text: QD.replace('15/QĐ-BNV', '61-CP').replace('năm 2024', 'năm 1994'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('header/so-ky-hieu', c));

  it.each([
    ['971/QĐ-BNV', [], '971/QĐ-BNV'],
    ['247/2025/NĐ-CP', [], '247/2025/NĐ-CP'],
    ['7/2025/nđ-cp', ['zero', 'case'], '07/2025/NĐ-CP'],
    ['971-QĐ-BNV', ['shape'], '971-QĐ-BNV'],
  ] as const)('checkSoKyHieu(%s)', (raw, problems, fixed) => {
    const r = checkSoKyHieu(raw);
    expect(r.problems).toEqual(problems);
    if (!problems.includes('shape' as never)) expect(r.fixed).toBe(fixed);
  });
});

describe('header/ky-hieu-loai', () => {
  const cases: RuleCase[] = [
    { name: 'KH above QUYẾT ĐỊNH', text: QD.replace('15/QĐ-BNV', '12/KH-BNV'), vi: ['mang chữ viết tắt “KH” (kế hoạch) nhưng tên loại là “QUYẾT ĐỊNH”: cần “QĐ”'], en: ['carries the type abbreviation “KH”'] },
    { name: 'no type code at all', text: QD.replace('15/QĐ-BNV', '12/BNV-VP'), vi: ['thiếu chữ viết tắt tên loại'] },
    { name: 'Nghị định with NĐ-CP', text: QD.replace('QUYẾT ĐỊNH\n', 'NGHỊ ĐỊNH\n').replace('15/QĐ-BNV', '63/2022/NĐ-CP'), vi: [] },
    { name: 'Luật with a Quốc hội number', text: QD.replace('QUYẾT ĐỊNH\n', 'LUẬT\n').replace('Số: 15/QĐ-BNV', 'Luật số: 64/2025/QH15'), vi: [] },
    { name: 'QUY ĐỊNH with QyĐ', text: QD.replace('QUYẾT ĐỊNH\n', 'QUY ĐỊNH\n').replace('15/QĐ-BNV', '15/QyĐ-BNV'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('header/ky-hieu-loai', c));
  it('is an error', () => expect(diagsOf(QD.replace('15/QĐ-BNV', '12/KH-BNV'), 'header/ky-hieu-loai')[0].severity).toBe('error'));
  it.each([
    ['971/QĐ-BNV', 'QĐ'],
    ['64/2025/QH15', 'QH'],
    ['45/2024/UBTVQH15', 'QH'],
    ['2739/VPCP-ĐMDN', undefined],
    ['15/qyđ-BNV', 'QyĐ'],
  ])('typeCodeOf(%s) = %s', (k, code) => expect(typeCodeOf(k)).toBe(code));
});

describe('header/ngay-thang', () => {
  const cases: RuleCase[] = [
    { name: 'day below 10 without 0', text: QD.replace('ngày 05 tháng', 'ngày 5 tháng'), vi: ['“ngày 5” → “ngày 05”'], en: ['leading 0'], fixed: QD },
    { name: 'month 1 without 0', text: QD.replace('tháng 01', 'tháng 1'), vi: ['“tháng 1” → “tháng 01”'], fixed: QD },
    { name: 'both', text: QD.replace('ngày 05 tháng 01', 'ngày 5 tháng 2'), vi: ['“ngày 5” → “ngày 05”', '“tháng 2” → “tháng 02”'], fixed: QD.replace('ngày 05 tháng 01', 'ngày 05 tháng 02') },
    { name: 'missing comma after the place', text: QD.replace('Hà Nội, ngày', 'Hà Nội ngày'), vi: ['Thiếu dấu phẩy sau địa danh “Hà Nội”'], en: ['Missing comma after the place'], fixed: QD },
    { name: 'impossible date', text: QD.replace('ngày 05 tháng 01', 'ngày 31 tháng 02'), vi: ['Ngày không có thật'] },
    { name: '29/02 in a leap year is fine', text: QD.replace('ngày 05 tháng 01', 'ngày 29 tháng 02'), vi: [] },
    { name: 'missing date line', text: QD.replace('Hà Nội, ngày 05 tháng 01 năm 2024\n', ''), vi: ['Thiếu địa danh và thời gian ban hành'] },
    { name: 'a văn bản hợp nhất dates itself in the XÁC THỰC block', text: QD.replace('Hà Nội, ngày 05 tháng 01 năm 2024\n', '') + 'XÁC THỰC VĂN BẢN HỢP NHẤT\n', vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('header/ngay-thang', c));
});

describe('header/ten-loai', () => {
  const cases: RuleCase[] = [
    { name: 'a công văn is not asked for a tên loại', text: CONG_VAN, vi: [] },
    { name: 'a công văn without V/v', text: CONG_VAN.replace('V/v nâng bậc lương năm 2024\n', ''), vi: ['Công văn thiếu trích yếu “V/v …”'], en: ['no “V/v …” summary'] },
    { name: 'tên loại without trích yếu', text: QD.replace('Về việc ban hành Quy chế làm việc\nBỘ TRƯỞNG BỘ NỘI VỤ\n', ''), vi: ['Tên loại “QUYẾT ĐỊNH” thiếu trích yếu'] },
    { name: 'no tên loại line', text: QD.replace('QUYẾT ĐỊNH\nVề việc', 'Về việc'), vi: ['Thiếu tên loại văn bản'] },
  ];
  it.each(cases)('$name', (c) => runCase('header/ten-loai', c));
});
