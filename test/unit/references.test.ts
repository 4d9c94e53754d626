import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { findReferences, findReferencesInText, NAMED_KINDS, nodeById, referencesOf, resolveReferences, sortedMember } from '../../language-server/src/core/references/index.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { DOC_WORDS, VALID_NUMBER, compoundAt, documentWordAt, joinerEndAt, keywordPlaces, leadWordBefore, numberAt, numberMayFollowAt, validNumber, type PartKind } from '../../language-server/src/core/references/find.ts';
import { scanText } from '../../language-server/src/core/rules/text-scan.ts';
import { SEED_004, corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

/** "điểm a,g khoản 3 mục II | điểm đ …" — chains as compact strings. */
function shape(text: string): string[] {
  return findReferencesInText(text).map((r) =>
    r.chains.map((c) => c.parts.map((p) => `${p.kind}:${p.range ? p.range.join('-') : p.relative ?? (p.attached ? 'attached' : p.numbers.join(','))}`).join(' ')).join(' | ')
    + (r.scope ? ` @${r.scope.kind}${r.scope.kind === 'this' ? ':' + r.scope.word : ''}` : ''));
}

describe('findReferencesInText: syntactic forms', () => {
  const cases: [string, string[]][] = [
    ['theo điểm a khoản 2 Điều 5.', ['diem:a khoan:2 dieu:5']],
    ['tại các điểm a, b và c khoản 1', ['diem:a,b,c khoan:1']],
    ['khoản 1, 2 và 4 Điều này', ['khoan:1,2,4 dieu:this']],
    ['các điểm a, g khoản 3 và đ khoản 4 mục II của Kế hoạch này', ['diem:a,g khoan:3 section:II | diem:đ khoan:4 section:II @this:Kế hoạch']],
    ['từ khoản 2 đến khoản 5', ['khoan:2-5']],
    ['từ Điều 7 đến Điều 12 của Nghị định này', ['dieu:7-12 @this:Nghị định']],
    ['khoản này', ['khoan:this']],
    ['điểm a khoản này', ['diem:a khoan:this']],
    ['các khoản trên', ['khoan:above']],
    ['Như Điều 3;', ['dieu:3']],
    ['(chi tiết tại Phụ lục kèm theo)', ['phu-luc:attached']],
    ['Phụ lục II kèm theo Quyết định này', ['phu-luc:II @this:Quyết định']],
    ['quy định tại Quy chế này và Điều 4 Quy chế này', ['dieu:4 @this:Quy chế']],
    ['Điều 146, các khoản 2 và 3 (tội dâm ô)', ['dieu:146 | khoan:2,3 dieu:146']],
    ['Mục 2 Chương III', ['muc:2 chuong:III']],
    ['theo điểm c, khoản 1 Điều 4 Thông tư 121/2010/TTLT-BTC', ['diem:c khoan:1 dieu:4 @external']],
    ['khoản 1 và khoản 2 Điều 10 Nghị định số 115/2015/NĐ-CP', ['khoan:1,2 dieu:10 @external']],
    ['các điểm a, b, c, d, đ hoặc e của khoản này', ['diem:a,b,c,d,đ,e khoan:this']],
    ['từ khoản 2 đến khoản 4 của Điều này', ['khoan:2-4 dieu:this']],
    ['điểm b khoản 1 của Điều 1 Luật số 76/2025/QH15', ['diem:b khoan:1 dieu:1 @external']],
    ['Điều 5 Luật sửa đổi, bổ sung một số điều', ['dieu:5 @external']],
    ['các điểm trên', ['diem:above']],
    ['những khoản nêu trên', ['khoan:above']],
    ['theo mẫu tại Phụ lục về Danh mục ngành', ['phu-luc:attached']],
    ['theo mẫu tại Phụ lục ban hành kèm Nghị định này', ['phu-luc:attached @this:Nghị định']],
    ['Phần thứ hai của Bộ luật này', ['phan:thứ hai @this:Bộ luật']],
    ['điểm a khoản 2, khoản 3 Điều 36', ['diem:a khoan:2 dieu:36 | khoan:3 dieu:36']],
    ['khoản 2.1 Điều 3', ['khoan:2.1 dieu:3']],
  ];
  it.each(cases)('%s', (text, expected) => expect(shape(text)).toEqual(expected));

  it('is not fooled by nouns: chấm điểm, mục tiêu, danh mục, điều kiện', () => {
    expect(shape('tự chấm điểm xác định mục tiêu, danh mục và điều kiện')).toEqual([]);
  });

  it.each([
    'tại thời điểm này',
    'đến đúng thời gian, địa điểm nêu trên',
    'chọn thời điểm trên giấy tờ',
    'các nội dung tại danh mục này',
    'quy định tại Tiểu mục 2 và tiểu mục này',
    'phần vốn thuộc sở hữu cổ phần này',
    'kê khai tại thành phần này',
    'hỗ trợ khoản 150.000 đồng',
  ])('"%s" holds no reference (compound nouns, amounts)', (text) => {
    expect(shape(text)).toEqual([]);
  });

  it('"điểm a.8" is not "điểm a"', () => {
    expect(shape('theo điểm a.8, khoản 3 Điều này')).toEqual(['khoan:3 dieu:this']);
  });

  it('says where each number is written, for lists and ranges', () => {
    const text = 'các điểm a, g khoản 3 và từ Điều 7 đến Điều 12';
    const parts = findReferencesInText(text).flatMap((r) => r.chains.flatMap((c) => c.parts));
    const written = parts.map((p) => p.numberRanges.map((r) => text.slice(r.start, r.end)));
    expect(written).toEqual([['a', 'g'], ['3'], ['7', '12']]);
  });

  it('classifies references naming another document as external, with the pinpoint', () => {
    const cases: [string, string, string][] = [
      ['theo khoản 2 Điều 251 của Luật Đất đai.', 'khoản 2 Điều 251', 'Luật Đất đai'],
      ['Điều 5 Nghị định số 63/2022/NĐ-CP ngày 12/9/2022', 'Điều 5', 'Nghị định số 63/2022/NĐ-CP'],
      ['khoản 1 và khoản 2 Điều 10 Nghị định số 115/2015/NĐ-CP', 'khoản 1 và khoản 2 Điều 10', 'Nghị định số 115/2015/NĐ-CP'],
    ];
    for (const [text, pin, doc] of cases) {
      const [r] = findReferencesInText(text);
      expect(r.scope).toEqual({ kind: 'external' });
      expect(r.external).toEqual({ pinpointText: pin, documentText: doc });
    }
  });

  // A quadratic scan would need minutes here: the 15 s timeout is a safety bound for a loaded CI machine, not a speed target (that is `npm run bench`).
  it('reads a 20,000-item list as one reference', () => {
    const text = 'khoản 1' + ', 1'.repeat(20000) + ' và';
    const [r] = findReferencesInText(text);
    expect(r.chains[0].parts[0].numbers).toHaveLength(20001);
    expect(r.chains[0].parts[0].numberRanges[20000]).toEqual({ start: text.length - 4, end: text.length - 3 });
  }, 15_000);
});

const DECISION = `BỘ NỘI VỤ
Số: 12/QĐ-BNV
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch năm 2025. Nội dung tại mục II của Kế hoạch.
Điều 2. Quy định chung
1. Khoản một.
2. Khoản hai, theo khoản 1 Điều này và khoản 1.
a) Việc a theo khoản 3.
b) Việc b theo điểm a khoản này và điểm m khoản 1 Điều 2.
Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này, trừ khoản 2 Điều 2 và Điều 9./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
KẾ HOẠCH
Năm 2025
(Ban hành kèm theo Quyết định số 12/QĐ-BNV)
I. MỤC ĐÍCH
1. Mục đích chung theo Điều 1 của Quyết định này.
II. NHIỆM VỤ
1. Nhiệm vụ một
a) Việc a.
b) Việc b theo điểm a khoản 1 mục II của Kế hoạch này và điểm c khoản 1 mục II của Kế hoạch này.
2. Nhiệm vụ hai theo khoản 1.
`;

describe('resolveReferences: scope rules', () => {
  const parse = parseDocument(DECISION);
  const res = resolveReferences(parse, findReferences(parse));
  const at = (phrase: string, nth = 0) => {
    const hits = res.filter((r) => DECISION.slice(r.reference.range.start, r.reference.range.end).replace(/\s+/g, ' ') === phrase);
    expect(hits.length, `"${phrase}" found`).toBeGreaterThan(nth);
    return hits[nth];
  };
  const cases: [string, number, string, string[]][] = [
    ['khoản 1 Điều này và khoản 1', 0, 'resolved', ['dieu_2/khoan_1', 'dieu_2/khoan_1']],
    ['khoản 3', 0, 'unresolved', []],
    ['điểm a khoản này và điểm m khoản 1 Điều 2', 0, 'unresolved', ['dieu_2/khoan_2/diem_a']],
    // Two sibling chains: "khoản 2 Điều 2" resolves, "Điều 9" does not.
    ['khoản 2 Điều 2 và Điều 9', 0, 'unresolved', ['dieu_2/khoan_2']],
    ['Như Điều 3', 0, 'resolved', ['dieu_3']],
    ['mục II của Kế hoạch', 0, 'resolved', ['attachment_1/section_II']],
    ['Điều 1 của Quyết định này', 0, 'resolved', ['dieu_1']],
    ['điểm a khoản 1 mục II của Kế hoạch này', 0, 'resolved', ['attachment_1/section_II/khoan_1/diem_a']],
    ['điểm c khoản 1 mục II của Kế hoạch này', 0, 'unresolved', []],
    ['khoản 1', 0, 'resolved', ['attachment_1/section_II/khoan_1']],
  ];
  it.each(cases)('%s (#%i) → %s %j', (phrase, nth, status, targets) => {
    const r = at(phrase, nth);
    expect(r.status).toBe(status);
    expect(r.targets).toEqual(targets);
  });

  it('says what was looked for and what exists', () => {
    const r = at('điểm c khoản 1 mục II của Kế hoạch này');
    expect(r.scope.vi).toBe('Kế hoạch này');
    expect(r.chains[0].missing).toMatchObject({ looked: 'điểm c khoản 1 mục II', parent: 'khoản 1', existing: ['a', 'b'] });
  });

  it('reports reference/unresolved with both languages', () => {
    const d = checkDocument(DECISION).diagnostics.filter((x) => x.code === 'reference/unresolved');
    expect(d.map((x) => x.message)).toContain('Kế hoạch này không có điểm c khoản 1 mục II; khoản 1 có các điểm a, b');
    const en = checkDocument(DECISION, { lang: 'en' }).diagnostics.filter((x) => x.code === 'reference/unresolved');
    expect(en.map((x) => x.message)).toContain('This Kế hoạch has no điểm c khoản 1 mục II; khoản 1 has điểm a, b');
    expect(d).toHaveLength(4);
  });

  it('ranges resolve to every unit and report the missing ones', () => {
    const p = parseDocument('QUYẾT ĐỊNH:\nĐiều 1. Một\nĐiều 2. Hai\nĐiều 3. Từ Điều 1 đến Điều 2 và từ Điều 2 đến Điều 4.\n');
    const rs = resolveReferences(p, findReferences(p));
    // One reference, two chains (a list of two ranges).
    expect(rs.map((r) => r.chains.map((c) => c.targets))).toEqual([[['dieu_1', 'dieu_2'], []]]);
    expect(rs[0].chains[1].missing?.looked).toBe('Điều 4');
  });

  it('text in quoted amendment content and amending instructions is about the amended document', () => {
    const p = parseDocument('QUYẾT ĐỊNH:\nĐiều 1. Sửa đổi, bổ sung một số điều\n1. Sửa đổi, bổ sung khoản 10 Điều 3 như sau:\n“10. Theo khoản 4 Điều 8 và Điều 12.”\nĐiều 2. Hiệu lực\n');
    const rs = resolveReferences(p, findReferences(p));
    expect(rs.length).toBeGreaterThan(0);
    expect(rs.every((r) => r.status === 'amended')).toBe(true);
  });

  // The statuses of the references of one line written into a small Nghị định with Điều 1–3 (Điều 2 has khoản 1–2).
  const SMALL = (line: string) => `NGHỊ ĐỊNH\nĐiều 1. Sửa đổi\n“Điều 9. Nội dung.”\n${line}\nĐiều 2. Hai\n1. Một.\n2. Hai.\nĐiều 3. Ba\n`;
  const statuses = (line: string) => {
    const text = SMALL(line);
    const p = parseDocument(text);
    const at = text.indexOf(line);
    return resolveReferences(p, findReferences(p))
      .filter((r) => r.reference.range.start >= at && r.reference.range.end <= at + line.length)
      .map((r) => `${text.slice(r.reference.range.start, r.reference.range.end)} @${r.status}`);
  };
  it.each([
    // Passive amending instructions: the verb after the reference (bulk-tvpl: "20. Điều 44 được sửa đổi, bổ sung như sau:").
    ['20. Điều 44 được sửa đổi, bổ sung như sau:', ['Điều 44 @amended']],
    ['21. Khoản 3 Điều 45 được bãi bỏ.', ['Khoản 3 Điều 45 @amended']],
    ['22. Điều 46 đã được thay thế.', ['Điều 46 @amended']],
    ['23. Điều 47 quy định về hồ sơ.', ['Điều 47 @unresolved']],
    // A list under its instruction (bulk-tvpl 0088: "a) Thay thế các cụm từ như sau:" ⏎ "- Cụm từ … tại …").
    ['24. Thay thế các cụm từ như sau:\n- Cụm từ “huyện” bằng cụm từ “xã” tại khoản 4 Điều 13;', ['khoản 4 Điều 13 @amended']],
    ['25. Các trường hợp sau đây:\n- Theo quy định tại khoản 4 Điều 13;', ['khoản 4 Điều 13 @unresolved']],
    // A document named after a list is the document of the whole list.
    ['a) Khoản 5 Điều 9; khoản 1 Điều 19; các Điều 21, 22 Nghị định số 101/2024/NĐ-CP;', ['Khoản 5 Điều 9 @external', 'khoản 1 Điều 19 @external', 'các Điều 21, 22 Nghị định số 101/2024/NĐ-CP @external']],
    ['b) Điều 2; Điều 30 của Luật Đất đai;', ['Điều 2 @external', 'Điều 30 của Luật Đất đai @external']],
    // Not a list: words between, or "này", or the next clause.
    ['c) Điều 30 quy định thủ tục; Điều 31 Luật Đất đai;', ['Điều 30 @unresolved', 'Điều 31 Luật Đất đai @external']],
    ['d) khoản 2 Điều 2 Nghị định này; Điều 31 Luật Đất đai;', ['khoản 2 Điều 2 Nghị định này @resolved', 'Điều 31 Luật Đất đai @external']],
  ])('%s', (line, expected) => {
    expect(statuses(line)).toEqual(expected);
  });
});

describe.skipIf(!hasCorpus)('seed 004 references', () => {
  const text = hasCorpus ? readCorpus(SEED_004) : '';
  const parse = parseDocument(text);
  const res = resolveReferences(parse, findReferences(parse));
  const internal = res.filter((r) => r.status !== 'external').map((r) => `${text.slice(r.reference.range.start, r.reference.range.end).replace(/\s+/g, ' ')} → ${r.status} ${r.targets.join(' ')}`);
  const S = 'attachment_1/section_II';

  it('lists each reference with its target', () => {
    expect(internal).toEqual([
      'Như Điều 3 → resolved dieu_3',
      'Phụ lục kèm theo → resolved phu_luc',
      `điểm h khoản 6 mục II của Kế hoạch này → resolved ${S}/khoan_6/diem_h`,
      `các điểm a, g khoản 3 và đ khoản 4 mục II của Kế hoạch này → resolved ${S}/khoan_3/diem_a ${S}/khoan_3/diem_g ${S}/khoan_4/diem_đ`,
      `các điểm a, b, c, g khoản 4 mục II của Kế hoạch này → resolved ${S}/khoan_4/diem_a ${S}/khoan_4/diem_b ${S}/khoan_4/diem_c ${S}/khoan_4/diem_g`,
      `điểm b khoản 3 mục II của Kế hoạch này → resolved ${S}/khoan_3/diem_b`,
      `các điểm c khoản 4 mục II của Kế hoạch này → resolved ${S}/khoan_4/diem_c`,
    ]);
  });

  it('the Nghị quyết 142 pinpoints in the PHỤ LỤC are external', () => {
    const ext = res.filter((r) => r.status === 'external');
    expect(ext.map((r) => r.reference.external?.documentText)).toEqual(['Nghị quyết số 142/2024/QH15', 'Nghị quyết số 142/2024/QH15']);
  });

  it('has no reference/* diagnostic', () => {
    expect(checkDocument(text).diagnostics.filter((d) => d.code.startsWith('reference/'))).toEqual([]);
  });
});

describe('resolveReferences: relative and duplicate forms', () => {
  const resolve = (text: string) => {
    const p = parseDocument(text);
    return resolveReferences(p, findReferences(p)).map((r) => ({ text: text.slice(r.reference.range.start, r.reference.range.end), status: r.status, targets: r.targets }));
  };
  const LAW = 'QUYẾT ĐỊNH:\nĐiều 1. Một\n1. Khoản một.\n2. Khoản hai.\n3. Các khoản trên áp dụng chung; khoản trên cũng vậy.\na) Điểm a.\nb) Điểm b theo các điểm trên.\nĐiều 2. Hai\nCác Điều trên có hiệu lực.\n';
  const cases: [string, string, string[]][] = [
    ['Các khoản trên', 'resolved', ['dieu_1/khoan_1', 'dieu_1/khoan_2']],
    ['khoản trên', 'resolved', ['dieu_1/khoan_2']],
    ['các điểm trên', 'resolved', ['dieu_1/khoan_3/diem_a']],
    ['Các Điều trên', 'resolved', ['dieu_1']],
  ];
  it.each(cases)('%s → %s %j', (phrase, status, targets) => {
    const r = resolve(LAW).find((x) => x.text === phrase);
    expect(r).toMatchObject({ status, targets });
  });

  it('"khoản trên" with nothing above is reported', () => {
    expect(resolve('QUYẾT ĐỊNH:\nĐiều 1. Một\n1. Như khoản trên.\n2. Hai.\n')[0]).toMatchObject({ status: 'unresolved' });
  });

  it('"Điều này" in a text without any Điều speaks of another text, it is not unresolved', () => {
    const rs = resolve('KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Theo khoản 2 Điều này của Luật.\n');
    expect(rs.map((r) => r.status)).toEqual(['external']);
  });

  it('"Phụ lục 2" names PHỤ LỤC II; "Chương 2" names Chương II', () => {
    const text = 'QUYẾT ĐỊNH:\nChương I\nCHUNG\nĐiều 1. Theo Phụ lục 2; theo Chương 2.\nChương II\nRIÊNG\nĐiều 2. Hai.\nPHỤ LỤC I\nMỘT\nNội dung.\nPHỤ LỤC II\nHAI\nNội dung.\n';
    expect(resolve(text).map((r) => r.targets)).toEqual([['phu_luc_II'], ['chuong_II']]);
  });

  it('with two khoản 2 (one just inserted), "khoản 2" means the one out of its place', () => {
    // 1, 2 (new), 2 (old), 3: the old khoản 2 is third — the renumbering makes it 3.
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Một\n1. Một.\n2. Mới.\n2. Cũ.\n3. Ba.\nĐiều 2. Theo khoản 2 Điều 1.\n';
    const p = parseDocument(text);
    const [r] = resolveReferences(p, findReferences(p));
    const node = p.tree.children.find((c) => c.kind === 'body')!.children[0].children.find((k) => k.id === r.targets[0])!;
    expect(text.slice(node.range.start, node.range.end)).toContain('Cũ');
  });

  it('names the node of every written number', () => {
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Một\n1. Một.\n2. Hai.\n3. Ba.\nĐiều 2. Theo khoản 1, 3 Điều 1 và từ khoản 1 đến khoản 3 Điều 1.\n';
    const p = parseDocument(text);
    const rs = resolveReferences(p, findReferences(p));
    const named = rs.flatMap((r) => r.chains.flatMap((c) => c.parts.flatMap((pr) => pr!.numbers.map((n) => `${text.slice(n.range.start, n.range.end)}=${n.ids.join('+')}`))));
    expect(named).toEqual(['1=dieu_1/khoan_1', '3=dieu_1/khoan_3', '1=dieu_1', '1=dieu_1/khoan_1', '3=dieu_1/khoan_3', '1=dieu_1']);
    expect(rs.map((r) => r.targets)).toEqual([['dieu_1/khoan_1', 'dieu_1/khoan_3', 'dieu_1/khoan_1', 'dieu_1/khoan_2', 'dieu_1/khoan_3']]);
  });

  it('"khoản 2.2 Điều 1" names the sub-khoản 2.2 under khoản 2', () => {
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Một\n1. Một.\n2. Hai:\n2.1. Hai một.\n2.2. Hai hai.\nĐiều 2. Theo khoản 2.2 Điều 1 và khoản 2 Điều 1.\n';
    expect(resolve(text)[0].targets).toEqual(['dieu_1/khoan_2/khoan_2.2', 'dieu_1/khoan_2']);
  });

  it('a footnote "[6] Khoản này …" of a consolidated text speaks of the khoản carrying the mark [6]', () => {
    const text = 'LUẬT\nĐiều 1. Một\n1. Khoản một.\n2.[6] Khoản hai.\nĐiều 2. Hai\n1. Khoản một.\n[6] Khoản này được sửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của Luật số 50/2019/QH14.\n';
    expect(resolve(text)[0]).toEqual({ text: 'Khoản này', status: 'resolved', targets: ['dieu_1/khoan_2'] });
  });

  it('an amending instruction\'s "… Nghị định này" is the amending decree itself', () => {
    const text = 'NGHỊ ĐỊNH\nChính phủ ban hành Nghị định.\nĐiều 1. Sửa đổi, bổ sung một số điều\n1. Thay thế Mẫu số 01 bằng Mẫu số 01 tại Phụ lục ban hành kèm theo Nghị định này.\nĐiều 2. Hiệu lực\nPHỤ LỤC\nMẪU\nNội dung.\n';
    expect(resolve(text)).toEqual([{ text: 'Phụ lục ban hành kèm theo Nghị định này', status: 'resolved', targets: ['phu_luc'] }]);
  });
});

describe('editorial notes of a portal copy', () => {
  it('finds no reference inside "[Điều này được bổ sung bởi … Điều 1 …]", and still the ones in the text', () => {
    const src = 'QUỐC HỘI\nLuật số: 59/2020/QH14\nLUẬT\nDOANH NGHIỆP\nĐiều 1. Phạm vi\n1. Một.\n2. Theo khoản 1 Điều này. [Khoản này được sửa đổi bởi Khoản 2 Điều 1 Luật sửa đổi 2025]\n';
    const texts = findReferences(parseDocument(src)).map((r) => src.slice(r.range.start, r.range.end));
    expect(texts).toEqual(['khoản 1 Điều này']);
  });
});

describe('footnotes of a văn bản hợp nhất', () => {
  it('keep their pinpoints into other documents; an unmarked "Điều này" names no unit we can tell', () => {
    const src = 'Điều 1. Một\nNội dung theo Điều 2.\nĐiều 2. Hai\nNội dung.\n2 Điều này được sửa đổi tại khoản 1 Điều 9 của Thông tư số 12/2024/TT-BLĐTBXH.\n';
    const texts = referencesOf(parseDocument(src)).map((r) => src.slice(r.reference.range.start, r.reference.range.end));
    expect(texts).toEqual(['Điều 2', 'khoản 1 Điều 9 của Thông tư số 12/2024/TT-BLĐTBXH']);
  });
  it('a "[6] Khoản này" whose mark is in the body still resolves to the marked khoản', () => {
    const src = 'Điều 1. Một\n1. Khoản một.\n2.[6] Khoản hai.\n[6] Khoản này được sửa đổi tại khoản 2 Điều 1 của Luật số 50/2019/QH14.\n';
    const r = referencesOf(parseDocument(src)).find((x) => src.slice(x.reference.range.start, x.reference.range.end) === 'Khoản này');
    expect(r?.targets).toEqual(['dieu_1/khoan_2']);
  });
});

/**
 * The keyword scan (find.ts keywordStarts) searches rare sequences inside the keywords ("ểm", "ản", "ương" …)
 * natively instead of running the keyword pattern over the whole text: it must find exactly the places and
 * kinds the global scan of that pattern (copied here as the reference) finds.
 */
describe('the keyword scan', () => {
  const GLOBAL = /(?:[Đđ]iểm|ĐIỂM|[Kk]hoản|KHOẢN|[Đđ]iều|ĐIỀU|[Mm]ục|MỤC|[Cc]hương|CHƯƠNG|[Pp]hần|PHẦN|[Pp]hụ lục|PHỤ LỤC)(?![\p{L}\p{N}])/gu;
  const KIND: Record<string, string> = { điểm: 'diem', khoản: 'khoan', điều: 'dieu', mục: 'muc', chương: 'chuong', phần: 'phan', 'phụ lục': 'phu-luc' };
  const global = (t: string) => [...t.matchAll(GLOBAL)].map((m) => ({ at: m.index, kind: KIND[m[0].toLowerCase()], length: m[0].length }));
  const PIECES = [
    'điểm', 'Điểm', 'ĐIỂM', 'ĐIểm', 'khoản', 'Khoản', 'KHOẢN', 'điều', 'Điều', 'ĐIỀU', 'mục', 'Mục', 'MỤC', 'chương', 'Chương', 'CHƯƠNG',
    'phần', 'Phần', 'PHẦN', 'phụ lục', 'Phụ lục', 'PHỤ LỤC', 'Phụ Lục', 'ục', 'ỤC', 'ương', 'ểm', 'ản', 'ều', 'ần', 'l', 'đ', 'Đ', 'k', 'ch',
    'p', 'ph', 'm', 'a', 'x', '1', ' ', '\n', ',', '.', '𝐀', '\uD835', '\uDC00', 'kiểm', 'bản',
    // Keywords cut short, and the letters that complete them, so near misses are made too.
    'ĐIỂ', 'KHOẢ', 'ĐIỀ', 'MỤ', 'CHƯƠN', 'PHẦ', 'PHỤ LỤ', 'điể', 'khoả', 'điề', 'mụ', 'chươn', 'phầ', 'phụ lụ', 'M', 'N', 'U', 'C', 'G', 'n', 'u', 'c', 'g',
  ];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((ps) => ps.join(''));

  it('finds the places and kinds the global scan finds', () => {
    expect(keywordPlaces('Điều 5, khoản 2 điểm a, mục II, Chương 3, Phần một, Phụ lục I, PHỤ LỤC, ĐIỀU')).toEqual(global('Điều 5, khoản 2 điểm a, mục II, Chương 3, Phần một, Phụ lục I, PHỤ LỤC, ĐIỀU'));
    expect(keywordPlaces('điềux Điều5 kiểm tra ĐIểm')).toEqual([]);
    fc.assert(fc.property(text, (t) => {
      expect(keywordPlaces(t)).toEqual(global(t));
    }), { numRuns: 3000 });
  });
});

/**
 * The keywords read from the text scan's candidates (TextScan.keywordCandidates, find.ts keywordStartsAt) instead
 * of the native searches: the same places, some of those after a letter or digit aside (where no reference
 * starts), and the same references. Without candidates (null) when a unit the scan reads as a letter is no letter or digit here.
 */
describe('the keywords read from the text scan', () => {
  const GLOBAL = /(?:[Đđ]iểm|ĐIỂM|[Kk]hoản|KHOẢN|[Đđ]iều|ĐIỀU|[Mm]ục|MỤC|[Cc]hương|CHƯƠNG|[Pp]hần|PHẦN|[Pp]hụ lục|PHỤ LỤC)(?![\p{L}\p{N}])/gu;
  const afterWordChar = (t: string, at: number) => /[\p{L}\p{N}]$/u.test(t.slice(Math.max(0, at - 2), at));
  const PIECES = [
    'điểm', 'Điểm', 'ĐIỂM', 'khoản', 'Khoản', 'KHOẢN', 'điều', 'Điều', 'ĐIỀU', 'ĐIều', 'mục', 'Mục', 'MỤC', 'chương', 'Chương', 'CHƯƠNG',
    'phần', 'Phần', 'PHẦN', 'phụ lục', 'Phụ lục', 'PHỤ LỤC', 'Phụ Lục', 'phụ', 'lục', 'cho', 'khoa', 'mức', 'chưa', 'phục', 'đặc',
    'a', 'x', 'ab', 'abcde', 'ſ', '1', '5', '²', 'µ', ' ', '  ', '\t', '\n', ',', '.', ')', '(', 'của', 'này', 'II',
    // Units the scan reads as letters that are no letters or digits here: a combining mark, a surrogate pair
    // (a letter and an emoji), lone surrogates, a private-use bullet, "€", "×" (no letter to either).
    '\u0301', '𝐀', '😀', '\uD835', '\uDC00', '\uF0B7', '€', '×', '\u212A',
    // Letters: Greek and Cyrillic ones the scan knows, an Armenian one it does not (no candidates then).
    'α', 'Ω', 'Ж', 'ա',
  ];
  /** A unit the scan reads as a letter (text-scan.ts isLetterish) that is not surely a letter there (isSurelyLetter). */
  const notSurely = (c: number) =>
    c >= 0x250 && !(c >= 0x1e00 && c <= 0x1eff) && !(c >= 0x391 && c <= 0x3c9 && c !== 0x3a2 && !(c >= 0x3aa && c <= 0x3b0)) && !(c >= 0x400 && c <= 0x481)
    && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff;
  const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((ps) => ps.join(''));

  it('finds the native places but those after a letter or digit, and the same references', () => {
    let read = 0;
    let searched = 0;
    fc.assert(fc.property(texts, (t) => {
      const candidates = scanText(t).keywordCandidates;
      expect(candidates === null).toBe([...Array(t.length).keys()].some((i) => notSurely(t.charCodeAt(i))));
      if (!candidates) return void searched++;
      read++;
      const fromScan = keywordPlaces(t, candidates);
      const native = keywordPlaces(t);
      expect(fromScan.filter((p) => !afterWordChar(t, p.at))).toEqual(native.filter((p) => !afterWordChar(t, p.at)));
      expect(native).toEqual(expect.arrayContaining(fromScan));
      expect(keywordPlaces(t).map((p) => p.at)).toEqual([...t.matchAll(GLOBAL)].map((m) => m.index));
      expect(findReferencesInText(t, undefined, undefined, candidates)).toEqual(findReferencesInText(t));
    }), { numRuns: 4000 });
    expect(read).toBeGreaterThan(500);
    expect(searched).toBeGreaterThan(500);
  });

  it('every unit before a keyword, or inside a word before it: the same references', () => {
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const t of [`${u}Điều 5`, `x${u}khoản 2`]) {
        const candidates = scanText(t).keywordCandidates;
        if (candidates) expect(findReferencesInText(t, undefined, undefined, candidates)).toEqual(findReferencesInText(t));
      }
    }
  });

  it('reads the keywords of a check from its scan: the same references', () => {
    const text = 'Điều 1. Phạm vi\n1. Theo khoản 2 Điều 3 và điểm a khoản 1 Điều 5 của Luật này; Chương II, Phụ lục I, PHẦN THỨ HAI.\n';
    const parse = parseDocument(text);
    const scan = scanText(parse.source.text);
    expect(scan.keywordCandidates?.length).toBeGreaterThan(0);
    expect(findReferencesInText(parse.source.text, undefined, undefined, scan.keywordCandidates!)).toEqual(findReferencesInText(parse.source.text));
  });
});

