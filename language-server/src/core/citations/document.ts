/**
 * What a document says about itself in its header: number, type, issuing
 * body, date, trích yếu. Used by the citation checks (the citing document's
 * date) and by the registry (each document of a workspace is an entry).
 * Ranges are original-text offsets.
 */
import { AttachedMemo } from '../attached-memo.ts';
import { headerNode } from '../rules/doc-kind.ts';
import type { DocType, ParseResult, Range } from '../syntax/tree.ts';
import { allIssuers, issuerOf } from './codes.ts';
import { isoDate, validDate } from './date.ts';
import { parseNumber, type ParsedNumber } from './number.ts';
import { foldSpace } from './text.ts';

export interface DocumentInfo {
  number?: ParsedNumber & { range: Range };
  /** "Nghị định", "Quyết định" (from the tên loại or the ký hiệu). */
  type?: string;
  /** "2024-12-30" when the header's date is complete and valid. */
  date?: string;
  dateRange?: Range;
  /** The issuing body as the header names it ("BỘ NỘI VỤ"), whitespace folded. */
  issuer?: string;
  issuerRange?: Range;
  /** Issuer codes (from the ký hiệu, else from the body's name). */
  issuerCodes: string[];
  title?: string;
  titleRange?: Range;
}

const TYPE_OF_DOC: Partial<Record<DocType, string>> = {
  'quyet-dinh': 'Quyết định', 'nghi-dinh': 'Nghị định', 'nghi-quyet': 'Nghị quyết', 'thong-tu': 'Thông tư',
  'thong-tu-lien-tich': 'Thông tư liên tịch', luat: 'Luật', 'bo-luat': 'Bộ luật', 'phap-lenh': 'Pháp lệnh', lenh: 'Lệnh',
  'chi-thi': 'Chỉ thị', 'ke-hoach': 'Kế hoạch', 'cong-van': 'Công văn', 'to-trinh': 'Tờ trình', 'bao-cao': 'Báo cáo',
  'thong-bao': 'Thông báo', 'huong-dan': 'Hướng dẫn', 'quy-che': 'Quy chế', 'quy-dinh': 'Quy định', 'chuong-trinh': 'Chương trình',
  'de-an': 'Đề án', 'cong-dien': 'Công điện', 'van-ban-hop-nhat': 'Văn bản hợp nhất',
};

export function typeOfDoc(docType: DocType): string | undefined {
  return TYPE_OF_DOC[docType];
}

const CACHE = new AttachedMemo<ParseResult, DocumentInfo>('documentInfo');

export function documentInfo(parse: ParseResult): DocumentInfo {
  const hit = CACHE.get(parse);
  if (hit) return hit;
  const info = read(parse);
  CACHE.set(parse, info);
  return info;
}

function read(parse: ParseResult): DocumentInfo {
  const h = headerNode(parse.tree)?.header;
  const info: DocumentInfo = { issuerCodes: [] };
  if (!h) return info;
  if (h.so) {
    const n = parseNumber(h.so.value.text);
    if (n) info.number = { ...n, range: h.so.value.range };
  }
  info.type = typeOfDoc(parse.tree.docType) ?? info.number?.parts.type;
  const d = h.diaDanhNgay;
  const [day, month, year] = [Number(d?.day?.text), Number(d?.month?.text), Number(d?.year?.text)];
  if (d && validDate(year, month, day)) {
    info.date = isoDate(year, month, day);
    info.dateRange = d.range;
  }
  if (h.coQuan) {
    info.issuer = foldSpace(h.coQuan.text);
    info.issuerRange = h.coQuan.range;
  }
  const fromNumber = (info.number?.parts.issuers ?? []).filter((c) => issuerOf(c));
  info.issuerCodes = fromNumber.length > 0 ? fromNumber : codesOfBody(info.issuer ?? '');
  const title = h.trichYeu ?? h.vv;
  if (title) {
    info.title = foldSpace(title.text).replace(/^V\/v\s*/u, '');
    info.titleRange = title.range;
  }
  return info;
}

/** "BỘ NỘI VỤ" → ["BNV"], "CHÍNH PHỦ" → ["CP"]: a header's body in capitals matched against the known names. */
export function codesOfBody(body: string): string[] {
  const up = foldSpace(body).toUpperCase().replace(/UỶ/gu, 'ỦY').replace(/HOÁ/gu, 'HÓA');
  if (!up) return [];
  if (/HỘI ĐỒNG NHÂN DÂN/u.test(up)) return ['HĐND'];
  if (/ỦY BAN NHÂN DÂN/u.test(up)) return ['UBND'];
  if (/^THỦ TƯỚNG/u.test(up)) return ['TTg'];
  const all = allIssuers();
  for (const i of all) if (up === i.vi.toUpperCase()) return [i.code];
  // "BỘ TRƯỞNG BỘ NỘI VỤ": the longest known name it ends with ("ỦY BAN THƯỜNG VỤ QUỐC HỘI" before "QUỐC HỘI").
  const ends = all.filter((i) => up.endsWith(' ' + i.vi.toUpperCase())).sort((a, b) => b.vi.length - a.vi.length);
  return ends.length > 0 ? [ends[0].code] : [];
}
