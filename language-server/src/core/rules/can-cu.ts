/**
 * Rule area "can-cu": the preamble (căn cứ ban hành, ND30 Phụ lục I II.6.a;
 * ND78 Điều 62) and the enactment line that closes it.
 *
 * can-cu/order and can-cu/lower-force, which need to know what each căn cứ
 * cites, are in can-cu-citation.ts (they read the citation parser).
 */
import type { Document, HeaderInfo, Node, Range, TextLine } from '../syntax/tree.ts';
import { documentYear, fold, headerNode, isConsolidated, isVbqppl, needsCanCu, q, trimRange } from './doc-kind.ts';
import { defineRule, type AnyRule } from './rule.ts';

/** "Chính phủ ban hành Nghị định …", "Bộ trưởng Bộ Nội vụ ban hành Thông tư …" (ND78 templates). */
const BAN_HANH = /(?:^|[\s,])(?:ban hành|thông qua)\s+(Bộ luật|Luật|Pháp lệnh|Nghị định|Thông tư liên tịch|Thông tư|Nghị quyết|Quyết định)(?![\p{L}])/u;
/** Lines a converter left in the preamble that are not part of it: signature stamps, editorial notes. */
const NOISE = /^(?:Người ký|Email|Cơ quan|Thời gian ký|Ký bởi)\s*:|\[|\]/u;
/** A body heading run into a preamble line by a converter ("… 2010. Chương I NHỮNG QUY ĐỊNH CHUNG"). */
const BODY_HEADING = /(?:^|\s)Chương\s+[IVXLC\d]+\s+\p{Lu}{2,}|(?:^|\.\s)Điều\s+1\.\s+\p{Lu}/u;
/** "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "NGHỊ ĐỊNH:" as a line of its own. */
const ENACTMENT_WORD = /^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ ĐỊNH)\s*:?$/u;

interface PreambleLine extends TextLine {
  canCu: boolean;
}

/** The preamble's lines in text order: căn cứ, "Theo đề nghị …", "Xét …", and lines holding an enactment. */
function preambleLines(original: string, pre: Node): PreambleLine[] {
  const out: PreambleLine[] = pre.children
    .filter((c) => c.kind === 'can-cu')
    .map((c) => {
      const range = trimRange(original, c.range);
      return { text: fold(original.slice(range.start, range.end).normalize('NFC')), range, canCu: true };
    });
  for (const l of pre.lines ?? []) out.push({ text: l.text, range: trimRange(original, l.range), canCu: false });
  return out.sort((a, b) => a.range.start - b.range.start);
}

function preambleOf(doc: Document): Node | undefined {
  return doc.children.find((c) => c.kind === 'preamble');
}

// ---------------------------------------------------------------------------
// can-cu/punctuation
// ---------------------------------------------------------------------------

export interface PunctuationArgs {
  line: string;
  found: string;
  expected: string;
  last: boolean;
}

