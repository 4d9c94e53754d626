/**
 * Units keep their label, number and title spans as numbers until read (syntax/unit-node.ts): the ranges read
 * later, the numbers the node index and the rules read without making them, and the JSON must all agree, in
 * the original text's offsets whatever the normaliser changed.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { nodeIndex } from '../../language-server/src/core/syntax/node-index.ts';
import { hasNumberRange, hasTitleRange, labelStartOf, UnitNode } from '../../language-server/src/core/syntax/unit-node.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';

const LAW = [
  'QUỐC HỘI',
  '',
  'LUẬT THỬ NGHIỆM',
  '',
  'Chương I',
  'QUY ĐỊNH CHUNG',
  '',
  'Điều 1. Phạm vi điều chỉnh',
  'Luật này quy định về thử nghiệm.',
  '',
  'Điều 2. Giải thích từ ngữ',
  '1. Khoản một có nội dung dài để làm tiêu đề của khoản.',
  'a) Điểm a của khoản một;',
  'b) Điểm b của khoản một.',
  '2. Khoản hai.',
  '- Một gạch đầu dòng không có số.',
  '',
  'Điều 2a. Điều được chèn',
  'Nội dung.',
].join('\n');

/** The same law as users may have it: CRLF line ends, decomposed letters, no-break spaces (offsets shift). */
const VARIANTS: [string, string][] = [
  ['as typed', LAW],
  ['CRLF', LAW.replace(/\n/g, '\r\n')],
  ['NFD + NBSP', LAW.normalize('NFD').replace(/ /g, (m, i: number) => (i % 5 ? m : '\u00a0'))],
];

function units(n: Node, out: UnitNode[] = []): UnitNode[] {
  if (n instanceof UnitNode) out.push(n);
  for (const c of n.children) units(c, out);
  return out;
}

describe('unit nodes', () => {
  it.each(VARIANTS)('answer the numbers and the ranges alike, before and after the ranges are made (%s)', (_, text) => {
    const { tree } = parseDocument(text);
    const all = units(tree);
    expect(all.map((u) => u.kind)).toEqual(['chuong', 'dieu', 'dieu', 'khoan', 'diem', 'diem', 'khoan', 'item', 'dieu']);
    // Asked first without making the ranges, then from the ranges.
    const before = all.map((u) => [labelStartOf(u), hasNumberRange(u), hasTitleRange(u)]);
    const after = all.map((u) => [u.labelRange?.start, u.numberRange !== undefined, u.titleRange !== undefined]);
    expect(before).toEqual(after);
    expect(nodeIndex(tree).labelStarts()).toEqual(all.map((u) => u.labelRange!.start).filter((s) => s !== undefined));
    // The same object on every read, and a write goes through.
    expect(all[1].labelRange).toBe(all[1].labelRange);
    all[1].labelRange!.end += 0;
  });

  it.each(VARIANTS)('point into the original text (%s)', (_, text) => {
    const { tree } = parseDocument(text);
    const nfc = (r: { start: number; end: number } | undefined) => (r ? text.slice(r.start, r.end).normalize('NFC').replace(/\u00a0/g, ' ') : undefined);
    const seen = units(tree).map((u) => [nfc(u.labelRange), nfc(u.numberRange), nfc(u.titleRange)?.split(/\r?\n/)[0], u.title]);
    expect(seen).toEqual([
      ['Chương I', 'I', 'QUY ĐỊNH CHUNG', 'QUY ĐỊNH CHUNG'],
      ['Điều 1.', '1', 'Phạm vi điều chỉnh', 'Phạm vi điều chỉnh'],
      ['Điều 2.', '2', 'Giải thích từ ngữ', 'Giải thích từ ngữ'],
      ['1.', '1', 'Khoản một có nội dung dài để làm tiêu đề của khoản.', 'Khoản một có nội dung dài để làm tiêu đề của khoản.'],
      ['a)', 'a', 'Điểm a của khoản một;', 'Điểm a của khoản một;'],
      ['b)', 'b', 'Điểm b của khoản một.', 'Điểm b của khoản một.'],
      ['2.', '2', 'Khoản hai.', 'Khoản hai.'],
      ['-', undefined, 'Một gạch đầu dòng không có số.', 'Một gạch đầu dòng không có số.'],
      ['Điều 2a.', '2a', 'Điều được chèn', 'Điều được chèn'],
    ]);
  });

  it('serialise their spans in the fields and order of a plain node', () => {
    const { tree } = parseDocument(LAW);
    const khoan = units(tree).find((u) => u.kind === 'khoan')!;
    const json = JSON.parse(JSON.stringify(khoan));
    expect(Object.keys(json)).toEqual(['kind', 'id', 'number', 'title', 'range', 'labelRange', 'numberRange', 'titleRange', 'children']);
    expect(json.labelRange).toEqual(khoan.labelRange);
    expect(json.titleRange).toEqual(khoan.titleRange);
    const dieu = units(tree).find((u) => u.number === '2a')!;
    expect(JSON.parse(JSON.stringify(dieu)).inserted).toBe(true);
  });

  it('take a span set by a reader, and drop one set to undefined', () => {
    const { tree } = parseDocument(LAW);
    const [, dieu] = units(tree);
    dieu.numberRange = { start: 1, end: 2 };
    expect(hasNumberRange(dieu)).toBe(true);
    expect(dieu.numberRange).toEqual({ start: 1, end: 2 });
    dieu.titleRange = undefined;
    expect(hasTitleRange(dieu)).toBe(false);
    expect(dieu.title).toBe('Phạm vi điều chỉnh');
    dieu.labelRange = { start: 7, end: 9 };
    expect(labelStartOf(dieu)).toBe(7);
  });
});
