/**
 * Rule area "header": thể thức of the top of the document (ND30 Phụ lục I
 * mục II.1–II.5): Quốc hiệu and Tiêu ngữ, số ký hiệu, the type abbreviation
 * in the ký hiệu (Phụ lục III), địa danh and date, tên loại and trích yếu.
 *
 * None of these rules runs on a text without a header (a news page, a
 * fragment). Documents dated before 2005 (older numbering rules: "61-CP",
 * "299/TTg") are not held to today's số ký hiệu form.
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import type { HeaderField, HeaderInfo, Range } from '../syntax/tree.ts';
import { headerNode, isConsolidated, isLegacy, kyHieuOf, needsTenLoai, q } from './doc-kind.ts';
import { defineRule, type AnyRule, type RuleContext } from './rule.ts';

/**
 * The header, when the text has one: at least two of its parts (Quốc hiệu,
 * Tiêu ngữ, số, date line, tên loại, cơ quan). A fragment with a lone
 * "Số: …" in it is not a document header.
 */
function headerOf(ctx: RuleContext): { info: HeaderInfo; range: Range } | undefined {
  const h = headerNode(ctx.tree);
  if (!h || !h.header) return undefined;
  const i = h.header;
  // Counted without a list: five rules ask per check.
  const parts = +(i.quocHieu !== undefined) + +(i.tieuNgu !== undefined) + +(i.so !== undefined) + +(i.diaDanhNgay !== undefined) + +(i.tenLoai !== undefined) + +(i.coQuan !== undefined);
  if (parts < 2) return undefined;
  return { info: h.header, range: h.range };
}

/** The original text of a range as the parser reads it: NFC, plain spaces. */
const nfc = (s: string) => s.normalize('NFC').replace(/[\u00a0\u200b-\u200d\u2060\ufeff]/gu, (c) => (c === '\u00a0' ? ' ' : ''));

/** The first line of the header: where "missing" findings point. */
function firstLine(original: string, range: Range): Range {
  let start = range.start;
  while (start < range.end && /\s/u.test(original[start])) start++;
  let end = start;
  while (end < range.end && original[end] !== '\n' && original[end] !== '\r') end++;
  return { start, end: Math.max(end, start) };
}

// ---------------------------------------------------------------------------
// header/quoc-hieu
// ---------------------------------------------------------------------------

const QUOC_HIEU_WORDS = ['CỘNG', 'HÒA', 'XÃ', 'HỘI', 'CHỦ', 'NGHĨA', 'VIỆT', 'NAM'];
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export interface QuocHieuArgs {
  part: 'quoc-hieu' | 'tieu-ngu';
  problem: 'missing' | 'misspelled';
  found: string;
  expected: string;
}

function quocHieuEdits(original: string, f: HeaderField): TextEdit[] | undefined {
  const raw = original.slice(f.range.start, f.range.end);
  const tokens = [...raw.matchAll(/\S+/gu)];
  if (tokens.length !== QUOC_HIEU_WORDS.length) {
    // Replace the whole run (it is on one line: a multi-line one keeps its layout only when tokens line up).
    return /[\r\n]/u.test(raw) ? undefined : [{ range: f.range, newText: QUOC_HIEU_WORDS.join(' ') }];
  }
  const edits: TextEdit[] = [];
  tokens.forEach((m, i) => {
    const want = QUOC_HIEU_WORDS[i];
    const tok = nfc(m[0]);
    if (tok === want || (want === 'HÒA' && tok === 'HOÀ')) return;
    const start = f.range.start + m.index!;
    edits.push({ range: { start, end: start + m[0].length }, newText: want });
  });
  return edits;
}

function quocHieuOk(text: string): boolean {
  return text.replace(/\s+/gu, ' ').trim().replace('HOÀ', 'HÒA') === QUOC_HIEU_WORDS.join(' ');
}

