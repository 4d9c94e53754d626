/**
 * reference/phu-luc-unreferenced and reference/self-scope: must fire / must not
 * fire tables over a written decision (test/fixtures/references/quyet-dinh-quy-che.txt:
 * a Quyết định with an attached Quy chế and PHỤ LỤC I, II) and small variants of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QD, TT_HEAD } from '../helpers/documents.ts';
import { diagsOf, runCase, type RuleCase } from '../helpers/rules.ts';

const QC = readFileSync(new URL('../fixtures/references/quyet-dinh-quy-che.txt', import.meta.url), 'utf8');

/** The fixture with one phrase replaced (the phrase must be there). */
function edit(text: string, from: string, to: string): string {
  expect(text, `fixture has "${from}"`).toContain(from);
  return text.replace(from, to);
}

const QD_BODY_END = 'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.';

describe('reference/phu-luc-unreferenced', () => {
  const code = 'reference/phu-luc-unreferenced';
  const cases: RuleCase[] = [
    { name: 'every Phụ lục referred to', text: QC, vi: [] },
    {
      name: 'Phụ lục I named nowhere',
      text: edit(QC, ' và các biểu mẫu tại Phụ lục I', ''),
      vi: ['Phụ lục I không được dẫn chiếu ở đâu trong văn bản (văn bản chỉ dẫn chiếu Phụ lục II)'],
      en: ['Phụ lục I is not referred to anywhere in the document (the document only refers to Phụ lục II)'],
    },
    {
      name: 'neither named',
      text: edit(edit(QC, ' và các biểu mẫu tại Phụ lục I', ''), 'theo mẫu tại Phụ lục II', 'theo mẫu'),
      vi: ['Phụ lục I không được dẫn chiếu', 'Phụ lục II không được dẫn chiếu'],
    },
    { name: '"Phụ lục kèm theo" names them all', text: edit(edit(QC, 'tại Phụ lục I.', 'tại Phụ lục kèm theo.'), 'theo mẫu tại Phụ lục II', 'theo mẫu'), vi: [] },
    { name: '"Phụ lục 1" names PHỤ LỤC I', text: edit(QC, 'tại Phụ lục I.', 'tại Phụ lục 1.'), vi: [] },
    { name: 'a form number names the Phụ lục holding it', text: edit(edit(edit(QC, ' và các biểu mẫu tại Phụ lục I', ''), 'MẪU BÁO CÁO', 'Mẫu số 01 BÁO CÁO'), 'theo mẫu tại Phụ lục II', 'theo Mẫu số 01 và Phụ lục II'), vi: [] },
    {
      name: 'a Phụ lục naming itself does not count',
      text: edit(edit(QC, ' và các biểu mẫu tại Phụ lục I', ''), 'Nội dung mẫu báo cáo.', 'Nội dung mẫu báo cáo theo Phụ lục I.'),
      vi: ['Phụ lục I không được dẫn chiếu'],
    },
    {
      name: '"Phụ lục kèm theo" with no Phụ lục',
      text: edit(QD, QD_BODY_END, 'Điều 2. Danh sách chi tiết tại Phụ lục kèm theo Quyết định này./.'),
      vi: ['Văn bản nhắc “Phụ lục kèm theo Quyết định này” nhưng không có phụ lục nào kèm theo'],
      en: ['The document mentions “Phụ lục kèm theo Quyết định này” but has no appendix attached'],
    },
    { name: 'the common noun "phụ lục kèm theo"', text: edit(QD, QD_BODY_END, 'Điều 2. Hợp đồng có thể có phụ lục kèm theo./.'), vi: [] },
    { name: 'a bare "Phụ lục" in a title, no Phụ lục', text: edit(QD, QD_BODY_END, 'Điều 2. Phụ lục hợp đồng./.'), vi: [] },
    { name: 'a bare "Phụ lục" names the one attached', text: edit(edit(edit(QC, ' và các biểu mẫu tại Phụ lục I', ' và mẫu tại Phụ lục về báo cáo'), 'theo mẫu tại Phụ lục II', 'theo mẫu'), '\nPHỤ LỤC II\nMẪU TỜ TRÌNH\n(Kèm theo Quyết định số 15/QĐ-BNV)\nNội dung mẫu tờ trình.', '').replace('PHỤ LỤC I\n', 'PHỤ LỤC\n'), vi: [] },
    {
      name: 'a cover heading over PHỤ LỤC I, II is not an appendix',
      text: edit(QC, 'PHỤ LỤC I\nMẪU BÁO CÁO', 'PHỤ LỤC\n(Ban hành kèm theo Quyết định số 15/QĐ-BNV)\nPHỤ LỤC I\nMẪU BÁO CÁO'),
      vi: [],
    },
  ];
  it.each(cases)('$name', (c) => runCase(code, c));

  it('an amending decree: its quoted text names the new Phụ lục it attaches', () => {
    const text = [
      TT_HEAD.replace('THÔNG TƯ', 'NGHỊ ĐỊNH').replace('TT-BNV', 'NĐ-CP'),
      'Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 10/2020/NĐ-CP',
      '1. Sửa đổi khoản 2 Điều 5 như sau:',
      '“2. Văn bản xác nhận theo mẫu tại Phụ lục V ban hành kèm theo Nghị định này.”',
      'Điều 2. Hiệu lực thi hành',
      'Nghị định này có hiệu lực từ ngày ký.',
      'PHỤ LỤC V',
      'MẪU VĂN BẢN XÁC NHẬN',
      'Nội dung.',
      '',
    ].join('\n');
    expect(diagsOf(text, code)).toEqual([]);
  });

  it('is not reported by reference/unresolved as well', () => {
    const text = edit(QD, QD_BODY_END, 'Điều 2. Danh sách chi tiết tại Phụ lục kèm theo Quyết định này./.');
    expect(diagsOf(text, 'reference/unresolved')).toEqual([]);
  });
});

