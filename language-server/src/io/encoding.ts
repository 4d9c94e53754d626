/**
 * From the bytes of a file to the text the checker reads — or to a clear
 * reason why not. Pure (TextDecoder only), so the CLI, the language server
 * and the browser share it.
 *
 * Decoded and checked: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or
 * without BOM recognised by its zero bytes), UTF-32 with BOM, Windows-1258.
 * Recognised and explained, not checked: the legacy Vietnamese font
 * encodings TCVN3 (ABC) and VNI — as raw bytes or as their Latin-1
 * look-alikes inside valid UTF-8 —, UTF-8 that was decoded as Windows-1252
 * and saved again ("Cá»™ng"), binary files (PDF, .doc, ZIP, images, …),
 * files over MAX_DOCUMENT_BYTES. Detection reads bounded samples, so its cost
 * does not depend on the size of the file beyond one linear decode.
 */
import { BINARY_MESSAGE, knownBinary, looksBinary } from './file-kind.ts';
import { decodeCp1252, legacyCandidates, toCp1252Bytes, type LegacyEncoding } from './legacy-vietnamese.ts';
import type { Message } from './message.ts';
import { scoreVietnamese, VIETNAMESE_ONLY, type VietnameseScore } from './syllable.ts';

export type { Message } from './message.ts';
export { pick } from './message.ts';

/** Larger documents are refused unread: a Bộ luật is about 1 MB; 16 MiB of text is not one document. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** How much of a file the detectors look at. */
const SAMPLE_BYTES = 256 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1258';

/** Why a file was not decoded. */
export type RefusalKind =
  | 'tcvn3'
  | 'vni'
  | 'utf8-as-cp1252'
  | 'binary'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'too-large';

export interface DecodedText {
  ok: true;
  text: string;
  encoding: TextEncoding;
  /** The file starts with a byte order mark (kept when the file is written back). */
  bom: boolean;
  /** Said to the user about the encoding (a guess, a legacy code page): one `io/encoding` note. */
  notice?: Message;
}

export interface Refusal {
  ok: false;
  kind: RefusalKind;
  /** The detail (`binary`: pdf, zip, ole, rtf, png, …). */
  detail?: string;
  message: Message;
}

export type Decoded = DecodedText | Refusal;

/** What a refusal to decode a file this large says. */
export function tooLarge(size: number): Refusal {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '');
  return {
    ok: false,
    kind: 'too-large',
    message: {
      vi: `Tệp quá lớn (${mb(size)} MB, tối đa ${mb(MAX_DOCUMENT_BYTES)} MB): đây không phải một văn bản; hãy tách thành từng văn bản`,
      en: `File too large (${mb(size)} MB, at most ${mb(MAX_DOCUMENT_BYTES)} MB): this is not one document; split it into documents`,
    },
  };
}

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Decodes a document's bytes (see the module comment for what is accepted). Never throws. */
export function decodeDocument(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_DOCUMENT_BYTES) return tooLarge(bytes.length);
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return decodeUtf8(bytes.subarray(3), true);
  if (startsWith(bytes, 0xff, 0xfe, 0, 0)) return decodeUtf32(bytes.subarray(4), 'utf-32le');
  if (startsWith(bytes, 0, 0, 0xfe, 0xff)) return decodeUtf32(bytes.subarray(4), 'utf-32be');
  if (startsWith(bytes, 0xff, 0xfe)) return decodeUtf16(bytes.subarray(2), 'utf-16le', true);
  if (startsWith(bytes, 0xfe, 0xff)) return decodeUtf16(bytes.subarray(2), 'utf-16be', true);

  const binary = knownBinary(bytes);
  if (binary) return { ok: false, kind: 'binary', detail: binary.kind, message: binary.message };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = guessUtf16(sample);
  if (utf16) return decodeUtf16(bytes, utf16, false);
  if (looksBinary(sample)) return { ok: false, kind: 'binary', message: BINARY_MESSAGE };
  return decodeUtf8(bytes, false);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array, bom: boolean): Decoded {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return decodeEightBit(bytes);
  }
  const legacy = detectLegacyText(text);
  if (legacy) return legacy;
  return { ok: true, text, encoding: 'utf-8', bom };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): Decoded {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    return {
      ok: false,
      kind: 'invalid-utf16',
      message: {
        vi: `Tệp ${name} bị hỏng (số byte lẻ hoặc cặp thay thế không hợp lệ): hãy mở bằng trình soạn thảo và lưu lại dạng UTF-8`,
        en: `Broken ${name} file (odd byte count or invalid surrogate pair): open it in an editor and save it as UTF-8`,
      },
    };
  }
  const legacy = detectLegacyText(text);
  if (legacy) return legacy;
  const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  return {
    ok: true,
    text,
    encoding,
    bom,
    notice: bom
      ? undefined
      : {
          vi: `Tệp ${name} không có BOM (nhận ra theo nội dung); nên lưu lại dạng UTF-8`,
          en: `${name} file without a BOM (recognised from its content); consider saving it as UTF-8`,
        },
  };
}