/**
 * find.ts reads the words between the tokens of a reference, the plain numbers and the labels each kind
 * may have by hand; the patterns it used (copied here; the label patterns are still find.ts's own, for the
 * labels not read by hand) are the specification, asked at every position.
 */
describe('the joiners and numbers read by hand', () => {
  const JOINERS = {
    SEP: /[ \t\n]*(?:,[ \t\n]*(?:(?:và|hoặc)(?![\p{L}\p{N}]))?|(?:và|hoặc)(?![\p{L}\p{N}]))[ \t\n]*/uy,
    COMMA: /[ \t\n]*,[ \t\n]*/y,
    OF: /[ \t\n]+của[ \t\n]+/uy,
    CAC: /(?:các|từ)[ \t\n]+/uy,
    DEN: /[ \t\n]*(?:,[ \t\n]*)?đến[ \t\n]+/uy,
    THIS: /[ \t\n]+này(?![\p{L}\p{N}])/uy,
    ABOVE: /[ \t\n]+(?:nêu[ \t\n]+|ở[ \t\n]+|kể[ \t\n]+)?trên(?![\p{L}\p{N}])/uy,
    ATTACHED: /[ \t\n]+(?:được[ \t\n]+)?(?:ban[ \t\n]+hành[ \t\n]+)?kèm(?:[ \t\n]+theo)?(?![\p{L}\p{N}])/uy,
  } as const;
  const NUMBER = '(thứ[ \\t\\n]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|\\d{1,4}(?:\\.\\d{1,3})*[a-zđ]?|[IVXLC]{1,7}|[a-zđ]\\d?)(?![\\p{L}\\p{N}]|\\.\\d)';
  const NUM_AFTER = new RegExp(`[ \\t\\n]+(?:số[ \\t\\n]+)?${NUMBER}`, 'duy');
  const NUM_LIST = new RegExp(NUMBER, 'duy');
  const texts = (pieces: string[], maxLength = 12) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((ps) => ps.join(''));
  const OTHER = ['a', 'x', 'K', 'ả', '1', '٣', '𝐀', '😀', '\uD835', '\uDC00', '\u0301', '.', ';', ')'];

  it('reads each joiner where its pattern reads it', () => {
    expect(joinerEndAt('SEP', 'a, và b', 1)).toBe(6);
    expect(joinerEndAt('SEP', 'a, vào', 1)).toBe(3);
    expect(joinerEndAt('ABOVE', ' nêu trên', 0)).toBe(9);
    expect(joinerEndAt('ABOVE', ' nêutrên', 0)).toBe(-1);
    const pieces = [' ', '  ', '\t', '\n', ',', 'và', 'hoặc', 'của', 'các', 'từ', 'đến', 'này', 'nêu', 'ở', 'kể', 'trên', 'được', 'ban', 'hành', 'kèm', 'theo', 'v', 'hoặ', 'nà', 'trê', ...OTHER];
    fc.assert(fc.property(texts(pieces), (t) => {
      for (const [name, re] of Object.entries(JOINERS)) {
        for (let at = 0; at <= t.length; at++) {
          re.lastIndex = at;
          const want = re.test(t) ? re.lastIndex : -1;
          expect(joinerEndAt(name as keyof typeof JOINERS, t, at), JSON.stringify([name, t, at])).toBe(want);
        }
      }
    }), { numRuns: 3000 });
  });

  it('reads the number after a keyword and in a list where the patterns read it', () => {
    expect(numberAt('Điều 12, 13', 4, true)).toEqual([5, 7]);
    expect(numberAt('khoản 2.1 Điều', 5, true)).toEqual([6, 9]);
    expect(numberAt('điểm a.8', 4, true)).toBeNull();
    const pieces = [' ', '\t', '\n', 'số', 'thứ', 'nhất', 'hai', '1', '2', '12', '123', '2024', '0', '.', 'a', 'đ', 's', 't', 'h', 'I', 'V', 'X', 'b', ',', 'ả', 'ố', 'A', '٣', '𝐀', '\uD835', '\u0301', ')'];
    fc.assert(fc.property(texts(pieces), (t) => {
      for (const [after, re] of [[true, NUM_AFTER], [false, NUM_LIST]] as const) {
        for (let at = 0; at <= t.length; at++) {
          re.lastIndex = at;
          const m = re.exec(t);
          const want = m ? [m.indices![1]![0], re.lastIndex] : null;
          expect(numberAt(t, at, after), JSON.stringify([after, t, at])).toEqual(want);
        }
      }
    }), { numRuns: 3000 });
  });

  it('says which labels each kind may have as its pattern does', () => {
    const kinds = Object.keys(VALID_NUMBER) as PartKind[];
    const label = texts(['1', '2', '0', '12', '123', '1234', '.', 'a', 'đ', 'z', 'A', 'I', 'V', 'X', 'thứ', ' ', 'hai', 'ả', '٣'], 6);
    fc.assert(fc.property(label, (n) => {
      for (const kind of kinds) expect(validNumber(kind, n), JSON.stringify([kind, n])).toBe(VALID_NUMBER[kind].test(n));
    }), { numRuns: 5000 });
  });
});

