/**
 * ONE pass over the normalised text for the text rules, memoised per parse.
 * text/repeated-word has to read every character anyway (to find doubled
 * words), and text/spacing wants the places of a few characters (punctuation
 * marks, runs of spaces, form placeholders): one table-driven loop gives them
 * all, instead of a word loop plus six native searches, a regex scan for
 * double spaces and three more searches (≈ 1 ms of a law's check).
 */
import { AttachedMemo } from '../attached-memo.ts';
import { objectList } from '../object-lists.ts';
import { caseForms, VIETNAMESE_LOWER } from '../text/letters.ts';
import type { SourceText } from '../text/normalize.ts';
import { KEYWORD_LETTERS } from '../references/find.ts';

export interface LineSpan {
  /** Normalised offsets. */
  start: number;
  end: number;
  text: string;
}

export interface TextScan {
  /**
   * Lines holding "X X", "A B A B", "A B C A B C" or "A B C D A B C D" (letters
   * only, spaces or tabs between; the same words up to the case of the letters
   * `foldsCase` knows, so "Hành hành" too), ascending: the only lines
   * text/repeated-word needs to read (it compares the words exactly), and every
   * line where a case-insensitive phrase holding a word twice in a row can match
   * when `foldsCase` of that word and not `kelvin` (its phrase counts). Most
   * documents have none.
   */
  doubles: LineSpan[];
  /** Whether the Kelvin sign U+212A stands in the text: a case-insensitive "k" matches it, but it is no letter here. */
  kelvin: boolean;
  /**
   * Where "," "." ";" ":" "!" "?" stand with a blank before, or "." or a unit from "A" up after, ascending:
   * the only marks text/spacing can flag (a space before one, a missing space after one) or read (the
   * "...." of a form template). A law has ≈ 16,500 marks and a handful of these: an array of every
   * mark, grown by push, was ≈ 0.5 MB of young-generation garbage per check.
   */
  marks: number[];
  /** Where a run of two or more spaces starts, ascending. */
  spaceRuns: number[];
  /** Where a form placeholder "…" "□" "☐" stands, ascending. */
  placeholders: number[];
  /**
   * Whether "<!--" or "//" occurs: every inline directive (config/inline.ts) holds one, and normalising
   * never removes or changes "<", "!", "-" or "/", so without them the original text has no directive.
   */
  directiveMarkers: boolean;
  /**
   * The starts of the words whose first and third units are those of a reference keyword's (references/find.ts
   * KEYWORD_LETTERS, either case; and of the text's last few words), ascending: every keyword written after
   * anything but a letter starts one (the references read a keyword there only: find.ts keywordStartsAt).
   * Null when the text holds a unit the scan reads as a letter but that is no letter or digit to the references
   * (a combining mark, a surrogate, a symbol from U+00C0 up): a keyword may then stand inside a word of the scan.
   * In the pass the text rules run anyway: ≈ 0.25 ms more of a law's pass, and the references' twelve native
   * searches (≈ 0.7 ms) are gone (real/18 in a check, p10: pass 2.84 → 3.07–3.25 ms, findReferencesInText
   * 1.69–1.77 → 1.02–1.09 ms).
   */
  keywordCandidates: number[] | null;
}

/**
 * Letters for the doubled-word search: ASCII letters and everything from U+00C0 up
 * (Vietnamese letters, combining marks) except punctuation blocks. Wider than
 * \p{L}\p{M} on purpose: a false candidate only costs a tokenised line.
 */
function isLetterish(c: number): boolean {
  if (c < 0xc0) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff;
}

