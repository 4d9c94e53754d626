/**
 * Tokens a citation is built from: type words ("Nghị định", "Thông tư liên
 * tịch", in any case) and số ký hiệu ("63/2022/NĐ-CP", "76/NQ- CP",
 * "45/2016/QĐ-⏎TTg", "404-CP", "27-NQ/TW"). One left-to-right scan per kind
 * with bounded, non-nested quantifiers (no catastrophic backtracking).
 * Offsets are into the text given.
 */
import { ownCopy } from '../bounded-memo.ts';
import { TYPE_WORDS } from './codes.ts';
import { parseNumber, type ParsedNumber } from './number.ts';
import { blanksBefore, positionsMatching, positionsOf } from '../text/anchors.ts';
import { classOf } from '../text/unicode-classes.ts';

export interface TypeToken {
  kind: 'type';
  start: number;
  end: number;
  /** Canonical type word ("Nghị định"). */
  word: string;
  /** Written with its first letter upper case (as a specific document's name is, ND30 Phụ lục II V.6). */
  capital: boolean;
}

export interface NumberToken {
  kind: 'number';
  start: number;
  end: number;
  raw: string;
  parsed: ParsedNumber;
  /** The number alone says it is a citation (a year, a known type code or issuer); otherwise it needs a type word before it. */
  strong: boolean;
}

export type Token = TypeToken | NumberToken;

/**
 * Whitespace inside a phrase: blanks with at most one line break (hard-wrapped text), read one way only (the
 * two alternatives start differently, so a blank run is never split two ways).
 */
export const GAP = '(?:[ \\t]+(?:\\n[ \\t]*)?|\\n[ \\t]*)';
const L = classOf('L', 'N'); // explicit ranges: cheaper for V8 to make than \p{L}\p{N} (text/unicode-classes.ts)

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

