/**
 * The client's own words (prompts, status bar, pickers), Vietnamese first and
 * English on request, in the language the `vanban.lang` setting asks for —
 * the same setting the server's diagnostics follow. Command titles and setting
 * descriptions live in package.nls*.json (VS Code picks those by its display
 * language). Pure.
 */
import type { DocType } from '../../language-server/src/core/syntax/tree.ts';

export type Lang = 'vi' | 'en';

/** `vanban.lang` ("auto", "vi", "en") and VS Code's display language ("en", "vi", "fr"…) → the client's language. */
export function clientLang(setting: unknown, displayLanguage: string): Lang {
  if (setting === 'vi' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

const MESSAGES = {
  pickTemplate: { vi: 'Chọn mẫu văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục III)', en: 'Choose a document model (Decree 30/2020/NĐ-CP, Appendix III)' },
  pickDocType: { vi: 'Loại văn bản của các văn bản trong thư mục này', en: 'Document type for the documents of this folder' },
  docTypeAuto: { vi: 'Tự động (theo tên loại và số ký hiệu)', en: 'Automatic (from the type name and the number)' },
  docTypeSet: { vi: 'Đã đặt loại văn bản: {0}', en: 'Document type set: {0}' },
  noVanbanEditor: { vi: 'Hãy mở một văn bản (chế độ “Văn bản”) trước.', en: 'Open a document in the “Văn bản” language mode first.' },
  noCitations: { vi: 'Văn bản không trích dẫn văn bản nào có số ký hiệu.', en: 'The document cites no document by number.' },
  pickCitation: { vi: '{0} văn bản được trích dẫn — chọn để đến chỗ trích dẫn đầu tiên', en: '{0} cited documents — pick one to go to its first citation' },
  citationCount: { vi: '{0} lần', en: '{0} times' },
  lineN: { vi: 'dòng {0}', en: 'line {0}' },
  nothingToFix: { vi: 'Không có lỗi nào sửa tự động được.', en: 'Nothing can be fixed automatically.' },
  nothingToRenumber: { vi: 'Đánh số đã liên tục: không có gì để đánh số lại.', en: 'The numbering is already consecutive: nothing to renumber.' },
  renumbered: { vi: 'Đã đánh số lại ({0} chỗ).', en: 'Renumbered ({0} places).' },
  fixed: { vi: 'Đã sửa: {0}.', en: 'Fixed: {0}.' },
  serverNotReady: { vi: 'Máy chủ ngôn ngữ vanban chưa sẵn sàng.', en: 'The vanban language server is not ready.' },
  checkingWorkspace: { vi: 'Đang kiểm tra các văn bản trong thư mục làm việc…', en: 'Checking the documents of the workspace…' },
  checkedWorkspace: { vi: 'Đã kiểm tra {0} văn bản: {1} lỗi, {2} cảnh báo.', en: 'Checked {0} documents: {1} errors, {2} warnings.' },
  noWorkspace: { vi: 'Chưa mở thư mục làm việc nào.', en: 'No folder is open.' },
  noDocuments: { vi: 'Không tìm thấy văn bản nào (.vanban, .vbhc, hoặc .txt/.md có dạng văn bản hành chính).', en: 'No document found (.vanban, .vbhc, or .txt/.md that look like administrative documents).' },
  askPlainText: { vi: '“{0}” có vẻ là văn bản hành chính. Mở ở chế độ Văn bản để kiểm tra thể thức?', en: '“{0}” looks like an administrative document. Open it in the Văn bản mode to check it?' },
  askYes: { vi: 'Mở ở chế độ Văn bản', en: 'Use Văn bản mode' },
  askNo: { vi: 'Không', en: 'No' },
  askNever: { vi: 'Không hỏi lại', en: 'Never ask again' },
  statusTooltip: { vi: 'Văn bản: {0} — {1} lỗi, {2} cảnh báo. Bấm để chọn loại văn bản.', en: 'Document: {0} — {1} errors, {2} warnings. Click to choose the document type.' },
  statusName: { vi: 'Loại văn bản và số lỗi (vanban)', en: 'Document type and problems (vanban)' },
  docxSaveLabel: { vi: 'Xuất ra Word', en: 'Export to Word' },
  docxExported: { vi: 'Đã xuất {0} (trình bày theo Nghị định 30).', en: 'Exported {0} (Decree 30 layout).' },
  docxOpenFile: { vi: 'Mở tệp', en: 'Open the file' },
  docxOpenLabel: { vi: 'Kiểm tra', en: 'Check' },
  docxUnreadable: { vi: 'Không đọc được tệp Word: {0}', en: 'Cannot read the Word file: {0}' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** The message in `lang`, with {0}, {1}… replaced by `args`. */
export function t(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return MESSAGES[key][lang].replace(/\{(\d+)\}/gu, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** Names of the document types, as the status bar and the picker show them. */
export const DOC_TYPE_LABELS: Record<DocType, { vi: string; en: string }> = {
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'nghi-dinh': { vi: 'Nghị định', en: 'Decree' },
  'nghi-quyet': { vi: 'Nghị quyết', en: 'Resolution' },
  'thong-tu': { vi: 'Thông tư', en: 'Circular' },
  'thong-tu-lien-tich': { vi: 'Thông tư liên tịch', en: 'Joint circular' },
  luat: { vi: 'Luật', en: 'Law' },
  'bo-luat': { vi: 'Bộ luật', en: 'Code' },
  'phap-lenh': { vi: 'Pháp lệnh', en: 'Ordinance' },
  lenh: { vi: 'Lệnh', en: 'Order' },
  'chi-thi': { vi: 'Chỉ thị', en: 'Directive' },
  'ke-hoach': { vi: 'Kế hoạch', en: 'Plan' },
  'cong-van': { vi: 'Công văn', en: 'Official letter' },
  'to-trinh': { vi: 'Tờ trình', en: 'Submission' },
  'bao-cao': { vi: 'Báo cáo', en: 'Report' },
  'thong-bao': { vi: 'Thông báo', en: 'Notice' },
  'huong-dan': { vi: 'Hướng dẫn', en: 'Guidance' },
  'quy-che': { vi: 'Quy chế', en: 'Regulation' },
  'quy-dinh': { vi: 'Quy định', en: 'Rules' },
  'chuong-trinh': { vi: 'Chương trình', en: 'Programme' },
  'de-an': { vi: 'Đề án', en: 'Scheme' },
  'phuong-an': { vi: 'Phương án', en: 'Option plan' },
  'bien-ban': { vi: 'Biên bản', en: 'Minutes' },
  'cong-dien': { vi: 'Công điện', en: 'Official telegram' },
  'van-ban-hop-nhat': { vi: 'Văn bản hợp nhất', en: 'Consolidated text' },
  unknown: { vi: 'Chưa rõ loại', en: 'Unknown type' },
};