/** "Độc lập - Tự do - Hạnh phúc" with "-" or "–" between the phrases, spaces around it. */
const TIEU_NGU_OK = /^Độc lập ([-–]) Tự do \1 Hạnh phúc$/u;

export const quocHieu = defineRule<QuocHieuArgs>({
  code: 'header/quoc-hieu',
  severity: 'warning',
  description: {
    vi: 'Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” và Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” thiếu hoặc viết sai',
    en: 'National title “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” or motto “Độc lập - Tự do - Hạnh phúc” missing or misspelled',
  },
  message: {
    vi: (a) => {
      const what = a.part === 'quoc-hieu' ? 'Quốc hiệu' : 'Tiêu ngữ';
      return a.problem === 'missing'
        ? `Thiếu ${what} “${a.expected}” (ND30 Phụ lục I mục II.1)`
        : `${what} viết sai: ${q(a.found, 60)}, đúng là “${a.expected}”`;
    },
    en: (a) => {
      const what = a.part === 'quoc-hieu' ? 'National title' : 'Motto';
      return a.problem === 'missing'
        ? `${what} “${a.expected}” is missing (ND30 Appendix I II.1)`
        : `${what} misspelled: ${q(a.found, 60)}, should be “${a.expected}”`;
    },
  },
  fixTitle: { vi: (a) => `Sửa thành “${a.expected}”`, en: (a) => `Change to “${a.expected}”` },
  check(ctx, report) {
    const h = headerOf(ctx);
    if (!h) return;
    let { info } = h;
    const expectedQh = QUOC_HIEU_WORDS.join(' ');
    // The parser knows the usual spellings only; a misspelled line ("CHỦ NGHỈA") is found here.
    const zone = ctx.original.slice(h.range.start, h.range.end);
    const near = (re: RegExp): HeaderField | undefined => {
      const m = re.exec(zone);
      return m ? { text: nfc(m[0]), range: { start: h.range.start + m.index, end: h.range.start + m.index + m[0].length } } : undefined;
    };
    info = {
      ...info,
      quocHieu: info.quocHieu ?? near(/C\S{1,4}NG\s+H\S{1,4}\s+X\S{1,3}\s+H\S{1,4}\s+CH\S{1,4}\s+NGH\S{1,5}\s+VI\S{1,4}\s+NAM/iu),
      tieuNgu: info.tieuNgu ?? near(/Đ\S{1,4}c\s+l\S{1,4}p\s*(?:[-–—]\s*)?T\S{1,3}\s+do\s*(?:[-–—]\s*)?H\S{1,4}nh\s+ph\S{1,3}c/iu),
    };
    if (!info.quocHieu) {
      report({ range: firstLine(ctx.original, h.range), args: { part: 'quoc-hieu', problem: 'missing', found: '', expected: expectedQh } });
    } else if (!quocHieuOk(nfc(ctx.original.slice(info.quocHieu.range.start, info.quocHieu.range.end)))) {
      const found = nfc(ctx.original.slice(info.quocHieu.range.start, info.quocHieu.range.end));
      report({ range: info.quocHieu.range, args: { part: 'quoc-hieu', problem: 'misspelled', found, expected: expectedQh }, edits: quocHieuEdits(ctx.original, info.quocHieu) });
    }
    if (!info.tieuNgu) {
      report({ range: firstLine(ctx.original, h.range), args: { part: 'tieu-ngu', problem: 'missing', found: '', expected: TIEU_NGU } });
    } else {
      const found = nfc(ctx.original.slice(info.tieuNgu.range.start, info.tieuNgu.range.end));
      const folded = found.replace(/\s+/gu, ' ').trim();
      if (!TIEU_NGU_OK.test(folded)) {
        const dash = folded.includes('–') ? '–' : '-';
        const expected = TIEU_NGU.replaceAll('-', dash);
        const edits = /[\r\n]/u.test(found) ? undefined : [{ range: info.tieuNgu.range, newText: expected }];
        report({ range: info.tieuNgu.range, args: { part: 'tieu-ngu', problem: 'misspelled', found, expected }, edits });
      }
    }
  },
});

