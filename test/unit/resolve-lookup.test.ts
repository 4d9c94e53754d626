/**
 * references/resolve.ts looks a written number up among the units it may name: in place among a few, by
 * place among units labelled 1, 2, 3… in order, through a map of labels otherwise. Whatever the order
 * and gaps of the labels, "Điều k", "khoản j Điều k" and "điểm x khoản 1 Điều 1" name the unit labelled so, or nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { findReferences, resolveReferences } from '../../language-server/src/core/references/index.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** n distinct labels: 1…n in order (most laws), or drawn from 1…n+3 in any order. */
const labels = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.oneof(fc.constant(upTo(n)), fc.shuffledSubarray(upTo(n + 3), { minLength: n, maxLength: n })));

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p'];

describe('a written number names the unit labelled so', () => {
  it('"điểm x khoản 1 Điều 1" resolves to the điểm lettered x, or to none', () => {
    fc.assert(
      fc.property(
        // Letters a, b, c… in order, or drawn from the first n+3 in any order.
        labels(2, 12).map((ks) => ks.map((k) => LETTERS[k - 1])),
        fc.array(fc.constantFrom(...LETTERS, 'f', 'z'), { minLength: 1, maxLength: 6 }),
        (diems, asked) => {
          const lines = ['QUYẾT ĐỊNH', '', 'Điều 1. Tên điều', '1. Các trường hợp sau:', ...diems.map((l) => `${l}) Trường hợp;`), 'Điều 2. Tên điều', `1. Áp dụng ${asked.map((x) => `điểm ${x} khoản 1 Điều 1`).join('; ')}.`];
          const parse = parseDocument(lines.join('\n') + '\n');
          const khoan = parse.tree.children.find((c) => c.kind === 'body')!.children[0].children[0];
          expect(khoan.children.map((d) => d.number)).toEqual(diems);
          const resolutions = resolveReferences(parse, findReferences(parse));
          expect(resolutions.length).toBe(asked.length);
          resolutions.forEach((r, i) => {
            const want = khoan.children.find((d) => d.number === asked[i]);
            expect([r.status, r.targets]).toEqual(want ? ['resolved', [want.id]] : ['unresolved', []]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });


  it('"Điều k" and "khoản j Điều k" resolve to the units with those labels, or to none', () => {
    fc.assert(
      fc.property(
        labels(2, 14),
        labels(2, 12),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 17 }), fc.option(fc.integer({ min: 0, max: 15 }))), { minLength: 1, maxLength: 6 }),
        (dieus, khoans, asked) => {
          // Every Điều holds the same khoản labels; the references stand in the last khoản of the first Điều.
          const cite = asked.map(([k, j]) => (j === null ? `Điều ${k}` : `khoản ${j} Điều ${k}`));
          const lines = ['QUYẾT ĐỊNH', ''];
          dieus.forEach((d, i) => {
            lines.push(`Điều ${d}. Tên điều`);
            khoans.forEach((j, m) => lines.push(i === 0 && m === khoans.length - 1 ? `${j}. Áp dụng ${cite.join('; ')}.` : `${j}. Nội dung.`));
          });
          const parse = parseDocument(lines.join('\n') + '\n');
          const dieuNodes = parse.tree.children.find((c) => c.kind === 'body')!.children.filter((c) => c.kind === 'dieu');
          expect(dieuNodes.map((d) => d.number)).toEqual(dieus.map(String));
          const named = (units: readonly Node[], label: number) => units.find((u) => u.number === String(label));
          const resolutions = resolveReferences(parse, findReferences(parse));
          expect(resolutions.length).toBe(asked.length);
          resolutions.forEach((r, i) => {
            const [k, j] = asked[i];
            const dieu = named(dieuNodes, k);
            const want = dieu && (j === null ? dieu : named(dieu.children, j));
            expect([r.status, r.targets]).toEqual(want ? ['resolved', [want.id]] : ['unresolved', []]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
