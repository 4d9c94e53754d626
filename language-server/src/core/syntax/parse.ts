/**
 * The document parser: text in, `{ tree, problems, source }` out, never a
 * throw. It reads in four passes over the normalised text:
 *  1. physical lines, each classified (text, blank, separator, noise);
 *  2. the header zone, read as raw text (header.ts);
 *  3. logical paragraphs for the rest (wrapped lines joined);
 *  4. one walk over the paragraphs that builds the tree with a stack of
 *     open units per scope (the document body, each attached document, each
 *     Phụ lục, each quoted amendment).
 * Everything is computed on normalised offsets and mapped back to the
 * original text once, at the end (toOriginal.ts).
 */
import { DIEM_LETTERS } from '../fixes/renumber.ts';
import { normalizeText, type SourceText } from '../text/normalize.ts';
import { lineTable, lineText, LineSpans, type LineTable } from '../text/lines.ts';
import { isAsciiDigit } from '../text/letters.ts';
import { classOf } from '../text/unicode-classes.ts';
import { paragraphs as toParagraphs } from '../text/paragraphs.ts';
import { BLANK, FOOTNOTE, findNotes, lineRoles, markNoteLines, NOISE, TEXT } from './noise.ts';
import { classifyLineStart, classifyLineStartIn, isAllUpper, startsUpper, type LabelCache, type LineStart } from './patterns.ts';
import { parseHeader, fold, type HeaderParse } from './header.ts';
import { parseSignature, SIGNATURE_HEAD, SENTENCE_SIGNATURE_HEAD } from './signature.ts';
import { buildMarkdownTable, buildPipeTable, type Span } from './tables.ts';
import { docTypeOf } from './doctype.ts';
import { mapTreeToOriginal } from './to-original.ts';
import { clip, TitleText, UnitNode, UNIT_TITLE_MAX } from './unit-node.ts';
import { Preorder, preorderOf, sizeHint } from './node-index.ts';
import { AttachedMemo } from '../attached-memo.ts';
import { objectList } from '../object-lists.ts';
import type { Document, Node, NodeKind, ParseProblem, ParseResult, Range, TextLine } from './tree.ts';
import { lazy } from '../lazy.ts';

export function parseDocument(original: string): ParseResult {
  const source = normalizeText(typeof original === 'string' ? original : String(original ?? ''));
  try {
    return new DocumentParser(source).parse();
  } catch (err) {
    // Last line of defence: a bug in the parser must not take the caller down.
    const tree: Document = {
      kind: 'document', id: '', range: { start: 0, end: source.original.length }, children: [],
      docType: 'unknown', hasArticles: false, consolidated: false, noise: [], footnotes: [],
    };
    const message = err instanceof Error ? err.message : String(err);
    return {
      tree,
      source,
      problems: [{ code: 'parse/internal', severity: 'error', message: `Lỗi nội bộ của bộ phân tích: ${message}`, range: { start: 0, end: 0 } }],
    };
  }
}

/** A parse's paragraph bounds (normalised start, end pairs) and, once read, the ranges they map to. */
interface ParagraphBounds {
  bounds: Int32Array;
  source: SourceText;
  ranges: Range[] | undefined;
}
const PARAGRAPH_BOUNDS = new AttachedMemo<ParseResult, ParagraphBounds>('paragraphBounds');

/**
 * `result.paragraphs`: ONE getter for every result, which finds its result's bounds on the result. A getter made
 * per result (a closure over the bounds and the source) gave each result a hidden class of its own, made in the
 * old generation and holding that getter: every check's closure, source and normalised text (a 1.1 MB string for
 * a law with one "Ð") then stayed alive through every young-generation collection until the next full one — the
 * scavenges promoted ≈ 5.6 MB each, all of it garbage (the texts of the checks since the last one). Not a getter
 * made inside parse() either: it would hold parse()'s context, the parser itself.
 */
const PARAGRAPHS: PropertyDescriptor = {
  enumerable: false,
  get(this: ParseResult): readonly Range[] | undefined {
    const p = PARAGRAPH_BOUNDS.get(this);
    if (!p) return undefined;
    if (p.ranges) return p.ranges;
    const { bounds, source } = p;
    const ranges: Range[] = [];
    for (let k = 0; k < bounds.length; k += 2) ranges.push({ start: source.toOriginal(bounds[k]), end: source.toOriginal(bounds[k + 1]) });
    return (p.ranges = ranges);
  },
};

/*
 * parse() runs once per check and holds no loop of its own (its loops are the functions below): V8 optimises a
 * function when it has run long enough, and a loop in parse() made it optimise parse() in the first checks, with
 * the small functions it calls once per check inlined before they had any type feedback; each of them sent the
 * optimised parse() back to the interpreter, and parse() was compiled up to five times on V8's one compile thread.
 * Without a loop, parse() stays in the baseline tiers, which cost nothing here: its work is in what it calls.
 */

/** One pass over the lines for both lists (the footnotes are noise too). */
function noiseLines(lines: LineTable, roles: Uint8Array, noise: Range[], footnotes: Range[]): void {
  for (let k = 0; k < lines.count; k++) {
    const role = roles[k];
    if (role !== NOISE && role !== FOOTNOTE) continue;
    noise.push({ start: lines.starts[k], end: lines.ends[k] });
    if (role === FOOTNOTE) footnotes.push({ start: lines.starts[k], end: lines.ends[k] });
  }
}

/** The problems' ranges, read in the normalised text, in the user's. */
function problemsToOriginal(problems: ParseProblem[], source: SourceText): void {
  for (const p of problems) p.range = { start: source.toOriginal(p.range.start), end: source.toOriginal(p.range.end) };
}

/**
 * The paragraphs that are not empty, as start/end pairs: kept as long as the result, at their exact size. One
 * pass over the paragraphs into room for all of them, then the pairs copied at their count (a copy of bytes):
 * a first pass to count them read every paragraph object once more.
 */
function paragraphBounds(paras: readonly Para[]): Int32Array {
  const room = new Int32Array(2 * paras.length);
  const b = pairsInto(paras, room);
  return b === room.length ? room : room.slice(0, b);
}

/** The pairs of the paragraphs that are not empty, written into `room`; how many numbers (why a function that ends with its loop: text/lines.ts scanLines). */
function pairsInto(paras: readonly Para[], room: Int32Array): number {
  let b = 0;
  for (let k = 0; k < paras.length; k++) {
    const q = paras[k];
    if (q.end > q.start) {
      room[b++] = q.start;
      room[b++] = q.end;
    }
  }
  return b;
}

/** `result.paragraphs`, mapped on first use from the paragraph bounds (normalised start, end pairs). */
function defineParagraphs(result: ParseResult, bounds: Int32Array): void {
  PARAGRAPH_BOUNDS.set(result, { bounds, source: result.source, ranges: undefined });
  Object.defineProperty(result, 'paragraphs', PARAGRAPHS);
}

const HEADER_MAX_LINES = 80;

/** Nesting levels: a unit closes every open unit of its level or deeper (a switch: a lookup per unit in a keyed object cost more). */
function levelOf(key: string): number {
  switch (key) {
    case 'phan': return 1;
    case 'chuong': return 2;
    case 'muc': return 3;
    case 'tieu-muc': return 4;
    case 'dieu':
    case 'section': return 5;
    case 'khoan': return 6;
    case 'sub-khoan': return 7;
    case 'diem': return 8;
    case 'item+': return 10;
    default: return 9;
  }
}

const ATTACHMENT_HEAD = /^(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|ĐIỀU LỆ|HƯỚNG DẪN|DANH MỤC|PHƯƠNG ÁN|QUY TRÌNH|TIÊU CHUẨN|TIÊU CHÍ|NỘI QUY|BẢNG|BIỂU|KHUNG|MẪU|NỘI DUNG|CHIẾN LƯỢC|QUY HOẠCH)(?![\p{L}])/u;
const ISSUED_WITH = /\((?:Ban hành |Được ban hành )?[Kk]èm theo(?![\p{L}\d])/u;
const ENACTMENT_TAIL = /(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ)\s*:\s*$/u;
const LUU = /(?:^|\s)Lưu\s*:[^.\n]*\.?/u;
/**
 * A recipient written without its dash ("Bộ trưởng (để báo cáo);", "Lưu: VT, VP."): it stays in the
 * Nơi nhận list, where noi-nhan/format asks for the dash, instead of ending the list. Only the two
 * shapes no other closing line has: a line ending with ";" (a signature, a name or an attached
 * document's title never does) or the "Lưu:" line.
 */
const DASHLESS_RECIPIENT = /^(?:Lưu\s*:|\p{Lu}[^\n]{0,200};$)/u;
/** "CỤC TRƯỞNG (Ký tên, đóng dấu) (*) Thủ trưởng …;": a signature title run onto a footnote, not a recipient. */
const CAPITALS_TITLE = lazy(() => /^\p{Lu}{2,}[ \t]+\p{Lu}{2,}(?!\p{Ll})/u);
const isDashlessRecipient = (first: string): boolean => DASHLESS_RECIPIENT.test(first) && !CAPITALS_TITLE().test(first);
const ENDED = /[.:;!?”)\]]$/u;
const QUOTE_LEAD = /[.:;”]$/u;
/** A bare row number ("3": one to three ASCII digits and nothing else), tested on every line: no regex call. */
function isBareNumber(t: string): boolean {
  if (t.length < 1 || t.length > 3) return false;
  for (let i = 0; i < t.length; i++) if (!isAsciiDigit(t.charCodeAt(i))) return false;
  return true;
}
/** The "STT" (or "TT") heading of a Công báo table's number column. */
const isStt = (t: string): boolean => t === 'STT' || t === 'TT';
const LETTER_HEADING = /^[A-Z]\.\s+\p{Lu}{2}/u;
// From the start of the blank run (one way to match, linear); the run must hold a line break (checked in code).
const TRAILING_DATE = /(?<!\s)(\s+)(\d{1,2}\/\d{1,2}\/\d{4})\s*$/u;
const FOOTNOTE_AFTER_CAPS = /(?<=\p{Lu}{2})\d{1,2}$/u; // checked only when the heading ends in a digit
const ORDINALS: Record<string, string> = { nhất: '1', hai: '2', ba: '3', tư: '4', bốn: '4', năm: '5', sáu: '6', bảy: '7', tám: '8', chín: '9', mười: '10' };
/** The char code of each điểm letter, in DIEM_LETTERS' order. */
const DIEM_CODES = Int32Array.from(DIEM_LETTERS, (l) => l.charCodeAt(0));
/** By char code: 1 + the letter's position in DIEM_LETTERS, 0 for a code that is not one (a table, not a Map: asked of every điểm). */
const DIEM_PLACE = new Uint8Array(0x112);
DIEM_CODES.forEach((c, i) => (DIEM_PLACE[c] = i + 1));
/** Per điểm letter: the pattern of that letter opening after a finished clause (built on first use). */
const RUN_ON_DIEM: RegExp[] = [];
/**
 * The next điểm (or an inserted one: "g1)" after "g)") run on after a finished clause ("…; b) Xyz", a repealed one's note "(được bãi bỏ) c) Thủ
 * trưởng …"), or anywhere after a blank when the portal's footnote mark follows its label ("c)[11] (được bãi bỏ)
 * d)[12] (được bãi bỏ)"): the split falls one character into the match, after the mark or the blank.
 */
function runOnDiem(letter: string, next: string | undefined): RegExp {
  const label = `(?:${next ? `${next}|` : ''}${letter}\\d{1,2})\\)`;
  return new RegExp(`[;.)]\\s+${label}\\s+(?=[${classOf('Lu')}]|\\()|\\s${label}\\d{0,2}\\[\\d{1,3}\\]`, 'u');
}
/**
 * `text` from `from` to `end` holds a label runOnDiem's pattern needs: ")" after the next letter, or after one or
 * two digits after this letter ("g1)"). Most điểm have none; the pattern, which tries every position of the
 * text, runs only then. `closeAt(k)` is where the next ")" at or after k is (the text's length when none).
 */
