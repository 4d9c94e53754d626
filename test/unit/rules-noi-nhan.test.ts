import { describe, it } from 'vitest';
import { CONG_VAN, QD } from '../helpers/documents.ts';
import { runCase, type RuleCase } from '../helpers/rules.ts';

describe('noi-nhan/format', () => {
  const cases: RuleCase[] = [
    { name: 'well-formed Quyết định', text: QD, vi: [] },
    { name: 'well-formed Công văn', text: CONG_VAN, vi: [] },
    { name: 'a line without its ";"', text: QD.replace('- Như Điều 2;', '- Như Điều 2'), vi: ['Dòng Nơi nhận “- Như Điều 2” không có dấu kết thúc: cần “;”'], en: ['Nơi nhận line “- Như Điều 2” has no closing mark: expected “;”'], fixed: QD },
    { name: 'a line ending with ","', text: QD.replace('- Như Điều 2;', '- Như Điều 2,'), vi: ['kết thúc bằng “,”: cần “;”'], fixed: QD },
    { name: 'the Lưu line ending with ";"', text: QD.replace('- Lưu: VT, VP.', '- Lưu: VT, VP;'), vi: ['Dòng cuối của Nơi nhận “- Lưu: VT, VP;” kết thúc bằng “;”: cần “.”'], fixed: QD },
    { name: 'an en-dash bullet', text: QD.replace('- Bộ trưởng (để báo cáo);', '– Bộ trưởng (để báo cáo);'), vi: ['phải bắt đầu bằng dấu gạch ngang'], fixed: QD },
    { name: 'a group heading ending with ":" is fine', text: QD.replace('- Bộ trưởng (để báo cáo);', '- Lãnh đạo Bộ:'), vi: [] },
    { name: 'drafter initials run onto the Lưu line by a converter', text: QD.replace('- Lưu: VT, VP.', '- Lưu: VT, VP (2b).Q'), vi: [] },
    // A recipient typed without its dash stays in the list (it used to end it, and the lines after it went unchecked).
    { name: 'a line without its dash', text: QD.replace('- Bộ trưởng (để báo cáo);', 'Bộ trưởng (để báo cáo);'), vi: ['Dòng Nơi nhận “Bộ trưởng (để báo cáo);” phải bắt đầu bằng dấu gạch ngang “-”'], en: ['must start with a dash “-”'], fixed: QD },
    { name: 'the Lưu line without its dash', text: QD.replace('- Lưu: VT, VP.', 'Lưu: VT, VP.'), vi: ['Dòng Nơi nhận “Lưu: VT, VP.” phải bắt đầu bằng dấu gạch ngang “-”'], fixed: QD },
    { name: 'a dash-less line and a missing ";" after it are both seen', text: QD.replace('- Bộ trưởng (để báo cáo);', 'Bộ trưởng (để báo cáo);').replace('- Như Điều 2;', '- Như Điều 2'), vi: ['không có dấu kết thúc', 'phải bắt đầu bằng dấu gạch ngang'], fixed: QD },
    // bulk-tvpl 0149: the signature title runs onto a footnote that ends with ";" — not a recipient after "- Lưu".
    { name: 'a signature title run onto a footnote is not a recipient', text: QD.replace('KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG', 'CỤC TRƯỞNG (Ký tên, đóng dấu) (*) Thủ trưởng các đơn vị có liên quan;'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('noi-nhan/format', c));
});

describe('noi-nhan/luu', () => {
  const cases: RuleCase[] = [
    { name: 'with Lưu', text: QD, vi: [] },
    { name: 'without Lưu', text: QD.replace('- Bộ trưởng (để báo cáo);\n- Lưu: VT, VP.', '- Bộ trưởng (để báo cáo).'), vi: ['Nơi nhận (2 dòng) thiếu dòng cuối “- Lưu: VT, ‹đơn vị soạn thảo›.”'], en: ['has no last line “- Lưu: VT'] },
    { name: 'no Nơi nhận at all (a Luật) is not asked for one', text: QD.replace(/Nơi nhận:[\s\S]*?- Lưu: VT, VP\.\n/u, ''), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('noi-nhan/luu', c));
});
