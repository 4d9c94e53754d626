/**
 * What kind of document the rules are looking at, from the parser's `docType`
 * and the header: a văn bản quy phạm pháp luật (VBQPPL, Luật 64/2025 Điều 4,
 * templates of ND78) or a văn bản hành chính (VBHC, ND30), a consolidated text
 * (văn bản hợp nhất), which parts the type asks for (tên loại line, căn cứ,
 * enactment line) and small text helpers shared by the rule areas.
 */
import { foldSpace } from '../citations/text.ts';
import { nodeIndex } from '../syntax/node-index.ts';
import type { DocType, Document, HeaderInfo, Node, Range } from '../syntax/tree.ts';

/** Types that are VBQPPL whatever their number looks like. */
const ALWAYS_VBQPPL: ReadonlySet<DocType> = new Set<DocType>([
  'luat', 'bo-luat', 'phap-lenh', 'lenh', 'nghi-dinh', 'thong-tu', 'thong-tu-lien-tich',
]);

/** The ký hiệu with spaces removed ("76/2025/NĐ-CP"), or "" without a "Số:" line. */
export function kyHieuOf(header: HeaderInfo | undefined): string {
  return (header?.so?.value.text ?? '').replace(/\s+/gu, '');
}

/**
 * A VBQPPL: Luật, Nghị định, Thông tư…, or a Nghị quyết / Quyết định whose
 * number carries the year ("12/2024/QĐ-TTg", "01/2020/NQ-HĐTP") or is a
 * Quốc hội / UBTVQH number ("23/2003/QH11"). A year-less "768/QĐ-TTg" is an
 * individual (cá biệt) decision: a VBHC under ND30.
 */
export function isVbqppl(docType: DocType, header: HeaderInfo | undefined): boolean {
  if (isConsolidated(header)) return false;
  if (ALWAYS_VBQPPL.has(docType)) return true;
  if (docType === 'nghi-quyet' || docType === 'quyet-dinh') {
    const so = kyHieuOf(header);
    return /^[^/]*\/\d{4}\//u.test(so) || /\/(?:UBTV)?QH\d+$/u.test(so);
  }
  return false;
}

/** A văn bản hợp nhất: its header carries the consolidated document's tên loại but the number is "…/VBHN-…". */
export function isConsolidated(header: HeaderInfo | undefined, doc?: Document): boolean {
  return doc?.consolidated === true || /(?:^|\/)VBHN-/u.test(kyHieuOf(header));
}

/** Types whose template has căn cứ and an enactment line (ND30 Mẫu 1.1–1.3, ND78). */
const WITH_CAN_CU: ReadonlySet<DocType> = new Set<DocType>([
  'quyet-dinh', 'nghi-quyet', 'nghi-dinh', 'thong-tu', 'thong-tu-lien-tich', 'luat', 'bo-luat', 'phap-lenh', 'lenh',
]);

/** Chỉ thị, Kế hoạch, Công văn, Báo cáo… are not asked for căn cứ or an enactment line. */
export function needsCanCu(doc: Document, header: HeaderInfo | undefined): boolean {
  return WITH_CAN_CU.has(doc.docType) && !isConsolidated(header, doc);
}

/** A công văn has no tên loại line; its trích yếu follows "V/v" (ND30 Phụ lục I II.5). */
export function needsTenLoai(docType: DocType): boolean {
  return docType !== 'cong-van' && docType !== 'unknown';
}

export function headerNode(doc: Document): Node | undefined {
  return doc.children.find((c) => c.kind === 'header');
}

/** The document's year from its date line, when it has one. */
export function documentYear(header: HeaderInfo | undefined): number | undefined {
  const y = Number(header?.diaDanhNgay?.year?.text);
  return Number.isInteger(y) && y > 1900 ? y : undefined;
}

/**
 * Documents older than the current numbering rules (Thông tư liên tịch
 * 55/2005/TTLT-BNV-VPCP, then ND30): "Số: 61-CP", "299/TTg". Their header is
 * not held to today's form.
 */
export function isLegacy(header: HeaderInfo | undefined): boolean {
  const y = documentYear(header);
  return y !== undefined && y < 2005;
}

/**
 * Every node of the tree, depth first (the node itself first): the shared
 * per-parse node index's list (syntax/node-index.ts), which the numbering
 * rules have already built for the tree of a check — the language service
 * asks up to four times for the same tree after each full check. Read-only.
 */
export function walk(node: Node): readonly Node[] {
  return nodeIndex(node).nodes;
}

/** Whitespace folded to single spaces, trimmed. */
export const fold = foldSpace;

/** `range` with leading and trailing whitespace of the original text removed. */
export function trimRange(original: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/u.test(original[start])) start++;
  while (end > start && /\s/u.test(original[end - 1])) end--;
  return { start, end };
}

/** A short quotation for messages: “…”, at most `max` characters. */
export function q(s: string, max = 50): string {
  const t = fold(s);
  return `“${t.length > max ? t.slice(0, max - 1) + '…' : t}”`;
}