// Only LETTER has bit 0: `cls[c] & 1` is 1 for a letter, 0 otherwise (the word loop adds those up). A letter's
// entry also holds its case-folded unit (caseFolds, lower 10 bits: distinct for the Vietnamese letters; units
// alike there only cost a comparison) above that bit: a word's key, read from the entry of its first unit, is the
// same for the word in another case, without a second table in the loop. Above them, flags for the reference
// keywords (NOT_WORD, KEYWORD_FIRST, KEYWORD_THIRD), the same for both cases of a letter.
// A const enum, not module constants: the build writes its members as literals, where a bundle's top-level `const`
// becomes a `var` that the optimised pass loads from the module's context and checks at every use (≈ 340,000
// such loads in a pass of a law).
const enum Cls {
  LETTER = 1,
  BLANK = 2,
  MARK = 4,
  PLACEHOLDER = 6,
  DIRECTIVE_LEAD = 8,
  /**
   * A letter to the scan that may be no letter or digit to the references (a combining mark, a surrogate, "€" …):
   * every one from U+0250 up outside SURE_LETTERS. Wider than the exact set on purpose: a text with other
   * letters only has its keywords searched (none of the corpus's 392 texts), and the table is made without a pattern
   * test per unit (≈ 30 ms at the first check).
   */
  NOT_WORD = 1 << 11,
  /** The first letter of a keyword of group 0 or 1 (KEYWORD_FIRST << group), and its third unit (two bits higher). */
  KEYWORD_FIRST = 1 << 12,
  KEYWORD_THIRD = 1 << 14,
  KEYWORD_FIRSTS = 3 << 12,
  /** The Kelvin sign: classed DIRECTIVE_LEAD (rare too, noted in the same branch). */
  KELVIN = 0x212a,
}
const MARKS = ',.;:!?';
const PLACEHOLDERS = '…□☐';
let charClass: Uint16Array | undefined;
/** Per UTF-16 unit: its class above (a letter's with its folded unit), or 0 (any other character); a table lookup is what makes the pass cheap. */
function charClasses(): Uint16Array {
  if (!charClass) {
    const fold = caseFolds();
    charClass = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) charClass[c] = isLetterish(c) ? ((fold[c] & 0x3ff) << 1) | Cls.LETTER | (c < 0x250 ? 0 : Cls.NOT_WORD) : c === 32 || c === 9 ? Cls.BLANK : 0;
    for (const [from, to] of SURE_LETTERS) for (let c = from; c <= to; c++) charClass[c] &= ~Cls.NOT_WORD;
    // Two groups, the keywords taken in turn: a first letter flags only its own group's third units ("c" of
    // "chương" goes with "ư", not with the "o" of "khoản": "cho" is no candidate).
    KEYWORD_LETTERS.forEach(([first, third], j) => {
      for (const f of [first, first.toUpperCase()]) charClass![f.charCodeAt(0)] |= Cls.KEYWORD_FIRST << (j & 1);
      for (const t of [third, third.toUpperCase()]) charClass![t.charCodeAt(0)] |= Cls.KEYWORD_THIRD << (j & 1);
    });
    for (const m of MARKS) charClass[m.charCodeAt(0)] = Cls.MARK;
    for (const p of PLACEHOLDERS) charClass[p.charCodeAt(0)] = Cls.PLACEHOLDER;
    charClass[0x3c] = charClass[0x2f] = Cls.DIRECTIVE_LEAD; // "<", "/"
    charClass[Cls.KELVIN] = Cls.DIRECTIVE_LEAD; // rare too: noted in the same branch
  }
  return charClass;
}

/**
 * The units from U+0250 up that are surely letters to the references (with the Latin letters below): Vietnamese's
 * Latin Extended Additional, the Greek letters Α–Ω, α–ω and the Cyrillic U+0400–U+0481.
 */
const SURE_LETTERS: readonly (readonly [number, number])[] = [[0x1e00, 0x1eff], [0x391, 0x3a1], [0x3a3, 0x3a9], [0x3b1, 0x3c9], [0x400, 0x481]];
/**
 * The lower-case letters whose every case-insensitive match (a /iu pattern's) the fold table below maps
 * to them: the letters with exactly two case forms (letters.ts caseForms: ASCII but k and s, Vietnamese),
 * "k" (also "K", and the Kelvin sign, no letter here: the scan notes it) and "s" (also "S" and "ſ").
 */
