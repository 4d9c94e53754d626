/** Paste from Word: its plain text made into what a drafter would have typed. */
import { describe, expect, it } from 'vitest';
import { cleanWordText } from '../../../extension/browser/editor/files.ts';

describe('cleanWordText', () => {
  it.each([
    ['CR LF line ends', 'Điều 1. Phạm vi\r\n1. Khoản một.\r\n', 'Điều 1. Phạm vi\n1. Khoản một.\n'],
    ['Shift+Enter (vertical tab) is a line break', 'KT. BỘ TRƯỞNG\u000bTHỨ TRƯỞNG', 'KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG'],
    ['soft hyphens disappear', 'cải cách hành\u00adchính', 'cải cách hànhchính'],
    ['a tab after a khoản label becomes a space', '1.\tKhoản một;\n2.\tKhoản hai.', '1. Khoản một;\n2. Khoản hai.'],
    ['a tab after a điểm label becomes a space', 'a)\tĐiểm a;\nđ)\tĐiểm đ.', 'a) Điểm a;\nđ) Điểm đ.'],
    ['a tab after a recipient dash becomes a space', '-\tNhư Điều 3;\n-\tLưu: VT.', '- Như Điều 3;\n- Lưu: VT.'],
    ['a tab after "Điều 5." becomes a space', 'Điều 5.\tHiệu lực thi hành', 'Điều 5. Hiệu lực thi hành'],
    ['a tab after a roman section becomes a space', 'II.\tNHIỆM VỤ', 'II. NHIỆM VỤ'],
    ['table cells become a row', 'STT\tNội dung\tThời gian\n1\tXây dựng kế hoạch\tQuý I', '| STT | Nội dung | Thời gian |\n| 1 | Xây dựng kế hoạch | Quý I |'],
    ['trailing spaces go, letters stay as they are', 'Căn cứ Luật Tổ chức Chính phủ;   \nQUYẾT ĐỊNH:', 'Căn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:'],
    ['NBSP and composed letters are left for the checker to report', 'Điều\u00a01. Phạm vi', 'Điều\u00a01. Phạm vi'],
  ])('%s', (_name, raw, expected) => {
    expect(cleanWordText(raw)).toBe(expected);
  });
});