function hasRunOnLabel(text: string, from: number, end: number, letter: number, next: number, closeAt: (k: number) => number): boolean {
  for (let j = closeAt(from); j < end; j = closeAt(j + 1)) {
    // Characters before `from` are not the paragraph's: they match nothing. Skipped, not read as NaN: a NaN
    // makes the code a double, and the optimised code, made for small integers, went back to the interpreter.
    if (j <= from) continue;
    const c = text.charCodeAt(j - 1);
    if (c === next) return true;
    if (isAsciiDigit(c) && j - 2 >= from) {
      const d = text.charCodeAt(j - 2);
      if (d === letter || (isAsciiDigit(d) && j - 3 >= from && text.charCodeAt(j - 3) === letter)) return true;
    }
  }
  return false;
}
/** " 1. Tác giả …", " 1.[129] Việc …": a khoản 1 glued after a Điều title (splitGluedFirstKhoan). */
const GLUED_FIRST_KHOAN = lazy(() => /(?<=\p{L}|[)”])[ \t]1\.(?:\[\d{1,3}\])?[ \t]*(?=\p{Lu})/u);
/** A Chương or Mục heading run on after the capitals title of a Phần (splitRunOnHeading): the split falls after the blank. */
const RUN_ON_UNDER_PHAN = lazy(() => /(?<=\p{Lu})[ \t](?=(?:Chương|CHƯƠNG)[ \t]+(?:[IVXLC]{1,7}|\d{1,3})(?:[ \t]*[.:]|[ \t]+\p{Lu}|[ \t]*$)|(?:Mục|MỤC)[ \t]+\d{1,3}(?:[ \t]*[.:]|[ \t]+\p{Lu}|[ \t]*$))/u);
/** A Mục heading run on after the capitals title of a Chương. */
const RUN_ON_UNDER_CHUONG = lazy(() => /(?<=\p{Lu})[ \t](?=(?:Mục|MỤC)[ \t]+\d{1,3}(?:[ \t]*[.:]|[ \t]+\p{Lu}|[ \t]*$))/u);
/** A title ending with a word a number follows: the "1." after it is that number, not a khoản. */
const NUMBERED_WORD_END = /(?:khoản|điều|điểm|mục|chương|phần|số|năm|tháng|ngày|thứ|giai đoạn|phụ lục)$/iu;
const NAME_LINE = lazy(() => /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,4}$/u);

/** A logical paragraph (text/paragraphs.ts) as the walk reads it: four fields, one per paragraph of a law. */
class Para {
  /** The first line's text once read; before that, the joiner's lines it is sliced from. */
  #first: string | LineSpans;

  constructor(
    public start: number,
    public end: number,
    /** The joiner's line it starts with (an index into the LineSpans); -1 for a paragraph split off mid-line. */
    readonly span: number,
    /** Its first line's text, or the joiner's lines to slice it from when first read (most never are). */
    first: string | LineSpans,
  ) {
    this.#first = first;
  }

  /** Text of the first line (from `start` to its line end), trimmed. */
  get first(): string {
    const f = this.#first;
    return typeof f === 'string' ? f : (this.#first = f.text.slice(this.start, f.ends[this.span]));
  }

  set first(t: string) {
    this.#first = t;
  }

  /** A paragraph like this one, its first line's text already read (a copy may move its start). */
  copy(): Para {
    return new Para(this.start, this.end, this.span, this.first);
  }
}

interface Scope {
  node: Node;
  prefix: string;
  /** The open units, outermost first, and their levels beside them (two arrays: no object per unit). */
  stack: Node[];
  levels: number[];
  /** The id segments given under the scope's prefix, and under each open unit (made at its first child). */
  segs: Set<string>;
  /** Per open unit, where the segments given under it start in the parser's `given` run (giveUnder). */
  givenFrom: number[];
  /** Per open unit, where its children start in the parser's `kids` run (adopt). */
  kidsFrom: number[];
  /** Per open unit, and for the scope's node (-1 until added: the body), its place in the parser's `order`. */
  at: number[];
  nodeAt: number;
  /** A child of the document was added to `order` after the scope's node: its subtree there has ended. */
  sealed: boolean;
}

type Zone = 'start' | 'preamble' | 'body' | 'noi-nhan' | 'closing';

class DocumentParser {
  /** The normalised text, with the portal's editorial notes blanked out (see parse()). */
  private text: string;
  private readonly problems: ParseProblem[] = [];
  /** The id segments given under the empty base (the body's units, attachments, Phụ lục…: uid). */
  private readonly rootSegs = new Set<string>();
  /** The last "~n" given to a repeated id. */
  private readonly repeats = new Map<string, number>();
  private lines!: LineTable;
  /** The joiner's lines, which the paragraphs index (buildParagraphs). */
  private spans!: LineSpans;
  /** The lines' roles (noise.ts TEXT, BLANK, NOISE, SEPARATOR, FOOTNOTE). */
  private roles!: Uint8Array;
  private paras: Para[] = [];
  private i = 0;
  private zone: Zone = 'start';
  private doc!: Document;
  private scope!: Scope;
  private preamble?: Node;
  private noiNhan?: Node;
  private attachments = 0;
  private pendingClosing: Para[] = [];
  private phuLucCount = 0;
  /** The text the units' titles are read from (titleLater), made at the first; the text does not change after parse() set it. */
  private titleText?: TitleText;
  /** Units made (sizeHint). */
  private units = 0;

  constructor(private readonly source: SourceText) {
    this.text = source.text;
  }

  parse(): ParseResult {
    // "Chương III [Nội dung hướng dẫn Chương này tại …] CÔNG TY…": the parser reads
    // the portal's notes as blanks (same length, so every offset stays where it
    // was) and sees the heading a note interrupted.
    const notes = findNotes(this.text);
    if (notes.length) this.text = blankSpans(this.text, notes);
    const lines = (this.lines = lineTable(this.text));
    this.roles = lineRoles(lines);
    // One slot per line from the start (filled as the lines are asked about), not grown as they are.
    this.lineStarts = new Array<LineStart | null | undefined>(lines.count);
    markNoteLines(lines, this.roles, notes);
    const text = this.text;
    // Lists of objects from birth (object-lists.ts): noiseLines's optimised push met an empty `[]` in the next check.
    const noise: Range[] = objectList();
    const footnotes: Range[] = objectList();
    noiseLines(lines, this.roles, noise, footnotes);
    for (const n of notes) noise.push(n);
    this.doc = {
      kind: 'document', id: '', range: { start: 0, end: text.length }, children: objectList(),
      docType: 'unknown', hasArticles: false, consolidated: false, noise, footnotes,
    };

    const header = this.readHeader();
    this.paras = this.buildParagraphs(header.end);
    this.doc.noise.sort((a, b) => a.start - b.start);
    // Its children a list of objects from birth, like the document's (object-lists.ts): `adopt` pushes into both.
    const body: Node = { kind: 'body', id: 'body', range: { start: header.end, end: header.end }, children: objectList() };
    // At about the tree's size: a law's units are nearly all its nodes, and each is a paragraph.
    this.order = new Preorder(this.paras.length + 64);
    this.order.add(this.doc, -1); // with the header
    this.scope = this.newScope(body, '', this.rootSegs, -1);
    this.walk();
    this.closeScope();
    this.leaveScope();
    if (body.children.length || body.range.end > body.range.start) this.insertBody(body);
    this.doc.hasArticles = containsKind(body, 'dieu');
    this.doc.docType = docTypeOf(this.doc.header, this.doc);
    mapTreeToOriginal(this.doc, this.source);
    // The node index takes the pre-order written along the way; when it is not the finished tree's, the index
    // walks the tree, at about its size (nearly every node of a law is a unit), not grown to it.
    if (this.preorderHolds()) preorderOf(this.doc, this.order);
    else sizeHint(this.doc, this.units + 64);
    problemsToOriginal(this.problems, this.source);
    const result: ParseResult = { tree: this.doc, problems: this.problems, source: this.source };
    defineParagraphs(result, paragraphBounds(this.paras));
    return result;
  }

  // ---------------------------------------------------------------- header

  private readHeader(): HeaderParse {
    const lines = this.lines;
    let zoneEnd = this.text.length;
    let seen = 0;
    for (let k = 0; k < lines.count; k++) {
      if (this.roles[k] !== TEXT) continue;
      if (++seen > HEADER_MAX_LINES) {
        zoneEnd = lines.starts[k];
        break;
      }
      const ls = classifyLineStartIn(this.text, lines.starts[k], lines.ends[k]);
      if (ls && isBodyMarker(ls) && k > 0) {
        zoneEnd = lines.starts[k];
        break;
      }
    }
    const h = parseHeader(this.text, 0, zoneEnd);
    const found = Object.keys(h.info).length > 0;
    if (!found) return { info: {}, end: 0 };
    const start = firstFieldStart(h);
    this.doc.header = h.info;
    this.doc.children.push({ kind: 'header', id: 'header', range: { start, end: h.end }, children: [], header: h.info });
    return h;
  }

  // ------------------------------------------------------------ paragraphs

  private buildParagraphs(from: number): Para[] {
    const text = this.text;
    const roles = this.roles;
    const { prefixes, consolidated } = readLineHeads(this.lines);
    this.doc.consolidated = consolidated;
    const spans = this.joinerLines(from, prefixes);
    const isBreak = (j: number) => roles[spans.lines[j]] !== TEXT;
    const startsUnit = (j: number) => {
      const s = spans.starts[j];
      const e = spans.ends[j];
      const ls = this.lineStart(spans.lines[j], s, e);
      if (ls?.weak && j > 0) {
        const prev = lineText(spans, j - 1);
        if (!ENDED.test(prev) && !isAllUpper(prev)) return false;
      }
      // A line opening with “ starts quoted amendment content only after "… như sau:" or a finished
      // sentence; otherwise it is a quoted name wrapped to the line start (Đề án “Tăng cường …”).
      // Not `ls?.kind === 'quote'`: undefined against a string is a generic comparison in optimised code (walk).
      if (ls !== undefined && ls.kind === 'quote' && j > 0 && !QUOTE_LEAD.test(lineText(spans, j - 1))) return false;
      if (ls !== undefined) return true;
      if (e - s <= 3 && isBareNumber(lineText(spans, j))) return true;
      // Every signature title and "STT" open with an ASCII capital (most lines do not): no pattern call for the rest.
      const c = text.charCodeAt(s);
      if (c < 0x41 || c > 0x5a) return false;
      const t = lineText(spans, j);
      return SIGNATURE_HEAD.test(t) || isStt(t);
    };
    // A lone "|" (portal cell separator), a bare row number and "STT" (Công báo table) stand alone: three characters at most.
    const standalone = (j: number) => {
      if (spans.ends[j] - spans.starts[j] > 3) return false;
      const t = lineText(spans, j);
      return t === '|' || isBareNumber(t) || isStt(t);
    };
    this.spans = spans;
    const para = (j: number): Para => new Para(spans.starts[j], spans.ends[j], j, spans);
    return toParagraphs(spans, { isBreak, startsUnit, standalone }, undefined, para);
  }

  /**
   * The joiner's lines: spans of the physical lines from the header's end (`from`) on, a few cut in two or joined.
   * A method of its own that ends with its loop, apart from what buildParagraphs does after it (why: text/lines.ts
   * scanLines).
   */
  private joinerLines(from: number, prefixes: ReadonlySet<string>): LineSpans {
    const text = this.text;
    const lines = this.lines;
    const { starts, ends } = lines;
    const spans = new LineSpans(text, lines.count);
    for (let k = 0; k < lines.count; k++) {
      if (ends[k] <= from) continue;
      // The line being read, `index` (kept when the next line is joined to it) from `s` to `e`.
      const index = k;
      let s = starts[k];
      let e = ends[k];
      const cut = prefixes.size ? crawlerCut(lineText(lines, k), prefixes) : 0;
      if (cut > 0) {
        // "Luật Doanh nghiệp 2020. Điều 3. …": the crawler's title is not part of the text.
        this.doc.noise.push({ start: s, end: s + cut });
        s += cut;
        if (this.wrappedReference(s, e, k, prefixes)) this.notHeadings.add(s);
      }
      // Not read at an empty line's start, which may be the text's end: a read past it deopted the loop.
      const c = s < e ? text.charCodeAt(s) : -1;
      const note = c === 0x5b || c === 0x28 ? repealedBeforeHeading(text.slice(s, e)) : -1; // "[" or "("
      if (note > 0 && s >= from) {
        // "[35] (được bãi bỏ) Chương III THẨM ĐỊNH …": a repealed unit's note with the next heading run on.
        spans.add(index, s, trimEnd(text, s, s + note));
        s += note;
      }
      if (e - s <= LONE_LABEL_MAX && LONE_LABEL_WORD.test(text.slice(s, e)) && this.numberOpens(k + 1, s, from)) {
        // "Tiểu mục" ⏎ "2. QUYỀN SỬ DỤNG", "Điều" ⏎ "74. …": a label a copy broke over two lines.
        e = ends[++k];
      }
      const word = headingLabelWordAt(text, s, e);
      if (word > 0 && this.numberOpens(k + 1, s, from)) {
        // "Chương I CÁC BIỆN PHÁP XỬ LÝ HÀNH CHÍNH Điều" ⏎ "89. Biện pháp …": the heading keeps its line, the
        // next heading's label word goes with its number.
        const at = s + word;
        spans.add(index, s, trimEnd(text, s, at));
        spans.add(index, at, ends[++k]);
        continue;
      }
      if (s < from) {
        // The header ended inside this line (crawler text): keep the rest.
        let r = from;
        while (r < e && /\s/u.test(text[r])) r++;
        if (r < e) spans.add(index, r, e);
        continue;
      }
      spans.add(index, s, e);
    }
    return spans;
  }