// ---------------------------------------------------------------------------
// header/so-ky-hieu
// ---------------------------------------------------------------------------

/** Codes of ND30 Phụ lục III (and the Thủ tướng's "TTg") whose lower-case letters are part of the code. */
const MIXED_CASE = new Map(['QyĐ', 'CTr', 'TTr', 'TrS', 'TTg'].map((c) => [c.toUpperCase(), c]));

type SoProblem = 'spaces' | 'zero' | 'case' | 'dash' | 'shape';

export interface SoKyHieuArgs {
  missing: boolean;
  found: string;
  fixed: string;
  problems: SoProblem[];
}

const SO_PROBLEM_VI: Record<SoProblem, string> = {
  spaces: 'có dấu cách bên trong',
  zero: 'số nhỏ hơn 10 thiếu số 0 ở trước',
  case: 'ký hiệu phải viết in hoa',
  dash: 'dùng “-” (gạch nối) giữa các nhóm chữ viết tắt',
  shape: 'không đúng dạng “Số: 05/QĐ-BNV” (“/” giữa số và ký hiệu, “-” giữa các nhóm)',
};
const SO_PROBLEM_EN: Record<SoProblem, string> = {
  spaces: 'has spaces inside',
  zero: 'a number below 10 needs a leading 0',
  case: 'the ký hiệu must be upper case',
  dash: 'use “-” (hyphen) between abbreviation groups',
  shape: 'not of the form “Số: 05/QĐ-BNV” (“/” between number and ký hiệu, “-” between groups)',
};

/** Checks one số ký hiệu value; returns the problems and the corrected text. */
export function checkSoKyHieu(raw: string): { problems: SoProblem[]; fixed: string } {
  const problems = new Set<SoProblem>();
  const slash = raw.indexOf('/');
  // A blank number (a draft before registration: "Số:    /QĐ-BNV", "… /2016/QH14") keeps its blank.
  const numPart = slash < 0 ? raw : raw.slice(0, slash);
  const blank = slash >= 0 && /^[\s.…]*$/u.test(numPart);
  let num = blank ? numPart : numPart.replace(/\s+/gu, '');
  let rest = slash < 0 ? '' : raw.slice(slash);
  if (!blank && /\s/u.test(numPart)) problems.add('spaces');
  if (/\s/u.test(rest)) {
    problems.add('spaces');
    rest = rest.replace(/\s+/gu, '');
  }
  if (/^[1-9]$/u.test(num)) {
    problems.add('zero');
    num = '0' + num;
  }
  if (/[–—]/u.test(rest)) {
    problems.add('dash');
    rest = rest.replace(/[–—]/gu, '-');
  }
  // "/2024/QĐ-TTg" → year, then the groups.
  const m = /^\/(?:(\d{4})\/)?(.*)$/u.exec(rest);
  if (slash < 0 || !m || (!blank && !/^\d+$/u.test(num)) || !/^[\p{L}\d&]+(?:-[\p{L}\d&]+)*$/u.test(m[2])) {
    problems.add('shape');
  } else {
    const groups = m[2].split('-').map((g) => {
      const mixed = MIXED_CASE.get(g.toUpperCase());
      const want = mixed ?? g.toUpperCase();
      if (want !== g) problems.add('case');
      return want;
    });
    rest = '/' + (m[1] ? m[1] + '/' : '') + groups.join('-');
  }
  return { problems: [...problems], fixed: num + rest };
}