describe('reference/self-scope', () => {
  const code = 'reference/self-scope';
  const cases: RuleCase[] = [
    { name: 'every "… này" names a document of the text', text: QC, vi: [] },
    {
      name: '"Kế hoạch này" in a decision with no Kế hoạch',
      text: edit(QD, QD_BODY_END, 'Điều 2. Thực hiện theo khoản 2 mục II của Kế hoạch này./.'),
      vi: ['“khoản 2 mục II của Kế hoạch này”: văn bản không có Kế hoạch nào (văn bản là Quyết định)'],
      en: ['“khoản 2 mục II của Kế hoạch này”: the text holds no Kế hoạch (it is a Quyết định)'],
    },
    {
      name: '"Kế hoạch này" in a decision with an attached Quy chế',
      text: edit(QC, 'Theo Điều 2 của Quyết định này.', 'Theo Điều 2 của Kế hoạch này.'),
      vi: ['“Điều 2 của Kế hoạch này”: văn bản không có Kế hoạch nào (văn bản là Quyết định, kèm theo Quy chế)'],
      en: ['(it is a Quyết định with Quy chế attached)'],
    },
    {
      name: '"Nghị định này" in a Thông tư',
      text: `${TT_HEAD}Điều 1. Phạm vi\nThông tư này quy định theo Điều 2 Nghị định này.\nĐiều 2. Đối tượng\nCơ quan nhà nước.\n`,
      vi: ['“Điều 2 Nghị định này”: văn bản không có Nghị định nào (văn bản là Thông tư)'],
    },
    { name: '"Quy chế này" said in the decision', text: edit(QC, 'Điều 2. Quyết định này có hiệu lực', 'Điều 2. Trừ Điều 2 Quy chế này, Quyết định này có hiệu lực'), vi: [] },
    { name: 'a bare type word ("mục II của Kế hoạch") is not "này"', text: edit(QD, QD_BODY_END, 'Điều 2. Thực hiện theo mục II của Kế hoạch./.'), vi: [] },
    {
      name: 'the trích yếu announces the attached document the parser may miss',
      text: edit(edit(QD, 'Về việc ban hành Quy chế làm việc', 'Về việc ban hành Kế hoạch cải cách hành chính'), QD_BODY_END, 'Điều 2. Thực hiện theo mục II của Kế hoạch này./.'),
      vi: [],
    },
    {
      name: 'a model decision printed among the forms',
      text: `${TT_HEAD}Điều 1. Phạm vi\nThông tư này quy định mẫu quyết định.\nĐiều 2. Mẫu\nMẫu số 01 QUYẾT ĐỊNH Về việc thành lập Hội đồng\nHội đồng có tên tại Điều 1 Quyết định này thực hiện nhiệm vụ.\n`,
      vi: [],
    },
    {
      name: 'a văn bản hợp nhất keeps its sources\' words',
      text: 'BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/VBHN-BNV\nHà Nội, ngày 05 tháng 3 năm 2025\nTHÔNG TƯ\nQuy định về công tác văn thư\nĐiều 1. Phạm vi\nTheo Điều 2 Nghị định này.\nĐiều 2. Đối tượng\nCơ quan nhà nước.\n',
      vi: [],
    },
  ];
  it.each(cases)('$name', (c) => runCase(code, c));

  it('takes the place of reference/unresolved for that reference', () => {
    const text = edit(QD, QD_BODY_END, 'Điều 2. Thực hiện theo khoản 2 mục II của Kế hoạch này./.');
    expect(diagsOf(text, 'reference/unresolved')).toEqual([]);
  });
});