  /** Line `k` is a text line that opens with a unit's number ("2.", "74.", "IV"): the rest of the label on the line before (starting at `start`). */
  private numberOpens(k: number, start: number, from: number): boolean {
    return k < this.lines.count && this.roles[k] === TEXT && start >= from && LABEL_NUMBER_START.test(lineText(this.lines, k));
  }

  /** Starts of lines that look like a heading but are a wrapped reference (wrappedReference). */
  private readonly notHeadings = new Set<number>();
  /**
   * "… theo quy định tại Mục 2, Mục 3 và Mục 4" ⏎ "Nghị định 44/2025/NĐ-CP. Chương III Nghị định này, doanh
   * nghiệp …": the crawler took a reference wrapped to a line start for a heading and put its title before it. A
   * heading's title is in capitals; this one is a sentence, after a line that did not end (blank lines
   * between) or a note's tail (
   * "Chương VI Nghị định 145/2020/NĐ-CP có hiệu lực từ ngày 01/02/2021]"). The line is line `k` from `s` to `e`.
   */
  private wrappedReference(s: number, e: number, k: number, prefixes: ReadonlySet<string>): boolean {
    const line = this.text.slice(s, e);
    const ls = classifyLineStart(line);
    if (!ls || !isHeadingKind(ls.kind)) return false;
    const title = line.slice(ls.labelEnd);
    if (isAllUpper(title)) return false;
    // "Mục 1." ⏎ "THẨM ĐỊNH QUY HOẠCH": the title in capitals on the next line.
    if (!/[\p{L}\d]/u.test(title) && k + 1 < this.lines.count && isAllUpper(lineText(this.lines, k + 1))) return false;
    const close = title.indexOf(']');
    if (close >= 0 && title.lastIndexOf('[', close) < 0) return true;
    // The crawler may put a blank line before its title.
    let j = k - 1;
    while (j >= 0 && this.roles[j] === BLANK) j--;
    if (j < 0 || this.roles[j] !== TEXT) return false;
    const above = lineText(this.lines, j);
    let t = above.slice(crawlerCut(above, prefixes));
    t = t.slice(Math.max(0, repealedBeforeHeading(t)));
    if (ENDED.test(t) || isAllUpper(t)) return false;
    // A heading above ("Chương III CÁ NHÂN" ⏎ "Bộ luật dân sự 2015. Mục 1." ⏎ "NĂNG LỰC …") ended too.
    const aboveStart = classifyLineStart(t);
    return !aboveStart || (!isHeadingKind(aboveStart.kind) && aboveStart.kind !== 'dieu');
  }

  /** How a physical line starts, computed once per line (the joiner and the walk both ask). */
  private lineStarts: (LineStart | null | undefined)[] = [];
  /** One answer per khoản/điểm label (classifyLineStartIn): nothing here changes a LineStart. */
  private readonly labels: LabelCache = new Map();
  /** How line `k` starts from `s` to `e` (its whole trimmed text, or the part the joiner cut). */
  private lineStart(k: number, s: number, e: number): LineStart | undefined {
    if (this.notHeadings.size && this.notHeadings.has(s)) return undefined;
    // Lines cut at the header's end or joined to the next have the same index: key on both ends too.
    if (s !== this.lines.starts[k] || e !== this.lines.ends[k]) return classifyLineStartIn(this.text, s, e, this.labels);
    let ls = this.lineStarts[k];
    if (ls === undefined) this.lineStarts[k] = ls = classifyLineStartIn(this.text, s, e, this.labels) ?? null;
    return ls ?? undefined;
  }

  /** The text line before `index` (skipping blank and noise lines) visibly ended, or there is none. */
  private lineEnded(index: number): boolean {
    for (let k = index; k >= 0; k--) {
      if (this.roles[k] === NOISE || this.roles[k] === FOOTNOTE) continue;
      if (this.roles[k] !== TEXT) return true;
      const t = lineText(this.lines, k);
      return ENDED.test(t) || isAllUpper(t);
    }
    return true;
  }

  /** How a paragraph starts: its first line's classification unless it was split mid-line. */
  private paraStart(p: Para): LineStart | undefined {
    // The physical line it starts on, when it starts at that line's start (not a copy moved past a mark).
    const j = p.span;
    const line = j >= 0 && this.spans.starts[j] === p.start ? this.spans.lines[j] : -1;
    const ls = line >= 0 ? this.lineStart(line, p.start, this.spans.ends[p.span]) : classifyLineStart(p.first);
    // "Điều 25" alone on a line after an unfinished one is a wrapped reference, not a heading.
    if (ls?.weak && line >= 0 && !this.lineEnded(line - 1)) return undefined;
    return ls;
  }

  private textOf(p: Para): string {
    return this.text.slice(p.start, p.end);
  }

  /** Splits paragraph `k` at `at`; the rest becomes the next paragraph. */
  private splitAt(k: number, at: number): void {
    const p = this.paras[k];
    let s = at;
    while (s < p.end && /\s/u.test(this.text[s])) s++;
    let e = at;
    while (e > p.start && /\s/u.test(this.text[e - 1])) e--;
    if (s >= p.end) {
      p.end = Math.max(p.start, e);
      return;
    }
    const nl = this.text.indexOf('\n', s);
    const rest = new Para(s, p.end, -1, this.text.slice(s, nl < 0 || nl > p.end ? p.end : nl).trim());
    p.end = Math.max(p.start, e);
    this.paras.splice(k + 1, 0, rest);
  }

  // ------------------------------------------------------------------ walk

  private walk(): void {
    for (this.i = 0; this.i < this.paras.length; this.i++) {
      const p = this.paras[this.i];
      if (p.end <= p.start) continue;
      const ls = this.paraStart(p);
      // The line start's kind, '' for none: `ls?.kind === 'x'` compared undefined or a string, and each such
      // comparison in the optimised walk was a call into V8's generic strict-equality builtin.
      const kind = ls === undefined ? '' : ls.kind;
      if (kind === 'cell-separator') continue;
      if (this.zone === 'body' && ls && isBodyUnit(ls.kind)) {
        // Fast path: inside the body a Điều/khoản/điểm line is nothing else.
        this.unit(p, ls);
        continue;
      }
      if (kind === 'noi-nhan' && this.zone !== 'start') {
        this.openNoiNhan(p, ls!.labelEnd);
        continue;
      }
      if (this.zone === 'noi-nhan') {
        if (kind === 'item' || (!ls && isDashlessRecipient(p.first))) {
          this.addRecipient(p);
          continue;
        }
        this.zone = 'closing';
      }
      if (this.zone !== 'start' && this.zone !== 'preamble' && this.tryAttachment(p, ls)) continue;
      if (this.zone !== 'start' && this.zone !== 'preamble' && this.trySignature(p, ls)) continue;
      if (kind === 'phu-luc' && (this.zone !== 'start' || /^PHỤ\s+LỤC/u.test(p.first)) && this.tryPhuLuc(p, ls!)) continue;

      if (this.zone === 'closing' && !(ls && isBodyUnit(ls.kind)) && kind !== 'quote' && kind !== 'table-row') {
        // After the signature: text that is neither a unit nor a new part (a repeated
        // header block above an attached document, a "(Đã ký)" line…). It belongs to
        // whatever part comes next, if any; it never extends the body.
        this.pendingClosing.push(p);
        continue;
      }
      if (this.zone === 'closing') {
        // A Quốc hiệu among them: a whole document follows the signature (a form, "Mẫu Quyết định số 01/QĐ-HĐ"
        // with its own header and căn cứ): its Điều 1 starts its own numbering, not the body's next Điều.
        if (this.pendingClosing.some((q) => QUOC_HIEU_LINE.test(q.first))) this.openEmbeddedDocument();
        for (const q of this.pendingClosing) this.content(q);
        this.pendingClosing = [];
        this.zone = 'body';
      }
      if (this.zone === 'start' || this.zone === 'preamble' || (this.zone === 'body' && !this.preamble && this.scope.node.kind === 'body' && !this.scope.node.children.length && (kind === 'can-cu' || kind === 'enactment'))) {
        if (this.tryPreamble(p, ls)) continue;
        this.zone = 'body';
      }
      this.bodyParagraph(p, ls);
    }
  }

  // -------------------------------------------------------------- preamble

  private tryPreamble(p: Para, ls: LineStart | undefined): boolean {
    const kind = ls === undefined ? '' : ls.kind; // '' for none: undefined would make isBodyUnit's comparisons generic (walk)
    const t = this.textOf(p);
    if (kind === 'can-cu' || kind === 'de-nghi' || kind === 'enactment' || (this.zone === 'preamble' && !isBodyUnit(kind))) {
      const pre = this.ensurePreamble(p.start);
      // "… Bộ Tư pháp, QUYẾT NGHỊ:" — the enactment may end a longer line.
      const tail = kind === 'enactment' ? null : ENACTMENT_TAIL.exec(t);
      if (tail && tail.index > 0) {
        this.splitAt(this.i, p.start + tail.index);
        return this.tryPreamble(this.paras[this.i], classifyLineStart(this.paras[this.i].first));
      }
      if (kind === 'can-cu') {
        const canCu: Node = { kind: 'can-cu', id: this.uid('', this.rootSegs, `can_cu_${pre.children.length + 1}`), range: { start: p.start, end: p.end }, title: clip(fold(t)), children: [] };
        pre.children.push(canCu);
        // Under the preamble only while nothing was added after its subtree (preorderHolds checks the rest).
        if (this.order.end[this.preambleAt] !== this.order.count) this.orderBroken = true;
        this.order.add(canCu, this.preambleAt);
        this.order.close(this.preambleAt);
      } else if (kind === 'enactment') {
        pre.enactment = { text: fold(t), range: { start: p.start, end: p.end } };
        pre.range.end = p.end;
        this.zone = 'body';
        return true;
      } else {
        (pre.lines ??= []).push({ text: fold(t), range: { start: p.start, end: p.end } });
      }
      pre.range.end = p.end;
      this.zone = 'preamble';
      return true;
    }
    return false;
  }

  private ensurePreamble(at: number): Node {
    if (!this.preamble) {
      this.preamble = { kind: 'preamble', id: 'preamble', range: { start: at, end: at }, children: [] };
      this.doc.children.push(this.preamble);
      // Text read as body before the first căn cứ (a consolidated text's "được sửa đổi,
      // bổ sung bởi: …" list) is part of the preamble, not of the body.
      const body = this.scope.node;
      const moved = body.kind === 'body' && !body.children.length && body.range.end > body.range.start;
      // The body, added to `order` for that text, goes back out: it comes after the preamble, when read again.
      if (moved && this.scope.nodeAt === this.order.count - 1) {
        this.order.count--;
        this.scope.nodeAt = -1;
      }
      this.preambleAt = this.addTopLevel(this.preamble);
      if (moved) {
        this.preamble.range.start = body.range.start;
        this.preamble.lines = [{ text: clip(fold(this.text.slice(body.range.start, body.range.end))), range: { ...body.range } }];
        body.range = { start: at, end: at };
      }
    }
    return this.preamble;
  }

  // ------------------------------------------------------------------ body

  private bodyParagraph(p: Para, ls: LineStart | undefined): void {
    const kind = ls === undefined ? '' : ls.kind; // '' for none: not a generic comparison (walk)
    if (isStt(p.first) && this.cbTable()) return;
    if (kind === 'quote') return this.quote(p);
    if (kind === 'table-row') return this.markdownTable();
    if (kind && isBodyUnit(kind)) return this.unit(p, ls!);
    this.content(p);
  }

  private content(p: Para): void {
    this.touch(p.start, p.end);
    extend(this.top(), p.end);
  }

  /** Grows the current scope's range; an empty scope starts where its first content does. */
  private touch(start: number, end: number): void {
    // The body is placed in `order` when something is first read into it (it is made before the header's end is known).
    if (this.scope.nodeAt < 0) this.scope.nodeAt = this.addTopLevel(this.scope.node);
    const r = this.scope.node.range;
    if (!this.scope.node.children.length && r.end <= r.start) r.start = start;
    if (r.end < end) r.end = end;
  }

  private top(): Node {
    const st = this.scope.stack;
    return st.length ? st[st.length - 1] : this.scope.node;
  }

