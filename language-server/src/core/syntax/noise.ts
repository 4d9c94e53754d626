/**
 * Lines that are not part of the document's text but of the medium it came
 * through: Công báo page headers and page numbers, "Ký bởi:" signature
 * stamps, crawler markers, portal UI text, placeholder tags. They are skipped
 * by the parser (their ranges are kept on the tree as `noise`) so that a page
 * break in the middle of a khoản does not cut it in two.
 */
import { lineText, type LineTable } from '../text/lines.ts';
import { isAsciiDigit } from '../text/letters.ts';
import { lazy } from '../lazy.ts';

const CONG_BAO = /^CÔNG BÁO\s*\/\s*Số(?![\p{L}\d])/u;
const STAMP = /^(?:Ký bởi|Cơ quan|Ngày ký|Thời gian ký|Email)\s*:/u;
const PAGE_NUMBER = /^\d{1,4}$/u;
const CRAWLER = lazy(() => /^\[ID:[^\]]*\]$|^<\/?jsontable(?![\p{L}\d])[^>]*>(?:\s*<\/jsontable>)?$/u);
const PORTAL_UI = /^(?:Tải file đính kèm|Bản PDF:|File đính kèm:|Gửi phản hồi|In văn bản|Lược đồ|Văn bản liên quan)$|^\S+\.(?:pdf|docx?|zip)(?:\s*-\s*\(Xem nhanh\))?$/u;
const VBINFO = /^(?:Hiệu lực|Ngày có hiệu lực|Tình trạng hiệu lực|Ngày hết hiệu lực)\s*:/u;
/** A separator line ("-----", "___", "* * *" without blanks): three or more of - _ = – — . * ~ and nothing else. */
function isSeparator(text: string, s: number, e: number): boolean {
  if (e - s < 3) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
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

/** The roles as lineRoles stores them (one byte a line), and their names by code. */
export const TEXT = 0;
export const BLANK = 1;
export const NOISE = 2;
export const SEPARATOR = 3;
export const FOOTNOTE = 4;
export const ROLE_NAMES: readonly LineRole[] = ['text', 'blank', 'noise', 'separator', 'footnote'];

/**
 * Classifies each physical line (codes above). A stamp is noise only in its block
 * ("Ký bởi:" followed by "Cơ quan:", "Ngày ký:"), a bare number only next to
 * a Công báo page header, vbInfo lines only before the header starts. A line is sliced
 * only where its first characters (or its end) leave a pattern to try.
 */
export function lineRoles(lines: LineTable): Uint8Array {
  const { text, count, starts, ends } = lines;
  const roles = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    roles[i] = starts[i] === ends[i] ? BLANK : isSeparator(text, starts[i], ends[i]) ? SEPARATOR : TEXT;
  }
  let headerSeen = false;
  for (let i = 0; i < count; i++) {
    if (roles[i] !== TEXT) continue;
    const s = starts[i];
    const e = ends[i];
    if (!headerSeen) {
      const t = lineText(lines, i);
      if (VBINFO.test(t)) {
        roles[i] = NOISE;
        continue;
      }
      if (HEADER_START.test(t)) headerSeen = true;
    }
    const c = text.charCodeAt(s);
    if (c === 0x43 /* C */ && CONG_BAO.test(lineText(lines, i))) {
      roles[i] = NOISE;
      markPageNumbers(lines, roles, i);
    } else if (c === 0x4b /* K */ && startsWithIn(text, 'Ký bởi', s, e)) {
      if (STAMP.test(lineText(lines, i))) {
        roles[i] = NOISE;
        for (let j = i + 1; j < count && j <= i + 4; j++) {
          if (roles[j] === BLANK) continue;
          if (STAMP.test(lineText(lines, j))) roles[j] = NOISE;
          else break;
        }
      }
    } else if (((c === 0x5b /* [ */ || c === 0x3c) /* < */ && CRAWLER().test(lineText(lines, i))) || (mayBePortalUi(text, s, e) && PORTAL_UI.test(lineText(lines, i)))) {
      roles[i] = NOISE;
    } else if (mayBeFootnote(text, s, e) && VBHN_FOOTNOTE.test(lineText(lines, i))) {
      roles[i] = FOOTNOTE;
      // A footnote wrapped at the page's width: "… có hiệu lực từ" ⏎ "ngày 29 tháng 12 năm 2024."
      for (let j = i + 1, last = lineText(lines, i); j < count && j <= i + 3 && !FOOTNOTE_ENDED.test(last) && roles[j] === TEXT; j++) {
        last = lineText(lines, j);
        if (mayBeFootnote(text, starts[j], ends[j]) && VBHN_FOOTNOTE.test(last)) break;
        roles[j] = FOOTNOTE;
        i = j;
      }
    }
  }
  return roles;
}

