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
  ];
  it.each(cases)('$name', (c) => runCase('noi-nhan/format', c));
  // Parser gap: a recipient line with no leading dash ("Bộ trưởng (để báo cáo);") ends the
  // noi-nhan node, so the rule never sees it. Expected: it stays a line of the Nơi nhận list.
  it.todo('a line without its dash gets "- " (needs the parser to keep dash-less recipient lines)');
});

describe('noi-nhan/luu', () => {
  const cases: RuleCase[] = [
    { name: 'with Lưu', text: QD, vi: [] },
    { name: 'without Lưu', text: QD.replace('- Bộ trưởng (để báo cáo);\n- Lưu: VT, VP.', '- Bộ trưởng (để báo cáo).'), vi: ['Nơi nhận (2 dòng) thiếu dòng cuối “- Lưu: VT, ‹đơn vị soạn thảo›.”'], en: ['has no last line “- Lưu: VT'] },
    { name: 'no Nơi nhận at all (a Luật) is not asked for one', text: QD.replace(/Nơi nhận:[\s\S]*?- Lưu: VT, VP\.\n/u, ''), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('noi-nhan/luu', c));
});
