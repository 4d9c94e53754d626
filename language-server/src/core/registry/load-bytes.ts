/**
 * Reading a registry file from its bytes, each entry when first used. The
 * whole-text path (parseRegistryText) decoded a 24 MB file into a 42 MB
 * two-byte string and JSON.parse made ≈ 800,000 objects — three quarters of a
 * 100,000-entry load, for entries a run mostly never reads. Here one pass over
 * the bytes checks the JSON syntax (json-bytes.ts) and, per entry, the plain
 * shape plainEntry (load.ts) checks on objects; a plain entry is handed on as
 * a stand-in (lazy-entry.ts) that parses its own bytes the first time anything
 * but its number, type or absent relations is read. An entry the byte check
 * cannot clear (an escape, evidence, a key or value off the plain shape) is
 * parsed at once and goes the old way (readEntry: plainEntry, zod, the same
 * problem and path). A file the scan refuses (malformed JSON, an envelope it
 * does not read) goes the whole-text path, so every message stays that path's.
 * Pure: the caller reads the bytes.
 */
import { at, begin, end, expect, int32At, literal, more, peek, skipValue, strEnd, strEscaped, string, strStart } from './json-bytes.ts';
import { isAsciiDigit } from '../text/letters.ts';
import { LazyEntries, numbersOf, SPAN } from './lazy-entry.ts';
import { isMonthDay, MAX_REGISTRY_BYTES, parseRegistryText, readEntry, readEnvelope, type LoadedFile } from './load.ts';
import { RELATION_KINDS, STATUSES } from './schema.ts';

/** What Node's `buffer.toString('utf8')` gives (U+FFFD for each invalid sequence, a BOM kept): the whole-text path's input. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function parseRegistryBytes(data: Uint8Array, file: string): LoadedFile {
  // A plain view: a Node Buffer's subarray() makes a Buffer, dearer than a Uint8Array's.
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const scan = bytes.length > MAX_REGISTRY_BYTES ? undefined : scanRegistry(bytes);
  if (!scan) return parseRegistryText(decodeUtf8(bytes), file);
  const out: LoadedFile = { file, entries: [], sources: [], problems: [] };
  // The envelope without its entries: small, parsed and checked as the whole-text path checks it.
  const head = decodeUtf8(bytes.subarray(scan.start, scan.entriesStart)) + '[]' + decodeUtf8(bytes.subarray(scan.entriesEnd));
  if (!readEnvelope(JSON.parse(head), true, out)) return out;
  const { spans, plain } = scan;
  const lazy = new LazyEntries(bytes, spans, numbersOf(bytes, spans, plain), plain);
  out.lazy = { entries: lazy, places: readEntries(bytes, spans, plain, lazy, out) };
  return out;
}

/**
 * Into `out.entries`, each entry of the file: a plain one's stand-in, any other parsed and read the old
 * way. Returns their places in the file (-1 for a parsed one). A function of its own, for its one loop
 * (on-stack replacement: see numbersOf).
 */
function readEntries(bytes: Uint8Array, spans: Int32Array, plain: Uint8Array, lazy: LazyEntries, out: LoadedFile): Int32Array {
  const places = new Int32Array(plain.length);
  for (let i = 0, n = plain.length; i < n; i++) {
    if (plain[i]) {
      places[out.entries.length] = i;
      out.entries.push(lazy.entry(i));
    } else {
      const before = out.entries.length;
      readEntry(JSON.parse(decoder.decode(bytes.subarray(spans[i * SPAN], spans[i * SPAN + 1]))), i, out);
      if (out.entries.length > before) places[before] = -1;
    }
  }
  return places.subarray(0, out.entries.length);
}

interface Scan {
  /** After a BOM. */
  start: number;
  /** The entries array, brackets included. */
  entriesStart: number;
  entriesEnd: number;
  spans: Int32Array;
  plain: Uint8Array;
}

/**
 * The registry's layout, or undefined when the scan leaves the file to the whole-text path: a JSON error
 * (JsonSyntaxError), or anything else thrown (parsing never throws; that path gives the same load, slower).
 */
