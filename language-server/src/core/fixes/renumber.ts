/**
 * Number sequences of Vietnamese documents and the renumbering of a scope.
 *
 * - Điều, khoản, Mục, Tiểu mục, table rows: arabic 1, 2, 3, …
 * - điểm: the Vietnamese letter sequence a b c d đ e g h i k l m n o p q r s t
 *   u v x y (no f, j, w, z; đ after d);
 * - Phần, Chương, roman sections, Phụ lục: roman numerals I, II, …, and Phần
 *   also "thứ nhất", "thứ hai", … (ordinal words).
 * - Inserted units of amending text (ND78 Điều 69.4): "Điều 5a", "khoản 2a"
 *   (number + letter) and "điểm a1" (letter + number).
 *
 * `renumberScope` computes the WHOLE new sequence of one scope (all siblings at
 * once) and returns the edits that replace only the number text, plus a
 * mapping old → new per node id, so that a later pass can rewrite the
 * references ("khoản 3 Điều 5") that pointed at a moved unit.
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import type { Range } from '../syntax/tree.ts';
import { isLabelLetter } from '../text/letters.ts';

// ---------------------------------------------------------------------------
// Vietnamese letters (điểm)
// ---------------------------------------------------------------------------

/** The letters that number điểm, in order. */
export const DIEM_LETTERS: readonly string[] = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

const LETTER_INDEX = new Map(DIEM_LETTERS.map((l, i) => [l, i]));

/** 1-based position of a điểm letter ("a" → 1, "đ" → 5, "e" → 6); undefined for f, j, w, z and anything else. */
export function letterToInt(letter: string): number | undefined {
  const i = LETTER_INDEX.get(letter);
  return i === undefined ? undefined : i + 1;
}

/** The n-th điểm letter (1-based); undefined past "y" (23). */
export function intToLetter(n: number): string | undefined {
  return Number.isInteger(n) && n >= 1 && n <= DIEM_LETTERS.length ? DIEM_LETTERS[n - 1] : undefined;
}

// ---------------------------------------------------------------------------
// Roman numerals
// ---------------------------------------------------------------------------

