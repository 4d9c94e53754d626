/**
 * The header (thể thức, ND30 Phụ lục I mục II): cơ quan ban hành, Quốc hiệu
 * and Tiêu ngữ, số ký hiệu, địa danh and date, tên loại, trích yếu, the
 * authority line, V/v and Kính gửi of a công văn.
 *
 * The header is read from the raw text of the header zone rather than line by
 * line, because sources lay it out in every possible way: two table cells
 * separated by lone "|" lines (portal copy), everything run onto two lines
 * (crawler), one cell per line with blank lines (Công báo). All offsets here
 * are into the normalised text.
 */
import type { HeaderField, HeaderInfo } from './tree.ts';
import { lazy } from '../lazy.ts';

export interface HeaderParse {
  info: HeaderInfo;
  /** Where the header's last recognised part ends (normalised offset), or `from` if none. */
  end: number;
}

const QUOC_HIEU = /C[ỘO]NG\s+H(?:O[AÀ]|[ÒÓ]A)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/iu;
// `\s*(?:[-–—]\s*)?`, not `\s*[-–—]?\s*`: one way to split the blanks (the latter is cubic on long runs of spaces).
const TIEU_NGU = /Đ[ộo]c\s+l[ậa]p\s*(?:[-–—]\s*)?T[ựu]\s+do\s*(?:[-–—]\s*)?H[ạa]nh\s+ph[úu]c/iu;
const SO = /(?<![\p{L}\d])((?:Luật|Bộ luật|Nghị quyết|Pháp lệnh|Lệnh)\s+số|Số)\s*:[ \t]*(?:\n[ \t]*)?([^\s|]*(?:[ \t]*[\/-][ \t]*[^\s|]+)*)/u;
const PLACE_WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{Lu}.\-]*|phố|xã|trấn|thị|huyện|tỉnh|quận|phường)`;
const DATE_LINE = new RegExp(
  String.raw`(?<![\p{L}\d\/.-])(\p{Lu}[\p{Ll}\p{Lu}.\-]*(?:\s+${PLACE_WORD}){0,5})\s*(?:,\s*)?ngày\s+(\d{1,2}|\.{2,}|…+)\s+tháng\s+(\d{1,2}|\.{2,}|…+)\s+năm\s+(\d{4})`,
  'u',
);
/** Tên loại words, longest first so that THÔNG TƯ LIÊN TỊCH wins over THÔNG TƯ. */
export const TEN_LOAI = [
  'THÔNG TƯ LIÊN TỊCH', 'VĂN BẢN HỢP NHẤT', 'QUYẾT ĐỊNH', 'NGHỊ ĐỊNH', 'NGHỊ QUYẾT', 'THÔNG TƯ', 'CHỈ THỊ',
  'KẾ HOẠCH', 'BỘ LUẬT', 'PHÁP LỆNH', 'LUẬT', 'LỆNH', 'TỜ TRÌNH', 'BÁO CÁO', 'THÔNG BÁO', 'HƯỚNG DẪN',
  'QUY CHẾ', 'QUY ĐỊNH', 'CHƯƠNG TRÌNH', 'ĐỀ ÁN', 'PHƯƠNG ÁN', 'DỰ ÁN', 'BIÊN BẢN', 'CÔNG ĐIỆN', 'GIẤY MỜI',
  'GIẤY GIỚI THIỆU', 'GIẤY NGHỈ PHÉP', 'GIẤY ỦY QUYỀN', 'HỢP ĐỒNG', 'BẢN GHI NHỚ', 'BẢN THỎA THUẬN',
  'PHIẾU GỬI', 'PHIẾU CHUYỂN', 'PHIẾU BÁO', 'CÔNG VĂN',
];
/** Heads of the authority line ("BỘ TRƯỞNG BỘ NỘI VỤ") and of signature titles. */
export const AUTHORITY_HEADS = [
  'BỘ TRƯỞNG', 'THỦ TƯỚNG', 'CHÍNH PHỦ', 'QUỐC HỘI', 'ỦY BAN', 'UỶ BAN', 'HỘI ĐỒNG', 'CHỦ TỊCH', 'CHÁNH ÁN',
  'VIỆN TRƯỞNG', 'TỔNG KIỂM TOÁN', 'GIÁM ĐỐC', 'TỔNG GIÁM ĐỐC', 'CỤC TRƯỞNG', 'TỔNG CỤC TRƯỞNG', 'THỐNG ĐỐC',
  'CHỦ NHIỆM', 'TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG', 'HIỆU TRƯỞNG', 'VỤ TRƯỞNG', 'TỔNG THƯ KÝ', 'BAN THƯỜNG VỤ',
];
const AUTHORITY_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${AUTHORITY_HEADS.map((t) => t.replace(/ /g, String.raw`\s+`)).join('|')})(?![\p{L}])`,
  'gu',
);
const BEFORE_AUTHORITY_IN_TITLE = /(?:CỦA|VÀ|GIỮA|VỚI|CHO|THUỘC|VỀ|TRỰC THUỘC)\s*$/u;
const VV = lazy(() => /(?<![\p{L}])V\/v(?![\p{L}\d])[^\n|]*/u);
const KINH_GUI = lazy(() => /(?<![\p{L}])Kính gửi\s*:[^\n|]*/u);
const SEPARATOR_LINE = /^[\s\-_=–—.*~|]*$/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
/** Words that continue an agency name onto a second line ("ỦY BAN NHÂN DÂN" ⏎ "TỈNH ĐIỆN BIÊN"). */
const AGENCY_CONTINUATION = lazy(() => /^(?:VÀ|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ XÃ|THỊ TRẤN|TỐI CAO|NHÂN DÂN|TRUNG ƯƠNG|[-–&])(?![\p{L}])/u);

