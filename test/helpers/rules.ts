/** Helpers for table-driven rule tests. */
import { expect } from 'vitest';
import type { Diagnostic, Lang } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { applyEdits, checkDocument, collectFixEdits } from '../../language-server/src/core/service.ts';

export const diagsOf = (text: string, code: string, lang: Lang = 'vi'): Diagnostic[] =>
  checkDocument(text, { lang }).diagnostics.filter((d) => d.code === code);

/** Applies the fixes of `code` until none is left (at most 3 rounds); returns the text. */
export function fixCode(text: string, code: string): string {
  let t = text;
  for (let r = 0; r < 3; r++) {
    const edits = collectFixEdits(diagsOf(t, code));
    if (edits.length === 0) break;
    t = applyEdits(t, edits);
  }
  return t;
}

export interface RuleCase {
  name: string;
  text: string;
  /** Fragments the messages must contain, one per expected diagnostic, in order; [] = must not fire. */
  vi: string[];
  en?: string[];
  /** The text after the fixes; the rule must then be silent. */
  fixed?: string;
}

export function runCase(code: string, c: RuleCase): void {
  const ds = diagsOf(c.text, code);
  expect(ds.map((d) => d.message)).toHaveLength(c.vi.length);
  c.vi.forEach((frag, i) => expect(ds[i].message).toContain(frag));
  if (c.en) {
    const en = diagsOf(c.text, code, 'en');
    c.en.forEach((frag, i) => expect(en[i].message).toContain(frag));
  }
  if (c.fixed !== undefined) {
    const out = fixCode(c.text, code);
    expect(out).toBe(c.fixed);
    expect(diagsOf(out, code)).toEqual([]);
  }
}
