/**
 * The foundation's acceptance on seed 004 (Quyết định 971/QĐ-BNV with its
 * attached Kế hoạch and PHỤ LỤC table, copied from a portal).
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';
import { byId, numbers } from '../helpers/tree.ts';
import { SEED_004, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
const upTo = (last: string) => LETTERS.slice(0, LETTERS.indexOf(last) + 1).join(',');

describe.skipIf(!hasCorpus)('seed 004', () => {
  const text = hasCorpus ? readCorpus(SEED_004) : '';
  const tree = parseDocument(text).tree;

  it('has the decision\'s Điều 1–3', () => {
    expect(numbers(byId(tree, 'body'), 'dieu')).toBe('1,2,3');
  });

  it('has the attached Kế hoạch with sections I–IV', () => {
    const att = byId(tree, 'attachment_1')!;
    expect(att.kind).toBe('attachment');
    expect(att.title).toBe('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA BỘ NỘI VỤ');
    expect(numbers(att, 'section')).toBe('I,II,III,IV');
  });

  it('section II: khoản 1–7 with điểm a–g, a–l, a–g, a–i, a–e, a–h, a–k', () => {
    const s2 = byId(tree, 'attachment_1/section_II');
    expect(numbers(s2, 'khoan')).toBe('1,2,3,4,5,6,7');
    const expected = ['g', 'l', 'g', 'i', 'e', 'h', 'k'];
    expected.forEach((last, i) => expect(numbers(byId(tree, `attachment_1/section_II/khoan_${i + 1}`), 'diem'), `khoản ${i + 1}`).toBe(upTo(last)));
  });

  it('section IV: khoản 1–13', () => {
    expect(numbers(byId(tree, 'attachment_1/section_IV'), 'khoan')).toBe(Array.from({ length: 13 }, (_, i) => i + 1).join(','));
  });

  it('joins wrapped headings into one unit', () => {
    expect(byId(tree, 'attachment_1/section_II/khoan_6')?.title).toBe('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số');
    expect(byId(tree, 'attachment_1/section_II/khoan_2')?.title).toBe('Cải cách thủ tục hành chính');
  });

  describe('the PHỤ LỤC table', () => {
    const table = byId(tree, 'phu_luc/table_1')!;
    const rows = table?.children.filter((r) => !r.id.endsWith('/header')) ?? [];
    const cell = (r: Node, col: number) => r.children.find((c) => c.column === col)?.title;

    it('has its 6 columns', () => {
      expect(table.columns).toEqual(['Nội dung/Nhiệm vụ', 'Hoạt động/Sản phẩm', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Ghi chú']);
    });
    it('has group rows I–VII', () => {
      expect(rows.filter((r) => r.group).map((r) => r.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    });
    it('gives every numbered row its Đơn vị chủ trì and Thời gian thực hiện', () => {
      const numbered = rows.filter((r) => !r.group);
      expect(numbered.length).toBeGreaterThan(60);
      for (const r of numbered) {
        expect(r.number, r.id).toMatch(/^\d+(\.\d+)?$/u);
        expect(cell(r, 2), `${r.id} chủ trì`).toBeTruthy();
        expect(cell(r, 4), `${r.id} thời gian`).toBeTruthy();
      }
      const first = numbered[0];
      expect([first.number, cell(first, 2), cell(first, 4)]).toEqual(['1', 'Vụ Cải cách hành chính', '- Ban hành: Tháng 12/2024; - Triển khai: Năm 2025']);
      const r21 = numbered.find((r) => r.number === '2.1')!;
      expect([cell(r21, 0)?.slice(0, 30), cell(r21, 2), cell(r21, 4)]).toEqual(['2. Chủ trì, phối hợp với các đ', 'Vụ Cải cách hành chính', 'Ban hành: Tháng 3/2025']);
    });
  });

  it('has Nơi nhận with 7 lines', () => {
    expect(byId(tree, 'noi_nhan')?.lines?.length).toBe(7);
  });

  it('has the signature KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Trương Hải Long', () => {
    const sig = byId(tree, 'chu_ky')!.signature!;
    expect(sig.titles.map((t) => t.text)).toEqual(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']);
    expect(sig.name?.text).toBe('Trương Hải Long');
  });
});
