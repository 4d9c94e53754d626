/**
 * Laws cited by name ("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015",
 * "Bộ luật Hình sự"): the registry knows most laws by number, with the name
 * from their header's title ("TỔ CHỨC CHÍNH PHỦ" under "LUẬT"), and some by
 * name alone (a law the corpus cites by name and date). One index of both by
 * the name's canonical form, and the rule that picks one document of it.
 */
import { foldDiacritics } from '../text/letters.ts';
import type { EntryData } from './schema.ts';

export const LAW_TYPES: ReadonlySet<string> = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp']);

/** A law's type: its first letter (L, B, P, H) turns away a Nghị định before the Set hashes a string 100,000 times. */
export function isLawType(type: string | undefined): boolean {
  if (!type) return false;
  const c = type.charCodeAt(0);
  return (c === 76 || c === 66 || c === 80 || c === 72) && LAW_TYPES.has(type);
}

/**
 * The canonical form of a law's name, type word included: no diacritics
 * (old and new tone placement, a typed "tòan" for "toàn"), no case, words
 * only ("Hình sự __" is "Hình sự"), without "(nước Cộng hòa xã hội chủ
 * nghĩa) Việt Nam" at the end ("Bộ luật Hàng hải Việt Nam" is cited as
 * "Bộ luật Hàng hải"). "luat to chuc chinh phu".
 */
export function lawNameKey(type: string, name: string): string {
  // "ð" (U+00F0) is the lookalike copies type for "đ".
  const named = `${type} ${name.replace(/^(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?![\p{L}\d])/iu, '')}`;
  const words = foldDiacritics(named.replace(/ð/gu, 'đ')).replace(/[^\p{L}\d]+/gu, ' ').trim();
  return words.replace(/(?: nuoc cong hoa xa hoi chu nghia)? viet nam$/u, '');
}

/** The name an entry gives a law, if it is one: a name-only entry's `name`, a numbered law's title. Consolidated texts (VBHN) share the law's name and are not it. */
export function lawNameOf(e: EntryData): string | undefined {
  if (!isLawType(e.type)) return undefined;
  if (e.number?.includes('VBHN')) return undefined;
  const name = e.name ?? e.title;
  return name ? lawNameKey(e.type!, name) : undefined;
}

/** How a law cited by name was told apart from the others of its name. */
export type LawMatch = 'date' | 'year' | 'only' | 'in-force';

const OUT_OF_FORCE = new Set(['het-hieu-luc-toan-bo', 'ngung-hieu-luc']);

/** Known to be no longer in force: its status says so, or a relation says it was replaced or repealed as a whole. */
function outOfForce(e: EntryData): boolean {
  if (e.status && OUT_OF_FORCE.has(e.status)) return true;
  return e.relations?.some((r) => (r.kind === 'replaced-by' || r.kind === 'repealed-by') && !r.partial) ?? false;
}

const yearOf = (e: EntryData) => e.dateIssued?.slice(0, 4);

/**
 * Which of the entries of one name the citation means. An entry known only
 * by name is the numbered law of that name and year when the registry has
 * one (a law by name is one law per year). With a date: the law of that
 * date, else of that year; with a year: the law of that year; a dated
 * citation never falls to another year's law. Without either: of the laws
 * of that name issued by the citing document's date (`asOf`, when known: a
 * 2019 letter's "Luật Doanh nghiệp" is not the law of 2020), the only one, or
 * the only one not known to be out of force when every other one is known to be.
 */
export function pickLaw<E extends EntryData>(candidates: readonly E[], date: string | undefined, year: number | undefined, asOf?: string): { entry: E; by: LawMatch } | undefined {
  const numbered = candidates.filter((e) => e.number);
  const years = new Set(numbered.map(yearOf));
  const docs = [...numbered, ...candidates.filter((e) => !e.number && !(yearOf(e) && years.has(yearOf(e))))];
  if (date) {
    const same = docs.filter((e) => e.dateIssued === date);
    if (same.length === 1) return { entry: same[0], by: 'date' };
    if (same.length > 1) return undefined;
  }
  const y = date ? date.slice(0, 4) : year ? String(year) : undefined;
  if (y) {
    const same = docs.filter((e) => yearOf(e) === y);
    return same.length === 1 ? { entry: same[0], by: 'year' } : undefined;
  }
  const known = asOf ? docs.filter((e) => !e.dateIssued || e.dateIssued <= asOf) : docs;
  if (known.length === 1) return { entry: known[0], by: 'only' };
  const inForce = known.filter((e) => !outOfForce(e));
  return inForce.length === 1 ? { entry: inForce[0], by: 'in-force' } : undefined;
}