export const soKyHieu = defineRule<SoKyHieuArgs>({
  code: 'header/so-ky-hieu',
  severity: 'warning',
  description: {
    vi: 'Dòng “Số: …” thiếu hoặc sai dạng: dấu cách bên trong, số nhỏ hơn 10 thiếu số 0, ký hiệu chữ thường, sai dấu phân cách',
    en: 'The “Số: …” line is missing or malformed: spaces inside, number below 10 without a leading 0, lower-case ký hiệu, wrong separators',
  },
  message: {
    vi: (a) =>
      a.missing
        ? 'Thiếu số, ký hiệu văn bản (dòng “Số: …”, ND30 Phụ lục I mục II.3)'
        : `Số, ký hiệu ${q(a.found)} ${a.problems.map((p) => SO_PROBLEM_VI[p]).join('; ')}` +
          (a.problems.includes('shape') ? '' : `: nên là “${a.fixed}”`),
    en: (a) =>
      a.missing
        ? 'The document number (“Số: …” line, ND30 Appendix I II.3) is missing'
        : `Number ${q(a.found)}: ${a.problems.map((p) => SO_PROBLEM_EN[p]).join('; ')}` +
          (a.problems.includes('shape') ? '' : `; should be “${a.fixed}”`),
  },
  fixTitle: { vi: (a) => `Sửa thành “${a.fixed}”`, en: (a) => `Change to “${a.fixed}”` },
  check(ctx, report) {
    const h = headerOf(ctx);
    if (!h) return;
    const so = h.info.so;
    if (!so) {
      // A văn bản hợp nhất carries its số in the XÁC THỰC block at the end.
      if (!isConsolidated(h.info, ctx.tree)) report({ range: firstLine(ctx.original, h.range), args: { missing: true, found: '', fixed: '', problems: [] } });
      return;
    }
    if (isLegacy(h.info)) return;
    // The parser stops "Số: 15/QĐ- BNV" after the dash: take the group after the space too.
    let valueRange = so.value.range;
    const tail = /^[ \t]+[\p{L}\d&]+(?:-[\p{L}\d&]+)*/u.exec(ctx.original.slice(valueRange.end, valueRange.end + 40));
    if (tail && /[-\/–]$/u.test(ctx.original.slice(valueRange.start, valueRange.end))) valueRange = { start: valueRange.start, end: valueRange.end + tail[0].length };
    const raw = nfc(ctx.original.slice(valueRange.start, valueRange.end));
    const { problems, fixed } = checkSoKyHieu(raw);
    if (problems.length === 0) return;
    const edits = problems.includes('shape') ? undefined : [{ range: valueRange, newText: fixed }];
    report({ range: valueRange, args: { missing: false, found: raw, fixed, problems }, edits });
  },
});

// ---------------------------------------------------------------------------
// header/ky-hieu-loai
// ---------------------------------------------------------------------------

/** Tên loại → the type abbreviations its ký hiệu may carry (ND30 Phụ lục III; VBQPPL forms). "QH" = a Quốc hội / UBTVQH number with no type code. */
const TYPE_CODES_BY_TEN_LOAI: Record<string, string[]> = {
  'QUYẾT ĐỊNH': ['QĐ'],
  'NGHỊ QUYẾT': ['NQ', 'NQLT', 'QH'],
  'NGHỊ ĐỊNH': ['NĐ'],
  'THÔNG TƯ': ['TT'],
  'THÔNG TƯ LIÊN TỊCH': ['TTLT'],
  'LUẬT': ['QH'],
  'BỘ LUẬT': ['QH'],
  'PHÁP LỆNH': ['PL', 'QH'],
  'LỆNH': ['L'],
  'CHỈ THỊ': ['CT'],
  'QUY CHẾ': ['QC'],
  'QUY ĐỊNH': ['QyĐ'],
  'THÔNG CÁO': ['TC'],
  'THÔNG BÁO': ['TB'],
  'HƯỚNG DẪN': ['HD'],
  'CHƯƠNG TRÌNH': ['CTr'],
  'KẾ HOẠCH': ['KH'],
  'PHƯƠNG ÁN': ['PA'],
  'ĐỀ ÁN': ['ĐA'],
  'DỰ ÁN': ['DA'],
  'BÁO CÁO': ['BC'],
  'BIÊN BẢN': ['BB'],
  'TỜ TRÌNH': ['TTr'],
  'HỢP ĐỒNG': ['HĐ'],
  'CÔNG ĐIỆN': ['CĐ'],
  'BẢN GHI NHỚ': ['BGN'],
  'BẢN THỎA THUẬN': ['BTT'],
  'GIẤY ỦY QUYỀN': ['GUQ'],
  'GIẤY MỜI': ['GM'],
  'GIẤY GIỚI THIỆU': ['GGT'],
  'GIẤY NGHỈ PHÉP': ['GNP'],
  'PHIẾU GỬI': ['PG'],
  'PHIẾU CHUYỂN': ['PC'],
  'PHIẾU BÁO': ['PB'],
  'VĂN BẢN HỢP NHẤT': ['VBHN'],
};