/** `text` holds `word` at `s`, within the line that ends at `e`. */
function startsWithIn(text: string, word: string, s: number, e: number): boolean {
  return e - s >= word.length && text.startsWith(word, s);
}

const FOOTNOTE_ENDED = /[.;:]\s*$/u;
/** A line of the header: the vbInfo lines above it are noise, below it text. */
const HEADER_START = /CỘNG H[OÒ]A|^Số\s*:|^\p{Lu}{2,}/u;

/** Cheap pre-test: a footnote starts with its mark, "[3]" or "3 " (a khoản's "3." does not). */
function mayBeFootnote(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (c === 91 /* [ */) return true;
  if (c < 48 || c > 57) return false;
  let d = s + 1;
  while (d < e && isAsciiDigit(text.charCodeAt(d))) d++;
  if (d >= e) return false;
  const after = text.charCodeAt(d);
  return after === 0x20 || after === 0x09;
}

/**
 * Cheap pre-test: portal UI lines are short, or a file name without spaces; the UI texts start with one of
 * T B F G I L V, and a file name has its dot.
 */
function mayBePortalUi(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  const last = text.charCodeAt(e - 1);
  const uiStart = c === 0x54 || c === 0x42 || c === 0x46 || c === 0x47 || c === 0x49 || c === 0x4c || c === 0x56; // T B F G I L V
  // A file name ends with its extension (pdf doc docx zip) or "(Xem nhanh)". First the two ends, which rule out
  // nearly every line of a law without reading more of it.
  if (!uiStart && !(last === 0x66 || last === 0x63 || last === 0x78 || last === 0x70 || last === 0x29)) return false;
  // A long line of a law has a space within a few characters and does not end with ")".
  if (e - s >= 40 && !(last === 0x29 && startsWithIn(text, '(Xem nhanh)', e - 11, e)) && hasSpace(text, s, e)) return false;
  // The file name has its dot.
  return uiStart || hasDot(text, s, e);
}

/** A char loop, not indexOf: the first space of a line is a few characters in, the native call costs more. */
function hasSpace(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 0x20) return true;
  return false;
}

function hasDot(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 0x2e) return true;
  return false;
}

function markPageNumbers(lines: LineTable, roles: Uint8Array, at: number): void {
  // Page numbers print just above or below the Công báo header line.
  for (let dir = -1; dir <= 1; dir += 2) {
    let seen = 0;
    for (let j = at + dir; j >= 0 && j < lines.count && seen < 4; j += dir) {
      if (roles[j] === BLANK) continue;
      seen++;
      const t = lineText(lines, j);
      if (PAGE_NUMBER.test(t) && roles[j] === TEXT) roles[j] = NOISE;
      else if (!CONG_BAO.test(t)) break;
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

export function markNoteLines(lines: LineTable, roles: Uint8Array, spans: readonly { start: number; end: number }[]): void {
  if (!spans.length) return;
  const { count, starts, ends } = lines;
  let s = 0;
  for (let k = 0; k < count; k++) {
    while (s < spans.length && spans[s].end < ends[k]) s++;
    // A line of the note alone is blank once the note is blanked: noise, not a paragraph break.
    if (s < spans.length && spans[s].start <= starts[k] && ends[k] <= spans[s].end && (roles[k] === TEXT || roles[k] === BLANK)) roles[k] = NOISE;
  }
}