function decodeUtf32(bytes: Uint8Array, encoding: 'utf-32le' | 'utf-32be'): Decoded {
  const le = encoding === 'utf-32le';
  const units: string[] = [];
  let ok = bytes.length % 4 === 0;
  for (let i = 0; ok && i < bytes.length; i += 4) {
    const cp = le
      ? bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)
      : (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
    if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) ok = false;
    else units.push(String.fromCodePoint(cp));
  }
  if (!ok) {
    return {
      ok: false,
      kind: 'binary',
      detail: encoding,
      message: { vi: 'Tệp UTF-32 bị hỏng: hãy lưu lại dạng UTF-8', en: 'Broken UTF-32 file: save it as UTF-8' },
    };
  }
  return {
    ok: true,
    text: units.join(''),
    encoding,
    bom: true,
    notice: { vi: 'Tệp mã hoá UTF-32; nên lưu lại dạng UTF-8', en: 'UTF-32 file; consider saving it as UTF-8' },
  };
}

/**
 * UTF-16 without a BOM: in Vietnamese text most characters are ASCII (high
 * byte 0) or in U+01xx/U+1Exx/U+03xx, so one byte of each pair is mostly 0
 * and the other almost never is. UTF-8 text has no zero bytes at all.
 */
function guessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = sample.length >> 1;
  if (pairs < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.3 && evenZero <= pairs * 0.02) return 'utf-16le';
  if (evenZero >= pairs * 0.3 && oddZero <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** Enough Vietnamese words, and few foreign ones, to call a reading Vietnamese. */
function readsVietnamese(s: VietnameseScore, atLeast = 5): boolean {
  return s.syllables >= atLeast && s.syllables >= 4 * s.foreign;
}

const CP1258 = (() => {
  try {
    return new TextDecoder('windows-1258');
  } catch {
    return undefined; // a runtime without the legacy code pages
  }
})();

/** Not UTF-8: Windows-1258 (decoded), TCVN3 or VNI (explained), or an unknown 8-bit code page. */
function decodeEightBit(bytes: Uint8Array): Decoded {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const readings: { encoding: 'windows-1258' | LegacyEncoding; text: string; score: VietnameseScore }[] = [];
  if (CP1258) {
    const text = CP1258.decode(sample).normalize('NFC');
    readings.push({ encoding: 'windows-1258', text, score: scoreVietnamese(text) });
  }
  for (const c of legacyCandidates(sample)) readings.push({ ...c, score: scoreVietnamese(c.text) });
  const best = readings.filter((r) => readsVietnamese(r.score, 3)).sort((a, b) => b.score.syllables - a.score.syllables)[0];
  if (best?.encoding === 'windows-1258' && CP1258) {
    return {
      ok: true,
      text: CP1258.decode(bytes).normalize('NFC'),
      encoding: 'windows-1258',
      bom: false,
      notice: {
        vi: 'Tệp mã hoá Windows-1258 (CP1258), đã giải mã để kiểm tra; vị trí tính theo văn bản Unicode dựng sẵn (NFC). Nên lưu lại dạng UTF-8, ví dụ: iconv -f WINDOWS-1258 -t UTF-8 tệp.txt > tệp-utf8.txt',
        en: 'Windows-1258 (CP1258) file, decoded to be checked; positions refer to the text in precomposed Unicode (NFC). Consider saving it as UTF-8, e.g. iconv -f WINDOWS-1258 -t UTF-8 file.txt > file-utf8.txt',
      },
    };
  }
  if (best) return legacyRefusal(best.encoding as LegacyEncoding, decodeCp1252(sample), best.text, true);
  return { ok: false, kind: 'invalid-utf8', message: invalidUtf8Message(bytes) };
}

function invalidUtf8Message(bytes: Uint8Array): Message {
  const at = firstInvalidUtf8(bytes);
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  const hex = Array.from(bytes.subarray(at, at + 2), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return {
    vi: `Tệp không phải văn bản UTF-8 hợp lệ (byte ${hex} ở dòng ${line}, vị trí byte ${at}) và không nhận ra bảng mã: hãy mở bằng trình soạn thảo và lưu lại dạng UTF-8`,
    en: `The file is not valid UTF-8 text (bytes ${hex} on line ${line}, byte offset ${at}) and its encoding is not recognised: open it in an editor and save it as UTF-8`,
  };
}

/** Offset of the first byte that breaks UTF-8 (the length when there is none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    if (n === 2 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] >= 0xa0))) return i;
    if (n === 3 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] >= 0x90))) return i;
    i += n + 1;
  }
  return i;
}

const LATIN1_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/gu;
const VIETNAMESE_ONLY_G = new RegExp(VIETNAMESE_ONLY.source, 'gu');
/** detectLegacyText reads this many characters from the start of a text, no more (the language server reuses its answer while they stay the same). */
export const LEGACY_SAMPLE_CHARS = 200_000;

const countMatches = (re: RegExp, s: string) => {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s)) n++;
  return n;
};

