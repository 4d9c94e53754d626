/**
 * The legacy Vietnamese font encodings that still circulate in old Word
 * files and in text copied out of them:
 *
 * - TCVN3 (ABC, TCVN 5712:1993, fonts ".VnTime", ".VnArial"): one byte per
 *   letter, the Vietnamese letters in 0x80–0xFF. Read as Latin-1 it gives
 *   "Céng hoµ x· héi chñ nghÜa ViÖt Nam". Capitals with a tone exist only in
 *   the caps fonts (".VnTimeH"), which reuse the lower-case codes: the case of
 *   those letters cannot be recovered, so TCVN3 is reported, not decoded.
 * - VNI (VNI-Windows, fonts "VNI-Times"): a base letter followed by a mark
 *   byte. Read as Latin-1: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".
 *
 * Both show up either as raw 8-bit bytes (a file that is not UTF-8) or as
 * valid UTF-8 whose letters are those Latin-1 look-alikes (the text went
 * through a converter that did not know the font). `legacyCandidates`
 * decodes a byte string both ways; the caller keeps whichever reads as
 * Vietnamese (syllable.ts). The decoded text is only ever shown as a preview
 * in the message — the file is not checked in its legacy form.
 */

/** TCVN 5712:1993 (VN1, a superset of TCVN3 ABC) bytes 0x80–0xFF. */
const TCVN3_HIGH =
  '\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128' +
  '\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168' +
  '\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0' +
  '\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4' +
  '\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd' +
  '\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2' +
  '\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9' +
  '\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0';

/** Bytes → text as the TCVN3 fonts draw them (capitals with tones come out lower-case, see above). */
export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : TCVN3_HIGH[b - 0x80];
  return out.normalize('NFC');
}

/** VNI letters that stand alone (lower-case byte; the capital is 0x20 lower). */
const VNI_LETTERS: Record<number, string> = {
  0xf4: 'ơ', 0xf6: 'ư', 0xed: 'í', 0xec: 'ì', 0xe6: 'ỉ', 0xf3: 'ĩ', 0xf2: 'ị', 0xee: 'ỵ', 0xf1: 'đ',
};
/** VNI mark bytes (lower-case form; the capital form is 0x20 lower) → combining marks. */
const VNI_MARKS: Record<number, string> = {
  0xf9: '\u0301', 0xf8: '\u0300', 0xfb: '\u0309', 0xf5: '\u0303', 0xef: '\u0323',
  0xe2: '\u0302', 0xe1: '\u0302\u0301', 0xe0: '\u0302\u0300', 0xe5: '\u0302\u0309', 0xe3: '\u0302\u0303', 0xe4: '\u0302\u0323',
  0xea: '\u0306', 0xe9: '\u0306\u0301', 0xe8: '\u0306\u0300', 0xfa: '\u0306\u0309', 0xfc: '\u0306\u0303', 0xeb: '\u0306\u0323',
};
const VNI_BASES = /[aeiouyAEIOUYơưƠƯ]/u;

function vniLetter(b: number): string | undefined {
  const lower = VNI_LETTERS[b];
  if (lower) return lower;
  const upper = VNI_LETTERS[b + 0x20];
  return upper?.toUpperCase();
}

function vniMark(b: number): string | undefined {
  return VNI_MARKS[b] ?? VNI_MARKS[b + 0x20];
}

/** Bytes → text as the VNI fonts draw them. */
export function decodeVni(bytes: Uint8Array): string {
  let out = '';
  let prev = '';
  for (const b of bytes) {
    const mark = b >= 0xc0 ? vniMark(b) : undefined;
    if (mark !== undefined && VNI_BASES.test(prev)) {
      out += mark;
      prev = '';
      continue;
    }
    const ch = (b >= 0xc0 ? vniLetter(b) : undefined) ?? LATIN1_OR_CP1252[b];
    out += ch;
    prev = ch;
  }
  return out.normalize('NFC');
}

/** Windows-1252 bytes 0x80–0x9F (the rest of the byte range is Latin-1). */
const CP1252_80 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const LATIN1_OR_CP1252: string[] = Array.from({ length: 256 }, (_, b) =>
  b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80] : String.fromCharCode(b),
);
const CP1252_BYTE = new Map<string, number>(LATIN1_OR_CP1252.map((ch, b) => [ch, b]));

/**
 * The bytes a text would have been if every character is a Windows-1252
 * character (how legacy-font text looks once it has become "Unicode" by
 * mistake). Characters outside Windows-1252 become "?"; `unmapped` counts them.
 */
export function toCp1252Bytes(text: string): { bytes: Uint8Array; unmapped: number } {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  let unmapped = 0;
  for (const ch of text) {
    const b = CP1252_BYTE.get(ch);
    if (b === undefined) unmapped++;
    bytes[n++] = b ?? 0x3f;
  }
  return { bytes: bytes.subarray(0, n), unmapped };
}

export type LegacyEncoding = 'tcvn3' | 'vni';

/** The two legacy readings of a byte string. */
export function legacyCandidates(bytes: Uint8Array): { encoding: LegacyEncoding; text: string }[] {
  return [
    { encoding: 'tcvn3', text: decodeTcvn3(bytes) },
    { encoding: 'vni', text: decodeVni(bytes) },
  ];
}

/** Bytes → text as Windows-1252 (what a "Latin-1" reading of a legacy file shows). */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += LATIN1_OR_CP1252[b];
  return out;
}
