/**
 * "Is this word a Vietnamese syllable?" — the yardstick the encoding detector
 * uses to tell real Vietnamese from the same bytes read in the wrong code
 * page. "Céng hoµ x· héi" (TCVN3 read as Latin-1) is mostly not syllables;
 * "Cộng hoà xã hội" is. The check is structural (onset + vowel cluster +
 * coda, at most one tone mark), permissive on purpose: it must never call
 * real text foreign, and rejecting the mojibake is easy.
 */

/** Tone marks (combining) that a syllable carries at most once. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS = [
  'uyê', 'uyu', 'uya', 'uây', 'uôi', 'ươi', 'ươu', 'oai', 'oay', 'oao', 'oeo', 'iêu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'y', 'o', 'ô', 'ơ', 'u', 'ư',
].join('|');
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
// Anchored on a word of at most 8 letters (checked before), so backtracking is bounded.
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEUS})${CODA}$`, 'u');

/** The longest Vietnamese syllable ("nghiêng", "khuyếch") has 7 letters. */
const MAX_SYLLABLE = 8;

/**
 * True when `word` (letters only, any case, NFC or NFD) is shaped like a
 * Vietnamese syllable: onset, vowel cluster, coda, at most one tone.
 */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > MAX_SYLLABLE * 2) return false;
  let tones = 0;
  let bare = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONES.has(ch)) tones++;
    else bare += ch;
  }
  if (tones > 1) return false;
  bare = bare.normalize('NFC');
  return bare.length <= MAX_SYLLABLE && SYLLABLE.test(bare);
}

/**
 * Letters that only Vietnamese uses (not in Latin-1): ă đ ĩ ũ ơ ư and the
 * toned vowels of U+1EA0–U+1EF9, plus combining tone marks (NFD text).
 */
export const VIETNAMESE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]/u;

export interface VietnameseScore {
  /** Words with a letter outside ASCII that are Vietnamese syllables. */
  syllables: number;
  /** Words with a letter outside ASCII that are not. */
  foreign: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

/**
 * Scores a text sample: how many of its non-ASCII words are Vietnamese
 * syllables. Plain ASCII words say nothing either way and are skipped.
 */
export function scoreVietnamese(sample: string): VietnameseScore {
  const score: VietnameseScore = { syllables: 0, foreign: 0 };
  for (const m of sample.matchAll(WORD)) {
    const w = m[0];
    if (!/[^\x00-\x7f]/u.test(w)) continue;
    if (isVietnameseSyllable(w)) score.syllables++;
    else score.foreign++;
  }
  return score;
}