  private unit(p: Para, ls: LineStart): void {
    if (ls.kind === 'sub-khoan') ls = this.footnotedKhoan(p, ls);
    else if (ls.kind === 'diem' && this.scope.node.kind !== 'quote') this.splitRunOnDiem(p, ls);
    else if (ls.kind === 'khoan' && this.scope.node.kind !== 'quote') this.splitGluedFirstDiem(p);
    else if (ls.kind === 'dieu' && this.scope.node.kind !== 'quote') this.splitGluedFirstKhoan(p, ls);
    else if (ls.kind === 'phan' || ls.kind === 'chuong') {
      const runOn = this.splitRunOnHeading(p, ls);
      if ((runOn || this.breadcrumb === p.start) && this.repeatsOpenHeading(p, ls)) {
        // The heading run on after a repeated one may repeat its open heading too (the whole breadcrumb).
        if (runOn) this.breadcrumb = this.paras[this.i + 1].start;
        return this.content(p);
      }
    }
    let kind: NodeKind;
    let levelKey: string = ls.kind;
    switch (ls.kind) {
      case 'roman':
        kind = 'section';
        levelKey = 'section';
        break;
      case 'sub-khoan':
        kind = 'khoan';
        break;
      case 'item':
        kind = 'item';
        if (p.first.startsWith('+')) levelKey = 'item+';
        break;
      default:
        kind = ls.kind as NodeKind;
    }
    const level = levelOf(levelKey);
    this.popTo(level);
    const parent = this.top();
    const numbered = ls.number !== undefined;
    const node = new UnitNode(
      kind,
      ls.number,
      { start: p.start, end: p.end },
      p.start + ls.labelEnd,
      numbered ? p.start + ls.numberStart! : -1,
      numbered ? p.start + ls.numberEnd! : -1,
      numbered && isInsertedLabel(ls.number!) ? true : undefined,
      OPEN,
    );
    this.units++;
    this.setTitle(node, p, ls);
    this.idFor(node, parent);
    this.touch(p.start, p.end);
    this.adopt(parent, node, true);
    this.scope.stack.push(node);
    this.scope.levels.push(level);
    this.scope.givenFrom.push(this.givenTop);
    this.scope.kidsFrom.push(this.kidsTop);
    this.scope.at.push(this.lastAdded);
  }

  /**
   * The children of the open units, in one run: the innermost unit's follow those of the units around it (its
   * scope's `kidsFrom`) and become its own list, at its exact size, when it closes. An open unit's `children`
   * is OPEN (empty, frozen): a list grown by push takes 17 slots at its first child, and a law's ≈ 1,100 units
   * with children have ≈ 4 each.
   */
  private readonly kids: Node[] = objectList();
  private kidsTop = 0;

  /**
   * Adds `child` under `parent` (the innermost open unit, or the scope's node): to the run when it is the unit.
   * `opened`: the child is a unit just made, with no children yet.
   */
  private adopt(parent: Node, child: Node, opened = false): void {
    const scope = this.scope;
    const st = scope.stack;
    let up: number;
    if (st.length && st[st.length - 1] === parent) {
      this.kids[this.kidsTop++] = child;
      up = scope.at[st.length - 1];
    } else {
      parent.children.push(child);
      if (parent !== scope.node || st.length || scope.sealed) this.orderBroken = true;
      if (scope.nodeAt < 0) scope.nodeAt = this.addTopLevel(scope.node);
      up = scope.nodeAt;
    }
    this.lastAdded = opened ? this.order.leaf(child, up) : this.order.add(child, up);
  }

  /** The number of the last child of `kind` under `parent` (lastNumberOf): in the run when `parent` is the innermost open unit. */
  private lastNumberUnder(parent: Node, kind: string): number {
    const st = this.scope.stack;
    if (!st.length || st[st.length - 1] !== parent) return lastNumberOf(parent.children, 0, parent.children.length, kind);
    return lastNumberOf(this.kids, this.scope.kidsFrom[st.length - 1], this.kidsTop, kind);
  }

  /**
   * "1.4 Việc xác định…" in a consolidated text (VBHN) is khoản 1 carrying
   * footnote mark 4, not sub-khoản 1.4: the marks run through the whole
   * document, so the second number does not continue a sub-numbering
   * (no "1.3" before it) and no closing dot follows it.
   */
  private footnotedKhoan(p: Para, ls: LineStart): LineStart {
    const m = /^(\d{1,3})\.(\d{1,3})$/.exec(ls.number ?? '');
    if (!m || m[2] === '1' || p.first[ls.numberEnd!] === '.') return ls;
    const st = this.scope.stack;
    const prev = st.length && st[st.length - 1].kind === 'khoan' ? st[st.length - 1] : undefined;
    if (prev?.number === `${m[1]}.${Number(m[2]) - 1}`) return ls;
    return { kind: 'khoan', number: m[1], labelEnd: ls.labelEnd, numberStart: 0, numberEnd: m[1].length };
  }

  /**
   * "c) Chiếm đoạt …; d) Lợi dụng …" — a copy that ran two điểm onto one line
   * (html2text of a portal page). Split where the NEXT letter opens after a
   * finished clause; any other "d)" inside the text stays text.
   */
  private splitRunOnDiem(p: Para, ls: LineStart): void {
    // "g1)" (inserted after "g)") runs on like "g)": the next one is "h)" or another inserted "g2)".
    // The label is one letter, then digits for an inserted one (patterns.ts RE.diem).
    const letter = ls.number!.charCodeAt(0);
    const k = letter < DIEM_PLACE.length ? DIEM_PLACE[letter] : 0;
    if (k === 0) return;
    // Only the paragraph's own text: an unbounded indexOf would scan to the end of the document for every điểm.
    // Not sliced to be searched: the ")" are found by the shared forward search (closeAt), the text cut only when
    // the pattern runs.
    const from = p.start + ls.labelEnd;
    if (!hasRunOnLabel(this.text, from, p.end, letter, k < DIEM_CODES.length ? DIEM_CODES[k] : -1, this.closeAt)) return;
    const m = (RUN_ON_DIEM[k] ??= runOnDiem(DIEM_LETTERS[k - 1], DIEM_LETTERS[k])).exec(this.text.slice(from, p.end));
    if (m) this.splitAt(this.i, from + m.index + 1);
  }