const FOLDED = [...'abcdefghijlmnopqrtuvwxyz', ...VIETNAMESE_LOWER, 'k', 's'];
const FOLDED_CODES = new Set(FOLDED.map((l) => l.charCodeAt(0)));
let caseFold: Uint16Array | undefined;
/** Per UTF-16 unit: its lower-case form when it is a case form of a FOLDED letter (or "ſ"), else itself. */
function caseFolds(): Uint16Array {
  if (!caseFold) {
    caseFold = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) caseFold[c] = c;
    for (const lower of FOLDED) {
      const l = lower.charCodeAt(0);
      for (const form of caseForms(lower) ?? [lower, lower.toUpperCase()]) caseFold[form.charCodeAt(0)] = l;
    }
    caseFold[0x17f] = 0x73; // "ſ"
  }
  return caseFold;
}
/** Whether every unit of `word` (lower case) is a FOLDED letter: then `doubles` lists its doubles in any case. */
export function foldsCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!FOLDED_CODES.has(word.charCodeAt(i))) return false;
  return true;
}

/** Whether the `len` units at `a` and at `b` of `text` are the same up to case (caseFolds). */
function sameFolded(text: string, a: number, b: number, len: number, fold: Uint16Array): boolean {
  for (let d = 0; d < len; d++) if (fold[text.charCodeAt(a + d)] !== fold[text.charCodeAt(b + d)]) return false;
  return true;
}

/** Whether the `len` units at `a` and at `b` of `text` are the same. */
export function sameChars(text: string, a: number, b: number, len: number): boolean {
  for (let d = 0; d < len; d++) if (text.charCodeAt(a + d) !== text.charCodeAt(b + d)) return false;
  return true;
}

/** The text scan of any string (the language service asks it of single lines; of a parse's text: textScan). */
export function scanText(text: string): TextScan {
  return pass(text, caseFolds());
}

let identity: Uint16Array | undefined;
/**
 * The lines of `text` holding a doubled word or phrase written the same, case and all: those whose
 * text/repeated-word findings depend on counts over the whole document (the language service edits
 * incrementally only without them). The scan's lines (up to case) read again exactly, one by one.
 */
export function exactDoubles(text: string, scan: TextScan = scanText(text)): LineSpan[] {
  const lines = scan.doubles;
  if (lines.length === 0) return lines;
  if (!identity) {
    identity = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) identity[c] = c;
  }
  const exact = identity;
  return lines.filter((l) => pass(l.text, exact).doubles.length > 0);
}

