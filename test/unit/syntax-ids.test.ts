/**
 * Unit ids: `base/seg`, a repeated one "~2", "~3"… under the same base. The parser keeps the segments given under
 * each open unit in one shared run (a Set only past a few dozen children) and joins a unit's id to its parent's
 * on first read (syntax/parse.ts giveUnder, unit-node.ts idAfter); these check the ids against the rule written
 * out plainly, for any order of labels, repeats and run lengths on both sides of the Set's threshold.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { allNodes } from '../helpers/tree.ts';

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e'];

/** A Điều whose khoản carry `numbers` (repeats allowed), each with the điểm of its list (letters, repeats allowed). */
function article(khoan: { n: number; diem: number[] }[]): string {
  const lines = ['Điều 1. Phạm vi', ''];
  for (const k of khoan) {
    lines.push(`${k.n}. Nội dung của khoản ${k.n}:`);
    for (const d of k.diem) lines.push(`${LETTERS[d]}) Nội dung điểm ${LETTERS[d]};`);
  }
  return lines.join('\n') + '\n';
}

/** The ids the rule gives: the k-th unit with the same segment under the same base gets "~k". */
function expectedIds(khoan: { n: number; diem: number[] }[]): string[] {
  const out = ['dieu_1'];
  const seen = new Map<string, number>();
  const give = (base: string, seg: string): string => {
    const key = `${base}/${seg}`;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    return k === 1 ? key : `${key}~${k}`;
  };
  for (const k of khoan) {
    const id = give('dieu_1', `khoan_${k.n}`);
    out.push(id);
    for (const d of k.diem) out.push(give(id, `diem_${LETTERS[d]}`));
  }
  return out;
}

const unitIds = (text: string): string[] =>
  allNodes(parseDocument(text).tree)
    .filter((n) => n.kind === 'dieu' || n.kind === 'khoan' || n.kind === 'diem')
    .map((n) => n.id);

describe('unit ids', () => {
  it('repeats get ~2, ~3 under the same base, past the Set threshold too (60 khoản, numbers repeated)', () => {
    const khoan = Array.from({ length: 60 }, (_, i) => ({ n: (i % 25) + 1, diem: i % 7 === 0 ? [0, 1, 0] : [] }));
    const ids = unitIds(article(khoan));
    expect(ids).toEqual(expectedIds(khoan));
    expect(ids).toContain('dieu_1/khoan_1~3');
    expect(ids).toContain('dieu_1/khoan_1/diem_a~2');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('follow the rule for any labels and repeats', () => {
    const khoanArb = fc.record({ n: fc.integer({ min: 1, max: 40 }), diem: fc.array(fc.integer({ min: 0, max: LETTERS.length - 1 }), { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(khoanArb, { maxLength: 70 }), (khoan) => {
        expect(unitIds(article(khoan))).toEqual(expectedIds(khoan));
      }),
      { numRuns: 60 },
    );
  });

  it('read in any order, an id is its parent id and its segment (joined on first read)', () => {
    const text = article([{ n: 1, diem: [0, 1] }, { n: 2, diem: [0] }]);
    const nodes = allNodes(parseDocument(text).tree).filter((n) => n.kind === 'diem');
    // Children first: each join reads its parent's id, itself joined on that read.
    expect(nodes.map((n) => n.id)).toEqual(['dieu_1/khoan_1/diem_a', 'dieu_1/khoan_1/diem_b', 'dieu_1/khoan_2/diem_a']);
    expect(JSON.parse(JSON.stringify(nodes[2])).id).toBe('dieu_1/khoan_2/diem_a');
  });
});
