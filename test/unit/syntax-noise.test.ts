/**
 * lineRoles (syntax/noise.ts): the lines of the medium, not the document. Its pre-tests only narrow where a
 * pattern runs; the property compares its portal-UI verdicts with the pattern tried on every line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineTable, splitLines } from '../../language-server/src/core/text/lines.ts';
import { lineRoles, ROLE_NAMES } from '../../language-server/src/core/syntax/noise.ts';

// The portal UI pattern of noise.ts, tried on every line (no pre-test).
const PORTAL_UI = /^(?:Tải file đính kèm|Bản PDF:|File đính kèm:|Gửi phản hồi|In văn bản|Lược đồ|Văn bản liên quan)$|^\S+\.(?:pdf|docx?|zip)(?:\s*-\s*\(Xem nhanh\))?$/u;
const roles = (text: string) => [...lineRoles(lineTable(text))].map((r) => ROLE_NAMES[r]);

describe('portal UI lines', () => {
  const cases: [string, boolean][] = [
    ['Tải file đính kèm', true],
    ['Văn bản liên quan', true],
    ['Bản PDF:', true],
    ['QD-123-2024.pdf', true],
    ['Quyet_dinh_so_12.docx - (Xem nhanh)', true],
    ['phu-luc.zip', true],
    ['Phu-luc-kem-theo-quyet-dinh-so-1234-nam-2024-cua-ubnd-tinh.doc', true],
    ['Điều 5. Tải file đính kèm', false],
    ['Xem tại địa chỉ abc.pdf hoặc liên hệ văn phòng để biết thêm thông tin', false],
    ['1. Nội dung.', false],
  ];
  it.each(cases)('%s', (line, noise) => {
    // After the header ("QUỐC HỘI"): vbInfo lines before it are noise for another reason.
    expect(roles(`QUỐC HỘI\n${line}`)[1]).toBe(noise ? 'noise' : 'text');
  });

  const piece = fc.constantFrom('Tải file đính kèm', 'Bản PDF:', 'Lược đồ', 'abc', '.pdf', '.doc', '.docx', '.zip', '.', ' - (Xem nhanh)', '(Xem nhanh)', ' ', 'x', 'Điều 1', 'T', 'V', 'f', ')', 'đ'.repeat(45));
  it('marks as noise exactly the text lines the pattern matches (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join('')), { minLength: 1, maxLength: 6 }), (ls) => {
        const got = roles(['QUỐC HỘI', ...ls].join('\n'));
        ls.forEach((l, k) => {
          const t = splitLines(l)[0].text;
          if (got[k + 1] !== 'text' && got[k + 1] !== 'noise') return; // blank, separator, footnote
          expect([t, got[k + 1]]).toEqual([t, PORTAL_UI.test(t) ? 'noise' : 'text']);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
