/**
 * Letter-case tests on Vietnamese text, hand-written because they run on
 * every line of a 1 MB law: most lines reveal a lower-case ASCII letter within
 * a few characters, so the loop exits long before a Unicode regex would.
 */
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

// The code `c` of `s` at `i`: the one-character string is made only for the pattern (a letter beyond
// ASCII and Latin-1 is a new string each time it is read as one).
function isLowerCode(c: number, s: string, i: number): boolean {
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0xc0) return false;
  const k = vietnameseCase(c);
  return k < 0 ? LOWER.test(s[i]) : k === LOWER_CASE;
}

function isUpperCode(c: number, s: string, i: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0) return false;
  const k = vietnameseCase(c);
  return k < 0 ? UPPER.test(s[i]) : k === UPPER_CASE;
}

export const LOWER_CASE = 1;
const UPPER_CASE = 2;

/**
 * The case of the letters of Vietnamese beyond ASCII by their code (Latin-1, ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9, where
 * upper and lower case alternate), so that a heading in capitals is read without a regex per letter; 0 for
 * × and ÷, -1 for anything else (ask \p{Ll} / \p{Lu}). text-letters.test.ts checks it against both on every unit.
 */
export function vietnameseCase(c: number): number {
  if (c >= 0xc0 && c <= 0xff) return c === 0xd7 || c === 0xf7 ? 0 : c >= 0xdf ? LOWER_CASE : UPPER_CASE;
  if (c >= 0x1ea0 && c <= 0x1ef9) return c & 1 ? LOWER_CASE : UPPER_CASE;
  if (c === 0x102 || c === 0x110 || c === 0x128 || c === 0x168 || c === 0x1a0 || c === 0x1af) return UPPER_CASE;
  if (c === 0x103 || c === 0x111 || c === 0x129 || c === 0x169 || c === 0x1a1 || c === 0x1b0) return LOWER_CASE;
  return -1;
}

/** JS `\s`: white space and line terminators, the set the patterns' `\s` and `trim()` read. */
export function isJsSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** An ASCII digit's char code (labels, numbers and dates are written with these only). */
export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** [a-zđ]: a letter a điểm label ("a)", "đ)") or a lettered number ("12a", "a1") is written with. */
export function isLabelLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x111;
}

/** True when the text has at least two capital letters and no lower-case letter. */
export function isAllUpper(s: string): boolean {
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLowerCode(c, s, i)) return false;
    if (isUpperCode(c, s, i)) upper++;
  }
  return upper >= 2;
}

export function startsUpper(s: string): boolean {
  return s.length > 0 && isUpperCode(s.charCodeAt(0), s, 0);
}

/** Lower case, no diacritics, đ → d, white space folded: names compared as people type them (symbol search, law names). */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Letters a case-insensitive regex (flags iu) matches in exactly two forms, its lower and upper case:
 * the ASCII letters but "k" and "s" (which also match "K" U+212A and "ſ" U+017F) and the Vietnamese
 * letters with diacritics. A native search for both forms then finds every place such a regex can
 * match the letter (test/unit/text-letters.test.ts checks every UTF-16 unit).
 */
export const VIETNAMESE_LOWER = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const TWO_CASE = new Set([...'abcdefghijlmnopqrtuvwxyz', ...VIETNAMESE_LOWER]);

/** [lower, upper] of a letter of TWO_CASE (in either case); undefined for anything else. */
export function caseForms(ch: string): readonly [string, string] | undefined {
  const lower = ch.toLowerCase();
  return TWO_CASE.has(lower) ? [lower, lower.toUpperCase()] : undefined;
}