/**
 * The heading labels the keyword scan passes over are asked of a cursor over the sorted label starts
 * (references/index.ts sortedMember): it must answer as a plain membership test whatever the order of the
 * questions — ascending with gaps of any size (the scan's order), repeated, going back.
 */
describe('the label starts asked in text order', () => {
  const list = fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 120 }).map((xs) => xs.sort((a, b) => a - b));
  const questions = fc.array(fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }).map((d) => ({ step: d })) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: 320 }).map((at) => ({ at })) },
  ), { maxLength: 80 });

  it('answers each question as a membership test', () => {
    expect(sortedMember([])(0)).toBe(false);
    fc.assert(fc.property(list, questions, (xs, qs) => {
      const member = sortedMember(xs);
      let x = -1;
      for (const q of qs) {
        x = 'step' in q ? x + q.step : q.at;
        expect(member(x)).toBe(xs.includes(x));
      }
    }), { numRuns: 3000 });
  });
});

/**
 * find.ts asks the number pattern after a keyword only where `numberMayFollowAt` says it can match (the
 * blanks and the two characters after them): it must say so wherever the pattern (copied here) matches.
 */
describe('the number after a keyword', () => {
  const NUM_AFTER = /[ \t\n]+(?:số[ \t\n]+)?(thứ[ \t\n]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|\d{1,4}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,7}|[a-zđ]\d?)(?![\p{L}\p{N}]|\.\d)/uy;
  const PIECES = [
    ' ', '  ', '\t', '\n', 'số', 'thứ', 'nhất', 'tư', '1', '12', '.', '.3', 'a', 'đ', 'b2', 'I', 'V', 'XI', 'C', 'Các', 'kiện', 'đích',
    'hoặc', 'k', 's', 't', 'x', 'ư', 'Đ', '٣', '𝐀', '\uD835', ',', ')', 'ố', 'z',
  ];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((ps) => ps.join(''));

  it('is never ruled out where the pattern matches, and rules out the words after "điều", "mục"', () => {
    for (const t of [' kiện', ' đích', ' hoặc', ' ước', ' Bộ', '5']) expect(numberMayFollowAt(t, 0)).toBe(false);
    for (const t of [' 5', ' a)', ' đ,', ' số 3', ' thứ hai', ' II', ' b2']) expect(numberMayFollowAt(t, 0)).toBe(true);
    fc.assert(fc.property(text, (t) => {
      for (let at = 0; at <= t.length; at++) {
        NUM_AFTER.lastIndex = at;
        if (NUM_AFTER.test(t)) expect(numberMayFollowAt(t, at)).toBe(true);
      }
    }), { numRuns: 3000 });
  });
});

