/** Small Vietnamese text helpers shared by the citation modules. */

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