const ROMAN_TABLE: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 4 → "IV", 14 → "XIV", 40 → "XL". Throws for n outside 1..3999. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no roman numeral for ${n}`);
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN_TABLE) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Reads a roman numeral the lenient way (each letter added, or subtracted when
 * a bigger one follows), so that malformed numerals still get a value:
 * "IIII" → 4, "VX" → 5. Undefined when a character is not a roman digit.
 * Use `isCanonicalRoman` to know whether it is well formed.
 */
export function romanToIntLenient(s: string): number | undefined {
  const t = s.toUpperCase();
  if (!t) return undefined;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN_VALUE[t[i]];
    if (v === undefined) return undefined;
    const next = i + 1 < t.length ? ROMAN_VALUE[t[i + 1]] : undefined;
    total += next !== undefined && next > v ? -v : v;
  }
  return total > 0 ? total : undefined;
}

/** The value of a well-formed (canonical) roman numeral; undefined for "IIII", "VX", "IC", lower case… */
export function romanToInt(s: string): number | undefined {
  const v = romanToIntLenient(s);
  return v !== undefined && v <= 3999 && toRoman(v) === s ? v : undefined;
}

export function isCanonicalRoman(s: string): boolean {
  return romanToInt(s) !== undefined;
}

// ---------------------------------------------------------------------------
// Ordinal words (Phần thứ nhất, …)
// ---------------------------------------------------------------------------

const ORDINAL_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const ORDINAL_ALIASES: Record<string, number> = { bốn: 4, bẩy: 7 };

/** "thứ nhất" → 1, "THỨ TƯ" → 4, "thứ mười hai" → 12 (up to 19). */
export function ordinalToInt(s: string): number | undefined {
  const m = /^thứ\s+(\S.*)$/iu.exec(s.trim());
  if (!m) return undefined;
  const words = m[1].toLowerCase().split(/\s+/u);
  const one = (w: string) => {
    const i = ORDINAL_WORDS.indexOf(w);
    return i >= 0 ? i + 1 : ORDINAL_ALIASES[w];
  };
  if (words.length === 1) return one(words[0]);
  if (words.length === 2 && words[0] === 'mười') {
    const unit = words[1] === 'một' ? 1 : words[1] === 'lăm' ? 5 : one(words[1]);
    return unit !== undefined && unit >= 1 && unit <= 9 && words[1] !== 'nhất' ? 10 + unit : undefined;
  }
  return undefined;
}

/** 1 → "thứ nhất", 4 → "thứ tư", 15 → "thứ mười lăm"; `upper` writes it in capitals. */
export function intToOrdinal(n: number, upper = false): string | undefined {
  let w: string | undefined;
  if (n >= 1 && n <= 10) w = ORDINAL_WORDS[n - 1];
  else if (n > 10 && n < 20) w = `mười ${n === 11 ? 'một' : n === 15 ? 'lăm' : ORDINAL_WORDS[n - 11]}`;
  if (!w) return undefined;
  const s = `thứ ${w}`;
  return upper ? s.toUpperCase() : s;
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

export type NumberStyle = 'arabic' | 'roman' | 'letter' | 'ordinal';

/** A label read as a position in its sequence. */
export interface ParsedNumber {
  style: NumberStyle;
  /** Position in the sequence (1-based); for an inserted unit, the position of the unit it follows. */
  value: number;
  /** Inserted unit (ND78 Điều 69.4): the "a" of "5a", the "1" of "a1" — its own 1-based position. */
  insert?: number;
  /** A roman numeral that is not well formed ("IIII", "VX"), or a letter outside the sequence (f, j, w, z). */
  malformed?: boolean;
}

/**
 * Reads a label in the given style. Arabic: "5", "5a" (inserted); letter:
 * "đ", "a1" (inserted), "f" (malformed, value undefined); roman: "IV",
 * "IIII" (malformed, lenient value); ordinal: "thứ hai".
 */
export function parseNumber(label: string, style: NumberStyle): ParsedNumber | undefined {
  let m: RegExpExecArray | null;
  switch (style) {
    case 'arabic':
      // The usual label, plain digits without a leading zero ("12"): read without a match array (thousands per check).
      if (isPlainNumber(label)) return { style, value: Number(label) };
      if ((m = /^0*(\d{1,4})([a-zđ])?$/u.exec(label))) {
        const p: ParsedNumber = { style, value: Number(m[1]) };
        if (m[2]) {
          const ins = letterToInt(m[2]);
          p.insert = ins ?? 0;
          if (ins === undefined) p.malformed = true;
        }
        return p;
      }
      return undefined;
    case 'letter':
      if (label.length === 1 && isLabelLetter(label.charCodeAt(0))) {
        // A single letter ("c"), the usual điểm label: no match array.
        const v = letterToInt(label);
        return v === undefined ? { style, value: 0, malformed: true } : { style, value: v };
      }
      if ((m = /^([a-zđ])(\d{1,2})?$/u.exec(label))) {
        const v = letterToInt(m[1]);
        const p: ParsedNumber = v === undefined ? { style, value: 0, malformed: true } : { style, value: v };
        if (m[2]) p.insert = Number(m[2]);
        return p;
      }
      return undefined;
    case 'roman': {
      const t = label.toUpperCase();
      if (!/^[IVXLCDM]+$/u.test(t)) return undefined;
      const v = romanToIntLenient(t);
      if (v === undefined) return undefined;
      const p: ParsedNumber = { style, value: v };
      if (toRoman(v) !== label) p.malformed = true;
      return p;
    }
    case 'ordinal': {
      const v = ordinalToInt(label);
      return v === undefined ? undefined : { style, value: v };
    }
  }
}

/** 1–4 ASCII digits, the first not 0: what `^0*(\d{1,4})$` reads as the number itself. */
function isPlainNumber(label: string): boolean {
  const n = label.length;
  if (n === 0 || n > 4 || label.charCodeAt(0) === 0x30) return false;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The style a label is written in, as the parser gives it. */
export function styleOf(label: string): NumberStyle | undefined {
  if (/^\d/u.test(label)) return 'arabic';
  if (/^thứ\s/iu.test(label)) return 'ordinal';
  if (/^[IVXLCDM]+$/u.test(label)) return 'roman';
  if (/^[a-zđ]\d{0,2}$/u.test(label)) return 'letter';
  return undefined;
}

/** Writes the n-th label of a style; undefined when it has none (a 24th điểm). */
export function formatNumber(n: number, style: NumberStyle, opts: { upper?: boolean } = {}): string | undefined {
  switch (style) {
    case 'arabic':
      return String(n);
    case 'letter':
      return intToLetter(n);
    case 'roman':
      return n >= 1 && n <= 3999 ? toRoman(n) : undefined;
    case 'ordinal':
      return intToOrdinal(n, opts.upper);
  }
}

// ---------------------------------------------------------------------------
// Renumbering a scope
// ---------------------------------------------------------------------------

/** One unit of a scope, in document order. */
export interface NumberedUnit {
  /** Node id (`dieu_5/khoan_2`), the key of the mapping. */
  id: string;
  /** The label as written. */
  number: string;
  /** Where the label's number is, in original offsets; the edit replaces exactly this. */
  numberRange: Range;
}

export interface RenumberOptions {
  style: NumberStyle;
  /** Number of the first unit (default 1). */
  start?: number;
  /**
   * Keep inserted labels ("5a", "a1") as inserted units after the unit they
   * follow (amending text, văn bản hợp nhất); otherwise they take a place of
   * their own in the sequence.
   */
  keepInserted?: boolean | ((index: number) => boolean);
  /**
   * Writes the label for position n (default: `formatNumber`). Sub-khoản use
   * it to write "3.1", "3.2" under khoản 3; Phần in capitals write "THỨ HAI".
   */
  format?: (n: number) => string | undefined;
}

export interface NumberChange {
  from: string;
  to: string;
}

export interface Renumbering {
  /** Replace-the-number edits, only for units whose label changes; in document order. */
  edits: TextEdit[];
  /** Node id → old and new label, for every unit whose label changes. */
  mapping: Map<string, NumberChange>;
  /** The new label of every unit, in the order given. */
  labels: string[];
  /** False when some position has no label (a 24th điểm): then `edits` is empty. */
  complete: boolean;
}

/**
 * The whole new numbering of a scope: its units numbered start, start+1, …
 * in order (with `keepInserted`, an inserted unit keeps its suffix after the
 * new number of the unit it follows: 5, 5a, 6 renumbered from 4 gives 4, 4a, 5).
 * Applying the edits gives a sequence that `checkSequence` accepts, and
 * renumbering that result again gives no edits.
 */
export function renumberScope(units: readonly NumberedUnit[], options: RenumberOptions): Renumbering {
  const { style } = options;
  const keep = toPredicate(options.keepInserted);
  const format = options.format ?? ((n: number) => formatNumber(n, style));
  let n = (options.start ?? 1) - 1;
  let insertCount = 0;
  const labels: string[] = [];
  let complete = true;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const p = parseNumber(u.number, style);
    if (p?.insert !== undefined && n > 0 && !p.malformed && keep(i)) {
      insertCount++;
      const base = format(n);
      const suffix = style === 'letter' ? String(insertCount) : intToLetter(insertCount);
      if (base === undefined || suffix === undefined) {
        complete = false;
        labels.push(u.number);
      } else {
        labels.push(base + suffix);
      }
      continue;
    }
    n++;
    insertCount = 0;
    const label = format(n);
    if (label === undefined) {
      complete = false;
      labels.push(u.number);
    } else {
      labels.push(label);
    }
  }
  const edits: TextEdit[] = [];
  const mapping = new Map<string, NumberChange>();
  if (complete) {
    units.forEach((u, i) => {
      if (labels[i] !== u.number) {
        edits.push({ range: { start: u.numberRange.start, end: u.numberRange.end }, newText: labels[i] });
        mapping.set(u.id, { from: u.number, to: labels[i] });
      }
    });
  }
  return { edits, mapping, labels, complete };
}

function toPredicate(v: boolean | ((index: number) => boolean) | undefined): (index: number) => boolean {
  return typeof v === 'function' ? v : () => v === true;
}

// ---------------------------------------------------------------------------
// Checking a sequence
// ---------------------------------------------------------------------------

export type SequenceProblem =
  /** n after m with n > m + 1 (or the first is not `start`): `missing` lists what is skipped. */
  | 'gap'
  /** the same number as the unit before */
  | 'duplicate'
  /** a smaller number than the unit before */
  | 'order'
  /** "5a"/"a1" where inserted units are not allowed */
  | 'inserted'
  /** an inserted unit out of order ("5b" with no "5a", "5a" after 4) */
  | 'inserted-order'
  /** "IIII", "VX", "f)": not a label of the sequence */
  | 'malformed';

export interface SequenceFinding {
  /** Index of the unit in the list given. */
  index: number;
  problem: SequenceProblem;
  /** The label of the unit before (undefined for the first). */
  prev?: string;
  /** Labels skipped (gap) — formatted in the sequence's style. */
  missing: string[];
  /** What the label should be read as, when that is clear. */
  expected?: string;
}

/**
 * Checks that labels run start, start+1, … One finding per break: 1, 2, 4, 5
 * gives one finding (at 4, missing 3), not two. Labels that cannot be read in
 * the style are reported as malformed and otherwise skipped.
 */
export function checkSequence(
  labels: readonly string[],
  options: {
    style: NumberStyle;
    start?: number;
    /** Whether the unit at an index may carry an inserted label (amending text, văn bản hợp nhất). */
    allowInserted?: boolean | ((index: number) => boolean);
    format?: (n: number) => string | undefined;
  },
): SequenceFinding[] {
  const { style } = options;
  const allowInserted = toPredicate(options.allowInserted);
  const format = options.format ?? ((n: number) => formatNumber(n, style));
  const start = options.start ?? 1;
  const out: SequenceFinding[] = [];
  let last = start - 1;
  let lastInsert = 0;
  let prevLabel: string | undefined;
  labels.forEach((label, index) => {
    const p = parseNumber(label, style);
    const prev = prevLabel;
    prevLabel = label;
    if (!p || p.malformed) {
      out.push({ index, problem: 'malformed', prev, missing: [], expected: format(last + 1) });
      // "IIII" stands where IV should: read it as the expected one so that the next unit is
      // judged on its own. An "f)" has no place at all (a b c d e f g: g after e is fine).
      if (!(p && p.style === 'letter')) {
        last++;
        lastInsert = 0;
      }
      return;
    }
    if (p.insert !== undefined) {
      if (!allowInserted(index)) {
        out.push({ index, problem: 'inserted', prev, missing: [], expected: format(last + 1) });
        return; // does not take a place: "5, 5a, 6" gives one finding
      }
      if (p.value !== last || p.insert !== lastInsert + 1) {
        out.push({ index, problem: 'inserted-order', prev, missing: [] });
      }
      last = p.value;
      lastInsert = p.insert;
      return;
    }
    const expected = last + 1;
    if (p.value === expected) {
      // fine
    } else if (p.value > expected) {
      const missing: string[] = [];
      for (let k = expected; k < p.value && missing.length <= 50; k++) {
        const f = format(k);
        if (f !== undefined) missing.push(f);
      }
      out.push({ index, problem: 'gap', prev, missing, expected: format(expected) });
    } else if (p.value === last) {
      out.push({ index, problem: 'duplicate', prev, missing: [], expected: format(expected) });
    } else {
      out.push({ index, problem: 'order', prev, missing: [], expected: format(expected) });
    }
    last = p.value;
    lastInsert = 0;
  });
  return out;
}