function trieOf(keys: readonly string[][]): Trie {
  const root: Trie = { end: false, next: new Map() };
  for (const key of keys) {
    let node = root;
    for (const part of key) {
      let child = node.next.get(part);
      if (!child) node.next.set(part, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return root;
}

/** The words that may follow a word of the trie: "(?:tư(?:GAP liên GAP tịch)?|báo…)" after "Thông". Longer forms first. */
function wordsSource(n: Trie): string {
  return `(?:${[...n.next].map(([word, c]) => `${word}${afterWord(c)}`).join('|')})`;
}

function afterWord(c: Trie): string {
  return c.next.size ? `(?:${GAP}${wordsSource(c)})${c.end ? '?' : ''}` : '';
}

/**
 * The type words as a trie: the first words letter by letter ("T(?:hông(?:GAP(?:tư…|báo…))|ờ GAP trình)",
 * "C(?:h(?:ỉ…|ương…)|ông…)"), then word by word. At each place of the text the engine tests a dozen first
 * letters, not twenty first words (≈ 15 % of this scan, the largest of a check). Longer forms are tried
 * first, so a place gets the longest type word written there, as an alternation sorted by length would; the
 * order of the first words does not matter: each must end where the letters end (a blank or TYPE_RE's
 * ending follows it), so at most one of them is written at a place.
 */
function trieSource(words: readonly string[]): string {
  const byFirst = trieOf(words.map((w) => w.split(' ')));
  const letters = trieOf([...byFirst.next.keys()].map((w) => [...w]));
  const source = (n: Trie, prefix: string): string => {
    const alts = [...n.next].map(([ch, c]) => `${ch}${source(c, prefix + ch)}`);
    if (n.end) alts.push(afterWord(byFirst.next.get(prefix)!));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return source(letters, '');
}

// The word boundary before is checked in code: a lookbehind at the head of the
// pattern would be tried at every position of the text.
export const TYPE_RE = new RegExp(`${trieSource(TYPE_WORDS)}(?![${L}])`, 'giu');
/** A type word starts after none of these (typeToken). */
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CANONICAL_TYPE = new Map(TYPE_WORDS.map((w) => [w.toLowerCase(), w]));

export function findTypeWords(text: string): TypeToken[] {
  const out: TypeToken[] = [];
  TYPE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TYPE_RE.exec(text))) {
    const t = typeToken(text, m.index, m[0]);
    if (t) out.push(t);
  }
  return out;
}

/**
 * The canonical type word of each written form met so far (null: none): a law writes the same few forms
 * ("quy định", "Bộ luật") thousands of times, and lower-casing a Vietnamese string makes a new one each time.
 * Bounded: odd spacings are written forms too.
 */
const CANONICAL_BY_WRITTEN = new Map<string, string | null>();

function canonicalType(written: string): string | undefined {
  let word = CANONICAL_BY_WRITTEN.get(written);
  if (word === undefined) {
    word = CANONICAL_TYPE.get(written.toLowerCase().replace(/\s+/gu, ' ')) ?? null;
    // A copy as the key: the match is a slice of the document, which it would keep alive (bounded-memo.ts ownCopy).
    if (CANONICAL_BY_WRITTEN.size < 2048) CANONICAL_BY_WRITTEN.set(ownCopy(written), word);
  }
  return word ?? undefined;
}

/** The type word of a match of TYPE_RE's global scan (`written` at `start`), if it is one (a whole word, a known type). */
function typeToken(text: string, start: number, written: string): TypeToken | undefined {
  if (start > 0 && LETTER_OR_DIGIT.test(text[start - 1])) return undefined;
  const word = canonicalType(written);
  if (!word) return undefined;
  const first = written[0];
  // "Luật", not "luật" (prose) nor "LUẬT" (a heading in capitals).
  const second = written[1] ?? '';
  return { kind: 'type', start, end: start + written.length, word, capital: first !== first.toLowerCase() && second === second.toLowerCase() };
}

/**
 * Whether the character can stand inside a type word or between a type word and its number ("Nghị định
 * số: 15/…"): letters, blanks, ":". Non-ASCII characters count as letters (a window reaching further
 * reads the same).
 */
function inTypeWordReach(c: number): boolean {
  return c >= 0x80 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x3a || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * findTypeWords' answers at the places a reading asks about, without scanning the whole text (the
 * type-word regex over a whole law was the largest single cost of a check: ≈ 2 ms over 550 K characters,
 * for three citations). The text is read in windows between two characters out of a type word's reach
 * (digits, punctuation): no match runs across such a character, so TYPE_RE's scan of a window, from the
 * character after the one before it to the punctuation after it (where TYPE_RE's ending `(?![\p{L}\p{N}])`
 * reads the same as at the end of the window), finds exactly the matches the scan of the whole text finds
 * there — a match that starts inside a word included, which hides the type words it overlaps. Places are
 * asked about in text order; each window is read once.
 */
export class TypeWordReader {
  private readonly text: string;
  /** The current window [from, end) and its type words, in text order. */
  private from = 0;
  private end = 0;
  private found: TypeToken[] = [];

  constructor(text: string) {
    this.text = text;
  }

  /** Makes the window hold `at` (not less than the previous call's). */
  private readTo(at: number): void {
    if (at < this.end) return;
    const text = this.text;
    let from = at;
    while (from > 0 && inTypeWordReach(text.charCodeAt(from - 1))) from--;
    // The end: a character no type word holds that is neither letter nor digit (a digit after a word keeps TYPE_RE from matching there).
    let end = at;
    for (let c = text.charCodeAt(end); end < text.length && (inTypeWordReach(c) || (c >= 0x30 && c <= 0x39)); c = text.charCodeAt(++end));
    this.from = from;
    this.end = Math.max(end, at + 1);
    this.found = [];
    const window = text.slice(from, end);
    TYPE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TYPE_RE.exec(window))) {
      const t = typeToken(text, from + m.index, m[0]);
      if (t) this.found.push(t);
    }
  }

  /** The type word starting at `at`, as findTypeWords has it. */
  typeAt(at: number): TypeToken | undefined {
    this.readTo(at);
    for (const t of this.found) if (t.start === at) return t;
    return undefined;
  }

  /** The last type word of findTypeWords ending at or before `at`, when it lies in the reach of `at` (see inTypeWordReach). */
  typeEndingBy(at: number): TypeToken | undefined {
    this.readTo(at);
    for (let i = this.found.length - 1; i >= 0; i--) if (this.found[i].end <= at) return this.found[i];
    return undefined;
  }
}

// --- numbers -----------------------------------------------------------------

const START = /\d{1,5}[a-z]?(?=[ \t]*[/\-‐‑‒–—−])/uy;
/** The characters START's lookahead needs after a number's first digits (and blanks). */
const AFTER_START = /[/\-‐‑‒–—−]/gu;
const NOT_BEFORE_NUMBER = /[\p{L}\p{N}/.,\-–]/u;
const SEP_SLASH = /[ \t]*\/[ \t]*(?:\n[ \t]*)?/y;
const SEP_DASH = /[ \t]*[-‐‑‒–—−][ \t]*(?:\n[ \t]*)?/y;
const YEAR = /(?:19|20)\d{2}(?=[ \t]*\/)/y;
/** A code right after "/" or an unspaced "-": a letter, then letters, digits, "&". */
const LOOSE_CODE = /\p{Lu}[\p{L}\p{N}&]{0,24}(?![\p{L}\p{N}])/uy;
/** After a spaced or line-broken "-": upper case only, or a known mixed-case code. */
const STRICT_CODE = /(?:\p{Lu}[\p{Lu}\p{N}&]{1,24}|TTg|QyĐ|CTr|TTr|TrS|QĐi|L)(?![\p{L}\p{N}])/uy;

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

