/**
 * Go to definition: from a written reference to the unit(s) it names.
 */
import type { ParseResult } from '../syntax/tree.ts';
import { focusAt, unitLocations, type UnitLocation } from './focus.ts';

/**
 * The units the reference at `offset` names — the number under the cursor
 * ("3" of "khoản 1, 3 Điều 5" → khoản 3), else the part ("Điều 5"), else the
 * whole chain ("các điểm a, b khoản 2" → both điểm). Each with its label range
 * and whole range (original offsets). Empty when the cursor is not on an
 * internal reference, or the reference is external, amending or broken.
 */
export function definition(parse: ParseResult, offset: number): UnitLocation[] {
  const f = focusAt(parse, offset);
  if (!f || f.on !== 'reference') return [];
  return unitLocations(parse, f.ids);
}
