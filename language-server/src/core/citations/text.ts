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

/** Whitespace folded to single spaces, trimmed. */
export function foldSpace(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
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
