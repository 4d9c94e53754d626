/**
 * Finding citations: one table row per form of issue 5 (type words, số ký hiệu
 * old and new, Party documents, both date forms, issuer phrases, trích yếu,
 * laws by name and date, amendment chains, short names, pinpoints, numbers
 * broken across a line), what must NOT be read as a citation, canonical keys
 * that survive NFD / "Ð" / dash variants / stray spaces, and the promise that
 * reading never throws and every range points into the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanNumberText, findCitations, findCitationsInText, numberKey, parseNumber, type Citation } from '../../language-server/src/core/citations/index.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

const one = (text: string): Citation => {
  const cs = findCitationsInText(text);
  expect(cs, text).toHaveLength(1);
  return cs[0];
};

describe('type words and numbers', () => {
  const rows: [string, string, string][] = [
    ['Nghị định số 63/2022/NĐ-CP', 'Nghị định', '63/2022/NĐ-CP'],
    ['Quyết định số 971/QĐ-BNV', 'Quyết định', '971/QĐ-BNV'],
    ['Luật số 64/2025/QH15', 'Luật', '64/2025/QH15'],
    ['Nghị quyết số 1157/NQ-UBTVQH15', 'Nghị quyết', '1157/NQ-UBTVQH15'],
    ['Công văn số 05/BNV-VP', 'Công văn', '05/BNV-VP'],
    ['Văn bản số 2739/VPCP-ĐMDN', 'Văn bản', '2739/VPCP-ĐMDN'],
    ['Nghị định 404-CP', 'Nghị định', '404-CP'],
    ['Chỉ thị số 299/TTg', 'Chỉ thị', '299/TTg'],
    ['Thông tư liên tịch số 22/2006/TTLT-BGDĐT-BNV', 'Thông tư liên tịch', '22/2006/TTLT-BGDĐT-BNV'],
    ['Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', 'Nghị quyết liên tịch', '102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN'],
    ['Văn bản hợp nhất số 470/VBHN-BLĐTBXH', 'Văn bản hợp nhất', '470/VBHN-BLĐTBXH'],
    ['Pháp lệnh số 28/2005/PL-UBTVQH11', 'Pháp lệnh', '28/2005/PL-UBTVQH11'],
    ['Kế hoạch số 12/KH-UBND', 'Kế hoạch', '12/KH-UBND'],
    ['Thông báo kết luận số 35/TB-VPCP', 'Thông báo kết luận', '35/TB-VPCP'],
    ['Lệnh số 08/2001/L-CTN', 'Lệnh', '08/2001/L-CTN'],
    ['Công điện số 1083/CĐ-TTg', 'Công điện', '1083/CĐ-TTg'],
    ['thông tư số 01/2024/TT-BNV', 'Thông tư', '01/2024/TT-BNV'],
    ['NGHỊ ĐỊNH SỐ 171/2016/NĐ-CP', 'Nghị định', '171/2016/NĐ-CP'],
  ];
  it.each(rows)('%s', (text, type, number) => {
    const c = one(text);
    expect(c.type?.canonical).toBe(type);
    expect(c.number?.canonical).toBe(number);
    expect(c.kind).toBe('document');
    expect(c.range).toEqual({ start: 0, end: text.length });
  });

  it('a number without a type word takes its type from the ký hiệu', () => {
    const c = one('theo 63/2022/NĐ-CP');
    expect(c.type).toMatchObject({ canonical: 'Nghị định', inferred: true });
    // A generic word stays as written: the ký hiệu says the rest.
    expect(one('các văn bản 45/2016/QĐ-TTg').type?.canonical).toBe('Văn bản');
  });

  it('a list shares nothing but each number is a citation', () => {
    const cs = findCitationsInText('các Nghị định số 24/2014/NĐ-CP, 37/2014/NĐ-CP và 107/2020/NĐ-CP');
    expect(cs.map((c) => c.number?.canonical)).toEqual(['24/2014/NĐ-CP', '37/2014/NĐ-CP', '107/2020/NĐ-CP']);
  });
});

describe('Party documents are their own kind', () => {
  it.each([
    ['Nghị quyết số 27-NQ/TW', '27-NQ/TW', 'Nghị quyết'],
    ['Kết luận số 48/KL-TW', '48-KL/TW', 'Kết luận'],
    ['Chỉ thị số 52-CT/TW', '52-CT/TW', 'Chỉ thị'],
    ['Nghị quyết số 10-NQ/BCSĐ', '10-NQ/BCSĐ', 'Nghị quyết'],
    ['Kế hoạch số 33-KH/TU', '33-KH/TU', 'Kế hoạch'],
    ['Nghị quyết số 19- NQ/TW', '19-NQ/TW', 'Nghị quyết'],
  ])('%s', (text, number, type) => {
    const c = one(text);
    expect(c.kind).toBe('party');
    expect(c.number?.canonical).toBe(number);
    expect(c.type?.canonical).toBe(type);
  });
});

describe('dates', () => {
  it.each([
    ['Nghị định số 63/2022/NĐ-CP ngày 12/9/2022', '2022-09-12', 'numeric', true],
    ['Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022', '2022-09-12', 'words', true],
    ['Nghị định số 63/2022/NĐ-CP ngày 12 tháng\n9 năm 2022', '2022-09-12', 'words', true],
    ['Nghị định số 63/2022/NĐ-CP ngày 12-9-2022', '2022-09-12', 'numeric', true],
    ['Nghị định số 63/2022/NĐ-CP, ngày 05/3/2022', '2022-03-05', 'numeric', true],
    ['Nghị định số 63/2022/NĐ-CP ngày 31/02/2022', '2022-02-31', 'numeric', false],
    ['Nghị định số 63/2022/NĐ-CP ngày 12 tháng 13 năm 2022', '2022-13-12', 'words', false],
  ])('%s', (text, iso, form, valid) => {
    expect(one(text).date).toMatchObject({ iso, form, valid });
  });
});

describe('issuers', () => {
  it.each([
    ['Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ', 'Chính phủ', ['CP']],
    ['Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ', 'Thủ tướng Chính phủ', ['TTg']],
    ['Quyết định số 1091/QĐ-BNV ngày 06/10/2021 của Bộ trưởng Bộ Nội vụ', 'Bộ trưởng Bộ Nội vụ', ['BNV']],
    ['Thông tư số 36/2017/TT-BLĐTBXH ngày 29/12/2017 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội', 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội', ['BLĐTBXH']],
    ['Thông tư số 01/2025/TT-NHNN của Thống đốc Ngân hàng Nhà nước Việt Nam', 'Thống đốc Ngân hàng Nhà nước Việt Nam', ['NHNN']],
    ['Nghị quyết số 1157/NQ-UBTVQH15 ngày 28/8/2024 của Ủy ban Thường vụ Quốc hội', 'Ủy ban Thường vụ Quốc hội', ['UBTVQH']],
    ['Quyết định số 12/2024/QĐ-UBND ngày 01/02/2024 của Ủy ban nhân dân tỉnh Điện Biên', 'Ủy ban nhân dân tỉnh Điện Biên', ['UBND']],
    ['Nghị quyết số 69/2017/NQ-HĐND của Hội đồng nhân dân tỉnh Điện Biên', 'Hội đồng nhân dân tỉnh Điện Biên', ['HĐND']],
    ['Kết luận số 48-KL/TW ngày 30/01/2023 của Bộ Chính trị', 'Bộ Chính trị', ['TW']],
    ['Quyết định 201-CP ngày 01 tháng 7 năm 1980 của Hội đồng Chính phủ', 'Hội đồng Chính phủ', ['CP']],
    ['Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của \nChính phủ', 'Chính phủ', ['CP']],
  ])('%s', (text, name, codes) => {
    expect(one(text).issuer).toMatchObject({ name, codes });
  });

  it('an unknown body is kept by name, without codes', () => {
    expect(one('Công văn số 12/TCT-CS của Tổng cục Thuế về việc hoàn thuế').issuer).toMatchObject({ name: 'Tổng cục Thuế', codes: [] });
  });
});

describe('trích yếu', () => {
  it.each([
    ['Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Nội vụ;', 'quy định chức năng, nhiệm vụ của Bộ Nội vụ'],
    ['Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về việc đẩy mạnh cải cách hành chính (Chỉ thị số 23/CT-TTg)', 'về việc đẩy mạnh cải cách hành chính'],
    ['Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể, Chỉ thị số 23/CT-TTg', 'ban hành Chương trình tổng thể'],
    ['Nghị định số 24/2014/NĐ-CP ngày 04/4/2014 quy định tổ chức các cơ quan chuyên môn cấp tỉnh.', 'quy định tổ chức các cơ quan chuyên môn cấp tỉnh'],
    ['Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ;', 'sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP'],
  ])('%s', (text, title) => {
    expect(findCitationsInText(text)[0].title?.text).toBe(title);
  });

  it('no trích yếu after "của Chính phủ, đồng thời …" or a sentence end', () => {
    expect(findCitationsInText('theo Quyết định 201-CP ngày 01/7/1980 của Hội đồng Chính phủ, đồng thời để xây dựng')[0].title).toBeUndefined();
    expect(findCitationsInText('theo Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ. Các bộ')[0].title).toBeUndefined();
  });
});

describe('laws by name and date', () => {
  it.each([
    ['Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', 'Tổ chức Chính phủ', 'luật tổ chức chính phủ|2015'],
    ['Căn cứ Bộ luật Hình sự năm 2015;', 'Hình sự', 'bộ luật hình sự|2015'],
    ['theo Luật Thanh tra năm 2022 và', 'Thanh tra', 'luật thanh tra|2022'],
    ['quy định của Luật Cán bộ, công chức và Luật Viên chức', 'Cán bộ, công chức', 'luật cán bộ, công chức'],
    ['Căn cứ Luật Khoa học và Công nghệ ngày 18 tháng 6 năm 2013;', 'Khoa học và Công nghệ', 'luật khoa học và công nghệ|2013'],
    ['Căn cứ Luật ban hành văn bản quy phạm pháp luật ngày 22/6/2015;', 'ban hành văn bản quy phạm pháp luật', 'luật ban hành văn bản quy phạm pháp luật|2015'],
    ['Căn cứ Luật Phòng, chống tham nhũng ngày 20 tháng 11 năm 2018;', 'Phòng, chống tham nhũng', 'luật phòng, chống tham nhũng|2018'],
  ])('%s', (text, name, key) => {
    const c = findCitationsInText(text)[0];
    expect(c.kind).toBe('law');
    expect(c.name?.text).toBe(name);
    expect(c.key).toBe(key);
  });

  it('"Luật Cán bộ, công chức và Luật Viên chức" are two laws', () => {
    expect(findCitationsInText('quy định của Luật Cán bộ, công chức và Luật Viên chức.').map((c) => c.name?.text)).toEqual(['Cán bộ, công chức', 'Viên chức']);
  });

  it('an amending law is named through the laws it amends', () => {
    const cs = findCitationsInText(
      'Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở và Luật Các tổ chức tín dụng ngày 29 tháng 6 năm 2024;',
    );
    expect(cs.map((c) => [c.name?.text, c.date?.iso])).toEqual([
      ['Đất đai', '2024-01-18'],
      ['sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở và Luật Các tổ chức tín dụng', '2024-06-29'],
    ]);
  });

  it('a law named with its number is a document citation that keeps the name', () => {
    const c = one('Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13');
    expect(c).toMatchObject({ kind: 'document', key: '80/2015/QH13' });
    expect(c.name?.text).toBe('Ban hành văn bản quy phạm pháp luật');
  });

  it('"(sửa đổi)" marks a draft', () => {
    expect(findCitationsInText('như: Luật Tổ chức Chính\nphủ (sửa đổi); Luật')[0]).toMatchObject({ draft: true, key: 'luật tổ chức chính phủ' });
  });

  it('Hiến pháp', () => {
    expect(findCitationsInText('Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;')[0]).toMatchObject({ kind: 'law', key: 'hiến pháp' });
  });
});

describe('amendment chains', () => {
  it('"được sửa đổi, bổ sung bởi" links the amending documents', () => {
    const cs = findCitationsInText('Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;');
    expect(cs.map((c) => c.number?.canonical)).toEqual(['64/2025/QH15', '87/2025/QH15']);
    expect(cs[0].amendedBy).toEqual([1]);
    expect(cs[1].amends).toBe(0);
  });

  it('several amending decrees, after a trích yếu', () => {
    const cs = findCitationsInText(
      'Căn cứ Nghị định số 40/2025/NĐ-CP của Chính phủ quy định chức năng của Bộ Công Thương, được sửa đổi, bổ sung bởi Nghị định số 109/2025/NĐ-CP và Nghị định số 193/2025/NĐ-CP;',
    );
    expect(cs[0].title?.text).toBe('quy định chức năng của Bộ Công Thương');
    expect(cs[0].amendedBy).toEqual([1, 2]);
  });

  it('"(được sửa đổi, bổ sung tại …)"', () => {
    const cs = findCitationsInText('Nghị định số 24/2014/NĐ-CP ngày 04/4/2014 quy định tổ chức (được sửa đổi, bổ sung tại Nghị định số 107/2020/NĐ-CP ngày 14/9/2020) và Nghị định số 37/2014/NĐ-CP');
    expect(cs[0].amendedBy).toEqual([1]);
    expect(cs[2].amends).toBeUndefined();
  });
});

describe('the relation phrase before a citation', () => {
  it.each([
    ['Nghị định này thay thế Nghị định số 15/2020/NĐ-CP', 'thay thế'],
    ['bãi bỏ khoản 2 Điều 5\nThông tư số 12/2019/TT-BTC', 'bãi bỏ'],
    ['quy định chi tiết một số điều của Luật số 12/2019/QH14', 'quy định chi tiết một số điều của'],
    ['hướng dẫn   thi hành Nghị định số 15/2020/NĐ-CP', 'hướng dẫn thi hành'],
    ['theo Nghị định số 15/2020/NĐ-CP', undefined],
    ['thế Nghị định số 15/2020/NĐ-CP', undefined],
  ])('%s', (text, relation) => {
    expect(findCitationsInText(text)[0].relation).toBe(relation);
  });

  it('"." or ";" ends the text a phrase is read from; blanks and line breaks are folded', () => {
    expect(findCitationsInText('thay thế. Nghị định số 15/2020/NĐ-CP')[0].relation).toBeUndefined();
    expect(findCitationsInText('thay thế; khoản 2 Nghị định số 15/2020/NĐ-CP')[0].relation).toBeUndefined();
    expect(findCitationsInText('Điều 5. Bãi bỏ; nay\n  sửa \t đổi,\n bổ sung khoản 2 Nghị định số 15/2020/NĐ-CP')[0].relation).toBe('sửa đổi, bổ sung');
  });

  // The phrase as the whole 120 units before each citation, folded, give it (the reading before the window was cut
  // after its last "." or ";").
  const PIECES = [
    'thay thế', 'bãi bỏ', 'sửa đổi, bổ sung', 'sửa\nđổi', 'được sửa đổi, bổ sung bởi', 'quy định chi tiết', 'hướng dẫn thi hành', 'hợp nhất',
    'các ', 'một số ', 'khoản 2 ', 'Điều 5', ' ', '  ', '\n', '\t', ', ', '.', ';', ' và ', 'abc', 'Mục 1', 'Bộ luật', 'x'.repeat(30),
    'Nghị định số 15/2020/NĐ-CP', 'Thông tư 12/2019/TT-BTC ',
  ];
  const RELATION_BEFORE =
    /(?<![\p{L}])(được thay thế bởi|bị thay thế bởi|thay thế cho|thay thế|bị bãi bỏ bởi|được bãi bỏ bởi|bãi bỏ|sửa đổi, bổ sung một số điều của|sửa đổi, bổ sung một số điều|sửa đổi, bổ sung|sửa đổi|quy định chi tiết(?: một số điều)?(?: và biện pháp thi hành)?(?: của)?|hướng dẫn(?: thi hành)?(?: một số điều)?(?: của)?|hợp nhất|được sửa đổi, bổ sung (?:bởi|tại|theo))[ \t,]*(?:(?:các|một số) )?(?:(?:điểm|khoản|Điều|Chương|Mục|Phần)[^;.]{0,60})?$/u;
  it('is what the pattern finds in the folded 120 units before the citation', () => {
    const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(texts, (t) => {
        for (const c of findCitationsInText(t)) {
          const before = t.slice(Math.max(0, c.range.start - 120), c.range.start).replace(/\s+/gu, ' ').trim();
          expect(c.relation, t).toBe(RELATION_BEFORE.exec(before)?.[1]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('short names', () => {
  it('"(sau đây gọi tắt là Nghị định số 115)" and its later uses', () => {
    const text =
      'Căn cứ Nghị định số 115/2015/NĐ-CP ngày 11/11/2015 của Chính phủ quy định chi tiết (sau đây gọi tắt là Nghị định số 115); Điều 2. Theo Nghị định số 115 và khoản 2 Điều 3 Nghị định số 115.';
    const cs = findCitationsInText(text);
    expect(cs[0].defines?.text).toBe('Nghị định số 115');
    const shorts = cs.filter((c) => c.kind === 'short');
    expect(shorts).toHaveLength(2);
    for (const s of shorts) {
      expect(s.shortOf).toBe(0);
      expect(s.key).toBe('115/2015/NĐ-CP');
      expect(text.slice(s.range.start, s.range.end)).toBe('Nghị định số 115');
    }
  });
});

describe('numbers broken across a line and written wrong', () => {
  it('"45/2016/QĐ-" ⏎ "TTg" is one citation', () => {
    const text = 'theo Quyết định số 45/2016/QĐ-\nTTg ngày 19/10/2016 của Thủ tướng Chính phủ';
    const c = one(text);
    expect(c.number).toMatchObject({ canonical: '45/2016/QĐ-TTg', problems: [{ kind: 'line-break' }] });
    expect(c.issuer?.codes).toEqual(['TTg']);
  });

  it.each([
    ['Nghị quyết số 76/NQ- CP', '76/NQ-CP', ['space']],
    ['Chỉ thị số 23/CT- TTg', '23/CT-TTg', ['space']],
    ['Chỉ thị số 27/CT-TTG', '27/CT-TTg', ['case']],
    ['Nghị định số 30/2020/NĐ–CP', '30/2020/NĐ-CP', ['dash']],
    ['Nghị định số 30 / 2020 / NĐ-CP', '30/2020/NĐ-CP', ['space']],
    ['Nghị định số 30/2020/Nđ-CP', '30/2020/NĐ-CP', ['case']],
  ])('%s', (text, canonical, kinds) => {
    const c = one(text);
    expect(c.number?.canonical).toBe(canonical);
    expect(c.number?.problems.map((p) => p.kind)).toEqual(kinds);
  });
});

describe('not citations', () => {
  it.each([
    'giai đoạn 2021 - 2030',
    'Tháng 12/2025',
    'ISO 9001:2015 .',
    'Mẫu số 01/ĐK',
    'theo quy định của pháp luật',
    'trình Quốc hội thông qua Luật và theo Chương trình xây dựng Luật, Pháp lệnh',
    'ban hành các Nghị định quy định chức năng',
    'DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT HẾT HIỆU LỰC',
    'Vụ Công chức - Viên chức',
    'Covid-19 và 81/100 nền kinh tế',
  ])('%s', (text) => {
    expect(findCitationsInText(text)).toEqual([]);
  });
});

describe('canonical keys', () => {
  it.each([
    ['63/2022/NĐ-CP', '63/2022/NĐ-CP'],
    ['63/2022/N\u0110-CP', '63/2022/NĐ-CP'],
    ['63/2022/N\u00d0-CP', '63/2022/NĐ-CP'],
    ['63/2022/ND\u0309-CP'.replace('D\u0309', 'Đ'), '63/2022/NĐ-CP'],
    ['63 / 2022 / NĐ – CP', '63/2022/NĐ-CP'],
    ['05/BNV-VP', '5/BNV-VP'],
    ['27/CT-TTG', '27/CT-TTG'],
    ['48/KL-TW', '48-KL/TW'],
  ])('%s', (raw, key) => {
    expect(numberKey(raw)).toBe(key.toUpperCase());
  });

  it('NFD, "Ð", dash variants and stray spaces never change the key (property)', () => {
    const numbers = ['63/2022/NĐ-CP', '971/QĐ-BNV', '1157/NQ-UBTVQH15', '36/2017/TT-BLĐTBXH', '22/2006/TTLT-BGDĐT-BNV', '27-NQ/TW'];
    const dashes = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];
    fc.assert(
      fc.property(fc.constantFrom(...numbers), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (n, r) => {
        let s = n.normalize(r[0] % 2 ? 'NFD' : 'NFC');
        if (r[1] % 2) s = s.replace(/Đ/gu, '\u00d0');
        s = s.replace(/-/gu, () => dashes[r[2]++ % dashes.length]);
        s = s.replace(/\//gu, () => [' / ', '/', ' /', '/ '][r[3]++ % 4]);
        return numberKey(s) === numberKey(n) && parseNumber(s)?.canonical === parseNumber(n)?.canonical;
      }),
    );
  });

  it('a ký hiệu already clean is kept as it is: what the full cleaning makes of it (property)', () => {
    // The full cleaning, as cleanNumberText does it for a text that is not plain.
    const full = (raw: string) => raw.normalize('NFC').replace(/\u00d0/gu, 'Đ').replace(/\u00f0/gu, 'đ').replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu, '-').replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/gu, '');
    // Every unit up to U+0300 (the plain ones and their edges), the first combining marks, dashes and spaces.
    const units = [...Array.from({ length: 0x308 }, (_, i) => String.fromCharCode(i)), '\u2010', '\u2212', '\u00a0', '\u2028', '\ufeff', 'Đ', 'ộ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (us) => {
        const raw = us.join('');
        expect(cleanNumberText(raw)).toBe(full(raw));
      }),
      { numRuns: 5000 },
    );
    // A base letter and the combining mark after it: not plain, composed.
    expect(cleanNumberText('63/2022/NÐ-CP')).toBe('63/2022/NĐ-CP');
    for (const mark of ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) expect(cleanNumberText(`1/QA${mark}`)).toBe(`1/QA${mark}`.normalize('NFC'));
    expect(cleanNumberText('1/QA\u0300')).toBe('1/QÀ');
  });

  it('the key of a whole citation survives the same variants in running text', () => {
    const a = one('Nghị định số 63/2022/NĐ-CP ngày 12/9/2022');
    const b = findCitations(parseDocument('Nghị định số 63 / 2022 / N\u00d0 – CP ngày 12/9/2022'.normalize('NFD')))[0];
    expect(b.key).toBe(a.key);
  });
});

describe('robustness', () => {
  const pieces = ['Nghị định', 'số', ' ', '\n', '63', '/', '2022', '-', 'NĐ', 'CP', 'ngày', '12/9/2022', 'của', 'Chính phủ', 'Luật', 'Tổ chức', '(sau đây gọi tắt là', ')', 'được sửa đổi, bổ sung bởi', 'TTg', 'QĐ', '–', 'Ð', '\u0301', ';', '.'];
  it('never throws; every range lies in the text and in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (ps) => {
        const text = ps.join(' ');
        const cs = findCitationsInText(text);
        for (const c of cs) {
          expect(c.range.start).toBeGreaterThanOrEqual(0);
          expect(c.range.end).toBeLessThanOrEqual(text.length);
          expect(c.range.start).toBeLessThanOrEqual(c.range.end);
        }
        return true;
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => Array.isArray(findCitations(parseDocument(s)))), { numRuns: 200 });
  });
});

describe('in a parsed document', () => {
  const doc = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-BNV
Hà Nội, ngày 05 tháng 01 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Quy chế làm việc
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng;
Theo đề nghị của Chánh Văn phòng Bộ.
QUYẾT ĐỊNH:
Điều 1. Thực hiện theo khoản 2 Điều 5 của Nghị định số 63/2022/NĐ-CP.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.
`;
  const cs = findCitations(parseDocument(doc));

  it('the own number is not a citation; context and pinpoint are set', () => {
    expect(cs.map((c) => [c.number?.canonical, c.context])).toEqual([
      ['63/2022/NĐ-CP', 'can-cu'],
      ['63/2022/NĐ-CP', 'text'],
    ]);
    expect(cs[1].pinpoint?.text).toBe('khoản 2 Điều 5');
    expect(doc.slice(cs[1].pinpoint!.range.start, cs[1].pinpoint!.range.end)).toBe('khoản 2 Điều 5');
  });

  it('each pinpoint goes to the citation right after it, among many; a line break in it is folded', () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0 ? `Thực hiện theo khoản ${i + 1}\n  Điều ${i + 2} của Nghị định số ${i + 10}/2022/NĐ-CP.` : `Theo Thông tư số ${i + 10}/2023/TT-BNV.`,
    );
    const many = doc.replace('Điều 1. Thực hiện theo khoản 2 Điều 5 của Nghị định số 63/2022/NĐ-CP.', `Điều 1. ${lines.join('\n')}`);
    const got = findCitations(parseDocument(many)).filter((c) => c.context === 'text');
    expect(got).toHaveLength(40);
    got.forEach((c, i) => expect(c.pinpoint?.text, c.number?.canonical).toBe(i % 3 === 0 ? `khoản ${i + 1} Điều ${i + 2}` : undefined));
  });

  it('ranges point into the original text when it is CRLF and NFD', () => {
    const crlf = doc.replace(/\n/gu, '\r\n').normalize('NFD');
    const c2 = findCitations(parseDocument(crlf));
    expect(c2).toHaveLength(2);
    expect(crlf.slice(c2[0].number!.range.start, c2[0].number!.range.end)).toBe('63/2022/NĐ-CP'.normalize('NFD'));
    expect(crlf.slice(c2[0].date!.range.start, c2[0].date!.range.end).normalize('NFC')).toBe('ngày 12 tháng 9 năm 2022');
  });
});