  /**
   * "1. Chủ bằng bảo hộ có các quyền sau đây:a) Sản xuất …" ⏎ "b) Chế biến …":
   * a copy glued the first điểm to its khoản. Split only when "b)" follows.
   */
  private splitGluedFirstDiem(p: Para): void {
    // An "a)" in the paragraph: a ")" after an "a", among the ")" of the shared forward search (no search of its own).
    let j = this.closeAt(p.start);
    while (j < p.end && (j === p.start || this.text.charCodeAt(j - 1) !== 0x61)) j = this.closeAt(j + 1);
    if (j >= p.end) return;
    const body = this.text.slice(p.start, p.end);
    const m = /:[ \t]?a\)[ \t]*(?=\p{Lu})/u.exec(body);
    if (!m) return;
    const next = this.paras[this.i + 1];
    if (!next?.first.startsWith('b)') && !/[;.][ \t]*b\)[ \t]/u.test(body.slice(m.index))) return;
    this.splitAt(this.i, p.start + m.index + 1);
  }

  /** Where the last search for ")" (closeAt) started, and what it found (-1: none after it). */
  private closeFrom = Infinity;
  private closeFound = -1;
  /**
   * Where the next ")" in the text is, at or after `k` (the text's length when none): the last answer stands while
   * it lies ahead, so the paragraphs, asked in order, scan the text once between them — and no paragraph is
   * sliced to be searched. The khoản ask it for a glued "a)" (splitGluedFirstDiem), the điểm for a run-on label
   * (hasRunOnLabel): one search serves both.
   */
  private readonly closeAt = (k: number): number => {
    if (this.closeFrom > k || (this.closeFound >= 0 && this.closeFound < k)) {
      this.closeFrom = k;
      this.closeFound = this.text.indexOf(')', k);
    }
    return this.closeFound < 0 ? this.text.length : this.closeFound;
  };

  /**
   * "Điều 12a. Tác giả, đồng tác giả 1. Tác giả là người …" ⏎ "2. …": a portal copy ran the first khoản
   * (sometimes with its footnote mark, "1.[129] Việc nộp …") onto the Điều's title line. Split before
   * "1." only when the next line goes on with "2." or "a)", and the title does not end with a word a
   * number follows ("… khoản 1. …", "năm 1.").
   */
  private splitGluedFirstKhoan(p: Para, ls: LineStart): void {
    const from = p.start + ls.labelEnd;
    const line = this.restOfFirstLine(p, from);
    if (!line.includes(' 1.')) return;
    const m = GLUED_FIRST_KHOAN().exec(line);
    if (!m || NUMBERED_WORD_END.test(line.slice(0, m.index))) return;
    const next = this.paras[this.i + 1];
    if (!next || !/^(?:2\.|a\))/u.test(next.first)) return;
    this.splitAt(this.i, from + m.index + 1);
  }

  /**
   * "Phần thứ nhất NHỮNG QUY ĐỊNH CHUNG Chương I NHIỆM VỤ …", "Chương IV BIỆN PHÁP … Mục 1 BIỆN PHÁP …": a
   * portal copy ran the first Chương (Mục) of a Phần (Chương) onto its heading line. Split before the lower
   * heading only where the title before it is in capitals: a heading's title never names another heading's
   * label, and a sentence ("… theo Chương II") is not in capitals.
   */
  private splitRunOnHeading(p: Para, ls: LineStart): boolean {
    const from = p.start + ls.labelEnd;
    const line = this.restOfFirstLine(p, from);
    const m = (ls.kind === 'phan' ? RUN_ON_UNDER_PHAN() : RUN_ON_UNDER_CHUONG()).exec(line);
    if (!m || !isAllUpper(line.slice(0, m.index))) return false;
    this.splitAt(this.i, from + m.index + 1);
    return true;
  }

  /** The paragraph's first line from `from` (past its label) to the line's end. */
  private restOfFirstLine(p: Para, from: number): string {
    const lineEnd = this.text.indexOf('\n', from);
    return this.text.slice(from, lineEnd < 0 || lineEnd > p.end ? p.end : lineEnd);
  }

  /** Start of the heading run on after a repeated one (repeatsOpenHeading), or -1. */
  private breadcrumb = -1;
  /**
   * "Phần thứ hai XỬ PHẠT VI PHẠM HÀNH CHÍNH Chương III …" in the middle of that Phần: the portal repeated the
   * open Phần (same number, same title) as a breadcrumb before its next Chương; it opens nothing. Only in this
   * run-on form (and for the heading run on after it): a heading a drafter pasted twice on its own line stays a
   * duplicate.
   */
  private repeatsOpenHeading(p: Para, ls: LineStart): boolean {
    const open = this.scope.stack.find((n) => n.kind === ls.kind);
    if (!open?.titleRange || open.number !== ls.number) return false;
    let s = p.start + ls.labelEnd;
    while (s < p.end && isTitleLead(this.text.charCodeAt(s))) s++;
    return fold(this.text.slice(s, p.end)) === fold(this.text.slice(open.titleRange.start, open.titleRange.end));
  }

  private setTitle(node: UnitNode, p: Para, ls: LineStart): void {
    const text = this.text;
    const e = p.end;
    let s = p.start + ls.labelEnd;
    let c = -1;
    while (s < e && isTitleLead((c = text.charCodeAt(s)))) s++;
    // A portal's footnote mark opens with a digit or "[": the rest (nearly every title) is not read again for it.
    if (s < e && (c === 0x5b || isAsciiDigit(c))) s = afterFootnoteMark(text, s, e);
    if (s < e) {
      const long = node.kind === 'khoan' || node.kind === 'diem' || node.kind === 'item';
      if (long) {
        // Folded on first read (the check reads none).
        node.titleAt(s, e);
        node.titleLater((this.titleText ??= new TitleText(text)));
      } else {
        this.setHeading(node, s, e);
      }
      return;
    }
    // "Chương I" ⏎ "QUY ĐỊNH CHUNG": the heading's title is the next paragraph.
    if (node.kind === 'phan' || node.kind === 'chuong' || node.kind === 'muc' || node.kind === 'tieu-muc') {
      const next = this.paras[this.i + 1];
      if (next && !classifyLineStart(next.first) && (isAllUpper(next.first) || node.kind !== 'chuong')) {
        this.setHeading(node, next.start, next.end);
        node.range.end = next.end;
        this.i++;
      }
    }
  }

  /** A heading's title; "HIỆU LỰC THI HÀNH5" loses the footnote marker glued to it. */
  private setHeading(node: UnitNode, s: number, e: number): void {
    const c = this.text.charCodeAt(e - 1);
    if (c >= 0x30 && c <= 0x39) {
      const t = this.text.slice(s, e);
      const fn = FOOTNOTE_AFTER_CAPS.exec(t);
      if (fn && isAllUpper(t)) e -= fn[0].length;
    }
    node.title = fold(this.text.slice(s, e));
    node.titleAt(s, e);
  }

  /**
   * The id of a new child of the innermost open unit (of the scope when none is open: the scope's prefix,
   * which is its node's id, or "" for the body).
   */
  private childUid(seg: string | Seg): string {
    const k = this.scope.stack.length - 1;
    if (k < 0) return this.uid(this.scope.prefix, this.scope.segs, seg);
    return this.scope.stack[k].id + this.giveUnder(k, seg);
  }

  /** Gives the unit its unique id: its base (scope prefix, parent or Chương id) and its own segment. */
  private idFor(node: UnitNode, parent: Node): void {
    const prefix = this.scope.prefix;
    let seg: string | Seg;
    switch (node.kind) {
      case 'phan':
      case 'chuong':
      case 'section':
      case 'dieu':
        node.id = this.uid(prefix, this.scope.segs, segOf(node.kind, node.number));
        return;
      case 'muc':
      case 'tieu-muc': {
        const st = this.scope.stack;
        const k = st.findIndex((n) => n.kind === 'chuong' || n.kind === 'phan');
        if (k < 0) node.id = this.uid(prefix, this.scope.segs, segOf(node.kind, node.number));
        else node.id = this.uid(st[k].id, this.headingSegs(st[k]), segOf(node.kind, node.number));
        return;
      }
      case 'item':
        seg = `item_${this.nextOrdinal(parent, 'item')}`;
        break;
      default:
        seg = segOf(node.kind, node.number);
    }
    // Under the innermost open unit (childUid), joined when first read; under the scope as childUid gives it.
    const k = this.scope.stack.length - 1;
    if (k < 0) node.id = this.uid(prefix, this.scope.segs, seg);
    else node.idAfter(this.scope.stack[k], this.giveUnder(k, seg));
  }

  /**
   * The segments of Mục and Tiểu mục given under an open Chương or Phần (their ids' base, whatever unit is open
   * below it). No other segment is given under that base but through giveUnder, and none of those is a Mục's.
   */
  private readonly headingSegsOf = new Map<Node, Set<string>>();
  private headingSegs(node: Node): Set<string> {
    let segs = this.headingSegsOf.get(node);
    if (segs === undefined) this.headingSegsOf.set(node, (segs = new Set()));
    return segs;
  }

  /**
   * The segments given under the open units, in one run: the innermost unit's follow those of the units
   * around it (its scope's `givenFrom`), and go when it closes. A unit asks among its own by a scan, not a Set
   * of its own (a law has ≈ 1,100 units with children, ≈ 4 each); one with more than GIVEN_SCAN gets a Set
   * (bigSegs) and its run stops growing.
   */
  private readonly given: string[] = objectList();
  /**
   * Beside each segment of the run, its segKey: the scan compares strings only where the keys match. A law's
   * sibling segments ("khoan_1", "khoan_2"…) differ only at their end, and each string comparison of two of them
   * was a call into V8's string-equality builtin (≈ 20,000 a law, as many as the scan's own instructions).
   */
  private readonly givenKeys: number[] = [];
  private givenTop = 0;
  private readonly bigSegs = new Map<Node, Set<string>>();

  /**
   * uid's answer under the innermost open unit (`k`, the top of the stack), as the part after its id: "/khoan_2",
   * or "/khoan_2~2" for a repeated one.
   */
  private giveUnder(k: number, seg: string | Seg): string {
    const own = typeof seg === 'string' ? seg : seg.seg;
    const key = typeof seg === 'string' ? segKey(seg) : seg.key;
    const unit = this.scope.stack[k];
    const from = this.scope.givenFrom[k];
    let segs = this.givenTop - from < GIVEN_SCAN ? undefined : this.bigSegs.get(unit);
    if (segs === undefined && this.givenTop - from >= GIVEN_SCAN) {
      this.bigSegs.set(unit, (segs = new Set()));
      for (let j = from; j < this.givenTop; j++) segs.add(this.given[j]);
    }
    if (!(segs ? segs.has(own) : this.isGiven(from, own, key))) {
      this.give(segs, own, key);
      return typeof seg === 'string' ? `/${seg}` : seg.slashed;
    }
    const id = join(unit.id, own);
    for (let n = (this.repeats.get(id) ?? 1) + 1; ; n++) {
      const c = `${own}~${n}`;
      const cKey = segKey(c);
      if (!(segs ? segs.has(c) : this.isGiven(from, c, cKey))) {
        this.repeats.set(id, n);
        this.give(segs, c, cKey);
        return `/${c}`;
      }
    }
  }

  /** Segment `seg` (whose segKey is `key`) is in the run from `from`. */
  private isGiven(from: number, seg: string, key: number): boolean {
    for (let j = from; j < this.givenTop; j++) if (this.givenKeys[j] === key && this.given[j] === seg) return true;
    return false;
  }

  private give(segs: Set<string> | undefined, seg: string, key: number): void {
    if (segs) segs.add(seg);
    else {
      this.givenKeys[this.givenTop] = key;
      this.given[this.givenTop++] = seg;
    }
  }

  private readonly ordinals = new WeakMap<Node, Map<string, number>>();
  /** 1-based position of the next child of `kind` under `parent` (items, quotes, tables have no label). */
  private nextOrdinal(parent: Node, kind: string): number {
    let m = this.ordinals.get(parent);
    if (!m) this.ordinals.set(parent, (m = new Map()));
    const n = (m.get(kind) ?? 0) + 1;
    m.set(kind, n);
    return n;
  }

  /**
   * Ids are unique: a repeated one ("Điều 5" twice, a slip) gets "~2", "~3"… An id is `base/seg` (or `seg` under
   * an empty base) and no segment holds "/" or "~", so two ids are equal exactly when base and segment are: the
   * segments given under a base are kept in `segs`, the set of the node whose id the base is (its scope's, the
   * open unit's, or the root's for ""), so no base string is hashed — a parent's id is a concatenation V8 would
   * flatten first — and a unit's set dies when it closes (no later node has its id for a base).
   */
  private uid(base: string, segs: Set<string>, seg: string | Seg): string {
    const own = typeof seg === 'string' ? seg : seg.seg;
    const size = segs.size;
    segs.add(own);
    if (segs.size !== size) return base ? (typeof seg === 'string' ? `${base}/${seg}` : base + seg.slashed) : own;
    const id = join(base, own);
    for (let n = (this.repeats.get(id) ?? 1) + 1; ; n++) {
      const c = `${own}~${n}`;
      if (!segs.has(c)) {
        this.repeats.set(id, n);
        segs.add(c);
        return `${id}~${n}`;
      }
    }
  }

  private popTo(level: number): void {
    const levels = this.scope.levels;
    while (levels.length && levels[levels.length - 1] >= level) this.closeTop();
  }

  private closeTop(): void {
    const st = this.scope.stack;
    const node = st.pop()!;
    this.order.close(this.scope.at.pop()!);
    this.scope.levels.pop();
    this.givenTop = this.scope.givenFrom.pop()!;
    const from = this.scope.kidsFrom.pop()!;
    // A list of objects like every other unit's (an empty `[]` is born of small integers, another map for every
    // reader of `children`), and no literal whose allocation site V8's pretenuring watches: sliced from the run, or,
    // for a unit with no children (most điểm and khoản of a law), the one shared empty list — a slice each was a
    // builtin call and an array (≈ 0.6 M machine instructions a law).
    node.children = this.kidsTop === from ? NO_CHILDREN : this.kids.slice(from, this.kidsTop);
    this.kidsTop = from;
    const parent = st.length ? st[st.length - 1] : this.scope.node;
    extend(parent, node.range.end);
  }

  private closeScope(): void {
    while (this.scope.stack.length) this.closeTop();
  }

  // ------------------------------------------------------------- pre-order

  /** The tree in pre-order as it is built, for the node index (node-index.ts Preorder): made before the walk. */
  private order!: Preorder;
  /** Where the last node `adopt` added sits in `order`. */
  private lastAdded = -1;
  /** Where the preamble sits in `order`. */
  private preambleAt = -1;
  /** Something was added to the tree in a way `order` may not follow: the index walks the tree instead. */
  private orderBroken = false;

  private newScope(node: Node, prefix: string, segs: Set<string>, nodeAt: number): Scope {
    // The stack a list of objects from birth (object-lists.ts): the optimised `unit` pushed into it as one.
    return { node, prefix, stack: objectList(), levels: [], segs, givenFrom: [], kidsFrom: [], at: [], nodeAt, sealed: false };
  }

  /** Nothing more is added under the scope's node (its units are closed). */
  private leaveScope(): void {
    if (this.scope.nodeAt >= 0 && !this.scope.sealed) this.order.close(this.scope.nodeAt);
  }

  /**
   * Adds a child of the document to `order` (with what it holds), where the document's children are checked at
   * the end. The scope's node, when added before it, ends there (the body before its Nơi nhận and chữ ký):
   * anything added under it later breaks the order (adopt).
   */
  private addTopLevel(node: Node): number {
    const scope = this.scope;
    // A unit still open would get more added under it, after this node.
    if (scope.stack.length) this.orderBroken = true;
    if (scope.nodeAt >= 0 && !scope.sealed) {
      this.order.close(scope.nodeAt);
      scope.sealed = true;
    }
    return this.order.add(node, 0);
  }

  /**
   * `order` is the finished tree's pre-order: every child of the document sits there in the document's order,
   * followed by its subtree and nothing else (the body goes in before the closing parts only when it is read
   * before them; the units inside follow their parents by construction: adopt, closeTop).
   */
  private preorderHolds(): boolean {
    if (this.orderBroken) return false;
    this.order.close(0);
    const { nodes, parent, end, count } = this.order;
    let at = 1;
    for (const c of this.doc.children) {
      if (at >= count || nodes[at] !== c || parent[at] !== 0) return false;
      at = end[at];
    }
    return at === count;
  }

  // ---------------------------------------------------------------- quotes

  /**
   * Quoted amendment content (“2. …”). It runs until its quotation marks
   * balance; its units are parsed in a scope of their own so that a quoted
   * "2." is not counted as this document's khoản.
   */
  private quote(p: Para): void {
    const startIdx = this.i;
    let depth = 0;
    let endIdx = -1;
    const straight = this.text[p.start] === '"';
    for (let k = startIdx; k < this.paras.length && k < startIdx + 2000; k++) {
      const marks = this.quoteMarks(this.paras[k]);
      if (straight) {
        depth += marks.straight;
        if (depth % 2 === 0) {
          endIdx = k;
          break;
        }
        continue;
      }
      depth += marks.curly;
      if (depth <= 0) {
        endIdx = k;
        break;
      }
    }
    if (endIdx < 0) endIdx = startIdx; // unclosed: only this paragraph
    else if (!straight) endIdx = this.pastStrayClose(startIdx, endIdx);
    const qEnd = this.paras[endIdx].end;
    this.touch(p.start, qEnd);
    const parent = this.top();
    const quote: Node = {
      kind: 'quote',
      id: this.childUid(`quote_${this.nextOrdinal(parent, 'quote')}`),
      range: { start: p.start, end: qEnd },
      children: [],
    };
    this.adopt(parent, quote);
    extend(parent, qEnd);
    // Parse the inside: strip the opening mark from the first paragraph.
    const outer = this.scope;
    const outerZone = this.zone;
    this.scope = this.newScope(quote, quote.id, new Set(), this.lastAdded);
    const first = this.paras[startIdx].copy();
    first.start += 1;
    first.first = first.first.slice(1).trimStart();
    while (first.start < first.end && /\s/u.test(this.text[first.start])) first.start++;
    for (let k = startIdx; k <= endIdx; k++) {
      const q = k === startIdx ? first : this.paras[k];
      const ls = classifyLineStart(q.first);
      this.i = k;
      if (ls && isBodyUnit(ls.kind)) this.unit(q, ls);
      else if (ls?.kind === 'table-row') this.markdownTable(endIdx);
      else this.content(q);
      k = this.i;
    }
    this.closeScope();
    this.leaveScope();
    quote.range = { start: p.start, end: qEnd };
    this.scope = outer;
    this.zone = outerZone;
    this.i = endIdx;
    this.touch(p.start, qEnd);
  }

  /**
   * “ minus ” and the number of " in a paragraph, counted once per paragraph
   * (a document with many unbalanced quotes would otherwise rescan the same
   * paragraphs from every quote); recounted if a split shortened it.
   */
  /** Quotation marks counted by `quoteMarks`, by paragraph (valid while its `end` is unchanged). */
  private marks: Map<Para, { end: number; curly: number; straight: number }> | undefined;
  private quoteMarks(p: Para): { curly: number; straight: number } {
    const known = this.marks?.get(p);
    if (known?.end === p.end) return known;
    let curly = 0;
    let straight = 0;
    for (let i = p.start; i < p.end; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === 0x201c) curly++;
      else if (ch === 0x201d) curly--;
      else if (ch === 0x22) straight++;
    }
    const marks = { end: p.end, curly, straight };
    (this.marks ??= new Map()).set(p, marks);
    return marks;
  }

  /**
   * A ” printed too early (real/04 closes the quoted Điều 14 after its điểm g)
   * and goes on with its khoản 3–5). When the paragraph after the balance
   * point continues the QUOTED numbering and not this document's, the quote
   * runs on to the next closing mark.
   */
  private pastStrayClose(startIdx: number, endIdx: number): number {
    for (let guard = 0; guard < 8; guard++) {
      const next = this.paras[endIdx + 1];
      const ls = next && classifyLineStart(next.first);
      if (!ls || (ls.kind !== 'khoan' && ls.kind !== 'dieu') || !/^\d+$/.test(ls.number ?? '')) return endIdx;
      const n = Number(ls.number);
      let quotedLast = -1;
      for (let k = startIdx; k <= endIdx; k++) {
        const first = k === startIdx ? this.paras[k].first.replace(/^[“"]\s*/u, '') : this.paras[k].first;
        const q = classifyLineStart(first);
        if (q?.kind === ls.kind && /^\d+$/.test(q.number ?? '')) quotedLast = Number(q.number);
      }
      const outer = [...this.scope.stack].reverse().find((n) => n.kind === ls.kind);
      const outerLast = outer ? Number(outer.number) : this.lastNumberUnder(this.top(), ls.kind);
      if (n !== quotedLast + 1 || n === outerLast + 1) return endIdx;
      // Run on to the next paragraph that closes more than it opens, unless a new quote starts first.
      let k = endIdx + 1;
      for (; k < this.paras.length && k < endIdx + 500; k++) {
        const t = this.textOf(this.paras[k]);
        if (k > endIdx + 1 && t.trimStart().startsWith('“')) return endIdx;
        let d = 0;
        for (const ch of t) d += ch === '“' ? 1 : ch === '”' ? -1 : 0;
        if (d < 0) break;
      }
      if (k >= this.paras.length || k >= endIdx + 500) return endIdx;
      endIdx = k;
    }
    return endIdx;
  }

  // ---------------------------------------------------------------- tables

  private markdownTable(limit = this.paras.length - 1): void {
    const rows: Span[] = [];
    let k = this.i;
    for (; k <= limit && k < this.paras.length; k++) {
      const q = this.paras[k];
      const ls = classifyLineStart(q.first);
      if (ls?.kind !== 'table-row') break;
      // A paragraph may hold several rows only if lines were joined; split on newlines.
      let s = q.start;
      for (const line of this.text.slice(q.start, q.end).split('\n')) {
        const lead = line.length - line.trimStart().length;
        const tl = line.trim();
        if (tl) rows.push({ start: s + lead, end: s + lead + tl.length });
        s += line.length + 1;
      }
    }
    this.i = k - 1;
    const parent = this.top();
    const table = buildMarkdownTable(this.text, rows, '');
    table.id = this.childUid(`table_${this.nextOrdinal(parent, 'table')}`);
    reid(table);
    this.touch(table.range.start, table.range.end);
    this.adopt(parent, table);
    extend(parent, table.range.end);
  }

  /** Portal copy: cells between lone "|" lines, from paragraph `from` on. Returns true when a table was read. */
  private pipeTable(): boolean {
    const from = this.i;
    // Is there a "|" soon? A table's first cells come right after its title.
    let firstSep = -1;
    for (let k = from; k < this.paras.length && k < from + 12; k++) {
      if (this.paras[k].first === '|') {
        firstSep = k;
        break;
      }
      const ls = classifyLineStart(this.paras[k].first);
      if (ls && (ls.kind === 'dieu' || ls.kind === 'phu-luc' || ls.kind === 'chuong')) return false;
    }
    if (firstSep < 0) return false;
    const cells: Span[] = [];
    let cellStart = -1;
    let cellEnd = -1;
    let k = from;
    let lastSep = firstSep;
    for (; k < this.paras.length; k++) {
      const q = this.paras[k];
      if (q.first === '|') {
        cells.push(cellStart < 0 ? { start: q.start, end: q.start } : { start: cellStart, end: cellEnd });
        cellStart = -1;
        lastSep = k;
        continue;
      }
      if (k - lastSep > 40) break; // long run without a separator: the table has ended
      const ls = classifyLineStart(q.first);
      if (ls?.kind === 'phu-luc' && this.looksLikePhuLucHeading(q) && cellStart < 0) break;
      if (cellStart < 0) cellStart = q.start;
      cellEnd = q.end;
    }
    // Anything after the last separator is not part of the table.
    k = lastSep + 1;
    while (cells.length && cells[cells.length - 1].end === cells[cells.length - 1].start) cells.pop();
    if (!cells.length) return false;
    const parent = this.top();
    const range = { start: cells[0].start, end: cells[cells.length - 1].end };
    const id = this.childUid(`table_${this.nextOrdinal(parent, 'table')}`);
    const table = buildPipeTable(this.text, cells, id, range);
    this.touch(range.start, range.end);
    this.adopt(parent, table);
    extend(parent, range.end);
    this.i = k - 1;
    return true;
  }

  /**
   * Công báo tables come one cell per line with nothing to mark rows or
   * columns. Best effort, driven by the row numbering: "STT" opens the table,
   * the lines up to the first row number are the column headings, a bare
   * number opens a row, "I. …" a group row; a row's text is one cell, and a
   * date on its last line (the "Ngày hết hiệu lực" column) a cell of its own.
   * A heading repeated after a page break is skipped.
   */
  private cbTable(): boolean {
    const start = this.i;
    const ps = this.paras;
    const isRowStart = (q: Para) => isBareNumber(q.first) || this.paraStart(q)?.kind === 'roman';
    let k = start + 1;
    const header: Span[] = [{ start: ps[start].start, end: ps[start].end }];
    for (; k < ps.length && k < start + 12 && !isRowStart(ps[k]); k++) header.push({ start: ps[k].start, end: ps[k].end });
    if (k >= ps.length || !isRowStart(ps[k])) return false;
    type Row = { number: string; group: boolean; cells: Span[] };
    const rows: Row[] = [];
    let cur: Row | undefined;
    let lastNumber = 0;
    for (; k < ps.length; k++) {
      const q = ps[k];
      const ls = this.paraStart(q);
      if (isStt(q.first)) {
        // Heading repeated on a new page: skip it.
        let j = k + 1;
        while (j < ps.length && j < k + 12 && !isRowStart(ps[j])) j++;
        k = j - 1;
        continue;
      }
      // A table continued from an earlier page (a second Danh mục) starts at any number.
      const opensRow = (n: number) =>
        n === 1 ? !cur || cur.group || lastNumber === 0 : lastNumber === 0 ? !cur || cur.group : !!cur && n === lastNumber + 1;
      // A bare number opens a row only when it continues the numbering; otherwise it is a
      // value in a cell (a score, a quantity).
      if (isBareNumber(q.first) && opensRow(Number(q.first))) {
        cur = { number: q.first, group: false, cells: [{ start: q.start, end: q.end }] };
        lastNumber = Number(q.first);
        rows.push(cur);
        continue;
      }
      if (ls?.kind === 'roman') {
        cur = { number: ls.number!, group: true, cells: [{ start: q.start, end: q.end }] };
        rows.push(cur);
        continue;
      }
      // "Phụ lục 4, Phụ lục 5" in a cell names parts of the listed document; only "PHỤ LỤC" heads a new part.
      const cellText = ls?.kind === 'phu-luc' && !/^PHỤ\s+LỤC/u.test(q.first);
      if (!cur || (ls && !cellText && ls.kind !== 'item' && ls.kind !== 'khoan' && ls.kind !== 'sub-khoan' && ls.kind !== 'diem') || LETTER_HEADING.test(q.first) || /^Tổng số\b/u.test(q.first)) break;
      if (cur.cells.length === 1) cur.cells.push({ start: q.start, end: q.end });
      else cur.cells[cur.cells.length - 1].end = q.end;
    }
    if (!rows.length) return false;
    const parent = this.top();
    const id = this.childUid(`table_${this.nextOrdinal(parent, 'table')}`);
    const end = rows[rows.length - 1].cells[rows[rows.length - 1].cells.length - 1].end;
    const table: Node = { kind: 'table', id, range: { start: ps[start].start, end }, columns: header.map((h) => fold(this.text.slice(h.start, h.end))), children: [] };
    let group = '';
    const rowSegs = new Set<string>();
    for (const r of rows) {
      // A trailing date on its own line is the last column.
      const last = r.cells[r.cells.length - 1];
      if (!r.group && r.cells.length > 1) {
        const m = TRAILING_DATE.exec(this.text.slice(last.start, last.end));
        if (m && m.index > 0 && m[1].includes('\n')) {
          const dateSpan = { start: last.start + m.index + (m[0].length - m[0].trimStart().length), end: last.end };
          last.end = trimEnd(this.text, last.start, last.start + m.index);
          r.cells.push(dateSpan);
        }
      }
      if (r.group) group = r.number;
      const rowSeg = `row_${r.group ? r.number : group ? `${group}_${r.number}` : r.number}`;
      const row: Node = { kind: 'row', id: this.uid(id, rowSegs, rowSeg), number: r.number, range: { start: r.cells[0].start, end: r.cells[r.cells.length - 1].end }, children: [] };
      if (r.group) row.group = true;
      r.cells.forEach((c, i) => {
        const column = r.group || i < r.cells.length - 1 || r.cells.length < 3 ? i : Math.max(i, table.columns!.length - 1);
        row.children.push({ kind: 'cell', id: `${row.id}/cell_${column + 1}`, column, title: clip(fold(this.text.slice(c.start, c.end)), UNIT_TITLE_MAX * 2), range: { ...c }, children: [] });
      });
      table.children.push(row);
    }
    this.touch(table.range.start, table.range.end);
    this.adopt(parent, table);
    extend(parent, table.range.end);
    this.i = k - 1;
    return true;
  }

  // ------------------------------------------------------ closing: nơi nhận

  private openNoiNhan(p: Para, labelEnd: number): void {
    this.closeScope();
    const node: Node = { kind: 'noi-nhan', id: this.uid(this.scope.prefix, this.scope.segs, 'noi_nhan'), range: { start: p.start, end: p.end }, children: [], lines: [] };
    this.noiNhan = node;
    this.attachClosing(node);
    this.zone = 'noi-nhan';
    // "Nơi nhận: - Như trên; - …" on one line: the rest is recipients.
    const restStart = p.start + labelEnd;
    const rest = this.text.slice(restStart, p.end);
    const m = /^\s*(?=[-–+•])/u.exec(rest);
    if (m && restStart + m[0].length < p.end) {
      this.splitAt(this.i, restStart + m[0].length);
      this.paras[this.i].end = p.start + labelEnd;
    }
  }

  private addRecipient(p: Para): void {
    const node = this.noiNhan!;
    const t = this.textOf(p);
    // "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng": the
    // signature ran into the last recipient line.
    const luu = LUU.exec(t);
    let end = p.end;
    if (luu) {
      const after = luu.index + luu[0].length;
      const rest = t.slice(after);
      const head = /(?:^|\s)(?:(?:KT|TM|TL|TUQ|Q|K\/T)\.?\s+)?(?=\p{Lu}{2,}[\s,])/u.exec(rest);
      if (rest.trim() && head) {
        const sigAt = p.start + after + head.index + (head[0].match(/^\s/) ? 1 : 0);
        const sig = parseSignature(this.text, sigAt, this.paras[Math.min(this.paras.length - 1, this.i + 3)].end);
        if (sig) {
          end = p.start + after;
          this.splitAt(this.i, sigAt);
          this.paras[this.i].end = end;
        }
      }
    }
    node.lines!.push({ text: fold(this.text.slice(p.start, end)), range: { start: p.start, end: trimEnd(this.text, p.start, end) } });
    node.range.end = trimEnd(this.text, p.start, end);
  }

  // ----------------------------------------------------- closing: signature

  private trySignature(p: Para, ls: LineStart | undefined): boolean {
    const first = p.first;
    // Cheap exit: every signature head starts with a capital letter.
    if (!startsUpper(first)) return false;
    let ok = ls?.kind === 'signature';
    if (!ok && SIGNATURE_HEAD.test(first)) {
      // A capitals title line ("BỘ TRƯỞNG", "CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn")
      // only where a signature can be: not inside a heading of the body.
      const rest = first.replace(/^[^\p{Ll}]*(?=\p{Lu}\p{Ll}|$)/u, '');
      ok = rest === '' || NAME_LINE().test(rest.trim());
    }
    if (!ok && SENTENCE_SIGNATURE_HEAD.test(first) && first.length <= 40 && !/[.;:,]$/u.test(first)) {
      const next = this.paras[this.i + 1];
      ok = !!next && (/^\(?(?:Đã ký|đã ký)\)?$/u.test(next.first) || NAME_LINE().test(next.first));
    }
    if (!ok) return false;
    const to = this.paras[Math.min(this.paras.length - 1, this.i + 4)].end;
    const sig = parseSignature(this.text, p.start, to);
    if (!sig) return false;
    if (this.zone === 'body' || this.zone === 'start' || this.zone === 'preamble') this.closeScope();
    const node: Node = {
      kind: 'chu-ky',
      id: this.uid(this.scope.prefix, this.scope.segs, 'chu_ky'),
      range: { start: sig.start, end: sig.end },
      children: [],
      signature: sig.info,
      title: sig.info.titles.map((t) => t.text).join(' / ') + (sig.info.name ? ` / ${sig.info.name.text}` : ''),
    };
    this.attachClosing(node);
    // Skip the paragraphs the signature used; split the one it ends inside.
    let k = this.i;
    while (k < this.paras.length && this.paras[k].end <= sig.end) k++;
    if (k < this.paras.length && this.paras[k].start < sig.end) {
      this.splitAt(k, sig.end);
      this.paras[k].end = this.paras[k].start; // consumed part
    }
    this.i = k;
    this.i--; // the loop's increment moves to the paragraph after
    if (k < this.paras.length && this.paras[k].end === this.paras[k].start) this.i = k;
    this.zone = 'closing';
    return true;
  }

  /** Nơi nhận and chữ ký belong to the scope they close (the decision, or an attached document). */
  private attachClosing(node: Node): void {
    const container = this.scope.node;
    if (container.kind === 'body') {
      this.doc.children.push(node);
      this.addTopLevel(node);
    } else {
      container.children.push(node);
      // After the scope's units, all closed (a unit still open would have more added under it later).
      if (this.scope.stack.length || this.scope.nodeAt < 0 || this.scope.sealed) this.orderBroken = true;
      this.order.add(node, this.scope.nodeAt);
      extend(container, node.range.end);
    }
  }

  // -------------------------------------------------- attachments, Phụ lục

  private tryAttachment(p: Para, ls: LineStart | undefined): boolean {
    if (ls && ls.kind !== 'issued-with') {
      if (ls.kind !== 'phu-luc' || !ATTACHMENT_HEAD.test(p.first)) {
        // A heading like "KẾ HOẠCH" is not a unit start; anything that is cannot open an attachment.
        if (ls.kind !== 'signature') return false;
      }
    }
    if (!ATTACHMENT_HEAD.test(p.first) || !/^\p{Lu}+(?:\s+\p{Lu}+)?(?:\s|$)/u.test(p.first)) return false;
    const t = this.textOf(p);
    const inline = ISSUED_WITH.exec(t);
    const titleCaps = isAllUpper(inline ? t.slice(0, inline.index) : t);
    if (!titleCaps) return false;
    let issued: Para | undefined;
    let lastTitle = this.i;
    if (!inline) {
      for (let k = this.i + 1; k < this.paras.length && k <= this.i + 4; k++) {
        const q = this.paras[k];
        if (q.first === '|') continue;
        if (ISSUED_WITH.test(q.first) && q.first.startsWith('(')) {
          issued = q;
          break;
        }
        // The title goes on in capitals, or as a sentence-case trích yếu ("Quản lý văn bản …").
        if (classifyLineStart(q.first)) return false;
        if (!isAllUpper(q.first) && k > this.i + 2) return false;
        lastTitle = k;
      }
      if (!issued) return false;
    }
    const titleEnd = inline ? trimEnd(this.text, p.start, p.start + inline.index) : this.paras[lastTitle].end;
    const node = this.beginAttachment({ start: p.start, end: titleEnd }, { start: p.start, end: p.end });
    if (inline) {
      const iwStart = p.start + inline.index;
      const close = this.text.indexOf(')', iwStart);
      const iwEnd = close >= 0 && close < p.end + 400 ? close + 1 : p.end;
      node.issuedWith = { text: fold(this.text.slice(iwStart, iwEnd)), range: { start: iwStart, end: iwEnd } };
      node.range.end = iwEnd;
      if (iwEnd < p.end) this.splitAt(this.i, iwEnd);
    } else if (issued) {
      const k = this.paras.indexOf(issued);
      node.issuedWith = { text: fold(this.textOf(issued)), range: { start: issued.start, end: issued.end } };
      node.range.end = issued.end;
      this.i = k;
    }
    if (this.pendingClosing.length) node.range.start = this.pendingClosing[0].start;
    this.pendingClosing = [];
    this.zone = 'body';
    return true;
  }

  /** Ends the current part and opens the next attachment (titled by `titleRange`) as the scope. */
  private beginAttachment(titleRange: Range, range: Range): Node {
    this.closeScope();
    this.insertBodyOnce();
    this.attachments++;
    const id = this.uid('', this.rootSegs, `attachment_${this.attachments}`);
    const node: Node = {
      kind: 'attachment',
      id,
      number: String(this.attachments),
      title: fold(this.text.slice(titleRange.start, titleRange.end)),
      titleRange,
      range,
      children: [],
    };
    this.doc.children.push(node);
    this.leaveScope();
    this.scope = this.newScope(node, id, new Set(), this.addTopLevel(node));
    this.noiNhan = undefined;
    return node;
  }

  /** Opens an attachment for the document whose header stands in the pending closing paragraphs. */
  private openEmbeddedDocument(): void {
    const first = this.pendingClosing[0];
    const last = this.pendingClosing[this.pendingClosing.length - 1];
    // Its tên loại and trích yếu when the header shows them ("QUYẾT ĐỊNH Về việc thành lập Hội đồng"), else its first line.
    const kind = EMBEDDED_KIND().exec(this.text.slice(first.start, last.end));
    const titleStart = kind ? first.start + kind.index : first.start;
    const titleEnd = kind ? titleStart + kind[0].trimEnd().length : first.end;
    this.beginAttachment({ start: titleStart, end: titleEnd }, { start: first.start, end: last.end });
  }

  private looksLikePhuLucHeading(p: Para): boolean {
    const f = p.first;
    if (/^PHỤ\s+LỤC/u.test(f)) return true;
    // "Phụ lục I" / "Phụ lục số 01" on a short line of its own, not "Phụ lục kèm theo …" in a sentence.
    return /^Phụ lục(?:\s+(?:số\s+)?(?:[IVXLC]+|\d+[a-z]?))?\s*[.:]?$/u.test(f) || /^Phụ lục\s+(?:số\s+)?(?:[IVXLC]+|\d+)(?:\s*[.:])?\s+\p{Lu}{2}/u.test(f);
  }

  private tryPhuLuc(p: Para, ls: LineStart): boolean {
    if (!this.looksLikePhuLucHeading(p)) return false;
    this.closeScope();
    this.insertBodyOnce();
    this.phuLucCount++;
    const number = ls.number;
    const id = this.uid('', this.rootSegs, number ? `phu_luc_${number}` : this.phuLucCount === 1 ? 'phu_luc' : `phu_luc_${this.phuLucCount}`);
    const node: Node = { kind: 'phu-luc', id, range: { start: p.start, end: p.end }, children: [] };
    if (number) {
      node.number = number;
      node.numberRange = { start: p.start + ls.numberStart!, end: p.start + ls.numberEnd! };
    }
    node.labelRange = { start: p.start, end: p.start + ls.labelEnd };
    // Title: the rest of the heading paragraph, then capitals paragraphs, then "(Kèm theo …)".
    let ts = p.start + ls.labelEnd;
    while (ts < p.end && /[\s.:\-–]/u.test(this.text[ts])) ts++;
    let te = ts < p.end ? p.end : ts;
    let k = this.i + 1;
    for (; k < this.paras.length && k <= this.i + 4; k++) {
      const q = this.paras[k];
      if (ISSUED_WITH.test(q.first) && q.first.startsWith('(')) {
        node.issuedWith = { text: fold(this.textOf(q)), range: { start: q.start, end: q.end } };
        node.range.end = q.end;
        k++;
        break;
      }
      if (!isAllUpper(q.first) || classifyLineStart(q.first)) break;
      if (ts >= te) ts = q.start;
      te = q.end;
      node.range.end = q.end;
    }
    if (te > ts) {
      node.title = fold(this.text.slice(ts, te));
      node.titleRange = { start: ts, end: te };
    }
    this.pendingClosing = [];
    this.doc.children.push(node);
    this.leaveScope();
    this.scope = this.newScope(node, id, new Set(), this.addTopLevel(node));
    this.zone = 'body';
    this.i = k;
    // A portal table right after the heading?
    if (this.i < this.paras.length && !this.pipeTable()) this.i--;
    else if (this.i >= this.paras.length) this.i--;
    return true;
  }

  /** The decision's body goes before its attachments and Phụ lục in the tree. */
  private bodyInserted = false;
  private insertBodyOnce(): void {
    if (this.bodyInserted || this.scope.node.kind !== 'body') return;
    this.insertBody(this.scope.node);
  }

  private insertBody(body: Node): void {
    if (this.bodyInserted) return;
    this.bodyInserted = true;
    if (!body.children.length && body.range.end <= body.range.start) return;
    // Before the closing parts (nơi nhận, chữ ký) that follow it.
    const idx = this.doc.children.findIndex((c) => c.kind !== 'header' && c.kind !== 'preamble' && c.range.start >= body.range.start);
    if (idx < 0) this.doc.children.push(body);
    else this.doc.children.splice(idx, 0, body);
  }
}

// ------------------------------------------------------------------ helpers

function isBodyMarker(ls: LineStart): boolean {
  switch (ls.kind) {
    case 'can-cu':
    case 'de-nghi':
    case 'enactment':
    case 'dieu':
    case 'chuong':
    case 'phan':
    case 'roman':
    case 'khoan':
    case 'noi-nhan':
      return true;
    default:
      return false;
  }
}

function isBodyUnit(kind: string | undefined): boolean {
  switch (kind) {
    case 'phan':
    case 'chuong':
    case 'muc':
    case 'tieu-muc':
    case 'dieu':
    case 'khoan':
    case 'sub-khoan':
    case 'diem':
    case 'roman':
    case 'item':
      return true;
    default:
      return false;
  }
}

function firstFieldStart(h: HeaderParse): number {
  let s = Infinity;
  const visit = (v: unknown) => {
    if (v && typeof v === 'object' && 'range' in v) s = Math.min(s, (v as TextLine).range.start);
  };
  Object.values(h.info).forEach(visit);
  return Number.isFinite(s) ? s : 0;
}

/** "5a" (Điều 5a) or "a1" (điểm a1): a unit inserted by an amendment. */
function isInsertedLabel(n: string): boolean {
  const first = n.charCodeAt(0);
  const last = n.charCodeAt(n.length - 1);
  return n.length >= 2 && isAsciiDigit(first) !== isAsciiDigit(last);
}

/**
 * Past a portal copy's footnote mark right after a label ("b)[6] Trúng thưởng", "a)9[9] Ban hành", "Điều 52.[42]
 * (được bãi bỏ)"): the mark is the portal's, not the title's first word.
 */
function afterFootnoteMark(text: string, s: number, end: number): number {
  let i = s;
  while (i < end && i - s < 2 && isAsciiDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x5b) return s;
  const digits = ++i;
  while (i < end && i - digits < 3 && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === digits || text.charCodeAt(i) !== 0x5d) return s;
  i++;
  while (i < end && isTitleLead(text.charCodeAt(i))) i++;
  return i;
}

function isTitleLead(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x2e || c === 0x3a || c === 0x2d || c === 0x2013;
}

function extend(node: Node, end: number): void {
  if (node.range.end < end) node.range.end = end;
}

/** The `children` of a unit while it is open (DocumentParser.adopt): nothing may be added to it. */
const OPEN: Node[] = Object.freeze([]) as unknown as Node[];
/**
 * The `children` of every closed unit without any: one list for all of them, of objects (object-lists.ts), not
 * frozen (a frozen list has a map of its own). Nothing changes a finished tree's lists.
 */
const NO_CHILDREN: Node[] = objectList();

/** giveUnder: how many segments a unit's run holds before it gets a Set. */
const GIVEN_SCAN = 24;

/** A numbered unit's id segment ("khoan_2", "tieu_muc_1") and the same after the "/" that joins it to its base. */
interface Seg {
  seg: string;
  slashed: string;
  /** segKey(seg). */
  key: number;
}

/** A number equal segments share: their length and last two characters (the giveUnder run compares these first). */
function segKey(seg: string): number {
  const n = seg.length;
  return n < 2 ? n : ((n & 0x3ff) << 20) | ((seg.charCodeAt(n - 1) & 0x3ff) << 10) | (seg.charCodeAt(n - 2) & 0x3ff);
}
/**
 * The segments made so far, by kind and label, shared by every parse: a law has thousands of "khoan_2" and
 * "diem_a", and one string object per segment is hashed once (uid keeps them in sets) and joined to its base in
 * one concatenation. A label of one character or up to three digits — nearly all of them — is found by its char codes
 * (no string hashed); the rest by a map, bounded: past the cap a label gets a fresh segment (an equal string).
 */
interface SegTable {
  byCode: (Seg | undefined)[];
  byLabel: Map<string, Seg>;
}
/** The numbered kinds' tables by kindSlot (a switch: a Map lookup by kind per unit cost more); other kinds by name. */
const KIND_TABLES: SegTable[] = [];
const SEG_TABLES = new Map<string, SegTable>();
const SEGS_PER_KIND = 4096;
/**
 * byCode slots: a one-character label below U+0180 ("1", "a", "đ", "V") by its code, then two digits, then three
 * (a law's Điều past 99). Made at full size, so a first label far in never leaves the array sparse.
 */
const ONE_CHAR_SLOTS = 0x180;
const CODE_SLOTS = ONE_CHAR_SLOTS + 100 + 1000;
function segOf(kind: NodeKind, n: string | undefined): Seg {
  const code = kindSlot(kind);
  let table = code >= 0 ? KIND_TABLES[code] : SEG_TABLES.get(kind);
  if (table === undefined) {
    table = { byCode: new Array<Seg | undefined>(CODE_SLOTS).fill(undefined), byLabel: new Map() };
    if (code >= 0) KIND_TABLES[code] = table;
    else SEG_TABLES.set(kind, table);
  }
  const slot = n === undefined ? -1 : labelSlot(n);
  let s = slot >= 0 ? table.byCode[slot] : table.byLabel.get(n ?? '');
  if (s === undefined) {
    const seg = `${kind === 'tieu-muc' ? 'tieu_muc' : kind}_${idNumber(n)}`;
    s = { seg, slashed: `/${seg}`, key: segKey(seg) };
    if (slot >= 0) table.byCode[slot] = s;
    else if (table.byLabel.size < SEGS_PER_KIND) table.byLabel.set(n ?? '', s);
  }
  return s;
}

/** The KIND_TABLES slot of a numbered unit's kind, or -1. */
function kindSlot(kind: NodeKind): number {
  switch (kind) {
    case 'khoan': return 0;
    case 'diem': return 1;
    case 'dieu': return 2;
    case 'chuong': return 3;
    case 'muc': return 4;
    case 'phan': return 5;
    case 'tieu-muc': return 6;
    case 'section': return 7;
    default: return -1;
  }
}

/** The byCode slot of a label, or -1. */
function labelSlot(n: string): number {
  const c = n.charCodeAt(0);
  if (n.length === 1) return c < ONE_CHAR_SLOTS ? c : -1;
  if (n.length > 3 || !isAsciiDigit(c)) return -1;
  const d = n.charCodeAt(1);
  if (!isAsciiDigit(d)) return -1;
  const two = (c - 0x30) * 10 + (d - 0x30);
  if (n.length === 2) return ONE_CHAR_SLOTS + two;
  const e = n.charCodeAt(2);
  return isAsciiDigit(e) ? ONE_CHAR_SLOTS + 100 + two * 10 + (e - 0x30) : -1;
}

/** "thứ nhất" → "1" so that ids stay single tokens; other labels as written. */
function idNumber(n: string | undefined): string {
  if (!n) return '';
  if (n.indexOf(' ') < 0) return n;
  const m = /^thứ\s+(\S+)$/iu.exec(n);
  if (m) return ORDINALS[m[1].toLowerCase()] ?? m[1].toLowerCase();
  return n.replace(/\s+/gu, '_');
}

function join(prefix: string, seg: string): string {
  return prefix ? `${prefix}/${seg}` : seg;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(text[e - 1])) e--;
  return e;
}

