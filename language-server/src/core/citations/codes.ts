/**
 * The vocabulary of citations: document types (as named in text and as
 * abbreviated in a ký hiệu), issuer codes with the bodies they stand for, and
 * the legal-force order of Luật 64/2025/QH15 Điều 4. Sources:
 * ../shared/reference/rules.md §1.2 (ND30 Phụ lục III), §2.1, §2.4, §3.
 */

/** Document types as the text names them, normalised ("Nghị định", "Thông tư liên tịch", …). */
export const TYPE_WORDS = [
  'Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Lệnh', 'Sắc lệnh', 'Nghị quyết liên tịch', 'Nghị quyết', 'Nghị định',
  'Quyết định', 'Chỉ thị', 'Thông tư liên tịch', 'Thông tư', 'Văn bản hợp nhất', 'Kế hoạch', 'Công văn', 'Công điện',
  'Thông báo kết luận', 'Thông báo', 'Kết luận', 'Hướng dẫn', 'Chương trình', 'Đề án', 'Báo cáo', 'Tờ trình', 'Quy chế',
  'Quy định', 'Văn bản',
] as const;
export type TypeWord = (typeof TYPE_WORDS)[number];

/** Type words that say nothing about the form ("Văn bản số 12/BNV-VP"): never a type mismatch. */
export const GENERIC_TYPES: ReadonlySet<string> = new Set(['Văn bản', 'Công văn']);

/** Type abbreviations of a ký hiệu → the type they stand for (ND30 Phụ lục III; VBQPPL forms). */
export const TYPE_CODES: Readonly<Record<string, string>> = {
  NĐ: 'Nghị định', NQ: 'Nghị quyết', QĐ: 'Quyết định', CT: 'Chỉ thị', TT: 'Thông tư', TTLT: 'Thông tư liên tịch',
  NQLT: 'Nghị quyết liên tịch', L: 'Lệnh', PL: 'Pháp lệnh', VBHN: 'Văn bản hợp nhất', KH: 'Kế hoạch', TB: 'Thông báo',
  HD: 'Hướng dẫn', KL: 'Kết luận', BC: 'Báo cáo', TTr: 'Tờ trình', CĐ: 'Công điện', CTr: 'Chương trình', ĐA: 'Đề án',
  QC: 'Quy chế', QyĐ: 'Quy định', QĐi: 'Quy định', PA: 'Phương án', DA: 'Dự án', BB: 'Biên bản', HĐ: 'Hợp đồng',
  TC: 'Thông cáo', BGN: 'Bản ghi nhớ', BTT: 'Bản thỏa thuận', GUQ: 'Giấy ủy quyền', GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu', GNP: 'Giấy nghỉ phép', PG: 'Phiếu gửi', PC: 'Phiếu chuyển', PB: 'Phiếu báo', SY: 'Bản sao y',
  TrS: 'Bản trích sao', SL: 'Bản sao lục',
};

/** Which named types a type abbreviation admits ("Thông báo kết luận" is a Thông báo). */
export const TYPE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Thông báo': ['Thông báo', 'Thông báo kết luận'],
  'Nghị quyết': ['Nghị quyết'],
  'Quy định': ['Quy định'],
};

/**
 * Codes whose canonical spelling has lower-case letters: every other code is
 * upper case. "TTG" is a slip for "TTg".
 */
export const MIXED_CASE_CODES: readonly string[] = ['TTg', 'QyĐ', 'CTr', 'TTr', 'TrS', 'QĐi'];
const MIXED_BY_UPPER = new Map(MIXED_CASE_CODES.map((c) => [c.toUpperCase(), c]));

/** The canonical spelling of one ký hiệu segment: known mixed-case codes keep their case, the rest is upper case. */
export function canonicalSegment(seg: string): string {
  const up = seg.toUpperCase();
  return MIXED_BY_UPPER.get(up) ?? up;
}

export interface IssuerInfo {
  /** The code as written in numbers ("CP", "BNV", "QH15"). */
  code: string;
  vi: string;
  en: string;
  /** Last day numbers with this code were issued (ministries merged on 01/3/2025). */
  retired?: string;
  /** First day of the code (ministries created on 01/3/2025). */
  since?: string;
  /** What took over, for the message. */
  successor?: string;
  /** Party body ("/TW", "BCSĐ"): its documents are not VBQPPL. */
  party?: boolean;
}

const MERGED_2025 = '2025-02-28';
const CREATED_2025 = '2025-03-01';

