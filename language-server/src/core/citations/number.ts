/**
 * Số ký hiệu: reading one as written ("63/2022/NĐ-CP", "76/NQ- CP", "27/CT-TTG",
 * "45/2016/QĐ-⏎TTg", "404-CP", "27-NQ/TW", "48/KL-TW") into its parts, its
 * canonical spelling and a lookup key that survives NFD, "Ð", dash variants,
 * stray spaces and line breaks. Pure; never throws.
 */
import { BoundedMemo } from '../bounded-memo.ts';
import { canonicalSegment, issuerOf, MIXED_CASE_CODES, TYPE_CODES } from './codes.ts';

export type NumberKind =
  /** "63/2022/NĐ-CP", "971/QĐ-BNV", "05/BNV-VP", "64/2025/QH15". */
  | 'state'
  /** Before the 2000s: "404-CP", "299/TTg", "61-CP". */
  | 'old'
  /** Party documents: "27-NQ/TW", "52-CT/TW", "48/KL-TW", "10-NQ/BCSĐ". */
  | 'party';

export interface NumberParts {
  kind: NumberKind;
  /** The sequence number as written ("05"). */
  seq: string;
  /** "2022" in "63/2022/NĐ-CP". */
  year?: number;
  /** The type abbreviation ("NĐ", "QĐ", "TTLT"), canonical case. */
  typeCode?: string;
  /** The type the abbreviation stands for ("Nghị định"); for a Quốc hội number, undefined (Luật or Nghị quyết). */
  type?: string;
  /** Issuer codes, canonical case ("CP", "BTP", "QH15"), joint documents listing several. */
  issuers: string[];
  /** Codes after the issuer that name a unit ("VP" in "05/BNV-VP"). */
  units: string[];
}

export interface FormatProblem {
  kind: 'space' | 'case' | 'dash' | 'line-break';
  /** What was written there. */
  text: string;
}

export interface ParsedNumber {
  parts: NumberParts;
  /** The canonical spelling: "76/NQ-CP", "27/CT-TTg", "45/2016/QĐ-TTg", "27-NQ/TW". */
  canonical: string;
  /** The lookup key: canonical, upper case, sequence without leading zeros. */
  key: string;
  problems: FormatProblem[];
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const DASH_TEST = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const SPACES = /[\s\u00a0\u200b-\u200d\u2060\ufeff]+/gu;

/** NFC, "Ð" → "Đ", every dash variant → "-", no whitespace. */
export function cleanNumberText(raw: string): string {
  if (isPlain(raw)) return raw;
  return raw.normalize('NFC').replace(/\u00d0/gu, 'Đ').replace(/\u00f0/gu, 'đ').replace(DASHES, '-').replace(SPACES, '');
}

/**
 * Whether `raw` is already clean, as almost every ký hiệu is ("63/2022/NĐ-CP"): printable ASCII but the space,
 * and U+00A1–U+02FF but "Ð" "ð". Below U+0300 (the first combining mark) a text is its own NFC, and every
 * dash variant and white space cleanNumberText rewrites lies outside those ranges.
 */
function isPlain(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c < 0xa1 || c >= 0x300 || c === 0xd0 || c === 0xf0) return false;
  }
  return true;
}

export const PARTY_ORGS = /^(?:TW|VPTW|BCSĐ|BCS|TU|HU|ĐU|QU|TƯ|BTCTW|BTGTW|BDVTW|UBKTTW|ĐUK|ĐUQSTW|ĐUCA|BCĐ|BBT)$/u;
export const PARTY_TYPES = /^(?:NQ|CT|KL|QĐ|QĐi|HD|TB|KH|CTr|BC|QC|QyĐ|TTr)$/u;

