import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import type { Diagnostic } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { SEED_004, corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';
import { TT_HEAD } from '../helpers/documents.ts';
const QD_HEAD = [
  'BỘ TƯ PHÁP',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 173/QĐ-BTP',
  'Hà Nội, ngày 29 tháng 01 năm 2015',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch triển khai Chương trình phối hợp',
  'Căn cứ Nghị định số 22/2013/NĐ-CP ngày 13/3/2013 của Chính phủ;',
  'Xét đề nghị của Vụ trưởng Vụ Các vấn đề chung về xây dựng pháp luật,',
  'QUYẾT ĐỊNH:',
  '',
].join('\n');
const tt = (...lines: string[]) => TT_HEAD + lines.join('\n') + '\n';
const qd = (...lines: string[]) => QD_HEAD + lines.join('\n') + '\n';

const structure = (text: string, lang: 'vi' | 'en' = 'vi'): Diagnostic[] =>
  checkDocument(text, { lang, parseProblems: false }).diagnostics.filter((d) => d.code.startsWith('structure/'));

describe('structure rules fire', () => {
  it.each([
    ['a Chương with no title', tt('Chương I', 'Điều 1. Phạm vi', 'Nội dung.'), [['structure/title', 'Chương I', 'Chương I chưa có tên (tiêu đề)', 'Chapter I has no title']]],
    [
      'one Điều without a title among titled ones',
      tt('Điều 1. Phạm vi điều chỉnh', 'Nội dung.', 'Điều 2.', 'Thông tư này áp dụng đối với cơ quan nhà nước.', 'Điều 3. Hiệu lực', 'Nội dung.'),
      [['structure/title', 'Điều 2.', 'Điều 2 chưa có tên (tiêu đề)', 'Article 2 has no title']],
    ],
    ['a Mục with no title', tt('Chương I', 'QUY ĐỊNH CHUNG', 'Mục 1', 'Điều 1. Phạm vi', 'Nội dung.'), [['structure/title', 'Mục 1', 'Mục 1 chưa có tên', 'Section 1 has no title']]],
    [
      'an empty khoản',
      tt('Điều 1. Phạm vi', '1. Một.', '2.', '3. Ba.'),
      [['structure/empty', '2.', 'Khoản 2 không có nội dung', 'Clause 2 has no content']],
    ],
    [
      'a Chương with a title and nothing in it',
      tt('Chương I', 'QUY ĐỊNH CHUNG', 'Chương II', 'TỔ CHỨC THỰC HIỆN', 'Điều 1. Hiệu lực', 'Nội dung.'),
      [['structure/empty', 'Chương I', 'Chương I không có nội dung', 'Chapter I has no content']],
    ],
    [
      'a Điều with only its name',
      tt('Điều 1. Phạm vi', 'Nội dung.', 'Điều 2. Đối tượng áp dụng', 'Điều 3. Hiệu lực', 'Nội dung.'),
      [['structure/empty', 'Điều 2.', 'Điều 2 không có nội dung', 'Article 2 has no content']],
    ],
  ])('%s', (_n, text, want) => {
    const vi = structure(text);
    const en = structure(text, 'en');
    expect(vi.map((d) => [d.code, text.slice(d.range.start, d.range.end)])).toEqual(want.map((w) => [w[0], w[1]]));
    want.forEach((w, i) => {
      expect(vi[i].message).toContain(w[2]);
      expect(en[i].message).toContain(w[3]);
    });
  });
});

describe('structure rules stay quiet', () => {
  it.each([
    ['titled Chương and Điều', tt('Chương I', 'QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi', 'Nội dung.', 'Điều 2. Đối tượng', '1. Một.', '2. Hai.')],
    [
      'a Quyết định cá biệt whose Điều are sentences',
      qd('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai.', 'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.', 'Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.'),
    ],
    [
      'every Điều alone on its line, the text on the next (portal layout)',
      qd('Điều 1.', 'Ban hành kèm theo Quyết định này Kế hoạch triển khai.', 'Điều 2.', 'Quyết định này có hiệu lực thi hành kể từ ngày ký.', 'Điều 3.', 'Chánh Văn phòng chịu trách nhiệm thi hành.'),
    ],
    ['the title on the line after "Điều 2." (portal layout)', tt('Điều 1. Phạm vi', 'Nội dung.', 'Điều 2.', 'Đối tượng áp dụng', '1. Cơ quan nhà nước.', '2. Tổ chức khác.')],
    ['a repealed Điều', tt('Điều 1. Phạm vi', 'Nội dung.', 'Điều 2. (được bãi bỏ)', 'Điều 3. Hiệu lực', 'Nội dung.')],
    ['a khoản with a title and điểm', tt('Điều 1. Phạm vi', '1. Mục đích', 'a) Một;', 'b) Hai.', '2. Yêu cầu', 'Nội dung.')],
    [
      'units inside quoted amending text',
      tt('Điều 1. Sửa đổi Thông tư số 01/2020/TT-BNV', '1. Sửa đổi tên Điều 5 như sau:', '“Điều 5. Lưu trữ điện tử”', 'Điều 2. Hiệu lực', 'Nội dung.'),
    ],
  ])('%s', (_n, text) => {
    expect(structure(text).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('corpus', () => {
  it.each([SEED_004, ...corpusFiles('real')].map((f) => [f.split('/').pop()!, f]))('%s: no structure finding', (_n, f) => {
    expect(structure(readCorpus(f)).map((d) => d.message)).toEqual([]);
  });
});