/** find.ts reads these by hand; the patterns they were read with (copied here) are the specification. */
describe('the words read by hand around a reference', () => {
  const BEFORE_CAC = /(?:^|[^\p{L}\p{N}])(các|từ|Từ|Các|Như|như|những|Những)[ \t\n]+$/u;
  const DOC_WORD = new RegExp(
    `[ \\t\\n]*(?:,[ \\t\\n]*)?(?:(?:của|tại|thuộc|trong)[ \\t\\n]+)?(${DOC_WORDS.map((w) => w.replace(/ /g, '[ \\t\\n]+')).join('|')})(?![\\p{L}\\p{N}])`,
    'uy',
  );
  const texts = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((ps) => ps.join(''));

  it('finds the lead word ("các", "từ", "Như" …) where the pattern over the 8 units before finds it', () => {
    expect(leadWordBefore('theo các  Điều', 10)).toEqual({ start: 5, word: 'các' });
    expect(leadWordBefore('Như Điều', 4)).toEqual({ start: 0, word: 'Như' });
    expect(leadWordBefore('xcác Điều', 5)).toBeNull();
    expect(leadWordBefore('CÁC Điều', 4)).toBeNull();
    const pieces = [' ', '  ', '\t', '\n', 'các', 'Các', 'CÁC', 'từ', 'Từ', 'như', 'Như', 'những', 'Những', 'a', 'xy', 'ư', 'g', 'c', 'ừ', ',', '(', '٣', '𝐀', '😀', '\uD835', '\uDC00'];
    fc.assert(fc.property(texts(pieces), (t) => {
      for (let at = 0; at <= t.length; at++) {
        const m = BEFORE_CAC.exec(t.slice(Math.max(0, at - 8), at));
        const want = m ? { start: at - (m[0].length - (m[0].match(/^[^\p{L}\p{N}]?/u)?.[0].length ?? 0)), word: m[1] } : null;
        expect(leadWordBefore(t, at), JSON.stringify([t, at])).toEqual(want);
      }
    }), { numRuns: 3000 });
  });

  it('reads "thời điểm", "danh mục", "cổ phần" … as compounds where the pattern over the 12 units before the keyword does', () => {
    const COMPOUND_BEFORE = /(?:^|[^\p{L}\p{N}])(?:(?:thời|địa|đặc|quan|ưu|nhược|trọng|thí|chấm|giao|thang|tổng|cực|tiêu|khởi|xuất)[ \t]+điểm|(?:tiểu|danh|hạng|chuyên|đề)[ \t]+mục|(?:cổ|hợp|thành|thị|cả|bộ)[ \t]+phần)$/iu;
    expect(compoundAt('Thời điểm này', 5)).toBe(true);
    expect(compoundAt('TIỂU MỤC 2', 5)).toBe(true);
    expect(compoundAt('tại điểm a', 4)).toBe(false);
    const words = 'thời địa đặc quan ưu nhược trọng thí chấm giao thang tổng cực tiêu khởi xuất tiểu danh hạng chuyên đề cổ hợp thành thị cả bộ tại các'.split(' ');
    const word = fc.constantFrom(...words).chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), w.replace('k', '\u212A')));
    const before = fc.array(fc.constantFrom('', ' ', 'x', 'ab', 'ı', 'İ', 'ſ', '𝐀', '😀', '\uD835', '\uDC00', '٣', ',', '\n'), { maxLength: 4 }).map((ps) => ps.join(''));
    const blank = fc.oneof(fc.array(fc.constantFrom(' ', '\t'), { maxLength: 11 }).map((bs) => bs.join('')), fc.constantFrom('\n', ' \n '));
    const keyword = fc.constantFrom('điểm', 'Điểm', 'ĐIỂM', 'mục', 'Mục', 'MỤC', 'phần', 'Phần', 'PHẦN', 'khoản');
    const text = fc.tuple(before, word, blank, keyword, fc.constantFrom('', ' 2', 'x', ' này')).map((ps) => ps.join(''));
    fc.assert(fc.property(text, (t) => {
      for (const { at, kind, length } of keywordPlaces(t)) {
        const want = (kind === 'diem' || kind === 'muc' || kind === 'phan') && /[ \t]/.test(t[at - 1] ?? '')
          && COMPOUND_BEFORE.test(t.slice(Math.max(0, at - 12), at + length));
        expect(compoundAt(t, at), JSON.stringify([t, at])).toBe(want);
      }
    }), { numRuns: 5000 });
  });

  it('reads the type word after a reference ("của Luật", ", Nghị định") where the pattern reads it', () => {
    expect(documentWordAt(' của Bộ  luật này', 0)).toEqual({ word: 'Bộ luật', end: 13 });
    expect(documentWordAt(', Nghị quyết liên tịchx', 0)).toEqual({ word: 'Nghị quyết', end: 12 });
    expect(documentWordAt(' Luậtx', 0)).toBeNull();
    const pieces = [' ', '  ', '\t', '\n', ',', 'của', 'tại', 'thuộc', 'trong', 'Bộ', 'luật', 'Luật', 'Nghị', 'quyết', 'liên', 'tịch', 'Văn', 'bản',
      'văn', 'hợp', 'nhất', 'Thông', 'tư', 'Lệnh', 'Danh', 'mục', 'này', 'x', '1', '𝐀', '\uD835', '٣'];
    fc.assert(fc.property(texts(pieces), (t) => {
      for (let at = 0; at <= t.length; at++) {
        DOC_WORD.lastIndex = at;
        const m = DOC_WORD.exec(t);
        const want = m ? { word: m[1].replace(/[ \t\n]+/g, ' '), end: DOC_WORD.lastIndex } : null;
        expect(documentWordAt(t, at), JSON.stringify([t, at])).toEqual(want);
      }
    }), { numRuns: 3000 });
  });
});