/** Every type abbreviation a ký hiệu may start with, upper-cased → as written in the table. */
const TYPE_CODES = new Map(
  [...Object.values(TYPE_CODES_BY_TEN_LOAI).flat().filter((c) => c !== 'QH'), 'SY', 'TrS', 'SL'].map((c) => [c.toUpperCase(), c]),
);

const TYPE_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(TYPE_CODES_BY_TEN_LOAI).flatMap(([name, codes]) => codes.filter((c) => c !== 'QH').map((c) => [c, name])),
);

/** The type part of a ký hiệu: a table code, "QH" for "…/QH15" and "…/UBTVQH11", or undefined (issuer only, like a công văn). */
export function typeCodeOf(kyHieu: string): string | undefined {
  const m = /^[^/]*\/(?:\d{4}\/)?(.+)$/u.exec(kyHieu);
  if (!m) return undefined;
  const groups = m[1].split('-');
  const code = TYPE_CODES.get(groups[0].toUpperCase());
  if (code) return code;
  if (groups.length === 1 && /^(?:UBTV)?QH\d*$/iu.test(groups[0])) return 'QH';
  return undefined;
}

export interface KyHieuLoaiArgs {
  kyHieu: string;
  tenLoai: string;
  found?: string;
  expected: string[];
}

const describeCode = (c: string, lang: 'vi' | 'en') =>
  c === 'QH' ? (lang === 'vi' ? 'số của Quốc hội (…/QHxx)' : 'a Quốc hội number (…/QHxx)') : `“${c}”`;

export const kyHieuLoai = defineRule<KyHieuLoaiArgs>({
  code: 'header/ky-hieu-loai',
  severity: 'error',
  description: {
    vi: 'Chữ viết tắt tên loại trong ký hiệu không khớp với tên loại văn bản (ND30 Phụ lục III)',
    en: 'The document-type abbreviation in the ký hiệu disagrees with the tên loại (ND30 Appendix III)',
  },
  message: {
    vi: (a) =>
      a.found
        ? `Ký hiệu “${a.kyHieu}” mang chữ viết tắt “${a.found}” (${TYPE_NAMES[a.found]?.toLowerCase() ?? a.found}) nhưng tên loại là “${a.tenLoai}”: cần ${a.expected.map((c) => describeCode(c, 'vi')).join(' hoặc ')}`
        : `Ký hiệu “${a.kyHieu}” thiếu chữ viết tắt tên loại của “${a.tenLoai}”: cần ${a.expected.map((c) => describeCode(c, 'vi')).join(' hoặc ')}`,
    en: (a) =>
      a.found
        ? `Ký hiệu “${a.kyHieu}” carries the type abbreviation “${a.found}” but the tên loại is “${a.tenLoai}”: expected ${a.expected.map((c) => describeCode(c, 'en')).join(' or ')}`
        : `Ký hiệu “${a.kyHieu}” lacks the type abbreviation of “${a.tenLoai}”: expected ${a.expected.map((c) => describeCode(c, 'en')).join(' or ')}`,
  },
  check(ctx, report) {
    const h = headerOf(ctx);
    if (!h || !h.info.so || !h.info.tenLoai) return;
    if (isLegacy(h.info) || isConsolidated(h.info, ctx.tree)) return;
    const tenLoai = h.info.tenLoai.text.toUpperCase().replace(/\s+/gu, ' ').replace('THOẢ', 'THỎA').replace('UỶ', 'ỦY');
    const expected = TYPE_CODES_BY_TEN_LOAI[tenLoai];
    if (!expected) return;
    const kyHieu = kyHieuOf(h.info);
    if (!kyHieu.includes('/')) return; // so-ky-hieu reports the shape
    const found = typeCodeOf(kyHieu);
    if (found && expected.includes(found)) return;
    report({ range: h.info.so.value.range, args: { kyHieu, tenLoai: h.info.tenLoai.text, found, expected } });
  },
});