const fewLatin1 = (latin1: number) => latin1 < 5;
// Real Vietnamese has letters Latin-1 lacks (ư, ơ, đ, ạ, ệ…); mojibake has almost none.
const mostlyVietnamese = (vietnamese: number, latin1: number) => vietnamese * 10 > latin1;

/** The letters detectLegacyText counts first in its sample (LEGACY_SAMPLE_CHARS): one per character, so an edit of k characters moves each count by at most k. */
export interface LegacyLetterCounts {
  latin1: number;
  vietnamese: number;
}

export function legacyLetterCounts(text: string): LegacyLetterCounts {
  const sample = text.slice(0, LEGACY_SAMPLE_CHARS);
  return { latin1: countMatches(LATIN1_LETTER, sample), vietnamese: countMatches(VIETNAMESE_ONLY_G, sample) };
}

/**
 * True when every text whose counts are within `slack` of these reads as it is: detectLegacyText answers
 * undefined from its first two tests. The language server keeps that answer over small edits this way.
 */
export function readsAsItIs(c: LegacyLetterCounts, slack = 0): boolean {
  return fewLatin1(c.latin1 + slack) || mostlyVietnamese(Math.max(0, c.vietnamese - slack), c.latin1 + slack);
}

/**
 * Text that is valid Unicode but was written in a legacy font: TCVN3 or VNI
 * letters seen as Latin-1 ("Céng hoµ", "Coäng hoøa"), or UTF-8 read as
 * Windows-1252 ("Cá»™ng"). For decoded text of any origin (a file, an editor
 * buffer): the language server uses it on open documents. Undefined when the
 * text reads as it is.
 */
export function detectLegacyText(text: string): Refusal | undefined {
  const sample = text.slice(0, LEGACY_SAMPLE_CHARS);
  const latin1 = countMatches(LATIN1_LETTER, sample);
  if (fewLatin1(latin1)) return undefined;
  if (mostlyVietnamese(countMatches(VIETNAMESE_ONLY_G, sample), latin1)) return undefined;
  const { bytes } = toCp1252Bytes(sample);
  // UTF-8 seen as Windows-1252: its bytes are UTF-8 again, full of Vietnamese letters. Random
  // Latin-1 text almost never forms valid multi-byte sequences.
  const asUtf8 = new TextDecoder('utf-8').decode(bytes);
  const broken = countMatches(/\ufffd/gu, asUtf8);
  if (broken * 50 <= latin1 && countMatches(VIETNAMESE_ONLY_G, asUtf8) >= 5 && readsVietnamese(scoreVietnamese(asUtf8))) {
    return utf8AsCp1252Refusal(sample, asUtf8);
  }
  const asIs = scoreVietnamese(sample);
  let best: { encoding: LegacyEncoding; text: string; score: VietnameseScore } | undefined;
  for (const r of legacyCandidates(bytes)) {
    const score = scoreVietnamese(r.text);
    if (readsVietnamese(score) && score.syllables > 2 * asIs.syllables + 3 && (!best || score.syllables > best.score.syllables)) best = { ...r, score };
  }
  return best && legacyRefusal(best.encoding, sample, best.text, false);
}

/** The first line with a non-ASCII letter, as read and as it should read (lines correspond one to one). */
function preview(asRead: string, decoded: string): { from: string; to: string } | undefined {
  const readLines = asRead.split('\n', 400);
  const decodedLines = decoded.split('\n', 400);
  const clip = (s: string) => (s.length > 60 ? s.slice(0, 60) + '…' : s);
  let first: number | undefined;
  for (let i = 0; i < readLines.length && i < decodedLines.length; i++) {
    if (!/[^\x00-\x7f]/u.test(readLines[i])) continue;
    first ??= i;
    // Prefer a line that reads well once decoded (a heading in caps may have lost its case).
    const s = scoreVietnamese(decodedLines[i]);
    const mixedCase = decodedLines[i].split(/\s+/u).some((w) => /\S\p{Lu}/u.test(w) && /\p{Ll}/u.test(w));
    if (s.syllables >= 3 && s.foreign === 0 && !mixedCase) return { from: clip(readLines[i].trim()), to: clip(decodedLines[i].trim()) };
  }
  return first === undefined ? undefined : { from: clip(readLines[first].trim()), to: clip(decodedLines[first].trim()) };
}