/** Splits a cleaned number into its parts, or undefined when it is not a số ký hiệu. */
export function parseParts(clean: string): NumberParts | undefined {
  // Party: "27-NQ/TW", "10-NQ/BCSĐ", "36-HD/BTCTW".
  let m = /^(\d{1,5})-([\p{L}]{1,5})\/([\p{L}\d]{1,10})$/u.exec(clean);
  if (m && PARTY_TYPES.test(canonicalSegment(m[2])) && PARTY_ORGS.test(m[3].toUpperCase())) {
    const typeCode = canonicalSegment(m[2]);
    return { kind: 'party', seq: m[1], typeCode, type: TYPE_CODES[typeCode], issuers: [m[3].toUpperCase()], units: [] };
  }
  // Old state numbers: "404-CP", "11-HĐBT", "201-CP".
  m = /^(\d{1,5})-([\p{L}]{2,6})$/u.exec(clean);
  if (m) {
    const code = canonicalSegment(m[2]);
    if (!issuerOf(code) && !/^(?:HĐBT|LB|BT|CP|TTg)$/u.test(code)) return undefined;
    return { kind: 'old', seq: m[1], issuers: [code], units: [] };
  }
  m = /^(\d{1,5}[a-z]?)(?:\/((?:19|20)\d{2}))?\/([\p{L}\d&]+(?:-[\p{L}\d&]+)*)$/u.exec(clean);
  if (!m) return undefined;
  const seq = m[1];
  const year = m[2] ? Number(m[2]) : undefined;
  const segs = m[3].split('-').map(canonicalSegment);
  // "48/KL-TW": a Party number written in the state form.
  if (!year && segs.length === 2 && PARTY_TYPES.test(segs[0]) && PARTY_ORGS.test(segs[1])) {
    return { kind: 'party', seq, typeCode: segs[0], type: TYPE_CODES[segs[0]], issuers: [segs[1]], units: [] };
  }
  const parts: NumberParts = { kind: 'state', seq, issuers: [], units: [] };
  if (year) parts.year = year;
  let i = 0;
  if (TYPE_CODES[segs[0]] && segs.length > 1) {
    parts.typeCode = segs[0];
    parts.type = TYPE_CODES[segs[0]];
    i = 1;
  } else if (segs.length === 1 && /^(?:TTg|CP|HĐBT)$/u.test(segs[0]) && !year) {
    parts.kind = 'old'; // "299/TTg", "15/CP"
  }
  // Issuers: known codes in a row ("BTP-BTC-TTCP"); after the first unknown, the rest are units.
  for (; i < segs.length; i++) {
    const s = segs[i];
    if (issuerOf(s) || (parts.issuers.length === 0 && i === (parts.typeCode ? 1 : 0))) parts.issuers.push(s);
    else break;
  }
  parts.units = segs.slice(i);
  return parts;
}

/** The canonical spelling of the parts. */
function spell(p: NumberParts): string {
  if (p.kind === 'party') return `${p.seq}-${p.typeCode}/${p.issuers[0]}`;
  if (p.kind === 'old' && !p.typeCode && p.issuers.length === 1 && p.units.length === 0) return `${p.seq}-${p.issuers[0]}`;
  const codes = [...(p.typeCode ? [p.typeCode] : []), ...p.issuers, ...p.units].join('-');
  return `${p.seq}${p.year ? `/${p.year}` : ''}/${codes}`;
}

/**
 * Reads a ký hiệu as written. `raw` may hold spaces, line breaks, dash variants,
 * NFD letters and "Ð": they are format problems, not a different number.
 */
export function parseNumber(raw: string): ParsedNumber | undefined {
  return PARSED.get(raw, readNumber);
}

/**
 * parseNumber's answers by the text as written: a document cites the same few numbers again and again, and each
 * check of it (a keystroke's) reads them all anew. The answers are shared: read-only, like a citation's number.
 */
const PARSED = new BoundedMemo<ParsedNumber | undefined>(4096);

function readNumber(raw: string): ParsedNumber | undefined {
  const clean = cleanNumberText(raw);
  const parts = parseParts(clean);
  if (!parts) return undefined;
  let canonical = spell(parts);
  // "299/TTg" keeps its slash: the old Prime Minister numbers were written so.
  if (parts.kind === 'old' && /\//u.test(clean) && !parts.typeCode) canonical = `${parts.seq}/${parts.issuers[0]}`;
  const problems: FormatProblem[] = [];
  const nfc = raw.normalize('NFC').replace(/\u00d0/gu, 'Đ');
  if (/\n/u.test(nfc)) problems.push({ kind: 'line-break', text: raw });
  // Spaces around a line break belong to the wrap, not to the number.
  if (/[ \t\u00a0]/u.test(nfc.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/gu, ''))) problems.push({ kind: 'space', text: raw });
  if (DASH_TEST.test(nfc)) problems.push({ kind: 'dash', text: raw });
  const written = clean;
  // Case: compare the written codes with the canonical ones (party form "48/KL-TW" is a spelling, not a case slip).
  if (written !== canonical && written.toUpperCase() === canonical.toUpperCase() && hasKnownCaseSlip(written)) {
    problems.push({ kind: 'case', text: raw });
  }
  return { parts, canonical, key: numberKey(canonical), problems };
}

/** A code written in the wrong case that we know the right case of ("TTG", "nđ", "Qh15"). */
function hasKnownCaseSlip(written: string): boolean {
  const segs = written.split(/[/-]/u).filter((s) => /\p{L}/u.test(s));
  return segs.some((s) => {
    const c = canonicalSegment(s);
    if (c === s) return false;
    return MIXED_CASE_CODES.includes(c) || !!TYPE_CODES[c] || !!issuerOf(c);
  });
}

/** The lookup key of a canonical (or any) number text: upper case, no leading zeros in the sequence. */
export function numberKey(text: string): string {
  return KEYS.get(text, keyOf);
}

/** numberKey's answers: the rules ask for the keys of the document's own number and of every citation, each check. */
const KEYS = new BoundedMemo<string>(4096);

function keyOf(text: string): string {
  const clean = cleanNumberText(text);
  const parts = parseParts(clean);
  const canonical = parts ? spell(parts) : clean;
  return canonical.toUpperCase().replace(/^0+(?=\d)/u, '');
}

/** The canonical spelling of any number text, or undefined when it is not one. */
export function canonicalNumber(text: string): string | undefined {
  return parseNumber(text)?.canonical;
}