// ---------------------------------------------------------------------------
// header/ngay-thang
// ---------------------------------------------------------------------------

export interface NgayThangArgs {
  problem: 'missing' | 'comma' | 'day-zero' | 'month-zero' | 'impossible';
  found: string;
  fixed: string;
}

const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const ngayThang = defineRule<NgayThangArgs>({
  code: 'header/ngay-thang',
  severity: 'warning',
  description: {
    vi: 'Dòng “‹Địa danh›, ngày … tháng … năm …” thiếu, ngày không có thật, ngày < 10 hoặc tháng 1, 2 thiếu số 0, thiếu dấu phẩy sau địa danh',
    en: 'The “‹Place›, ngày … tháng … năm …” line is missing, the date is impossible, day < 10 or month 1–2 lacks its leading 0, or the comma after the place is missing',
  },
  message: {
    vi: (a) =>
      ({
        missing: 'Thiếu địa danh và thời gian ban hành (“Hà Nội, ngày 05 tháng 01 năm 2020”, ND30 Phụ lục I mục II.4)',
        comma: `Thiếu dấu phẩy sau địa danh ${q(a.found)}: viết “${a.fixed}, ngày …”`,
        'day-zero': `Ngày nhỏ hơn 10 phải có số 0 ở trước: “ngày ${a.found}” → “ngày ${a.fixed}”`,
        'month-zero': `Tháng 1, 2 phải có số 0 ở trước: “tháng ${a.found}” → “tháng ${a.fixed}”`,
        impossible: `Ngày không có thật: ${q(a.found)}`,
      })[a.problem],
    en: (a) =>
      ({
        missing: 'Place and date of issue are missing (“Hà Nội, ngày 05 tháng 01 năm 2020”, ND30 Appendix I II.4)',
        comma: `Missing comma after the place ${q(a.found)}: write “${a.fixed}, ngày …”`,
        'day-zero': `A day below 10 needs a leading 0: “ngày ${a.found}” → “ngày ${a.fixed}”`,
        'month-zero': `Months 1 and 2 need a leading 0: “tháng ${a.found}” → “tháng ${a.fixed}”`,
        impossible: `Impossible date: ${q(a.found)}`,
      })[a.problem],
  },
  fixTitle: {
    vi: (a) => (a.problem === 'comma' ? 'Thêm dấu phẩy sau địa danh' : `Sửa thành “${a.fixed}”`),
    en: (a) => (a.problem === 'comma' ? 'Add the comma after the place' : `Change to “${a.fixed}”`),
  },
  check(ctx, report) {
    const h = headerOf(ctx);
    if (!h) return;
    const d = h.info.diaDanhNgay;
    if (!d) {
      if (!isConsolidated(h.info, ctx.tree)) report({ range: firstLine(ctx.original, h.range), args: { problem: 'missing', found: '', fixed: '' } });
      return;
    }
    const { original } = ctx;
    if (d.place) {
      const after = original.slice(d.place.range.end, d.place.range.end + 8);
      if (!/^\s*,/u.test(after)) {
        report({
          range: d.place.range,
          args: { problem: 'comma', found: d.place.text, fixed: d.place.text },
          edits: [{ range: { start: d.place.range.end, end: d.place.range.end }, newText: ',' }],
        });
      }
    }
    const day = d.day && /^\d{1,2}$/u.test(d.day.text) ? Number(d.day.text) : undefined;
    const month = d.month && /^\d{1,2}$/u.test(d.month.text) ? Number(d.month.text) : undefined;
    const year = d.year ? Number(d.year.text) : undefined;
    if (day !== undefined && month !== undefined && year !== undefined) {
      if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) {
        report({ range: d.range, args: { problem: 'impossible', found: d.text, fixed: '' } });
        return;
      }
    }
    if (d.day && day !== undefined && day < 10 && d.day.text.length === 1) {
      report({ range: d.day.range, args: { problem: 'day-zero', found: d.day.text, fixed: '0' + d.day.text }, edits: [{ range: d.day.range, newText: '0' + d.day.text }] });
    }
    if (d.month && month !== undefined && month <= 2 && d.month.text.length === 1) {
      report({ range: d.month.range, args: { problem: 'month-zero', found: d.month.text, fixed: '0' + d.month.text }, edits: [{ range: d.month.range, newText: '0' + d.month.text }] });
    }
  },
});

