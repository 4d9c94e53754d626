/**
 * Lines that are not part of the document's text but of the medium it came
 * through: Công báo page headers and page numbers, "Ký bởi:" signature
 * stamps, crawler markers, portal UI text, placeholder tags. They are skipped
 * by the parser (their ranges are kept on the tree as `noise`) so that a page
 * break in the middle of a khoản does not cut it in two.
 */
import type { Line } from '../text/lines.ts';
import { isAsciiDigit } from '../text/letters.ts';

const CONG_BAO = /^CÔNG BÁO\s*\/\s*Số(?![\p{L}\d])/u;
const STAMP = /^(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email)\s*:/u;
const PAGE_NUMBER = /^\d{1,4}$/u;
const CRAWLER = /^\[ID:[^\]]*\]$|^<\/?jsontable(?![\p{L}\d])[^>]*>(?:\s*<\/jsontable>)?$/u;
const PORTAL_UI = /^(?:Tải file đính kèm|Bản PDF:|File đính kèm:|Gửi phản hồi|In văn bản|Lược đồ|Văn bản liên quan)$|^\S+\.(?:pdf|docx?|zip)(?:\s*-\s*\(Xem nhanh\))?$/u;
const VBINFO = /^(?:Hiệu lực|Ngày có hiệu lực|Tình trạng hiệu lực|Ngày hết hiệu lực)\s*:/u;
/** A separator line ("-----", "___", "* * *" without blanks): three or more of - _ = – — . * ~ and nothing else. */
function isSeparator(t: string): boolean {
  if (t.length < 3) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 0x2d && c !== 0x5f && c !== 0x3d && c !== 0x2013 && c !== 0x2014 && c !== 0x2e && c !== 0x2a && c !== 0x7e) return false;
  }
  return true;
}
/**
 * A footnote of a văn bản hợp nhất as copied by the portals: "[3] Khoản này
 * được sửa đổi, bổ sung theo quy định tại điểm a khoản 2 Điều 219 của Bộ luật
 * Lao động…", "10 Điểm này được bổ sung…". Its "này" is the footnoted unit,
 * not the place the footnote is printed, so its references cannot be resolved
 * in this text.
 */
const VBHN_FOOTNOTE = /^(?:\[?\[\d{1,3}\]\]?|\d{1,3})[ \t]*(?:Tên |Đoạn )?(?:Điều|Khoản|Điểm|Cụm từ|Chương|Mục|Phần|Tiểu mục|Tiết|Phụ lục|Đoạn|Tên|Mẫu|Biểu mẫu|Nội dung|Từ)(?![\p{L}\d])[^\n]{0,80}?(?:được|bị|hết)(?![\p{L}\d])/u;

/** `footnote`: a văn bản hợp nhất's footnote — skipped like noise, but the citations in it count. */
export type LineRole = 'text' | 'blank' | 'noise' | 'separator' | 'footnote';

/**
 * Classifies each physical line. A stamp is noise only in its block
 * ("Ký bởi:" followed by "Cơ quan:", "Ngày ký:"), a bare number only next to
 * a Công báo page header, vbInfo lines only before the header starts.
 */
export function classifyLines(lines: readonly Line[]): LineRole[] {
  const roles: LineRole[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    roles[i] = t === '' ? 'blank' : isSeparator(t) ? 'separator' : 'text';
  }
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'text') continue;
    const t = lines[i].text;
    if (!headerSeen && VBINFO.test(t)) {
      roles[i] = 'noise';
      continue;
    }
    if (!headerSeen && HEADER_START.test(t)) headerSeen = true;
    const c = t.charCodeAt(0);
    if (c === 0x43 /* C */ && CONG_BAO.test(t)) {
      roles[i] = 'noise';
      markPageNumbers(lines, roles, i);
    } else if (c === 0x4b /* K */ && t.startsWith('Ký bởi')) {
      if (STAMP.test(t)) {
        roles[i] = 'noise';
        for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
          if (roles[j] === 'blank') continue;
          if (STAMP.test(lines[j].text)) roles[j] = 'noise';
          else break;
        }
      }
    } else if (((c === 0x5b /* [ */ || c === 0x3c) /* < */ && CRAWLER.test(t)) || (mayBePortalUi(t) && PORTAL_UI.test(t))) {
      roles[i] = 'noise';
    } else if (mayBeFootnote(t) && VBHN_FOOTNOTE.test(t)) {
      roles[i] = 'footnote';
      // A footnote wrapped at the page's width: "… có hiệu lực từ" ⏎ "ngày 29 tháng 12 năm 2024."
      for (let j = i + 1, last = t; j < lines.length && j <= i + 3 && !FOOTNOTE_ENDED.test(last) && roles[j] === 'text'; j++) {
        last = lines[j].text;
        if (mayBeFootnote(last) && VBHN_FOOTNOTE.test(last)) break;
        roles[j] = 'footnote';
        i = j;
      }
    }
  }
  return roles;
}

