/**
 * The citation/* rules, one table per rule: what fires (message fragments,
 * vi and en), what stays silent, and the fixes of citation/format.
 */
import { describe, expect, it } from 'vitest';
import { isHardWrapped, numberSubstitution } from '../../language-server/src/core/rules/citation.ts';
import { createRegistry } from '../../language-server/src/core/registry/index.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { QD } from '../helpers/documents.ts';
import { diagsOf, runCase, type RuleCase } from '../helpers/rules.ts';

/** The test Quyết định, dated 05/3/2025 (after the Luật it cites), with one more căn cứ line before "Theo đề nghị". */
const DOC = QD.replace('ngày 05 tháng 01 năm 2024', 'ngày 05 tháng 3 năm 2025');
const withCanCu = (line: string) => DOC.replace('Theo đề nghị của', `${line}\nTheo đề nghị của`);
/** The test Quyết định with a sentence in Điều 1. */
const withBody = (sentence: string) => DOC.replace('Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Bộ Nội vụ.', `Điều 1. ${sentence}`);

describe('citation/format', () => {
  const cases: RuleCase[] = [
    { name: 'well-formed', text: withBody('Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.'), vi: [] },
    {
      name: 'a space after the dash',
      text: withBody('Thực hiện Nghị quyết số 76/NQ- CP ngày 15/7/2021 của Chính phủ.'),
      vi: ['Số ký hiệu “76/NQ- CP” có dấu cách bên trong: viết “76/NQ-CP”'],
      en: ['Document number “76/NQ- CP” has spaces inside: write “76/NQ-CP”'],
      fixed: withBody('Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.'),
    },
    {
      name: 'TTG for TTg',
      text: withBody('Thực hiện Chỉ thị số 27/CT-TTG ngày 27/10/2023 của Thủ tướng Chính phủ.'),
      vi: ['Số ký hiệu “27/CT-TTG” sai chữ hoa, chữ thường: viết “27/CT-TTg”'],
      fixed: withBody('Thực hiện Chỉ thị số 27/CT-TTg ngày 27/10/2023 của Thủ tướng Chính phủ.'),
    },
    {
      name: 'an en dash',
      text: withBody('Thực hiện Nghị định số 30/2020/NĐ–CP ngày 05/3/2020 của Chính phủ.'),
      vi: ['dùng dấu gạch khác “-”: viết “30/2020/NĐ-CP”'],
      fixed: withBody('Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.'),
    },
    {
      name: 'spaces around the slashes',
      text: withBody('Thực hiện Nghị định số 30 / 2020 / NĐ-CP ngày 05/3/2020 của Chính phủ.'),
      vi: ['viết “30/2020/NĐ-CP”'],
      fixed: withBody('Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.'),
    },
    {
      name: 'broken across a line in an editor document: one citation, joined by the fix',
      text: withBody('Thực hiện Quyết định số 45/2016/QĐ-\nTTg ngày 19/10/2016 của Thủ tướng Chính phủ.'),
      vi: ['bị ngắt xuống dòng: viết “45/2016/QĐ-TTg”'],
      fixed: withBody('Thực hiện Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ.'),
    },
    { name: 'a Party number in its own form is not a slip', text: withBody('Thực hiện Kết luận số 48/KL-TW ngày 30/01/2023 của Bộ Chính trị.'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('citation/format', c));

  it('a hard-wrapped copy keeps its line breaks: only what is really wrong is reported', () => {
    const wrapped = Array.from({ length: 8 }, (_, i) => `dòng văn bản số ${i} được ngắt giữa câu khi sao chép từ cổng thông tin\nđiện tử của cơ quan nhà nước`).join('\n');
    expect(isHardWrapped(wrapped)).toBe(true);
    expect(isHardWrapped(DOC)).toBe(false);
    const text = withBody(`${wrapped}\ntheo Quyết định số 45/2016/QĐ-\nTTg ngày 19/10/2016 và Nghị quyết số 76/NQ- CP`);
    const ds = diagsOf(text, 'citation/format');
    expect(ds.map((d) => d.message)).toEqual(['Số ký hiệu “76/NQ- CP” có dấu cách bên trong: viết “76/NQ-CP”']);
  });

  it('text/spacing no longer reports a cited number (no double report)', () => {
    const text = withBody('Thực hiện Nghị quyết số 76/NQ- CP ngày 15/7/2021 của Chính phủ.');
    expect(diagsOf(text, 'text/spacing').filter((d) => d.message.includes('76/NQ- CP'))).toEqual([]);
  });
});

describe('citation/type-mismatch', () => {
  const cases: RuleCase[] = [
    {
      name: 'Nghị định with a QĐ-TTg number',
      text: withBody('Theo Nghị định số 45/2016/QĐ-TTg ngày 19/10/2016.'),
      vi: ['Gọi là “Nghị định” nhưng số ký hiệu “45/2016/QĐ-TTg” là của Quyết định'],
      en: ['Called “Nghị định” but the number “45/2016/QĐ-TTg” is that of a Quyết định'],
    },
    { name: 'Thông tư for a TTLT', text: withBody('Theo Thông tư 121/2010/TTLT-BTC-BLĐTBXH.'), vi: ['là của Thông tư liên tịch'] },
    { name: 'Nghị định with a Quốc hội number', text: withBody('Theo Nghị định số 64/2025/QH15.'), vi: ['là của Luật / Bộ luật / Nghị quyết / Hiến pháp'] },
    { name: 'Luật with a Quốc hội number', text: withBody('Theo Luật số 64/2025/QH15.'), vi: [] },
    { name: 'Nghị quyết of the UBTVQH', text: withBody('Theo Nghị quyết số 1157/NQ-UBTVQH15.'), vi: [] },
    { name: 'a generic "văn bản"', text: withBody('Theo văn bản số 45/2016/QĐ-TTg.'), vi: [] },
    { name: 'Thông báo kết luận with TB', text: withBody('Theo Thông báo kết luận số 35/TB-VPCP.'), vi: [] },
    { name: 'a Party Chỉ thị named Nghị quyết', text: withBody('Theo Nghị quyết số 52-CT/TW.'), vi: ['là của Chỉ thị'] },
  ];
  it.each(cases)('$name', (c) => runCase('citation/type-mismatch', c));
});

describe('citation/issuer-mismatch', () => {
  const cases: RuleCase[] = [
    {
      name: 'NĐ-CP of the Prime Minister',
      text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Thủ tướng Chính phủ.'),
      vi: ['Nêu cơ quan ban hành “Thủ tướng Chính phủ” nhưng số ký hiệu “63/2022/NĐ-CP” là của Chính phủ (CP)'],
      en: ['Names the issuer “Thủ tướng Chính phủ” but the number “63/2022/NĐ-CP” is that of Chính phủ (CP)'],
    },
    { name: 'QĐ-BNV of the Minister of Home Affairs', text: withBody('Theo Quyết định số 1091/QĐ-BNV ngày 06/10/2021 của Bộ trưởng Bộ Nội vụ.'), vi: [] },
    { name: 'QĐ-BNV of the Minister of Finance', text: withBody('Theo Quyết định số 1091/QĐ-BNV ngày 06/10/2021 của Bộ trưởng Bộ Tài chính.'), vi: ['là của Bộ Nội vụ (BNV)'] },
    { name: 'a joint circular of both ministries', text: withBody('Theo Thông tư liên tịch số 121/2010/TTLT-BTC-BLĐTBXH ngày 12/8/2010 của Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội.'), vi: [] },
    { name: 'Quốc hội and QH15', text: withBody('Theo Nghị quyết số 142/2024/QH15 ngày 29/6/2024 của Quốc hội.'), vi: [] },
    { name: 'the Chủ tịch for the UBND', text: withBody('Theo Quyết định số 12/2024/QĐ-UBND ngày 01/02/2024 của Chủ tịch Ủy ban nhân dân tỉnh Điện Biên.'), vi: [] },
    { name: 'an unknown body is not judged', text: withBody('Theo Công văn số 12/TCT-CS ngày 01/02/2024 của Tổng cục Thuế.'), vi: [] },
    {
      name: 'a merged ministry’s code dated after 01/3/2025',
      text: withBody('Theo Thông tư số 05/2025/TT-BLĐTBXH ngày 15/6/2025.'),
      vi: ['Bộ Lao động - Thương binh và Xã hội (BLĐTBXH) đã hợp nhất từ 01/3/2025 (Bộ Nội vụ (BNV))'],
    },
    { name: 'a merged ministry’s code dated before', text: withBody('Theo Thông tư số 01/2025/TT-BLĐTBXH ngày 10/01/2025.'), vi: [] },
    { name: 'a new ministry’s code dated before it existed', text: withBody('Theo Thông tư số 01/2024/TT-BNNMT ngày 10/01/2024.'), vi: ['chỉ có từ 01/3/2025'] },
  ];
  it.each(cases)('$name', (c) => runCase('citation/issuer-mismatch', c));
});

describe('citation/year-mismatch', () => {
  const cases: RuleCase[] = [
    {
      name: 'the year in the number against the date',
      text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2021 của Chính phủ.'),
      vi: ['Số ký hiệu “63/2022/NĐ-CP” mang năm 2022 nhưng ngày ban hành là 12/9/2021'],
      en: ['carries the year 2022 but the stated date is 12/9/2021'],
    },
    { name: 'matching', text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022.'), vi: [] },
    { name: 'a khóa that did not sit that year', text: withBody('Theo Luật số 64/2025/QH14.'), vi: ['Quốc hội khóa 14 không họp năm 2025'] },
    { name: 'an election year belongs to both terms', text: withBody('Theo Luật số 80/2015/QH13 và Luật số 63/2016/QH14.'), vi: [] },
    { name: 'a year-less number is not judged on its year', text: withBody('Theo Quyết định số 1091/QĐ-BNV ngày 06/10/2021.'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('citation/year-mismatch', c));
});

describe('citation/date-invalid', () => {
  const cases: RuleCase[] = [
    { name: '31/02', text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 31/02/2022.'), vi: ['Ngày “ngày 31/02/2022” không có thật'], en: ['The date “ngày 31/02/2022” does not exist'] },
    { name: 'month 13 in words', text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12 tháng 13 năm 2022.'), vi: ['không có thật'] },
    { name: '29/02 of a leap year', text: withBody('Theo Nghị định số 63/2024/NĐ-CP ngày 29/02/2024.'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('citation/date-invalid', c));
});

describe('citation/date-after-document', () => {
  const cases: RuleCase[] = [
    {
      name: 'cited document dated after this one (05/3/2025)',
      text: withBody('Theo Nghị định số 63/2025/NĐ-CP ngày 12/9/2025 của Chính phủ.'),
      vi: ['Văn bản được dẫn ghi ngày 12/9/2025, sau ngày ban hành của văn bản này (5/3/2025)'],
      en: ['after this document’s own date (5/3/2025)'],
    },
    { name: 'dated before', text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2022.'), vi: [] },
    { name: 'the same day', text: withBody('Theo Quyết định số 14/QĐ-BNV ngày 05/3/2025.'), vi: [] },
    { name: 'a Luật cited by name and date', text: withBody('Theo Luật Đất đai ngày 18 tháng 01 năm 2026.'), vi: ['ghi ngày 18/1/2026'] },
  ];
  it.each(cases)('$name', (c) => runCase('citation/date-after-document', c));
});

describe('citation/inconsistent', () => {
  const cases: RuleCase[] = [
    {
      name: 'two dates',
      text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 và Nghị định số 63/2022/NĐ-CP ngày 21/9/2022.'),
      vi: ['Nghị định 63/2022/NĐ-CP được dẫn với ngày ban hành “ngày 21/9/2022”, nhưng ở dòng 10 là “ngày 12 tháng 9 năm 2022”'],
      en: ['is cited with the date “ngày 21/9/2022”, but on line 10 with “ngày 12 tháng 9 năm 2022”'],
    },
    { name: 'the same date in both forms', text: withBody('Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2022; Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022.'), vi: [] },
    {
      name: 'two issuers',
      text: withBody('Theo Quyết định số 12/QĐ-BNV của Bộ trưởng Bộ Nội vụ; Quyết định số 12/QĐ-BNV của Bộ trưởng Bộ Tài chính.'),
      vi: ['với cơ quan ban hành “Bộ trưởng Bộ Tài chính”'],
    },
    {
      name: 'a trích yếu with another year range (seed 004)',
      text: withCanCu(
        'Căn cứ Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2023;',
      ).replace('Điều 1.', 'Điều 1. Thực hiện Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 (Chỉ thị số 23/CT-TTg).'),
      vi: ['Chỉ thị 23/CT-TTg được dẫn với trích yếu “… giai đoạn 2021 - 2030”, nhưng ở dòng 11 là “… giai đoạn 2021 - 2023”'],
    },
    {
      name: 'a shortened trích yếu is not a disagreement',
      text: withBody('Theo Nghị định số 63/2022/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ của Bộ Nội vụ; Nghị định số 63/2022/NĐ-CP của Chính phủ quy định chức năng.'),
      vi: [],
    },
  ];
  it.each(cases)('$name', (c) => runCase('citation/inconsistent', c));

  it.each([
    ['giai đoạn 2021 - 2030', 'giai đoạn 2021 - 2023', { here: '… giai đoạn 2021 - 2030'.replace('… ', ''), there: 'giai đoạn 2021 - 2023' }],
  ])('numberSubstitution(%s, %s)', (a, b) => {
    const r = numberSubstitution(`về thực hiện chương trình ${a}`, `về thực hiện chương trình ${b}`);
    expect(r?.here).toContain('2030');
    expect(r?.there).toContain('2023');
  });
  it.each([
    ['về thực hiện chương trình năm 2025', 'về thực hiện chương trình năm 2025 của Bộ'],
    ['về thực hiện chương trình năm 2025', 'về thực hiện kế hoạch năm 2025'],
    ['về thực hiện chương trình năm 2025', 'về tổ chức hội nghị năm 2024'],
  ])('no substitution: %s / %s', (a, b) => expect(numberSubstitution(a, b)).toBeUndefined());
});

describe('severity and codes', () => {
  it('error-severity rules are error, the others warning', () => {
    const text = withBody('Theo Nghị định số 45/2016/QĐ-TTg ngày 19/10/2015 của Thủ tướng Chính phủ và Nghị quyết số 76/NQ- CP.');
    // An empty registry: the registry checks are tested in rules-citation-registry.test.ts.
    const ds = checkDocument(text, { registry: createRegistry([]) }).diagnostics.filter((d) => d.code.startsWith('citation/'));
    expect(ds.map((d) => `${d.code} ${d.severity}`).sort()).toEqual([
      'citation/format warning',
      'citation/type-mismatch error',
      'citation/year-mismatch error',
    ]);
  });
});
