/**
 * A văn bản hợp nhất is known by its XÁC THỰC block or its "Số: 12/VBHN-…" at the start of a line (after blanks
 * and tabs only). The parser reads that from the lines' first letters; the oracle is the whole-text search it
 * replaced (each occurrence tested from its line's start).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

function oracle(text: string): boolean {
  for (const [needle, line] of [['XÁC THỰC VĂN BẢN HỢP NHẤT', /^[ \t]*XÁC THỰC VĂN BẢN HỢP NHẤT/u], ['/VBHN-', /^[ \t]*Số:\s*\d+\/VBHN-/u]] as const) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const start = text.lastIndexOf('\n', at) + 1;
      if (line.test(text.slice(start, at + needle.length))) return true;
    }
  }
  return false;
}

const BODY = 'LUẬT\nĐiều 1. Phạm vi\nNội dung.\n';

describe('văn bản hợp nhất', () => {
  const cases: [string, string, boolean][] = [
    ['the XÁC THỰC block', BODY + 'XÁC THỰC VĂN BẢN HỢP NHẤT\nCHỦ NHIỆM\n', true],
    ['after blanks and a tab', BODY + ' \t XÁC THỰC VĂN BẢN HỢP NHẤT\n', true],
    ['after an ideographic space: not at the line start', BODY + '\u3000XÁC THỰC VĂN BẢN HỢP NHẤT\n', false],
    ['inside a sentence', BODY + 'Theo XÁC THỰC VĂN BẢN HỢP NHẤT này.\n', false],
    ['the number of a consolidated text', 'VĂN PHÒNG QUỐC HỘI\nSố: 12/VBHN-VPQH\n' + BODY, true],
    ['the number with blanks after the colon', '\tSố:   5/VBHN-BTP\n' + BODY, true],
    ['a blank before the slash', 'Số: 12 /VBHN-VPQH\n' + BODY, false],
    ['a citation of one', BODY + 'theo Văn bản số 12/VBHN-VPQH.\n', false],
    ['an ordinary text', BODY, false],
  ];
  it.each(cases)('%s', (_, text, want) => {
    expect(oracle(text)).toBe(want);
    expect(parseDocument(text).tree.consolidated).toBe(want);
  });

  const piece = fc.constantFrom('XÁC THỰC VĂN BẢN HỢP NHẤT', 'Số:', 'Số: ', '12', '/VBHN-', '/VBHN', ' ', '\t', '\u3000', '\u2003', '\n', 'a', 'Điều 1.', '[Điều này được sửa đổi bởi Luật 1]');
  it('agrees with the whole-text search (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((xs) => xs.join('')), (text) => {
        expect(parseDocument(text).tree.consolidated).toBe(oracle(parseDocument(text).source.text.replace(/\[Điều này được sửa đổi bởi Luật 1\]/gu, (m) => ' '.repeat(m.length))));
      }),
      { numRuns: 2000 },
    );
  });
});