function scanRegistry(bytes: Uint8Array): Scan | undefined {
  try {
    return scanFile(bytes);
  } catch {
    return undefined;
  }
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * A word the scan compares strings with (keys, statuses, relation kinds; ASCII, 4 bytes or more): its
 * length and its bytes as little-endian int32s at 0, 4, 8… and at length − 4, so a compare is a few reads
 * of four bytes, not a loop over each.
 */
interface Word {
  length: number;
  offsets: number[];
  ints: number[];
}

function word(s: string): Word {
  const bytes = ascii(s);
  const view = new DataView(bytes.buffer);
  const offsets: number[] = [];
  for (let o = 0; o + 4 < bytes.length; o += 4) offsets.push(o);
  offsets.push(bytes.length - 4);
  return { length: bytes.length, offsets, ints: offsets.map((o) => view.getInt32(o, true)) };
}

const ENTRIES = word('entries');

/** The last string is `want` (its bytes, no escape). */
function isWord(want: Word): boolean {
  if (strEscaped || strEnd - strStart !== want.length) return false;
  const { offsets, ints } = want;
  for (let j = 0; j < offsets.length; j++) if (int32At(strStart + offsets[j]) !== ints[j]) return false;
  return true;
}

let spans = new Int32Array(0);
let plain = new Uint8Array(0);
let count = 0;

function scanFile(bytes: Uint8Array): Scan | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  begin(bytes, start);
  if (peek() !== 123) return undefined;
  expect(123);
  let entriesStart = -1;
  let entriesEnd = -1;
  // Room for an entry of 128 bytes each (the bench's are 240): the arrays grow by doubling past that.
  spans = new Int32Array((bytes.length >> 7) * SPAN + SPAN);
  plain = new Uint8Array((bytes.length >> 7) + 1);
  count = 0;
  if (peek() === 125) expect(125);
  else {
    do {
      string();
      // An escaped key may spell "entries" (or "__proto__"): such a file is the whole-text path's.
      if (strEscaped) return undefined;
      const isEntries = isWord(ENTRIES);
      expect(58);
      if (!isEntries) {
        skipValue();
        continue;
      }
      // "entries" twice (JSON.parse keeps the last), or not an array: the whole-text path's.
      if (entriesStart >= 0 || peek() !== 91) return undefined;
      entriesStart = at();
      scanEntries(bytes);
      entriesEnd = at();
    } while (more(125));
  }
  end();
  if (entriesStart < 0) return undefined;
  const scan = { start, entriesStart, entriesEnd, spans: spans.slice(0, count * SPAN), plain: plain.slice(0, count) };
  spans = new Int32Array(0);
  plain = new Uint8Array(0);
  return scan;
}

function scanEntries(bytes: Uint8Array): void {
  expect(91);
  if (peek() === 93) {
    expect(93);
    return;
  }
  do {
    peek();
    const s = at();
    if (count === plain.length) grow();
    const o = count * SPAN;
    spans[o + 2] = spans[o + 3] = spans[o + 4] = spans[o + 5] = spans[o + 6] = spans[o + 7] = -1;
    plain[count] = bytes[s] === 123 ? entry(bytes, o) : (skipValue(), 0);
    spans[o] = s;
    spans[o + 1] = at();
    count++;
  } while (more(93));
}

function grow(): void {
  const wider = new Int32Array(spans.length * 2);
  wider.set(spans);
  spans = wider;
  const widerPlain = new Uint8Array(plain.length * 2);
  widerPlain.set(plain);
  plain = widerPlain;
}

/** Keys of the plain entry, each with its bit; by their bytes. */
const K_NUMBER = 0;
const K_NAME = 1;
const K_TYPE = 2;
const K_ISSUER = 3;
const K_TITLE = 4;
const K_DATE_ISSUED = 5;
const K_DATE_EFFECTIVE = 6;
const K_STATUS = 7;
const K_STATUS_DATE = 8;
const K_RELATIONS = 9;
const ENTRY_KEYS = ['number', 'name', 'type', 'issuer', 'title', 'dateIssued', 'dateEffective', 'status', 'statusDate', 'relations'].map(word);
/** The longest each text field may be (UTF-16 units, as the schema counts), -1 for a field that is not free text. */
const ENTRY_MAX = [120, 400, 60, 300, 2000, -1, -1, -1, -1, -1];
const R_KIND = 0;
const R_NUMBER = 1;
const R_DATE = 2;
const R_PARTIAL = 3;
const RELATION_KEYS = ['kind', 'number', 'date', 'partial'].map(word);
const STATUS_WORDS = STATUSES.map(word);
const KIND_WORDS = RELATION_KINDS.map(word);

/** Which of `keys` the last string is (-1 for none). */
function keyOf(keys: readonly Word[]): number {
  for (let k = 0; k < keys.length; k++) if (isWord(keys[k])) return k;
  return -1;
}

const oneOf = (values: readonly Word[]) => keyOf(values) >= 0;

/**
 * A text of at most `max` UTF-16 units (at least one when `min`), by its bytes: a string of n bytes
 * decodes to at most n units (a code point of 1–4 bytes is 1–2 units, an invalid byte one U+FFFD),
 * so n ≤ max is enough; a longer one is left to the parse, which counts (rare: titles of 2,000 bytes).
 */
