/**
 * Which kind of document this is, from its tên loại, else from the type
 * abbreviation in its số ký hiệu (ND30 Phụ lục III), else from the structure.
 */
import type { DocType, Document, HeaderInfo } from './tree.ts';

const BY_TEN_LOAI: Record<string, DocType> = {
  'QUYẾT ĐỊNH': 'quyet-dinh', 'NGHỊ ĐỊNH': 'nghi-dinh', 'NGHỊ QUYẾT': 'nghi-quyet', 'THÔNG TƯ LIÊN TỊCH': 'thong-tu-lien-tich',
  'THÔNG TƯ': 'thong-tu', 'LUẬT': 'luat', 'BỘ LUẬT': 'bo-luat', 'PHÁP LỆNH': 'phap-lenh', 'LỆNH': 'lenh', 'CHỈ THỊ': 'chi-thi',
  'KẾ HOẠCH': 'ke-hoach', 'TỜ TRÌNH': 'to-trinh', 'BÁO CÁO': 'bao-cao', 'THÔNG BÁO': 'thong-bao', 'HƯỚNG DẪN': 'huong-dan',
  'QUY CHẾ': 'quy-che', 'QUY ĐỊNH': 'quy-dinh', 'CHƯƠNG TRÌNH': 'chuong-trinh', 'ĐỀ ÁN': 'de-an', 'PHƯƠNG ÁN': 'phuong-an',
  'BIÊN BẢN': 'bien-ban', 'CÔNG ĐIỆN': 'cong-dien', 'VĂN BẢN HỢP NHẤT': 'van-ban-hop-nhat', 'CÔNG VĂN': 'cong-van',
};

const BY_ABBREVIATION: Record<string, DocType> = {
  'QĐ': 'quyet-dinh', 'NĐ': 'nghi-dinh', 'NQ': 'nghi-quyet', 'TT': 'thong-tu', 'TTLT': 'thong-tu-lien-tich', 'CT': 'chi-thi',
  'KH': 'ke-hoach', 'TTr': 'to-trinh', 'BC': 'bao-cao', 'TB': 'thong-bao', 'HD': 'huong-dan', 'QC': 'quy-che', 'QyĐ': 'quy-dinh',
  'CTr': 'chuong-trinh', 'ĐA': 'de-an', 'PA': 'phuong-an', 'BB': 'bien-ban', 'CĐ': 'cong-dien', 'VBHN': 'van-ban-hop-nhat',
};

export function docTypeOf(header: HeaderInfo | undefined, doc: Document): DocType {
  const tl = header?.tenLoai?.text.toUpperCase().replace(/\s+/gu, ' ');
  if (tl && BY_TEN_LOAI[tl]) return BY_TEN_LOAI[tl];
  const so = header?.so?.value.text ?? '';
  if (header?.so?.prefix.startsWith('Luật')) return 'luat';
  if (header?.so?.prefix.startsWith('Bộ luật')) return 'bo-luat';
  // "971/QĐ-BNV", "63/2022/NĐ-CP": the part after the last "/" up to "-".
  const m = /\/([^\/\-\s]+)-[^\/\s]*$/u.exec(so.replace(/\s+/gu, ''));
  if (m && BY_ABBREVIATION[m[1]]) return BY_ABBREVIATION[m[1]];
  // "2739/VPCP-ĐMDN": no type abbreviation at all: a công văn.
  if (/^\d+\/[^\/][^\/-]*-[^\/]+$/u.test(so.replace(/\s+/gu, '')) || header?.vv || header?.kinhGui) return 'cong-van';
  void doc;
  return 'unknown';
}