export const punctuation = defineRule<PunctuationArgs>({
  code: 'can-cu/punctuation',
  severity: 'warning',
  description: {
    vi: 'Mỗi căn cứ kết thúc bằng “;”, dòng cuối của phần căn cứ (căn cứ hoặc “Theo đề nghị của …”) kết thúc bằng “.”',
    en: 'Each căn cứ line ends with “;”, the last line of the preamble (căn cứ or “Theo đề nghị của …”) with “.”',
  },
  message: {
    vi: (a) =>
      `${a.last ? 'Dòng cuối của phần căn cứ' : 'Căn cứ'} ${q(a.line, 60)} ${a.found ? `kết thúc bằng “${a.found}”` : 'không có dấu kết thúc'}: cần “${a.expected}”`,
    en: (a) =>
      `${a.last ? 'The last line of the preamble' : 'Căn cứ line'} ${q(a.line, 60)} ${a.found ? `ends with “${a.found}”` : 'has no closing mark'}: expected “${a.expected}”`,
  },
  fixTitle: { vi: (a) => `Kết thúc bằng “${a.expected}”`, en: (a) => `End with “${a.expected}”` },
  check(ctx, report) {
    const pre = preambleOf(ctx.tree);
    if (!pre) return;
    const header = headerNode(ctx.tree)?.header;
    const lines = preambleLines(ctx.original, pre).filter((l) => !NOISE.test(l.text));
    // Stop at a body heading a converter ran into the preamble: what follows is not preamble.
    const cut = lines.findIndex((l) => BODY_HEADING.test(l.text));
    const usable = cut >= 0 ? lines.slice(0, cut) : lines;
    const isBanHanh = (l: PreambleLine) => !l.canCu && (BAN_HANH.test(l.text) || ENACTMENT_WORD.test(l.text));
    const basis = usable.filter((l) => !isBanHanh(l));
    const banHanh = usable.filter(isBanHanh);
    if (basis.length === 0) return;
    // A văn bản hợp nhất repeats the preamble of the text it consolidates, with its own notes.
    if (isConsolidated(header, ctx.tree)) return;
    const vbqppl = isVbqppl(ctx.tree.docType, header);
    const legacyComma = vbqppl || (documentYear(header) ?? 9999) < 2020;
    const lastLine = basis[basis.length - 1];
    const check = (l: PreambleLine, allowed: string[], last: boolean) => {
      const endChar = ctx.original[l.range.end - 1] ?? '';
      if (allowed.includes(endChar)) return;
      const punct = /[.,;:]/u.test(endChar);
      const expected = allowed[0];
      const at = punct ? { start: l.range.end - 1, end: l.range.end } : { start: l.range.end, end: l.range.end };
      report({
        range: l.range,
        args: { line: l.text, found: punct ? endChar : '', expected, last },
        edits: [{ range: at, newText: expected }],
      });
    };
    for (const l of basis) {
      if (l === lastLine) continue;
      check(l, [';'], false);
    }
    // The last line: "." (ND30); ";" before a "… ban hành …" line and in VBQPPL; "," before
    // "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" in VBQPPL and in documents older than ND30.
    const followedByBanHanh =
      banHanh.some((b) => b.range.start > lastLine.range.start && BAN_HANH.test(b.text)) || (!!pre.enactment && BAN_HANH.test(pre.enactment.text));
    const allowed = ['.'];
    // VBQPPL templates (ND78, Nghị quyết of Quốc hội) end every line with ";" before the enactment line.
    if (followedByBanHanh || vbqppl) allowed.push(';');
    if (legacyComma && !followedByBanHanh) allowed.push(',');
    check(lastLine, allowed, true);
  },
});

// ---------------------------------------------------------------------------
// can-cu/missing-enactment
// ---------------------------------------------------------------------------

interface EnactmentForm {
  /** What to write, for the message. */
  vi: string;
  en: string;
  ok: (text: string, year: number) => boolean;
}

const FORMS: Partial<Record<Document['docType'], EnactmentForm>> = {
  'quyet-dinh': { vi: '“QUYẾT ĐỊNH:”', en: '“QUYẾT ĐỊNH:”', ok: (t) => /^QUYẾT ĐỊNH\s*:?$/u.test(t) || /ban hành Quyết định/u.test(t) },
  'nghi-quyet': { vi: '“QUYẾT NGHỊ:”', en: '“QUYẾT NGHỊ:”', ok: (t) => /^QUYẾT NGHỊ\s*:?$/u.test(t) || /(?:ban hành|thông qua) Nghị quyết/u.test(t) },
  'nghi-dinh': {
    vi: '“Chính phủ ban hành Nghị định …”',
    en: '“Chính phủ ban hành Nghị định …”',
    ok: (t, y) => /ban hành Nghị định/u.test(t) || (y < 2016 && /^NGHỊ ĐỊNH\s*:?$/u.test(t)),
  },
  luat: { vi: '“Quốc hội ban hành Luật …”', en: '“Quốc hội ban hành Luật …”', ok: (t, y) => /ban hành Luật/u.test(t) || y < 2008 },
  'bo-luat': { vi: '“Quốc hội ban hành Bộ luật …”', en: '“Quốc hội ban hành Bộ luật …”', ok: (t, y) => /ban hành Bộ luật/iu.test(t) || y < 2008 },
  'phap-lenh': { vi: '“Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh …”', en: '“Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh …”', ok: (t) => /ban hành Pháp lệnh/u.test(t) },
  'thong-tu': {
    vi: '“Bộ trưởng … ban hành Thông tư …”',
    en: '“Bộ trưởng … ban hành Thông tư …”',
    ok: (t, y) => /ban hành Thông tư/u.test(t) || y < 2016,
  },
  'thong-tu-lien-tich': {
    vi: '“… ban hành Thông tư liên tịch …”',
    en: '“… ban hành Thông tư liên tịch …”',
    ok: (t, y) => /ban hành Thông tư liên tịch/u.test(t) || y < 2016,
  },
};