function textFits(max: number, min: boolean): boolean {
  const n = strEnd - strStart;
  return !strEscaped && n <= max && (!min || n >= 1);
}

/** isIsoDate (load.ts) on the last string's bytes. */
function isoDate(bytes: Uint8Array): boolean {
  const s = strStart;
  if (strEscaped || strEnd - s !== 10) return false;
  if (!isAsciiDigit(bytes[s]) || !isAsciiDigit(bytes[s + 1]) || !isAsciiDigit(bytes[s + 2]) || !isAsciiDigit(bytes[s + 3])) return false;
  if (bytes[s + 4] !== 45 || bytes[s + 7] !== 45) return false;
  return isMonthDay(bytes[s + 5], bytes[s + 6], bytes[s + 8], bytes[s + 9]);
}

/**
 * The next key of an object the scan walks (entry, relation), with its colon: its index in `keys` when it is one of
 * them, not yet `seen` (a bit per index) and the object still plain (`ok`); otherwise -1, its value passed over
 * (the object is then not plain).
 */
function plainKey(keys: readonly Word[], seen: number, ok: boolean): number {
  string();
  const k = keyOf(keys);
  expect(58);
  if (k >= 0 && (seen & (1 << k)) === 0 && ok) return k;
  skipValue();
  return -1;
}

/** A string value next (after whitespace)? If not, the value is passed over and the entry is not plain. */
function stringNext(): boolean {
  if (peek() === 34) {
    string();
    return true;
  }
  skipValue();
  return false;
}

/**
 * The entry object at the current place, checked and passed over: 1 when plainEntry would take it (its
 * number's, type's and relations' spans into spans[o + 2 … o + 7]), 0 otherwise.
 */
function entry(bytes: Uint8Array, o: number): number {
  expect(123);
  if (peek() === 125) {
    expect(125);
    return 0;
  }
  let ok = true;
  let seen = 0;
  do {
    const k = plainKey(ENTRY_KEYS, seen, ok);
    if (k < 0) {
      ok = false;
      continue;
    }
    seen |= 1 << k;
    if (k === K_RELATIONS) {
      peek();
      spans[o + 6] = at();
      ok = relations(bytes);
      spans[o + 7] = at();
      continue;
    }
    if (!stringNext()) {
      ok = false;
      continue;
    }
    if (k <= K_TITLE) ok = textFits(ENTRY_MAX[k], k <= K_NAME);
    else if (k === K_STATUS) ok = oneOf(STATUS_WORDS);
    else ok = isoDate(bytes);
    if (k === K_NUMBER) {
      spans[o + 2] = strStart;
      spans[o + 3] = strEnd;
    } else if (k === K_TYPE) {
      spans[o + 4] = strStart;
      spans[o + 5] = strEnd;
    }
  } while (more(125));
  if (!ok || (seen & ((1 << K_NUMBER) | (1 << K_NAME))) === 0) return 0;
  return 1;
}

/** A relations array at the current place, checked and passed over: true when plain (at most 500 plain relations). */
function relations(bytes: Uint8Array): boolean {
  if (peek() !== 91) {
    skipValue();
    return false;
  }
  expect(91);
  if (peek() === 93) {
    expect(93);
    return true;
  }
  let ok = true;
  let n = 0;
  do {
    n++;
    if (ok && peek() === 123) ok = relation(bytes);
    else {
      ok = false;
      skipValue();
    }
  } while (more(93));
  return ok && n <= 500;
}

/** A relation object (its `{` next), checked and passed over: true when plainRelation (load.ts) would take it. A `src` is left to the parse. */
function relation(bytes: Uint8Array): boolean {
  expect(123);
  if (peek() === 125) {
    expect(125);
    return false;
  }
  let ok = true;
  let seen = 0;
  do {
    const k = plainKey(RELATION_KEYS, seen, ok);
    if (k < 0) {
      ok = false;
      continue;
    }
    seen |= 1 << k;
    if (k === R_PARTIAL) {
      const c = peek();
      if (c === 116 || c === 102) literal();
      else {
        ok = false;
        skipValue();
      }
      continue;
    }
    if (!stringNext()) ok = false;
    else if (k === R_KIND) ok = oneOf(KIND_WORDS);
    else if (k === R_NUMBER) ok = textFits(400, true);
    else ok = isoDate(bytes);
  } while (more(125));
  return ok && (seen & ((1 << R_KIND) | (1 << R_NUMBER))) === ((1 << R_KIND) | (1 << R_NUMBER));
}
