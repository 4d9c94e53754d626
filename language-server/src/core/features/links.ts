/**
 * Document links: every resolved internal reference becomes a link to the
 * unit it names, so a click (or Ctrl+click) jumps there.
 */
import type { Lang } from '../diagnostics/diagnostic.ts';
import { referencesOf } from '../references/index.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import { nodeById, unitLocation, type UnitLocation } from './focus.ts';
import { unitName } from '../references/names.ts';

export interface ReferenceLink {
  /** What is clickable: the whole chain when it names one unit, else each written number ("a", "g" of "các điểm a, g khoản 3"). */
  range: Range;
  target: UnitLocation;
  /** "Đến điểm a khoản 3 mục II" ("Go to …" in English) — a tooltip. */
  tooltip: string;
}

/**
 * The links of the document, in text order, never overlapping. A chain naming
 * one unit links as a whole ("khoản 3 Điều 5"); a list or range links each
 * written number of its smallest part to its own unit (the first one from the
 * keyword on: "các điểm a", ", g"). Broken, external and amending references
 * get none.
 */
export function documentLinks(parse: ParseResult, lang: Lang = 'vi'): ReferenceLink[] {
  const out: ReferenceLink[] = [];
  const add = (range: Range, id: string) => {
    const n = nodeById(parse, id);
    if (n) out.push({ range, target: unitLocation(n), tooltip: `${lang === 'en' ? 'Go to' : 'Đến'} ${unitName(parse, id)}` });
  };
  for (const r of referencesOf(parse)) {
    for (const c of r.chains) {
      const leaf = c.parts[0];
      if (c.missing || c.candidates || !leaf) continue;
      if (c.targets.length === 1) {
        add(c.chain.location, c.targets[0]);
        continue;
      }
      leaf.numbers.forEach((n, i) => {
        if (n.ids.length !== 1) return;
        add(i === 0 ? { start: leaf.part.location.start, end: n.range.end } : n.range, n.ids[0]);
      });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