/**
 * fixes/reference-edits.ts reads only the parts whose kind can name the units a numbering fix moves
 * (NAMED_KINDS): every unit a written number resolves to must be of a kind its part's entry lists.
 */
describe('the units a written number names', () => {
  const kindsNamed = (text: string) => {
    const parse = parseDocument(text);
    const wrong: string[] = [];
    let seen = 0;
    for (const r of referencesOf(parse)) {
      for (const c of r.chains) {
        for (const p of c.parts) {
          for (const n of p?.numbers ?? []) {
            for (const id of n.ids) {
              seen++;
              const kind = nodeById(parse, id)?.kind;
              if (!kind || !NAMED_KINDS[p!.part.kind].includes(kind)) wrong.push(`${p!.part.kind} → ${kind} (${id})`);
            }
          }
        }
      }
    }
    return { seen, wrong };
  };

  it('is of a kind the part may name (written cases)', () => {
    const text = [
      'QUYẾT ĐỊNH', 'Điều 1. Phạm vi', '1. Theo điểm a khoản 2 Điều 2 và mục II.', '2. Như khoản 1.', 'Điều 2. Đối tượng', '1. Một', '2. Hai:',
      'a) a', 'b) b theo Phụ lục I và Phụ lục II.', 'Điều 3. Chương III, Mục 2 và mục I Chương I.', 'PHỤ LỤC I', 'PHỤ LỤC II',
    ].join('\n');
    const { seen, wrong } = kindsNamed(text);
    expect(seen).toBeGreaterThan(4);
    expect(wrong).toEqual([]);
  });

  it.skipIf(!hasCorpus)('is of a kind the part may name (the real documents)', () => {
    let seen = 0;
    for (const f of [...corpusFiles('real'), ...corpusFiles('seeds')]) {
      const r = kindsNamed(readCorpus(f));
      seen += r.seen;
      expect(r.wrong, f).toEqual([]);
    }
    expect(seen).toBeGreaterThan(1000);
  }, 120_000);
});