export function parseHeader(text: string, from: number, to: number): HeaderParse {
  const zone = text.slice(from, to);
  const info: HeaderInfo = {};
  let end = from;
  const field = (s: number, e: number): HeaderField => {
    const raw = zone.slice(s, e);
    return { text: fold(raw), range: { start: from + s, end: from + e } };
  };
  const bump = (f: HeaderField | undefined) => {
    if (f && f.range.end > end) end = f.range.end;
  };

  const qh = QUOC_HIEU.exec(zone);
  if (qh) info.quocHieu = field(qh.index, qh.index + qh[0].length);
  const tn = TIEU_NGU.exec(zone);
  if (tn) info.tieuNgu = field(tn.index, tn.index + tn[0].length);
  bump(info.quocHieu);
  bump(info.tieuNgu);

  const so = SO.exec(zone);
  if (so) {
    const valueStart = so.index + so[0].length - so[2].length;
    info.so = { ...field(so.index, so.index + so[0].length), prefix: so[1], value: field(valueStart, valueStart + so[2].length) };
    bump(info.so);
  }

  const dl = DATE_LINE.exec(zone);
  if (dl) {
    const s = dl.index;
    const placeEnd = s + dl[1].length;
    const f = field(s, s + dl[0].length);
    // Locate the numbers inside the match (they are the last groups).
    const yearStart = s + dl[0].length - dl[4].length;
    const afterPlace = zone.slice(placeEnd, s + dl[0].length);
    const dayRel = afterPlace.search(/\d|\.|…/u);
    const dayStart = placeEnd + dayRel;
    const monthStart = s + dl[0].length - dl[4].length - (zone.slice(0, yearStart).match(/(?<!\S)(\S+)\s+năm\s+$/u)?.[0].length ?? 0);
    info.diaDanhNgay = {
      ...f,
      place: field(s, placeEnd),
      day: field(dayStart, dayStart + dl[2].length),
      month: field(monthStart, monthStart + dl[3].length),
      year: field(yearStart, yearStart + 4),
    };
    bump(info.diaDanhNgay);
  }

  // The pattern's words looked for first: a pattern run once a parse runs cold (its code out of the CPU's cache).
  const vv = zone.includes('V/v') ? VV().exec(zone) : null;
  if (vv) {
    let e = vv.index + vv[0].length;
    // A V/v line may wrap: take following lines that start in lower case.
    for (;;) {
      const m = /^\n[ \t]*([\p{Ll}][^\n|]*)/u.exec(zone.slice(e));
      if (!m) break;
      e += m[0].length;
    }
    info.vv = field(vv.index, trimEndIndex(zone, vv.index, e));
    bump(info.vv);
  }

  // Tên loại: after the date line when there is one (the usual layout), else anywhere in the zone.
  const searchFrom = info.diaDanhNgay ? info.diaDanhNgay.range.end - from : info.so ? info.so.range.end - from : 0;
  const tlZone = zone.slice(searchFrom);
  const tl = findTenLoai(tlZone);
  if (tl) {
    const s = searchFrom + tl.index;
    info.tenLoai = field(s, s + tl[0].length);
    bump(info.tenLoai);
    const ty = readTrichYeu(zone, s + tl[0].length);
    if (ty.trichYeu) {
      info.trichYeu = field(ty.trichYeu[0], ty.trichYeu[1]);
      bump(info.trichYeu);
    }
    if (ty.thamQuyen) {
      info.thamQuyen = field(ty.thamQuyen[0], ty.thamQuyen[1]);
      bump(info.thamQuyen);
    }
  }

  const kg = zone.includes('Kính gửi') ? KINH_GUI().exec(zone) : null;
  if (kg) {
    info.kinhGui = field(kg.index, trimEndIndex(zone, kg.index, kg.index + kg[0].length));
    bump(info.kinhGui);
  }

  readAgency(zone, from, info, field);
  bump(info.coQuan);
  return { info, end };
}