/** Issuer codes of ../shared/reference/rules.md §3 (QH/UBTVQH with khóa are handled by `issuerOf`). */
const ISSUERS: readonly IssuerInfo[] = [
  { code: 'QH', vi: 'Quốc hội', en: 'National Assembly' },
  { code: 'UBTVQH', vi: 'Ủy ban Thường vụ Quốc hội', en: 'National Assembly Standing Committee' },
  { code: 'HĐNN', vi: 'Hội đồng Nhà nước', en: 'Council of State' },
  { code: 'CTN', vi: 'Chủ tịch nước', en: 'President' },
  { code: 'CP', vi: 'Chính phủ', en: 'Government' },
  { code: 'TTg', vi: 'Thủ tướng Chính phủ', en: 'Prime Minister' },
  { code: 'HĐBT', vi: 'Hội đồng Bộ trưởng', en: 'Council of Ministers' },
  { code: 'HĐTP', vi: 'Hội đồng Thẩm phán Tòa án nhân dân tối cao', en: 'Council of Judges of the Supreme People’s Court' },
  { code: 'TANDTC', vi: 'Tòa án nhân dân tối cao', en: 'Supreme People’s Court' },
  { code: 'VKSTC', vi: 'Viện kiểm sát nhân dân tối cao', en: 'Supreme People’s Procuracy' },
  { code: 'VKSNDTC', vi: 'Viện kiểm sát nhân dân tối cao', en: 'Supreme People’s Procuracy' },
  { code: 'KTNN', vi: 'Kiểm toán nhà nước', en: 'State Audit Office' },
  { code: 'VPQH', vi: 'Văn phòng Quốc hội', en: 'Office of the National Assembly' },
  { code: 'VPCTN', vi: 'Văn phòng Chủ tịch nước', en: 'Office of the President' },
  { code: 'VPCP', vi: 'Văn phòng Chính phủ', en: 'Government Office' },
  { code: 'HĐBCQG', vi: 'Hội đồng bầu cử quốc gia', en: 'National Election Council' },
  { code: 'ĐCTUBTWMTTQVN', vi: 'Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', en: 'Presidium of the Vietnam Fatherland Front' },
  { code: 'HĐND', vi: 'Hội đồng nhân dân', en: 'People’s Council' },
  { code: 'UBND', vi: 'Ủy ban nhân dân', en: 'People’s Committee' },
  { code: 'CTUBND', vi: 'Chủ tịch Ủy ban nhân dân', en: 'Chair of the People’s Committee' },
  { code: 'BQP', vi: 'Bộ Quốc phòng', en: 'Ministry of National Defence' },
  { code: 'BCA', vi: 'Bộ Công an', en: 'Ministry of Public Security' },
  { code: 'BNG', vi: 'Bộ Ngoại giao', en: 'Ministry of Foreign Affairs' },
  { code: 'BNV', vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' },
  { code: 'BTP', vi: 'Bộ Tư pháp', en: 'Ministry of Justice' },
  { code: 'BKHĐT', vi: 'Bộ Kế hoạch và Đầu tư', en: 'Ministry of Planning and Investment', retired: MERGED_2025, successor: 'Bộ Tài chính (BTC)' },
  { code: 'BTC', vi: 'Bộ Tài chính', en: 'Ministry of Finance' },
  { code: 'BCT', vi: 'Bộ Công Thương', en: 'Ministry of Industry and Trade' },
  { code: 'BNNPTNT', vi: 'Bộ Nông nghiệp và Phát triển nông thôn', en: 'Ministry of Agriculture and Rural Development', retired: MERGED_2025, successor: 'Bộ Nông nghiệp và Môi trường (BNNMT)' },
  { code: 'BGTVT', vi: 'Bộ Giao thông vận tải', en: 'Ministry of Transport', retired: MERGED_2025, successor: 'Bộ Xây dựng (BXD)' },
  { code: 'BXD', vi: 'Bộ Xây dựng', en: 'Ministry of Construction' },
  { code: 'BTNMT', vi: 'Bộ Tài nguyên và Môi trường', en: 'Ministry of Natural Resources and Environment', retired: MERGED_2025, successor: 'Bộ Nông nghiệp và Môi trường (BNNMT)' },
  { code: 'BTTTT', vi: 'Bộ Thông tin và Truyền thông', en: 'Ministry of Information and Communications', retired: MERGED_2025, successor: 'Bộ Khoa học và Công nghệ (BKHCN)' },
  { code: 'BLĐTBXH', vi: 'Bộ Lao động - Thương binh và Xã hội', en: 'Ministry of Labour, Invalids and Social Affairs', retired: MERGED_2025, successor: 'Bộ Nội vụ (BNV)' },
  { code: 'BVHTTDL', vi: 'Bộ Văn hóa, Thể thao và Du lịch', en: 'Ministry of Culture, Sports and Tourism' },
  { code: 'BKHCN', vi: 'Bộ Khoa học và Công nghệ', en: 'Ministry of Science and Technology' },
  { code: 'BGDĐT', vi: 'Bộ Giáo dục và Đào tạo', en: 'Ministry of Education and Training' },
  { code: 'BYT', vi: 'Bộ Y tế', en: 'Ministry of Health' },
  { code: 'UBDT', vi: 'Ủy ban Dân tộc', en: 'Committee for Ethnic Minority Affairs', retired: MERGED_2025, successor: 'Bộ Dân tộc và Tôn giáo (BDTTG)' },
  { code: 'BNNMT', vi: 'Bộ Nông nghiệp và Môi trường', en: 'Ministry of Agriculture and Environment', since: CREATED_2025 },
  { code: 'BDTTG', vi: 'Bộ Dân tộc và Tôn giáo', en: 'Ministry of Ethnic and Religious Affairs', since: CREATED_2025 },
  { code: 'NHNN', vi: 'Ngân hàng Nhà nước Việt Nam', en: 'State Bank of Vietnam' },
  { code: 'TTCP', vi: 'Thanh tra Chính phủ', en: 'Government Inspectorate' },
  { code: 'TCHQ', vi: 'Tổng cục Hải quan', en: 'General Department of Customs' },
  { code: 'BHXHVN', vi: 'Bảo hiểm xã hội Việt Nam', en: 'Vietnam Social Security' },
  { code: 'TW', vi: 'Ban Chấp hành Trung ương Đảng', en: 'Party Central Committee', party: true },
  { code: 'VPTW', vi: 'Văn phòng Trung ương Đảng', en: 'Party Central Office', party: true },
  { code: 'BCSĐ', vi: 'Ban cán sự đảng', en: 'Party delegation', party: true },
  { code: 'BCS', vi: 'Ban cán sự đảng', en: 'Party delegation', party: true },
  { code: 'TU', vi: 'Tỉnh ủy', en: 'Provincial Party Committee', party: true },
  { code: 'HU', vi: 'Huyện ủy', en: 'District Party Committee', party: true },
  { code: 'ĐU', vi: 'Đảng ủy', en: 'Party Committee', party: true },
  { code: 'BTCTW', vi: 'Ban Tổ chức Trung ương', en: 'Central Organisation Commission', party: true },
  { code: 'BTGTW', vi: 'Ban Tuyên giáo Trung ương', en: 'Central Propaganda Commission', party: true },
  { code: 'UBKTTW', vi: 'Ủy ban Kiểm tra Trung ương', en: 'Central Inspection Commission', party: true },
];

const ISSUER_BY_CODE = new Map(ISSUERS.map((i) => [i.code.toUpperCase(), i]));

/** Terms (khóa) of the Quốc hội by the years their numbers carry, inclusive (a year with an election belongs to both). */
export const QH_TERMS: Readonly<Record<number, [number, number]>> = {
  10: [1997, 2002], 11: [2002, 2007], 12: [2007, 2011], 13: [2011, 2016], 14: [2016, 2021], 15: [2021, 2026], 16: [2026, 2031],
};

/** The issuer a code stands for: "CP", "BNV", "QH15" (khóa 15), "UBTVQH14", "PL-UBTVQH11" parts. */
export function issuerOf(code: string): (IssuerInfo & { term?: number }) | undefined {
  const up = code.toUpperCase();
  const qh = /^(UBTVQH|QHK?|UBPL)(\d{1,2})$/u.exec(up);
  if (qh) {
    const base = ISSUER_BY_CODE.get(qh[1] === 'UBTVQH' ? 'UBTVQH' : 'QH');
    if (base) return { ...base, code: up, term: Number(qh[2]) };
  }
  return ISSUER_BY_CODE.get(up);
}

/** Every issuer code (without khóa), for the bodies named in text. */
export function allIssuers(): readonly IssuerInfo[] {
  return ISSUERS;
}

/**
 * Names of issuing bodies as text says them after "của", longest first, with
 * the codes they stand for. "Bộ trưởng Bộ Nội vụ" and "Bộ Nội vụ" both mean BNV.
 */
export interface IssuerName {
  /** Regex source (whitespace as \s+). */
  pattern: string;
  codes: readonly string[];
  /** Canonical display ("Chính phủ", "Bộ trưởng Bộ Nội vụ"). */
  vi: string;
}

const PERSON_OF: Readonly<Record<string, string>> = {
  NHNN: 'Thống đốc', TTCP: 'Tổng Thanh tra', VPCP: 'Bộ trưởng, Chủ nhiệm', UBDT: 'Bộ trưởng, Chủ nhiệm', KTNN: 'Tổng Kiểm toán',
  TANDTC: 'Chánh án', VKSTC: 'Viện trưởng', VKSNDTC: 'Viện trưởng', TCHQ: 'Tổng cục trưởng', BHXHVN: 'Tổng Giám đốc',
};

function words(s: string): string {
  return s
    .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
    .replace(/ - /gu, '\\s*(?:[-–,]\\s*)?') // one way to split the blanks around the dash
    .replace(/Ủy|Uỷ/gu, '(?:Ủy|Uỷ)')
    .replace(/hóa|hoá/gu, '(?:hóa|hoá)')
    .replace(/Tòa|Toà/gu, '(?:Tòa|Toà)')
    .replace(/ /gu, '\\s+');
}

function buildIssuerNames(): IssuerName[] {
  const out: IssuerName[] = [];
  for (const i of ISSUERS) {
    if (i.code === 'QH' || i.code === 'UBTVQH' || i.code === 'HĐND' || i.code === 'UBND' || i.code === 'CTUBND') continue;
    if (i.code === 'VKSNDTC' || i.code === 'BCS') continue;
    const codes = i.code === 'VKSTC' ? ['VKSTC', 'VKSNDTC'] : i.code === 'BCSĐ' ? ['BCSĐ', 'BCS'] : [i.code];
    if (i.code.startsWith('B') && i.vi.startsWith('Bộ ') && !i.party) {
      out.push({ pattern: `Bộ\\s+trưởng\\s+${words(i.vi)}`, codes, vi: `Bộ trưởng ${i.vi}` });
    }
    const person = PERSON_OF[i.code];
    if (person) out.push({ pattern: `${words(person)}\\s+${words(i.vi)}`, codes, vi: `${person} ${i.vi}` });
    out.push({ pattern: words(i.vi), codes, vi: i.vi });
  }
  out.push(
    { pattern: 'Thủ\\s+tướng(?:\\s+Chính\\s+phủ)?', codes: ['TTg'], vi: 'Thủ tướng Chính phủ' },
    { pattern: 'Ngân\\s+hàng\\s+Nhà\\s+nước', codes: ['NHNN'], vi: 'Ngân hàng Nhà nước Việt Nam' },
    { pattern: 'Thống\\s+đốc\\s+Ngân\\s+hàng\\s+Nhà\\s+nước', codes: ['NHNN'], vi: 'Thống đốc Ngân hàng Nhà nước Việt Nam' },
    { pattern: `${words('Ủy ban Thường vụ Quốc hội')}`, codes: ['UBTVQH'], vi: 'Ủy ban Thường vụ Quốc hội' },
    { pattern: 'Quốc\\s+hội', codes: ['QH'], vi: 'Quốc hội' },
    { pattern: 'Hội\\s+đồng\\s+Chính\\s+phủ', codes: ['CP'], vi: 'Hội đồng Chính phủ' },
    { pattern: 'Bộ\\s+Chính\\s+trị', codes: ['TW'], vi: 'Bộ Chính trị' },
    { pattern: 'Ban\\s+Bí\\s+thư', codes: ['TW'], vi: 'Ban Bí thư' },
    { pattern: 'Ban\\s+Chấp\\s+hành\\s+Trung\\s+ương(?:\\s+Đảng)?', codes: ['TW'], vi: 'Ban Chấp hành Trung ương Đảng' },
    { pattern: `Ban\\s+cán\\s+sự\\s+đảng`, codes: ['BCSĐ', 'BCS'], vi: 'Ban cán sự đảng' },
    { pattern: 'Hội\\s+đồng\\s+Thẩm\\s+phán', codes: ['HĐTP'], vi: 'Hội đồng Thẩm phán Tòa án nhân dân tối cao' },
    { pattern: 'Bộ\\s+Khoa\\s+học,\\s+Công\\s+nghệ\\s+và\\s+Môi\\s+trường', codes: ['BKHCNMT'], vi: 'Bộ Khoa học, Công nghệ và Môi trường' },
    { pattern: 'Bộ\\s+Lao\\s+động,\\s+Thương\\s+binh\\s+và\\s+Xã\\s+hội', codes: ['BLĐTBXH'], vi: 'Bộ Lao động - Thương binh và Xã hội' },
  );
  return out.sort((a, b) => b.pattern.length - a.pattern.length);
}

export const ISSUER_NAMES: readonly IssuerName[] = buildIssuerNames();

/**
 * Local bodies are named with their place: "Ủy ban nhân dân tỉnh Điện Biên",
 * "Hội đồng nhân dân thành phố Hà Nội". The place words are read by the finder.
 */
export const LOCAL_BODY = /(?:(Chủ tịch)\s+)?((?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)(?=\s|$|[,;.)])/uy;

// ---------------------------------------------------------------------------
// Legal force (Luật 64/2025/QH15 Điều 4; 1 = highest)
// ---------------------------------------------------------------------------

export const FORCE_NAMES: Readonly<Record<number, { vi: string; en: string }>> = {
  1: { vi: 'Hiến pháp', en: 'Constitution' },
  2: { vi: 'Luật, Bộ luật, Nghị quyết của Quốc hội', en: 'Law, Code, Resolution of the National Assembly' },
  3: { vi: 'Pháp lệnh, Nghị quyết của Ủy ban Thường vụ Quốc hội', en: 'Ordinance, Resolution of the NA Standing Committee' },
  4: { vi: 'Lệnh, Quyết định của Chủ tịch nước', en: 'Order, Decision of the President' },
  5: { vi: 'Nghị định, Nghị quyết của Chính phủ', en: 'Decree, Resolution of the Government' },
  6: { vi: 'Quyết định của Thủ tướng Chính phủ', en: 'Decision of the Prime Minister' },
  7: { vi: 'Nghị quyết của Hội đồng Thẩm phán TANDTC', en: 'Resolution of the Supreme Court Council of Judges' },
  8: { vi: 'Thông tư', en: 'Circular' },
  9: { vi: 'Thông tư liên tịch', en: 'Joint circular' },
  10: { vi: 'Nghị quyết của HĐND cấp tỉnh', en: 'Resolution of a provincial People’s Council' },
  11: { vi: 'Quyết định của UBND cấp tỉnh', en: 'Decision of a provincial People’s Committee' },
  13: { vi: 'Nghị quyết của HĐND cấp huyện', en: 'Resolution of a district People’s Council' },
  14: { vi: 'Quyết định của UBND cấp huyện', en: 'Decision of a district People’s Committee' },
};

/** What a document is, for the legal-force checks: its type, the codes of its number, its year. */
export interface ForceInput {
  type?: string;
  /** Issuer codes from the number ("CP", "QH15", "UBND") and/or the issuer phrase. */
  issuers: readonly string[];
  /** The number carries a year ("12/2024/QĐ-TTg"): a normative document. */
  hasYear: boolean;
  /** A Quốc hội / UBTVQH number ("64/2025/QH15"). */
  hasNumber: boolean;
}

const has = (codes: readonly string[], re: RegExp) => codes.some((c) => re.test(c));

/**
 * The legal-force level (Luật 64/2025 Điều 4) of a document, or undefined when
 * it is not a VBQPPL (Chỉ thị, Kế hoạch, individual Quyết định, Party
 * documents, Công văn) or cannot be told.
 */
export function legalForce(d: ForceInput): number | undefined {
  const c = d.issuers.map((x) => x.toUpperCase());
  switch (d.type) {
    case 'Hiến pháp':
      return 1;
    case 'Bộ luật':
    case 'Luật':
      return 2;
    case 'Pháp lệnh':
      return 3;
    case 'Lệnh':
      return 4;
    case 'Nghị định':
      return 5;
    case 'Thông tư':
      return 8;
    case 'Thông tư liên tịch':
      return 9;
    case 'Nghị quyết liên tịch':
      return has(c, /^UBTVQH/u) ? 3 : has(c, /^CP$/u) ? 5 : undefined;
    case 'Nghị quyết':
      if (has(c, /^UBTVQH/u)) return 3;
      if (has(c, /^QH/u)) return 2;
      if (!d.hasNumber && has(c, /^QH$/u)) return 2;
      if (has(c, /^CP$/u)) return 5;
      if (has(c, /^HĐTP$/u)) return 7;
      if (has(c, /^HĐND$/u) && d.hasYear) return 10;
      return undefined;
    case 'Quyết định':
      if (!d.hasYear) return undefined; // a year-less number: an individual decision, not a VBQPPL
      if (has(c, /^CTN$/u)) return 4;
      if (has(c, /^TTG$/u)) return 6;
      if (has(c, /^UBND$/u)) return 11;
      return undefined;
    default:
      return undefined;
  }
}
