/**
 * Rule area "can-cu": the preamble (căn cứ ban hành, ND30 Phụ lục I II.6.a;
 * ND78 Điều 62) and the enactment line that closes it.
 *
 * Not here yet: can-cu/lower-force (a căn cứ of lower or equal legal force
 * than the document, ND78 Điều 62) and can-cu/not-in-force (a căn cứ the
 * registry knows was repealed) need the citation registry (a later issue);
 * they will read the cited type and issuer from the citation parser rather
 * than from the rough `forceOf` below.
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
// can-cu/order
// ---------------------------------------------------------------------------

/** Legal-force levels of Luật 64/2025/QH15 Điều 4 (1 = highest). */
const LEVEL_NAMES_VI = [
  '', 'Hiến pháp', 'Luật, Bộ luật, Nghị quyết của Quốc hội', 'Pháp lệnh, Nghị quyết của Ủy ban Thường vụ Quốc hội',
  'Lệnh, Quyết định của Chủ tịch nước', 'Nghị định, Nghị quyết của Chính phủ', 'Quyết định của Thủ tướng Chính phủ',
  'Nghị quyết của Hội đồng Thẩm phán TANDTC', 'Thông tư', 'Thông tư liên tịch', 'Nghị quyết của HĐND cấp tỉnh',
  'Quyết định của UBND cấp tỉnh',
];
const LEVEL_NAMES_EN = [
  '', 'Constitution', 'Law, Code, Resolution of the National Assembly', 'Ordinance, Resolution of the NA Standing Committee',
  'Order, Decision of the President', 'Decree, Resolution of the Government', 'Decision of the Prime Minister',
  'Resolution of the Supreme Court Council of Judges', 'Circular', 'Joint circular', 'Resolution of a provincial People’s Council',
  'Decision of a provincial People’s Committee',
];

const FIRST_TYPE = /(Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết liên tịch|Nghị quyết|Nghị định|Lệnh|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị|Kế hoạch|Kết luận|Công văn|Văn bản)(?![\p{L}])/u;

/** The legal-force level of the document a căn cứ line cites first, or undefined when it cannot tell. */
export function forceOf(line: string): number | undefined {
  const body = line.replace(/^Căn cứ(?:\s+vào)?\s+/u, '');
  const m = FIRST_TYPE.exec(body);
  if (!m) return undefined;
  const after = body.slice(m.index);
  const number = /\d+\/(?:\d{4}\/)?([\p{L}\d&-]+)/u.exec(after)?.[1] ?? '';
  switch (m[1]) {
    case 'Hiến pháp':
      return 1;
    case 'Bộ luật':
    case 'Luật':
      return 2;
    case 'Pháp lệnh':
      return 3;
    case 'Nghị quyết liên tịch':
      return /UBTVQH/u.test(number) ? 3 : /CP/u.test(number) ? 5 : undefined;
    case 'Lệnh':
      return 4;
    case 'Nghị định':
      return 5;
    case 'Thông tư liên tịch':
      return 9;
    case 'Thông tư':
      return 8;
    case 'Nghị quyết':
      if (/^(?:NQ-)?UBTVQH\d+/u.test(number)) return 3;
      if (/^QH\d+/u.test(number) || (!number && /của Quốc hội/u.test(after.slice(0, 200)))) return 2;
      if (/^NQ-CP$/u.test(number)) return 5;
      if (/^NQ-HĐTP$/u.test(number)) return 7;
      if (/^NQ-HĐND$/u.test(number) && /\/\d{4}\//u.test(after)) return 10;
      return undefined;
    case 'Quyết định':
      if (!/\/\d{4}\//u.test(after.slice(0, 40))) return undefined; // a year-less number: not a VBQPPL
      if (/^QĐ-CTN$/u.test(number)) return 4;
      if (/^QĐ-TTg$/u.test(number)) return 6;
      if (/^QĐ-UBND$/u.test(number)) return 11;
      return undefined;
    default:
      return undefined;
  }
}

export interface OrderArgs {
  line: string;
  level: number;
  previous: string;
  previousLevel: number;
}

export const order = defineRule<OrderArgs>({
  code: 'can-cu/order',
  severity: 'info',
  description: {
    vi: 'Các căn cứ không xếp theo hiệu lực pháp lý giảm dần (Luật 64/2025/QH15 Điều 4)',
    en: 'Căn cứ lines not in descending legal force (Law 64/2025/QH15 Article 4)',
  },
  message: {
    vi: (a) =>
      `Căn cứ ${q(a.line, 60)} (${LEVEL_NAMES_VI[a.level]}) có hiệu lực pháp lý cao hơn căn cứ đứng trước ${q(a.previous, 40)} (${LEVEL_NAMES_VI[a.previousLevel]}): nên xếp lên trước (Luật 64/2025/QH15 Điều 4)`,
    en: (a) =>
      `Căn cứ ${q(a.line, 60)} (${LEVEL_NAMES_EN[a.level]}) has higher legal force than the one before it ${q(a.previous, 40)} (${LEVEL_NAMES_EN[a.previousLevel]}): move it up (Law 64/2025/QH15 Article 4)`,
  },
  check(ctx, report) {
    const pre = preambleOf(ctx.tree);
    if (!pre) return;
    let prev: { line: PreambleLine; level: number } | undefined;
    for (const l of preambleLines(ctx.original, pre)) {
      if (!l.canCu) continue;
      const level = forceOf(l.text);
      if (level === undefined) continue;
      if (prev && level < prev.level) {
        report({
          range: l.range,
          args: { line: l.text, level, previous: prev.line.text, previousLevel: prev.level },
          related: [{ range: prev.line.range, message: { vi: 'Căn cứ có hiệu lực thấp hơn đứng trước ở đây', en: 'The căn cứ of lower force that comes first' } }],
        });
        continue; // keep comparing with the lower one that stands first
      }
      prev = { line: l, level };
    }
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

export const canCuRules: readonly AnyRule[] = [punctuation, order, missingEnactment];