/** The first tên loại that stands as a heading: in capitals, not inside a sentence. */
/**
 * A tên loại as a word, searched along a zone: made once (a fresh pattern per parse was compiled again each
 * time). Only this g form is made: a second, non-g copy made at load only for its source cost ≈ 85 µs of the
 * server's cold start (V8 parses the pattern when it is made).
 */
const TEN_LOAI_ALL = new RegExp(
  String.raw`(?<![\p{L}])(${TEN_LOAI.map((t) => t.replace(/ /g, String.raw`\s+`)).join('|')})(?![\p{L}])`,
  'gu',
);
function findTenLoai(zone: string): RegExpExecArray | null {
  const re = TEN_LOAI_ALL;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(zone))) {
    const before = zone.slice(Math.max(0, m.index - 12), m.index);
    // Inside "V/v …" or "Số: …" it is not the tên loại; after a lower-case word it is prose.
    if (/\p{Ll}\s*$/u.test(before) && !/\n[ \t|]*$/u.test(before)) continue;
    return m;
  }
  return null;
}

/**
 * The trích yếu follows the tên loại: either in capitals (portal, crawler)
 * or in sentence case on the next lines (Công báo, "V/v"-like "Về việc …").
 * In capitals it may run straight into the authority line ("… NĂM 2015 BỘ
 * TRƯỞNG BỘ TƯ PHÁP") and, in crawler text, into the first sentence of the
 * body, so it is cut at the first word with lower-case letters.
 */