const FOOTNOTE_ENDED = /[.;:]\s*$/u;
/** A line of the header: the vbInfo lines above it are noise, below it text. */
const HEADER_START = /CỘNG H[OÒ]A|^Số\s*:|^\p{Lu}{2,}/u;

/** Cheap pre-test: a footnote starts with its mark, "[3]" or "3 " (a khoản's "3." does not). */
function mayBeFootnote(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c === 91 /* [ */) return true;
  if (c < 48 || c > 57) return false;
  let d = 1;
  while (d < t.length && isAsciiDigit(t.charCodeAt(d))) d++;
  return t[d] === ' ' || t[d] === '\t';
}

/**
 * Cheap pre-test: portal UI lines are short, or a file name without spaces; the UI texts start with one of
 * T B F G I L V, and a file name has its dot.
 */
function mayBePortalUi(t: string): boolean {
  // In that order: a long line of a law has a space within a few characters and does not end with ")".
  const last = t.charCodeAt(t.length - 1);
  if (t.length >= 40 && !(last === 0x29 && t.endsWith('(Xem nhanh)')) && hasSpace(t)) return false;
  const c = t.charCodeAt(0);
  if (c === 0x54 || c === 0x42 || c === 0x46 || c === 0x47 || c === 0x49 || c === 0x4c || c === 0x56) return true; // T B F G I L V
  // A file name ends with its extension (pdf doc docx zip) or "(Xem nhanh)", and has its dot.
  return (last === 0x66 || last === 0x63 || last === 0x78 || last === 0x70 || last === 0x29) && t.indexOf('.') >= 0;
}

/** A char loop, not indexOf: the first space of a line is a few characters in, the native call costs more. */
function hasSpace(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 0x20) return true;
  return false;
}

function markPageNumbers(lines: readonly Line[], roles: LineRole[], at: number): void {
  // Page numbers print just above or below the Công báo header line.
  for (const dir of [-1, 1]) {
    let seen = 0;
    for (let j = at + dir; j >= 0 && j < lines.length && seen < 4; j += dir) {
      if (roles[j] === 'blank') continue;
      seen++;
      if (PAGE_NUMBER.test(lines[j].text) && roles[j] === 'text') roles[j] = 'noise';
      else if (!CONG_BAO.test(lines[j].text)) break;
    }
  }
}

/**
 * A portal's editorial notes inside the text: "[Khoản này được hướng dẫn bởi
 * Điều 7 Nghị định 47/2021/NĐ-CP …]", "[Cụm từ này bị thay thế bởi …]"
 * (thuvienphapluat.vn). They are not the document's words: their span is
 * noise, and lines wholly inside one (a crawler may have wrapped a note over
 * several lines, even with its own headings) are noise lines.
 */
const NOTE_OPEN = /\[(?:(?:Điều|Khoản|Điểm|Cụm từ|Nội dung|Chương|Mục|Phần|Tiểu mục|Tiết|Phụ lục|Đoạn|Tên|Mẫu|Biểu mẫu|Từ) này (?:được|bị|hết|đã)(?![\p{L}\d])|[^\[\]\n]{1,200}?(?:được|bị) (?:hướng dẫn|sửa đổi|bổ sung|bãi bỏ|thay thế|đính chính|quy định chi tiết)(?: bởi| tại)(?![\p{L}\d]))/giu;
const NOTE_MAX = 5000;

export function findNotes(text: string): { start: number; end: number }[] {
  if (!text.includes('[')) return [];
  const spans: { start: number; end: number }[] = [];
  NOTE_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOTE_OPEN.exec(text))) {
    const close = text.indexOf(']', m.index);
    const end = close >= 0 && close - m.index < NOTE_MAX ? close + 1 : m.index + m[0].length;
    spans.push({ start: m.index, end });
    NOTE_OPEN.lastIndex = end;
  }
  return spans;
}

export function markNoteLines(lines: readonly Line[], roles: LineRole[], spans: readonly { start: number; end: number }[]): void {
  if (!spans.length) return;
  let s = 0;
  for (const l of lines) {
    while (s < spans.length && spans[s].end < l.end) s++;
    // A line of the note alone is blank once the note is blanked: noise, not a paragraph break.
    if (s < spans.length && spans[s].start <= l.start && l.end <= spans[s].end && (roles[l.index] === 'text' || roles[l.index] === 'blank')) roles[l.index] = 'noise';
  }
}