const UNIKEY = {
  vi: (source: string) =>
    `Hãy chuyển sang Unicode: trong Unikey mở “Công cụ chuyển mã” (Ctrl+Shift+F6), chọn Nguồn “${source}”, Đích “Unicode”, bấm “Chuyển mã” rồi lưu văn bản dạng UTF-8`,
  en: (source: string) =>
    `Convert it to Unicode: in Unikey open the converter (“Công cụ chuyển mã”, Ctrl+Shift+F6), source “${source}”, destination “Unicode”, convert, then save the text as UTF-8`,
};

function legacyRefusal(encoding: LegacyEncoding, asRead: string, decoded: string, rawBytes: boolean): Refusal {
  const p = preview(asRead, decoded);
  const example = p ? { vi: ` Ví dụ: “${p.from}” là “${p.to}”.`, en: ` For example: “${p.from}” reads “${p.to}”.` } : { vi: '', en: '' };
  if (encoding === 'tcvn3') {
    const iconv = rawBytes ? { vi: '; hoặc: iconv -f TCVN5712-1 -t UTF-8 tệp.txt > tệp-utf8.txt', en: '; or: iconv -f TCVN5712-1 -t UTF-8 file.txt > file-utf8.txt' } : { vi: '', en: '' };
    return {
      ok: false,
      kind: 'tcvn3',
      message: {
        vi: `Văn bản dùng bảng mã cũ TCVN3 (ABC, phông .VnTime), không phải Unicode, nên chưa kiểm tra được. ${UNIKEY.vi('TCVN3 (ABC)')}${iconv.vi}. Chữ hoa có dấu gõ bằng phông .VnTimeH sẽ thành chữ thường, cần sửa lại.${example.vi}`,
        en: `The text uses the legacy TCVN3 (ABC, .VnTime fonts) encoding, not Unicode, so it was not checked. ${UNIKEY.en('TCVN3 (ABC)')}${iconv.en}. Capitals with diacritics typed in .VnTimeH fonts come out lower case and need retyping.${example.en}`,
      },
    };
  }
  return {
    ok: false,
    kind: 'vni',
    message: {
      vi: `Văn bản dùng bảng mã cũ VNI (VNI-Windows, phông VNI-Times), không phải Unicode, nên chưa kiểm tra được. ${UNIKEY.vi('VNI Windows')}.${example.vi}`,
      en: `The text uses the legacy VNI (VNI-Windows, VNI-Times fonts) encoding, not Unicode, so it was not checked. ${UNIKEY.en('VNI Windows')}.${example.en}`,
    },
  };
}

function utf8AsCp1252Refusal(asRead: string, decoded: string): Refusal {
  const p = preview(asRead, decoded);
  const example = p ? { vi: ` Ví dụ: “${p.from}” là “${p.to}”.`, en: ` For example: “${p.from}” should read “${p.to}”.` } : { vi: '', en: '' };
  return {
    ok: false,
    kind: 'utf8-as-cp1252',
    message: {
      vi: `Văn bản UTF-8 đã bị đọc nhầm thành Windows-1252 rồi lưu lại (lỗi phông), nên chưa kiểm tra được. Hãy lấy lại bản gốc, hoặc chuyển ngược: iconv -f UTF-8 -t WINDOWS-1252 tệp.txt > tệp-đúng.txt.${example.vi}`,
      en: `UTF-8 text that was read as Windows-1252 and saved again (mojibake), so it was not checked. Use the original, or convert it back: iconv -f UTF-8 -t WINDOWS-1252 file.txt > fixed.txt.${example.en}`,
    },
  };
}

/**
 * The bytes to write a (fixed) text back in the file's own encoding, or
 * undefined when that encoding is not written (Windows-1258: converting the
 * user's file silently is not ours to do).
 */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Uint8Array | undefined {
  if (encoding === 'utf-8') return new TextEncoder().encode((bom ? '\ufeff' : '') + text);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const s = (bom ? '\ufeff' : '') + text;
    const out = new Uint8Array(s.length * 2);
    const le = encoding === 'utf-16le';
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = u & 0xff;
      out[2 * i + (le ? 1 : 0)] = u >> 8;
    }
    return out;
  }
  return undefined;
}