function readTrichYeu(zone: string, at: number): { trichYeu?: [number, number]; thamQuyen?: [number, number] } {
  let i = at;
  // Skip spaces, "|" cells and separator lines.
  for (;;) {
    const m = /^[ \t]*(?:\n[ \t]*|\|[ \t]*)*/u.exec(zone.slice(i));
    if (m && m[0].length) i += m[0].length;
    const sep = /^[-_=–—.*~]{3,}[ \t]*(?=\n|$)/u.exec(zone.slice(i));
    if (sep) {
      i += sep[0].length;
      continue;
    }
    break;
  }
  if (i >= zone.length) return {};
  // Collect lines until a blank line, a separator, a "Căn cứ"/"Kính gửi", or the zone's end.
  const words: { s: number; e: number; caps: boolean; nl: boolean }[] = [];
  const re = /\S+/gu;
  re.lastIndex = i;
  let m: RegExpExecArray | null;
  let prevEnd = i;
  while ((m = re.exec(zone))) {
    const gap = zone.slice(prevEnd, m.index);
    const newlines = (gap.match(/\n/g) ?? []).length;
    if (newlines >= 2 && words.length) break;
    const w = m[0];
    if (w === '|') break;
    if (/^[-_=–—.*~]{3,}$/u.test(w)) break;
    if (w === 'Căn' || w === 'Kính' || /^\((?:Ban|Kèm|kèm)$/u.test(w)) break;
    words.push({ s: m.index, e: m.index + w.length, caps: !HAS_LOWER.test(w), nl: newlines > 0 });
    prevEnd = m.index + w.length;
    if (words.length > 120) break;
  }
  if (!words.length) return {};
  const firstCaps = words[0].caps && HAS_UPPER.test(zone.slice(words[0].s, words[0].e));
  let stop = words.length;
  if (firstCaps) {
    // Capitals: stop at the first word with lower-case letters.
    for (let k = 0; k < words.length; k++) {
      if (!words[k].caps) {
        stop = k;
        break;
      }
    }
  } else {
    // Sentence case: stop at a line in capitals (the authority line) or a line
    // that starts a new kind of text (a sentence ending then a new line).
    for (let k = 1; k < words.length; k++) {
      if (words[k].nl) {
        const lineCaps = lineIsCaps(zone, words[k].s);
        if (lineCaps) {
          stop = k;
          break;
        }
        const prev = zone.slice(words[k - 1].s, words[k - 1].e);
        if (/[.;:]$/u.test(prev)) {
          stop = k;
          break;
        }
      }
    }
  }
  const tyStart = words[0].s;
  let tyEnd = words[stop - 1].e;
  let thamQuyen: [number, number] | undefined;
  if (firstCaps) {
    // The authority line is the last authority phrase of the capitals run, when
    // it does not read as part of the title ("… CỦA BỘ NỘI VỤ").
    const run = zone.slice(tyStart, tyEnd);
    AUTHORITY_RE.lastIndex = 0;
    let last: RegExpExecArray | null = null;
    let a: RegExpExecArray | null;
    while ((a = AUTHORITY_RE.exec(run))) {
      if (a.index === 0) continue;
      if (BEFORE_AUTHORITY_IN_TITLE.test(run.slice(0, a.index))) continue;
      last = a;
    }
    if (last) {
      thamQuyen = [tyStart + last.index, tyEnd];
      tyEnd = trimEndIndex(zone, tyStart, tyStart + last.index);
    } else if (stop === words.length) {
      // The capitals ended at a blank line or a rule: the authority line may stand below it.
      thamQuyen = authorityBelow(zone, tyEnd);
    }
  } else {
    // Sentence-case trích yếu followed (maybe after a blank line or a rule) by the authority line in capitals.
    thamQuyen = authorityBelow(zone, words[stop - 1].e);
  }
  return { trichYeu: tyEnd > tyStart ? [tyStart, tyEnd] : undefined, thamQuyen };
}

/** The authority line in capitals after the line ending at `from`, past blank and rule lines. */
function authorityBelow(zone: string, from: number): [number, number] | undefined {
  // Skip the rest of the line, blank lines and rule lines.
  const skip = /^[^\n]*\n(?:[ \t|]*\n|[ \t]*[-_=–—.*~]{3,}[ \t]*\n)*[ \t]*/u.exec(zone.slice(from));
  if (!skip) return undefined;
  const ls = from + skip[0].length;
  const le = zone.indexOf('\n', ls);
  const line = zone.slice(ls, le < 0 ? zone.length : le);
  AUTHORITY_RE.lastIndex = 0;
  return line.trim() && lineIsCaps(zone, ls) && AUTHORITY_RE.test(line) ? [ls, trimEndIndex(zone, ls, ls + line.length)] : undefined;
}

/** Cơ quan ban hành: the capitals above the Quốc hiệu / Số line; a second agency line below a first is the issuer, the first its parent body. */
function readAgency(zone: string, from: number, info: HeaderInfo, field: (s: number, e: number) => HeaderField): void {
  const limit = Math.min(
    info.quocHieu ? info.quocHieu.range.start : Infinity,
    info.so ? info.so.range.start : Infinity,
    info.diaDanhNgay ? info.diaDanhNgay.range.start : Infinity,
  );
  if (!Number.isFinite(limit)) return;
  const prefix = zone.slice(0, limit - from);
  // Split into lines; keep capitals lines (strip separators and "|").
  const blocks: { s: number; e: number }[][] = [[]];
  let pos = 0;
  for (const raw of prefix.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    // Drop trailing separators on the same line ("BỘ TƯ PHÁP --------").
    const cleaned = raw.replace(/(?<![\s\-_=–—|])[\s\-_=–—|]+$/u, '');
    const lead = raw.length - raw.trimStart().length;
    if (!cleaned.trim() || SEPARATOR_LINE.test(raw)) {
      if (blocks[blocks.length - 1].length) blocks.push([]);
      continue;
    }
    if (HAS_LOWER.test(cleaned) || !HAS_UPPER.test(cleaned)) {
      if (blocks[blocks.length - 1].length) blocks.push([]);
      continue;
    }
    blocks[blocks.length - 1].push({ s: lineStart + lead, e: lineStart + cleaned.length });
  }
  const block = [...blocks].reverse().find((b) => b.length > 0);
  if (!block) return;
  // Merge continuation lines into the previous agency name.
  const names: { s: number; e: number }[] = [];
  for (const l of block) {
    const t = prefix.slice(l.s, l.e).trim();
    if (names.length && AGENCY_CONTINUATION().test(t)) names[names.length - 1].e = l.e;
    else names.push({ ...l });
  }
  const last = names[names.length - 1];
  info.coQuan = field(last.s, last.e);
  if (names.length >= 2) {
    const parent = names[names.length - 2];
    info.coQuanChuQuan = field(parent.s, parent.e);
  }
}

// At module level, where the build writes a g/y literal's \p{…} classes out (scripts/explicit-classes.mjs).
const UPPER_LETTERS = /\p{Lu}/gu;

function lineIsCaps(zone: string, at: number): boolean {
  const lineEnd = zone.indexOf('\n', at);
  const t = zone.slice(at, lineEnd < 0 ? zone.length : lineEnd);
  return !HAS_LOWER.test(t) && (t.match(UPPER_LETTERS) ?? []).length >= 2;
}

function trimEndIndex(s: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s|]/u.test(s[e - 1])) e--;
  return e;
}

/**
 * Folds runs of white space and "|" cell separators into single spaces and
 * trims. Hand-written because it runs on every heading of a 1 MB law: the
 * common case (already folded) returns without building a new string.
 */
export function fold(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isFoldable(s.charCodeAt(start))) start++;
  while (end > start && isFoldable(s.charCodeAt(end - 1))) end--;
  const trimmed = start === 0 && end === s.length ? s : s.slice(start, end);
  // The clean test is one native regex scan: a char-by-char loop here cost a whole pass over a law's text.
  if (!NEEDS_FOLD.test(trimmed)) return trimmed;
  let out = '';
  let space = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isFoldable(c)) {
      space = true;
    } else {
      if (space) out += ' ';
      space = false;
      out += s[i];
    }
  }
  return out;
}

/** A foldable character other than a single space between words (the set isFoldable tests). */
const NEEDS_FOLD = /[\t\n\v\f\r|\u00a0\u2000-\u200a\u3000]| {2}/;

function isFoldable(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x7c || c === 0x0b || c === 0x0c || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}