describe('reference/unresolved: a broken reference of each kind names what exists', () => {
  // A Nghị định with Phần, Chương, Mục, Điều, khoản, điểm, an attached Kế hoạch (mục I, II) and
  // Phụ lục I, II; Điều 3 khoản 1 names one missing unit of each kind.
  const text = readFileSync(new URL('../fixtures/references/nghi-dinh-broken.txt', import.meta.url), 'utf8');
  const vi = diagsOf(text, 'reference/unresolved');
  const en = diagsOf(text, 'reference/unresolved', 'en');
  const cases: [string, string, string][] = [
    ['điểm e khoản 1 Điều 1', 'Nghị định này không có điểm e khoản 1 Điều 1; khoản 1 có các điểm a, b', 'This Nghị định has no điểm e khoản 1 Điều 1; khoản 1 has điểm a, b'],
    ['khoản 5 Điều 1', 'Nghị định này không có khoản 5 Điều 1; Điều 1 có các khoản 1, 2', 'This Nghị định has no khoản 5 Điều 1; Điều 1 has khoản 1, 2'],
    ['Điều 9', 'Nghị định này không có Điều 9; Nghị định này có các Điều 1–4', 'This Nghị định has no Điều 9; this Nghị định has Điều 1–4'],
    ['Mục 3 Chương I', 'Nghị định này không có Mục 3 Chương I; Chương I có các Mục 1, 2', 'This Nghị định has no Mục 3 Chương I; Chương I has Mục 1, 2'],
    ['Chương V', 'Nghị định này không có Chương V; Nghị định này có các Chương I–III', 'This Nghị định has no Chương V; this Nghị định has Chương I–III'],
    ['Phần thứ ba', 'Nghị định này không có Phần thứ ba; Nghị định này có các Phần thứ nhất, thứ hai', 'This Nghị định has no Phần thứ ba; this Nghị định has Phần thứ nhất, thứ hai'],
    ['Phụ lục IV', 'Nghị định này không có Phụ lục IV; Nghị định này có các Phụ lục I, II', 'This Nghị định has no Phụ lục IV; this Nghị định has Phụ lục I, II'],
    ['mục V', 'Kế hoạch này không có mục V; Kế hoạch này có các mục I, II', 'This Kế hoạch has no mục V; this Kế hoạch has mục I, II'],
  ];
  it.each(cases)('%s', (phrase, msgVi, msgEn) => {
    const i = vi.findIndex((d) => text.slice(d.range.start, d.range.end) === phrase);
    expect(i, `"${phrase}" reported`).toBeGreaterThanOrEqual(0);
    expect(vi[i].message).toBe(msgVi);
    expect(en[i].message).toBe(msgEn);
  });
  it('and nothing else', () => expect(vi).toHaveLength(cases.length));
});

describe('reference/ambiguous', () => {
  const code = 'reference/ambiguous';
  const doc = (recipient: string) => `QUYẾT ĐỊNH\nVề việc ban hành Quy chế\nQUYẾT ĐỊNH:\nĐiều 1. Một\n1. A.\n2. B.\nĐiều 2. Hai\n1. A.\n2. B.\nĐiều 3. Ba\n1. A.\nNơi nhận:\n- ${recipient};\n- Lưu: VT.\n`;
  const cases: RuleCase[] = [
    {
      name: 'a bare "khoản 2" outside any Điều, two Điều having one',
      text: doc('Các đơn vị tại khoản 2'),
      vi: ['"khoản 2" có thể thuộc 2 đơn vị khác nhau (Điều 1, Điều 2); hãy ghi rõ Điều hoặc mục'],
      en: ['"khoản 2" could belong to 2 different units (Điều 1, Điều 2); name the Điều or mục'],
    },
    { name: 'one Điều only has it', text: doc('Các đơn vị tại khoản 1 Điều 3'), vi: [] },
    { name: 'the Điều named', text: doc('Các đơn vị tại khoản 2 Điều 1'), vi: [] },
    { name: 'a bare "khoản 2" inside a Điều is that Điều\'s', text: doc('Lưu trữ').replace('2. B.\nĐiều 2', '2. B, như khoản 1.\nĐiều 2'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase(code, c));

  it('names at most three of many', () => {
    const many = `QUYẾT ĐỊNH:\n${[1, 2, 3, 4, 5].map((n) => `Điều ${n}. Đ${n}\n1. A.\n2. B.`).join('\n')}\nNơi nhận:\n- Như khoản 2 nêu trên, tại khoản 2;\n- Lưu: VT.\n`;
    expect(diagsOf(many, code).map((d) => d.message)).toContain('"khoản 2" có thể thuộc 5 đơn vị khác nhau (Điều 1, Điều 2, Điều 3, …); hãy ghi rõ Điều hoặc mục');
  });
});
