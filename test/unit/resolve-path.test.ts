/**
 * references/resolve.ts finds the units enclosing each reference by a descent that starts from the last
 * reference's path when the next one lies further on (TreeIndex.path): resolving the references of a text
 * together must give what resolving each on its own gives (a fresh index, a descent from the root), on
 * parser trees and on trees whose children overlap or are out of order (the descent's other cases).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { findReferences, resolveReferences } from '../../language-server/src/core/references/index.ts';
import { pathsAt } from '../../language-server/src/core/references/resolve.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i'];
const REFS = ['khoản 2', 'khoản 1 Điều 3', 'điểm b khoản 1', 'điểm a', 'Điều 9', 'Điều này', 'khoản này', 'khoản 2 Điều này', 'các khoản 1, 3 Điều 2', 'từ Điều 1 đến Điều 4', 'điểm c khoản 2 Điều 1', 'Điều 12'];

/** A document of `dieu` Điều, each with its khoản and điểm, whose sentences cite units by `refs` (indexes into REFS). */
function documentText(shape: { khoan: number; diem: number }[], refs: number[]): string {
  let r = 0;
  const cite = () => `theo ${REFS[refs[r++ % refs.length]]} và ${REFS[refs[r++ % refs.length]]}`;
  const lines = ['QUYẾT ĐỊNH', ''];
  shape.forEach((d, i) => {
    lines.push(`Điều ${i + 1}. Nội dung ${cite()}`);
    for (let k = 1; k <= d.khoan; k++) {
      lines.push(`${k}. Khoản ${cite()}:`);
      for (let e = 0; e < d.diem; e++) lines.push(`${LETTERS[e]}) Điểm ${cite()};`);
    }
  });
  return lines.join('\n') + '\n';
}

/** Every node of the tree, parents first. */
function nodes(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    out.push(n);
    n.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Children swapped or stretched into their next sibling, at the places `edits` picks. */
function disorder(root: Node, edits: { at: number; swap: boolean }[]): void {
  const parents = nodes(root).filter((n) => n.children.length >= 2);
  for (const { at, swap } of edits) {
    if (!parents.length) return;
    const p = parents[at % parents.length];
    const k = at % (p.children.length - 1);
    const [a, b] = [p.children[k], p.children[k + 1]];
    if (swap) [p.children[k], p.children[k + 1]] = [b, a];
    // Into the next sibling, or over all of it.
    else a.range = { start: a.range.start, end: Math.max(a.range.end, Math.min(b.range.end, b.range.start + 1 + (at % 97))) };
  }
}

describe('resolving references together or one by one', () => {
  const shape = fc.array(fc.record({ khoan: fc.integer({ min: 0, max: 10 }), diem: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 12 });
  const refs = fc.array(fc.integer({ min: 0, max: REFS.length - 1 }), { minLength: 1, maxLength: 12 });
  const edits = fc.array(fc.record({ at: fc.nat(), swap: fc.boolean() }), { maxLength: 6 });
  // The references in text order, or shuffled (a later one before an earlier one: the descent from the root).
  const order = fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }));

  it('gives every reference the same resolution', () => {
    fc.assert(fc.property(shape, refs, edits, order, (s, r, e, o) => {
      const parse = parseDocument(documentText(s, r));
      disorder(parse.tree, e);
      const inText = findReferences(parse);
      const found = o ? inText.map((ref, i) => ({ ref, key: o[i % o.length] })).sort((x, y) => x.key - y.key).map((x) => x.ref) : inText;
      const together = resolveReferences(parse, found);
      const alone = found.flatMap((ref) => resolveReferences(parse, [ref]));
      expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
    }), { numRuns: 200 });
  });

  it('finds at each level the first child holding the offset, as a linear search does, whatever the siblings\' ranges', () => {
    // Each node's children given ranges from `spans` (sorted by start, of any length: overlapping, nested,
    // empty, ends that decrease), then paths asked at offsets in text order or not.
    const spans = fc.array(fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 400 })), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(shape, spans, fc.array(fc.nat({ max: 900 }), { minLength: 1, maxLength: 40 }), fc.boolean(), (s, sp, o, sorted) => {
      const parse = parseDocument(documentText(s, [0]));
      let k = 0;
      for (const n of nodes(parse.tree)) {
        const starts = n.children.map(() => sp[k++ % sp.length][0]).sort((x, y) => x - y);
        n.children.forEach((c, i) => (c.range = { start: starts[i], end: starts[i] + sp[(k + i) % sp.length][1] }));
      }
      const at = sorted ? [...o].sort((x, y) => x - y) : o;
      const linear = (offset: number) => {
        const out: Node[] = [parse.tree];
        for (let n: Node | undefined = parse.tree; (n = n.children.find((c) => c.range.start <= offset && offset < c.range.end)); ) out.push(n);
        return out.map((n) => n.id);
      };
      expect(pathsAt(parse, at).map((p) => p.map((n) => n.id))).toEqual(at.map(linear));
    }), { numRuns: 200 });
  });

  it("meets the descent's cases: long child lists, overlaps and children out of order", () => {
    // A law-like shape: more than 8 Điều and khoản (the binary search), with the children disordered.
    const parse = parseDocument(documentText(Array.from({ length: 10 }, () => ({ khoan: 9, diem: 3 })), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    disorder(parse.tree, [{ at: 3, swap: true }, { at: 7, swap: false }, { at: 20, swap: true }]);
    const found = findReferences(parse);
    expect(found.length).toBeGreaterThan(300);
    const together = resolveReferences(parse, found);
    expect(together.filter((x) => x.status === 'resolved').length).toBeGreaterThan(100);
    expect(JSON.stringify(together)).toBe(JSON.stringify(found.flatMap((ref) => resolveReferences(parse, [ref]))));
  });
});
