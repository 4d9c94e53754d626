/**
 * Legal force (Luật 64/2025/QH15 Điều 4) of a cited document and of the
 * document being checked, from type word, ký hiệu and issuer.
 */
import type { DocType, HeaderInfo } from '../syntax/tree.ts';
import { legalForce } from './codes.ts';
import { parseNumber } from './number.ts';
import type { Citation } from './types.ts';

/** The level of a cited document (1 = Hiến pháp), or undefined when it is not a VBQPPL or cannot be told. */
export function forceOfCitation(c: Citation): number | undefined {
  const type = c.type?.inferred && c.number?.parts.type ? c.number.parts.type : (c.type?.canonical ?? c.number?.parts.type);
  if (c.kind === 'party') return undefined;
  const issuers = [...(c.number?.parts.issuers ?? []), ...(c.issuer?.codes ?? [])];
  const parts = c.number?.parts;
  // "Văn bản số …" / "Công văn số …" say nothing: the ký hiệu's type decides.
  const named = type === 'Văn bản' ? parts?.type : type;
  return legalForce({ type: named, issuers, hasYear: parts?.year !== undefined, hasNumber: !!parts });
}

/** Is a cited document one that can never be a căn cứ of a VBQPPL (Chỉ thị, Kế hoạch, Công văn, Party documents…)? */
export function isNeverVbqppl(c: Citation): boolean {
  if (c.kind === 'party') return true;
  const type = c.type?.canonical;
  if (type && ['Chỉ thị', 'Kế hoạch', 'Công văn', 'Công điện', 'Thông báo', 'Thông báo kết luận', 'Kết luận', 'Hướng dẫn', 'Báo cáo', 'Tờ trình', 'Chương trình', 'Đề án'].includes(type)) {
    return true;
  }
  // An individual decision: a year-less "1091/QĐ-BNV".
  return type === 'Quyết định' && !!c.number && c.number.parts.year === undefined && c.number.parts.kind === 'state';
}

const TYPE_OF_DOC: Partial<Record<DocType, string>> = {
  luat: 'Luật', 'bo-luat': 'Bộ luật', 'phap-lenh': 'Pháp lệnh', lenh: 'Lệnh', 'nghi-dinh': 'Nghị định', 'nghi-quyet': 'Nghị quyết',
  'quyet-dinh': 'Quyết định', 'thong-tu': 'Thông tư', 'thong-tu-lien-tich': 'Thông tư liên tịch',
};

/** The level of the document being checked, from its tên loại and "Số:" line. */
export function documentForce(docType: DocType, header: HeaderInfo | undefined): number | undefined {
  const type = TYPE_OF_DOC[docType];
  if (!type) return undefined;
  const so = header?.so?.value.text ?? '';
  const parsed = so ? parseNumber(so) : undefined;
  const issuers = [...(parsed?.parts.issuers ?? [])];
  const body = `${header?.coQuan?.text ?? ''} ${header?.thamQuyen?.text ?? ''}`.toUpperCase();
  if (/HỘI ĐỒNG NHÂN DÂN/u.test(body)) issuers.push('HĐND');
  if (/ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN/u.test(body)) issuers.push('UBND');
  return legalForce({ type, issuers, hasYear: parsed?.parts.year !== undefined, hasNumber: !!parsed });
}