// At module level, where the build writes a g/y literal's \p{…} classes out (scripts/explicit-classes.mjs).
const CODE_TAIL = /[ \t]*\/[ \t]*(\p{Lu}[\p{L}\p{N}]{0,9})(?![\p{L}\p{N}])/uy;

/** Reads a ký hiệu starting at `pos` (its first digit). */
export function readNumberAt(text: string, pos: number): NumberToken | undefined {
  const seq = /\d{1,5}[a-z]?/y;
  seq.lastIndex = pos;
  if (!seq.exec(text)) return undefined;
  let p = seq.lastIndex;
  let end = -1;
  const slash = at(SEP_SLASH, text, p);
  if (slash) {
    p = SEP_SLASH.lastIndex;
    const y = at(YEAR, text, p);
    if (y) {
      const s2 = at(SEP_SLASH, text, YEAR.lastIndex);
      if (s2) p = SEP_SLASH.lastIndex;
    }
    const first = at(LOOSE_CODE, text, p);
    if (!first) return undefined;
    end = LOOSE_CODE.lastIndex;
    // "-CODE" groups; a spaced or line-broken dash needs a code-like segment after it.
    for (;;) {
      const d = at(SEP_DASH, text, end);
      if (!d) break;
      const spaced = d[0].length > 1;
      const code = at(spaced ? STRICT_CODE : LOOSE_CODE, text, SEP_DASH.lastIndex);
      if (!code) break;
      end = (spaced ? STRICT_CODE : LOOSE_CODE).lastIndex;
    }
  } else {
    // Old and Party forms: "404-CP", "27-NQ/TW".
    // "19- NQ/TW": a spaced dash only in the Party form, with a code-like type after it.
    const d = at(SEP_DASH, text, p);
    if (!d) return undefined;
    const spaced = d[0].length > 1;
    const codeRe = spaced ? STRICT_CODE : LOOSE_CODE;
    const code = at(codeRe, text, SEP_DASH.lastIndex);
    if (!code) return undefined;
    end = codeRe.lastIndex;
    CODE_TAIL.lastIndex = end;
    if (CODE_TAIL.exec(text)) end = CODE_TAIL.lastIndex;
    else if (spaced) return undefined;
  }
  const raw = text.slice(pos, end);
  const parsed = parseNumber(raw);
  if (!parsed) return undefined;
  return { kind: 'number', start: pos, end, raw, parsed, strong: isStrong(parsed) };
}

function isStrong(n: ParsedNumber): boolean {
  const p = n.parts;
  if (p.kind === 'party') return true;
  if (p.kind === 'old') return p.issuers.some((c) => /^(?:CP|TTG|HĐBT)$/u.test(c.toUpperCase()));
  if (p.year !== undefined) return !!p.typeCode || p.issuers.some((c) => /^(?:UBTV)?QH\d/u.test(c.toUpperCase()));
  // "971/QĐ-BNV": a type code and a known issuer; "2739/VPCP-ĐMDN": a known issuer first.
  return !!p.typeCode && p.issuers.length > 0;
}

/** AFTER_START's characters but the dashes U+2010–U+2015, each found by a native search. */
const AFTER_START_NATIVE = ['/', '-', '\u2212'];

/**
 * Every ký hiệu of the text. START is tried only where it can match (text/anchors.ts):
 * a match ends where the blanks before a slash or dash begin, and it is at most six
 * characters long — the same matches, in the same order, as a global scan of the whole
 * text, which cost more than everything else here. `from` is where that scan would resume.
 * `unicodeDashes: false` (SourceText.unicodeDashes) says the text has no dash U+2010–U+2015:
 * the slashes and dashes are then found by native searches, not by AFTER_START's class pass.
 */
export function findNumbers(text: string, unicodeDashes?: boolean): NumberToken[] {
  const out: NumberToken[] = [];
  let from = 0;
  let tried = 0; // starts below this were tried already (and failed, or lie before `from`)
  const marks = unicodeDashes === false ? positionsOf(text, AFTER_START_NATIVE) : positionsMatching(text, AFTER_START);
  for (const mark of marks) {
    const end = blanksBefore(text, mark);
    for (let s = Math.max(end - 6, tried, from); s < end; s++) {
      if (s < from) continue;
      // START's first unit is an ASCII digit: the blanks and letters before a list's "- " are not asked.
      const c = text.charCodeAt(s);
      if (c < 0x30 || c > 0x39) continue;
      START.lastIndex = s;
      if (!START.test(text)) continue;
      from = START.lastIndex;
      if (s > 0 && NOT_BEFORE_NUMBER.test(text[s - 1])) continue;
      const tok = readNumberAt(text, s);
      if (tok) {
        out.push(tok);
        from = tok.end;
      }
    }
    tried = Math.max(tried, end);
  }
  return out;
}

/** Type words and numbers in text order. */
export function tokenize(text: string): Token[] {
  const all: Token[] = [...findTypeWords(text), ...findNumbers(text)];
  return all.sort((a, b) => a.start - b.start);
}