// ---------------------------------------------------------------------------
// header/ten-loai
// ---------------------------------------------------------------------------

export interface TenLoaiArgs {
  problem: 'ten-loai' | 'trich-yeu' | 'vv';
  tenLoai?: string;
}

export const tenLoai = defineRule<TenLoaiArgs>({
  code: 'header/ten-loai',
  severity: 'warning',
  description: {
    vi: 'Thiếu tên loại (QUYẾT ĐỊNH, KẾ HOẠCH, …) hoặc trích yếu; công văn thiếu “V/v”',
    en: 'Tên loại (QUYẾT ĐỊNH, KẾ HOẠCH, …) or trích yếu missing; a công văn lacks “V/v”',
  },
  message: {
    vi: (a) =>
      ({
        'ten-loai': 'Thiếu tên loại văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, …; ND30 Phụ lục I mục II.5)',
        'trich-yeu': `Tên loại “${a.tenLoai}” thiếu trích yếu nội dung ở dòng dưới (ND30 Phụ lục I mục II.5)`,
        vv: 'Công văn thiếu trích yếu “V/v …” dưới số, ký hiệu (ND30 Phụ lục I mục II.5)',
      })[a.problem],
    en: (a) =>
      ({
        'ten-loai': 'The document type line (QUYẾT ĐỊNH, KẾ HOẠCH, …; ND30 Appendix I II.5) is missing',
        'trich-yeu': `Tên loại “${a.tenLoai}” has no trích yếu (summary) below it (ND30 Appendix I II.5)`,
        vv: 'The công văn has no “V/v …” summary under its number (ND30 Appendix I II.5)',
      })[a.problem],
  },
  check(ctx, report) {
    const h = headerOf(ctx);
    if (!h) return;
    const { info } = h;
    const docType = ctx.tree.docType;
    if (docType === 'cong-van') {
      if (!info.vv && !info.trichYeu) report({ range: info.so?.range ?? firstLine(ctx.original, h.range), args: { problem: 'vv' } });
      return;
    }
    if (!needsTenLoai(docType)) return;
    if (!info.tenLoai) {
      report({ range: firstLine(ctx.original, h.range), args: { problem: 'ten-loai' } });
    } else if (!info.trichYeu && docType !== 'lenh') {
      report({ range: info.tenLoai.range, args: { problem: 'trich-yeu', tenLoai: info.tenLoai.text } });
    }
  },
});

export const headerRules: readonly AnyRule[] = [quocHieu, soKyHieu, kyHieuLoai, ngayThang, tenLoai];
