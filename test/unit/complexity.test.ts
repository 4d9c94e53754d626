/**
 * The analysis does work in proportion to the text: a document four times as
 * long costs about four times the regex scanning, searching and tree walking,
 * never sixteen. Counted, not timed (test/helpers/work.ts), on documents of
 * the benchmark's generator, so the figures are the same on every machine.
 * Each check names the quadratic scan it guards against.
 */
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../bench/generate.ts';
import { countWork, type Work } from '../helpers/work.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { runRules } from '../../language-server/src/core/service.ts';
import { RULES } from '../../language-server/src/core/rules/registry.ts';
import { referencesOf } from '../../language-server/src/core/references/index.ts';
import type { AnyRule } from '../../language-server/src/core/rules/rule.ts';

const SMALL = generateDocument({ bytes: 60_000, seed: 21 });
const LARGE = generateDocument({ bytes: 240_000, seed: 21 });
/** Allowed growth per character beyond linear (4× the text may cost up to 4 × 1.5 the work). */
const SLACK = 1.5;
/** Counters this small on the small document say nothing about growth. */
const MEANINGFUL = 200;

/**
 * For each counter, work per character on the large document ÷ on the small
 * one (1: linear; 4: quadratic). Each counter on its own, so that a quadratic
 * tree walk is not hidden behind a large linear regex count.
 */
function growth(measure: (text: string) => Work): Partial<Record<keyof Work, number>> {
  const small = measure(SMALL);
  const large = measure(LARGE);
  const out: Partial<Record<keyof Work, number>> = {};
  for (const k of Object.keys(small) as (keyof Work)[]) {
    if (small[k] < MEANINGFUL) continue;
    out[k] = large[k] / LARGE.length / (small[k] / SMALL.length);
  }
  return out;
}

function expectLinear(g: Partial<Record<keyof Work, number>>): void {
  for (const [k, v] of Object.entries(g)) expect(v, k).toBeLessThan(SLACK);
}

describe('work grows linearly with the text', () => {
  it('generated documents have the constructs the rules read, at both sizes', () => {
    for (const text of [SMALL, LARGE]) {
      const parse = parseDocument(text);
      const kinds = new Set<string>();
      const visit = (n: { kind: string; children: { kind: string; children: unknown[] }[] }) => {
        kinds.add(n.kind);
        n.children.forEach((c) => visit(c as never));
      };
      visit(parse.tree as never);
      for (const k of ['header', 'preamble', 'can-cu', 'chuong', 'dieu', 'khoan', 'diem', 'item', 'noi-nhan', 'chu-ky', 'phu-luc', 'table', 'row']) expect(kinds, k).toContain(k);
      expect(referencesOf(parse).length).toBeGreaterThan(text.length / 2000);
    }
    expect(LARGE.length / SMALL.length).toBeGreaterThan(3.9);
  });

  it('the parser (a search from each điểm to the end of the text was quadratic)', () => {
    expectLinear(growth((text) => countWork(() => parseDocument(text)).work));
  });

  it('references and their resolution (every "Điều N" walked the whole tree)', () => {
    const g = growth((text) => {
      const parse = parseDocument(text);
      return countWork(() => referencesOf(parse), [parse.tree]).work;
    });
    expect(Object.keys(g)).toContain('childVisits');
    expectLinear(g);
  });

  it.each(RULES.map((r): [string, AnyRule] => [r.code, r]))('rule %s', (_code, rule) => {
    expectLinear(
      growth((text) => {
        const parse = parseDocument(text);
        referencesOf(parse); // shared per parse: counted once, above
        return countWork(() => runRules(parse, {}, [rule]), [parse.tree]).work;
      }),
    );
  });
});