function containsKind(n: Node, kind: NodeKind): boolean {
  if (n.kind === kind) return true;
  for (const c of n.children) if (c.kind !== 'quote' && containsKind(c, kind)) return true;
  return false;
}

/** Markdown tables are built with a placeholder id; give their rows and cells ids under the real one. */
function reid(table: Node): void {
  for (const row of table.children) {
    row.id = `${table.id}${row.id}`;
    for (const cell of row.children) cell.id = `${table.id}${cell.id}`;
  }
}

/**
 * `text` with every span's characters but its line ends turned into spaces.
 * A copy that ran a heading onto the line of a note ("… tại Điều này. [Nội dung
 * này được hướng dẫn bởi …] Chương 3: …") gets a line end before the heading,
 * in place of the blank just before it.
 */
function blankSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const out: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start < at) continue;
    const blank = text.slice(start, end).replace(/[^\n]/gu, ' ');
    out.push(text.slice(at, start));
    const m = HEADING_AFTER_NOTE.exec(text.slice(end, end + 24));
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (m && !blank.includes('\n') && SENTENCE_DONE.test(text.slice(lineStart, start))) {
      // The last blank before the heading becomes the line end.
      if (m[0].length > 0) out.push(blank, text.slice(end, end + m[0].length - 1), '\n');
      else out.push(blank.slice(0, -1), '\n');
      at = end + m[0].length;
      continue;
    }
    out.push(blank);
    at = end;
  }
  out.push(text.slice(at));
  return out.join('');
}
const QUOC_HIEU_LINE = /^CỘNG H[OÒ][AÀ] XÃ HỘI CHỦ NGHĨA VIỆT NAM/u;
/** The tên loại (and trích yếu on its line) of a document embedded after a signature. */
const EMBEDDED_KIND = lazy(() => /(?<![\p{L}])(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|THÔNG BÁO|BÁO CÁO|TỜ TRÌNH|BIÊN BẢN|HỢP ĐỒNG)(?![\p{L}])[^\n:]{0,120}/u);
const HEADING_AFTER_NOTE = /^[ \t]*(?=(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)[ \t]+[\dIVXLC]|Điều[ \t]+\d{1,4}[a-zđ]?\.[ \t])/u;
/** The text before a note on its line is empty or a finished sentence. */
const SENTENCE_DONE = /(?:^|[.;:!?”"])[ \t]*$/u;

/** "Luật Doanh nghiệp 2020. Điều 3. …": a crawler's document title glued before a unit heading. */
// Also before a label word alone at the line end ("Luật Cạnh tranh 2018. Mục" ⏎ "2. …"): its number opens the next line.
const CRAWLER_HEAD = /^([^.\n]{3,150}?)\.[ \t]+(?=(?:Điều|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Tiểu mục)(?:[ \t]+[\dIVXLC]|$))/u;

/**
 * One pass over the lines' starts for two answers: the titles the crawler repeated before at least three headings
 * of the document, and whether the text is a văn bản hợp nhất (isConsolidatedLine).
 */
function readLineHeads(lines: LineTable): { prefixes: Set<string>; consolidated: boolean } {
  const { text, count, starts, ends } = lines;
  const counts = new Map<string, number>();
  let consolidated = false;
  // The first ". " at or after the line's start: one answer serves every line up to it (the text is searched once).
  let dot = -1;
  for (let k = 0; k < count; k++) {
    const s = starts[k];
    if (!consolidated && isConsolidatedLine(lines, k)) consolidated = true;
    if (dot < s) dot = text.indexOf('. ', s) >>> 0; // none: past any line
    // Both characters inside the line; the crawler's title is 3 to 150 characters long.
    if (dot + 1 >= ends[k] || dot - s < 3 || dot - s > 150) continue;
    const m = CRAWLER_HEAD.exec(lineText(lines, k));
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  const prefixes = new Set<string>();
  for (const [prefix, n] of counts) if (n >= 3) prefixes.add(prefix);
  return { prefixes, consolidated };
}

/** Length of the crawler title (with its ". ") that starts `text`, or 0. */
function crawlerCut(text: string, prefixes: ReadonlySet<string>): number {
  const dot = text.indexOf('. ');
  if (dot < 3 || !prefixes.has(text.slice(0, dot))) return 0;
  let e = dot + 1;
  while (text[e] === ' ' || text[e] === '\t') e++;
  return e;
}

/** A unit word alone on its line, and a number that can follow it on the next. */
const LONE_LABEL_WORD = /^(?:Điều|Mục|MỤC|Tiểu mục|TIỂU MỤC|Chương|CHƯƠNG|Phần|PHẦN)$/u;
/** The longest of those words ("Tiểu mục"): a longer line is not tested. */
const LONE_LABEL_MAX = 8;
/** The same word ending a line after a capital letter (headingLabelWordAt). */
const LABEL_WORD_AT_END = /(?<=\p{Lu})[ \t]+(?:Điều|Mục|MỤC|Tiểu mục|TIỂU MỤC|Chương|CHƯƠNG)$/u;

/** "[35] (được bãi bỏ) " before a heading's label (repealedBeforeHeading). */
const REPEALED_NOTE = /^(?:\[\d{1,3}\][ \t]?)?\((?:được |đã được )?bãi bỏ\)[ \t]+(?=(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Tiểu mục)[ \t]+[\dIVXLC])/u;

/** Length of a repealed unit's note that a heading in capitals runs on after, or -1. */
function repealedBeforeHeading(line: string): number {
  const c = line.charCodeAt(0);
  if (c !== 0x5b && c !== 0x28) return -1; // "[" or "("
  const m = REPEALED_NOTE.exec(line);
  if (!m) return -1;
  const rest = line.slice(m[0].length);
  const ls = classifyLineStart(rest);
  return ls && isHeadingKind(ls.kind) && isAllUpper(rest.slice(ls.labelEnd)) ? m[0].length : -1;
}

function isHeadingKind(kind: string): boolean {
  return kind === 'phan' || kind === 'chuong' || kind === 'muc' || kind === 'tieu-muc';
}

/**
 * Where a heading line's trailing label word starts ("Mục 1. PHÁT TRIỂN CÔNG NGHIỆP Điều", whose number opens the
 * next line), or -1: only after a Phần, Chương, Mục or Tiểu mục heading whose title is in capitals.
 */
function headingLabelWordAt(text: string, s: number, e: number): number {
  if (e <= s) return -1;
  const c = text.charCodeAt(e - 1);
  // Cheap exit: only lines ending in "u", "U", "g" or "G" are read (so do many words); of the label words only
  // "Điều", "Chương" and "CHƯƠNG" end so, and the line must end with the one its last letter names.
  if (c === 0x75 ? !endsWithIn(text, 'Điều', s, e) : c === 0x67 ? !endsWithIn(text, 'Chương', s, e) : c !== 0x47 || !endsWithIn(text, 'CHƯƠNG', s, e)) return -1;
  const line = text.slice(s, e);
  const m = LABEL_WORD_AT_END.exec(line);
  if (!m) return -1;
  const ls = classifyLineStart(line);
  if (!ls || !isHeadingKind(ls.kind)) return -1;
  return isAllUpper(line.slice(ls.labelEnd, m.index)) ? m.index + m[0].length - m[0].trimStart().length : -1;
}
/** The line `text[s, e)` ends with `word`. */
function endsWithIn(text: string, word: string, s: number, e: number): boolean {
  return e - s >= word.length && text.startsWith(word, e - word.length);
}
const LABEL_NUMBER_START = /^(?:\d{1,4}[a-zđ]?|[IVXLC]{1,7})(?:[.:]|\s|$)/u;

/**
 * Line `k` opens the XÁC THỰC block of a văn bản hợp nhất (Pháp lệnh hợp nhất VBQPPL 2012), or its "Số: 12/VBHN-…",
 * at the start of a line (after blanks and tabs only), wherever the copy put it. Read from the lines' first
 * letters, in readLineHeads' pass: two searches of the whole text cost a pass each.
 */
function isConsolidatedLine(lines: LineTable, k: number): boolean {
  const { text, starts, ends } = lines;
  const s = starts[k];
  // -1 for an empty line, not NaN: a double here sent the optimised code back to the interpreter.
  const c = s < ends[k] ? text.charCodeAt(s) : -1;
  if (c === 0x58 /* X */ ? ends[k] - s >= XAC_THUC.length && text.startsWith(XAC_THUC, s) : c === 0x53 /* S */ && SO_VBHN.test(lineText(lines, k))) return onlyBlanksBefore(text, s);
  return false;
}
const XAC_THUC = 'XÁC THỰC VĂN BẢN HỢP NHẤT';
const SO_VBHN = /^Số:\s*\d+\/VBHN-/u;

/** Only blanks and tabs stand between the line's start and `at` (a trimmed line may have lost other spaces). */
function onlyBlanksBefore(text: string, at: number): boolean {
  let j = at;
  while (j > 0 && (text.charCodeAt(j - 1) === 0x20 || text.charCodeAt(j - 1) === 0x09)) j--;
  return j === 0 || text.charCodeAt(j - 1) === 0x0a;
}

/** Number of the last node of `kind` in `nodes` from `from` to `to` (-1 when none or not numeric). */
function lastNumberOf(nodes: readonly Node[], from: number, to: number, kind: string): number {
  for (let i = to - 1; i >= from; i--) {
    const c = nodes[i];
    if (c.kind === kind) return /^\d+$/.test(c.number ?? '') ? Number(c.number) : -1;
  }
  return -1;
}
