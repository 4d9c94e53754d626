/** Small Vietnamese text helpers shared by the citation modules. */
import { positionsOf } from '../text/anchors.ts';
import { isJsSpace } from '../text/letters.ts';

/** Old and new tone placement ("hoà"/"hòa", "uỷ"/"ủy") folded to the new one. */
const TONE_FOLD: Readonly<Record<string, string>> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};
const TONE_RE = /o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]/gu;

/** Lower case, NFC, one tone placement, whitespace folded: for comparing names and titles. */
export function foldVi(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u00f0/gu, 'đ')
    .replace(TONE_RE, (m) => TONE_FOLD[m] ?? m)
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * What foldSpace changes: a blank other than the plain space, else (only plain spaces left) two in a row or one
 * at either end. trim's blanks are \s's.
 */
const UNFOLDED = /[^\S ]| (?: |$)|^ /u;

/** Whitespace folded to single spaces, trimmed: `s.replace(/\s+/gu, ' ').trim()`. */
export function foldSpace(s: string): string {
  // Most spans are already folded (single plain spaces between words): they are their own answer. The test
  // allocates nothing; the replace built a copy of every one (each space rewritten by itself).
  return UNFOLDED.test(s) ? foldBlankRuns(s) : s;
}

/**
 * `s.replace(/\s+/gu, ' ').trim()` by slices: the blanks at either end left out, each inner run of blanks but a
 * lone plain space made one space. The regex replace cost ≈ 1.7 µs on the 120 units before each citation of a
 * consolidated law (its line breaks), about three times this.
 */
function foldBlankRuns(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isJsSpace(s.charCodeAt(start))) start++;
  while (end > start && isJsSpace(s.charCodeAt(end - 1))) end--;
  let out = '';
  let last = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isJsSpace(c)) continue;
    let k = i + 1;
    while (k < end && isJsSpace(s.charCodeAt(k))) k++;
    if (c !== 0x20 || k > i + 1) {
      out += s.slice(last, i) + ' ';
      last = k;
    }
    i = k - 1;
  }
  return last === 0 && end === s.length ? s : out + s.slice(last, end);
}

/**
 * A publisher's editorial note on one line ("[… được hướng dẫn bởi Điều 11
 * Thông tư …]"). No "[" inside: each character is read from one note start
 * only (with "[" allowed, a line of "[" was read 3,000 times over).
 */
export const EDITORIAL_NOTE = /\[[^\[\]\n]{1,3000}\]/gu;

const NOTE_AT = new RegExp(EDITORIAL_NOTE.source, 'uy');

/**
 * The editorial notes of a text, as offsets: EDITORIAL_NOTE's global matches, tried only at each "["
 * (text/anchors.ts) — most texts have none, and the global scan was a pass over the whole text.
 */
export function editorialNotes(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (const at of positionsOf(text, ['['])) {
    if (at < from) continue;
    NOTE_AT.lastIndex = at;
    if (!NOTE_AT.test(text)) continue;
    from = NOTE_AT.lastIndex;
    out.push({ start: at, end: from });
  }
  return out;
}

/** A note holds at most 3,000 characters between its brackets: 6,000 UTF-16 units. */
const NOTE_REACH = 6002;

/**
 * Whether `offset` lies inside one of editorialNotes(text), read from the last "[" at or before it: a note's
 * inside holds no "[", so no note that starts earlier reaches past that "[". The look back stops at a line
 * break or "]" (no note holds those) or at a note's greatest length, so each offset costs its own line's
 * few characters, not a search of the whole text.
 */
export function inEditorialNote(text: string, offset: number): boolean {
  for (let i = offset, stop = Math.max(0, offset - NOTE_REACH); i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) {
      NOTE_AT.lastIndex = i;
      return NOTE_AT.test(text) && offset < NOTE_AT.lastIndex;
    }
    if (c === 0x0a || (c === 0x5d && i < offset)) return false;
  }
  return false;
}