export interface MissingEnactmentArgs {
  tenLoai: string;
  expected: string;
  found?: string;
}

function findEnactment(original: string, pre: Node | undefined): TextLine | undefined {
  if (!pre) return undefined;
  if (pre.enactment) return pre.enactment;
  // The parser keeps "Chính phủ ban hành Nghị định …" among the preamble lines in some layouts.
  for (const l of preambleLines(original, pre)) {
    if (!l.canCu && (BAN_HANH.test(l.text) || ENACTMENT_WORD.test(l.text))) return l;
  }
  return undefined;
}

export const missingEnactment = defineRule<MissingEnactmentArgs>({
  code: 'can-cu/missing-enactment',
  severity: 'warning',
  description: {
    vi: 'Thiếu dòng ban hành (“QUYẾT ĐỊNH:”, “QUYẾT NGHỊ:”, “Chính phủ ban hành Nghị định …”) giữa phần căn cứ và nội dung',
    en: 'No enactment line (“QUYẾT ĐỊNH:”, “QUYẾT NGHỊ:”, “Chính phủ ban hành Nghị định …”) between the preamble and the body',
  },
  message: {
    vi: (a) =>
      a.found
        ? `Dòng ban hành ${q(a.found, 40)} không hợp với tên loại “${a.tenLoai}”: cần ${a.expected}`
        : `Thiếu dòng ban hành ${a.expected} giữa phần căn cứ và nội dung của ${a.tenLoai.toLowerCase()}`,
    en: (a) =>
      a.found
        ? `Enactment line ${q(a.found, 40)} does not fit the tên loại “${a.tenLoai}”: expected ${a.expected}`
        : `No enactment line ${a.expected} between the preamble and the body of this ${a.tenLoai.toLowerCase()}`,
  },
  check(ctx, report) {
    const doc = ctx.tree;
    const h = headerNode(doc);
    const header: HeaderInfo | undefined = h?.header;
    if (!h || !header?.tenLoai || !needsCanCu(doc, header)) return;
    const form = FORMS[doc.docType];
    if (!form) return;
    const body = doc.children.find((c) => c.kind === 'body');
    if (!body || body.children.length === 0) return;
    const pre = preambleOf(doc);
    const year = documentYear(header) ?? 9999;
    const en = findEnactment(ctx.original, pre);
    const tenLoai = header.tenLoai.text;
    if (!en) {
      if (form.ok('', year)) return; // older documents written without one
      const at: Range = pre ? trimRange(ctx.original, { start: pre.range.start, end: pre.range.end }) : header.tenLoai.range;
      const range = { start: at.end, end: at.end };
      report({ range: pre ? range : header.tenLoai.range, args: { tenLoai, expected: form.vi } });
      return;
    }
    if (!form.ok(en.text, year)) report({ range: trimRange(ctx.original, en.range), args: { tenLoai, expected: form.vi, found: en.text } });
  },
});

export const canCuRules: readonly AnyRule[] = [punctuation, missingEnactment];
