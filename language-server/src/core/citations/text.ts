/** Small Vietnamese text helpers shared by the citation modules. */
import { positionsOf } from '../text/anchors.ts';

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

/** Whitespace folded to single spaces, trimmed. */
export function foldSpace(s: string): string {
  // Most spans are already folded (single plain spaces between words): they are their own answer. The test
  // allocates nothing; the replace built a copy of every one (each space rewritten by itself).
  return UNFOLDED.test(s) ? s.replace(/\s+/gu, ' ').trim() : s;
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