/** The line around `at`: its start, and its end (the line break, or the text's end). */
const lineStartAt = (text: string, at: number) => text.lastIndexOf('\n', at) + 1;
function lineEndAt(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

/**
 * The pass. For the doubles it keeps the last four words (key, start) and, per
 * distance k, how many words in a row equal the word k before (up to case, or exactly with
 * an identity table as `fold`):
 * k in a row at distance k is a doubled phrase of k words, the condition the
 * rule then checks on tokens (exactly). Anything but a letter or a blank ends the
 * run. A word's key is its length and folded first unit: most words differ from
 * the four before in one of those, so only the rare equal keys compare the
 * letters (a rolling hash of every letter cost more than those few comparisons).
 */
function pass(text: string, fold: Uint16Array): TextScan {
  const cls = charClasses();
  // Where a line's first double stands (its line is made after the loop).
  const doubleAt: number[] = [];
  const marks: number[] = [];
  const spaceRuns: number[] = [];
  const placeholders: number[] = [];
  let directiveMarkers = false;
  let kelvin = false;
  const keywordCandidates: number[] = [];
  // The class entries of the letters read, or-ed (NOT_WORD is the bit asked at the end).
  let letters = 0;
  // The last four words, most recent first (key -1: none), in locals rather than arrays: this runs on every word.
  let k1 = -1, k2 = -1, k3 = -1, k4 = -1, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  // e_k: words in a row, up to the current one, equal to the word k before.
  let e1 = 0, e2 = 0, e3 = 0, e4 = 0;
  // The last line break passed, and that of the line of the last double in `doubleAt` (each line once: a 3 MB
  // line of "a a a …" doubles at every other word).
  let lineBreak = -1;
  let listedLine = -2;
  const n = text.length;
  // Below this, five units from a word's start are in the text.
  const safe = n - 5;
  let i = 0;
  chars: while (i < n) {
    const c = text.charCodeAt(i);
    let k = cls[c];
    if ((k & 1) === 0) {
      if (k === Cls.BLANK) {
        // The unit after the blank is read here, and a letter goes straight into the word loop below: a blank
        // after a mark or a number (≈ 26,000 in a law) came round this loop twice (the pass alone, 8 processes:
        // −3.4 to −5.2 %).
        if (i + 1 >= n) break;
        const d = text.charCodeAt(i + 1);
        if (d === 32) {
          if (c === 32 && text.charCodeAt(i - 1) !== 32) spaceRuns.push(i);
          i++;
          continue;
        }
        i++;
        k = cls[d];
        if ((k & 1) === 0) continue;
      } else {
        k1 = k2 = k3 = k4 = -1;
        e1 = e2 = e3 = e4 = 0;
        if (k === Cls.MARK) {
          // Most marks have a letter or digit before and a space or line break after: not listed.
          const after = text.charCodeAt(i + 1);
          const before = text.charCodeAt(i - 1);
          if (after >= 0x41 || after === 0x2e || before === 0x20 || before === 0x09) marks.push(i);
        } else if (k === Cls.PLACEHOLDER) placeholders.push(i);
        else if (k === Cls.DIRECTIVE_LEAD) {
          if (c === Cls.KELVIN) kelvin = true;
          else if (!directiveMarkers) {
            // Read in place (no call: this branch sits in the loop over every unit).
            const d = text.charCodeAt(i + 1);
            directiveMarkers = c === 0x2f ? d === 0x2f : d === 0x21 && text.charCodeAt(i + 2) === 0x2d && text.charCodeAt(i + 3) === 0x2d;
          }
        } else if (c === 0x0a) lineBreak = i;
        i++;
        continue;
      }
    }
    // Word after word: most words end at one space before the next word, which is then read at once.
    for (;;) {
      let e: number;
      if (i < safe) {
        // Up to five letters without a branch per letter: a loop that ends after 2, 3 or 4 of them
        // often mispredicts its exit (97 % of a law's words have at most five letters; ≈ 10 % of the pass).
        // The indices `| 0`: int32 sums, which the optimised code adds without an overflow check and its bailout
        // (−3.4 % of the pass's instructions; the same on the outer loop's reads changed nothing).
        const b1 = cls[text.charCodeAt((i + 1) | 0)];
        const b2 = cls[text.charCodeAt((i + 2) | 0)];
        const b3 = cls[text.charCodeAt((i + 3) | 0)];
        const b4 = cls[text.charCodeAt((i + 4) | 0)];
        // (Entries of the units after a short word too: they are letters read later, or no letters, without NOT_WORD.)
        letters |= k | b1 | b2 | b3 | b4;
        // A first letter and a third unit of the same keyword group.
        if ((k & (b2 >>> 2) & Cls.KEYWORD_FIRSTS) !== 0) keywordCandidates.push(i);
        const a1 = b1 & 1;
        const a2 = b2 & a1;
        const a3 = b3 & a2;
        const a4 = b4 & a3;
        e = (i + 1 + a1 + a2 + a3 + a4) | 0;
        if (a4 === 1) for (let b = b4; e < n && ((b = cls[text.charCodeAt(e)]) & 1) !== 0; e++) letters |= b;
      } else {
        // The text's last few units: every word a candidate.
        keywordCandidates.push(i);
        letters |= k;
        e = i + 1;
        for (let b = k; e < n && ((b = cls[text.charCodeAt(e)]) & 1) !== 0; e++) letters |= b;
      }
      const len = e - i;
      // k: the class entry of the word's first unit (its folded unit). (A word of 32 K letters or more keys by
      // its length alone, negative: never -1, never a short word's key.)
      const key = len < 0x8000 ? (len << 16) | k : len | 0x80000000;
      if (key !== k1 && key !== k2 && key !== k3 && key !== k4) e1 = e2 = e3 = e4 = 0;
      else {
        e1 = key === k1 && sameFolded(text, s1, i, len, fold) ? e1 + 1 : 0;
        e2 = key === k2 && sameFolded(text, s2, i, len, fold) ? e2 + 1 : 0;
        e3 = key === k3 && sameFolded(text, s3, i, len, fold) ? e3 + 1 : 0;
        e4 = key === k4 && sameFolded(text, s4, i, len, fold) ? e4 + 1 : 0;
        if (e1 >= 1 || e2 >= 2 || e3 >= 3 || e4 >= 4) {
          // The rest of the line is still read for the marks and spaces.
          if (lineBreak !== listedLine) {
            doubleAt.push(i);
            listedLine = lineBreak;
          }
          k1 = k2 = k3 = k4 = -1;
          e1 = e2 = e3 = e4 = 0;
          i = e;
          continue chars;
        }
      }
      k4 = k3, s4 = s3;
      k3 = k2, s3 = s2;
      k2 = k1, s2 = s1;
      k1 = key, s1 = i;
      if (e + 1 < n && text.charCodeAt(e) === 32 && ((k = cls[text.charCodeAt((e + 1) | 0)]) & 1) !== 0) {
        i = (e + 1) | 0;
        continue;
      }
      i = e;
      continue chars;
    }
  }
  // The lines are made after the loop: their searches and objects in it (on a path it seldom takes) cost the loop
  // ≈ 2.7 % of its instructions. A list of objects from birth (object-lists.ts): a `[]` that meets objects at its
  // first push changes its map, and code optimised with the old one goes back to the interpreter.
  const doubles: LineSpan[] = objectList();
  for (const at of doubleAt) {
    const start = lineStartAt(text, at);
    const end = lineEndAt(text, at);
    doubles.push({ start, end, text: text.slice(start, end) });
  }
  return { doubles, kelvin, marks, spaceRuns, placeholders, directiveMarkers, keywordCandidates: (letters & Cls.NOT_WORD) === 0 ? keywordCandidates : null };
}

const SCANS = new AttachedMemo<SourceText, TextScan>('textScan');
/**
 * scanText of a parse's normalised text, once per parse: text/repeated-word and text/spacing read it, and the
 * language service after a check (incremental.ts editBase). On the source, not in a module variable for "the last
 * text scanned": that one kept the last check's text (1.1 MB for real/18) and scan alive between checks, and every
 * scavenge in between promoted them to the old generation.
 */
export function textScan(source: SourceText): TextScan {
  let scan = SCANS.get(source);
  if (!scan) SCANS.set(source, (scan = pass(source.text, caseFolds())));
  return scan;
}

/**
 * False when this parse's scan ran (the text rules asked for it) and found neither "<!--" nor "//", so
 * the original text has no inline directive; undefined when no scan of this parse ran (nothing is scanned
 * for the question: the caller searches the text itself).
 */
export function scannedDirectiveMarkers(source: SourceText): boolean | undefined {
  return SCANS.get(source)?.directiveMarkers;
}

/** The keyword candidates of this parse's scan (TextScan.keywordCandidates), when the scan ran and has them. */
export function scannedKeywordCandidates(source: SourceText): number[] | undefined {
  return SCANS.get(source)?.keywordCandidates ?? undefined;
}
