/**
 * The page and type facts of Nghị định 30/2020/NĐ-CP Phụ lục I (Phần I mục I
 * and the table of Mục V), in one place: the layout rules check against them
 * and the .docx export lays documents out with them.
 */

export const A4 = { widthMm: 210, heightMm: 297 };

/** Allowed margins in millimetres (ND30-PL1 Phần I mục I.4). */
export const MARGINS_MM = {
  top: [20, 25],
  bottom: [20, 25],
  left: [30, 35],
  right: [15, 20],
} as const satisfies Record<string, readonly [number, number]>;

export const FONT = 'Times New Roman';

/** The parts of a document whose type the table of ND30-PL1 Mục V fixes. */
export type Element =
  | 'co-quan-chu-quan'
  | 'co-quan'
  | 'quoc-hieu'
  | 'tieu-ngu'
  | 'so-ky-hieu'
  | 'dia-danh-ngay'
  | 'ten-loai'
  | 'trich-yeu'
  | 'trich-yeu-cong-van'
  | 'kinh-gui'
  | 'can-cu'
  | 'heading'
  | 'dieu'
  | 'body'
  | 'noi-nhan-label'
  | 'noi-nhan-list'
  | 'signature'
  | 'signer-name'
  | 'phu-luc-label'
  | 'phu-luc-title'
  | 'kem-theo';

export interface ElementStyle {
  /** Inclusive size range in points. */
  size: readonly [number, number];
  /** The size the export uses. */
  preferred: number;
  bold?: true;
  italic?: true;
}

export const ELEMENT_STYLE: Record<Element, ElementStyle> = {
  'co-quan-chu-quan': { size: [12, 13], preferred: 13 },
  'co-quan': { size: [12, 13], preferred: 13, bold: true },
  'quoc-hieu': { size: [12, 13], preferred: 13, bold: true },
  'tieu-ngu': { size: [13, 14], preferred: 14, bold: true },
  'so-ky-hieu': { size: [13, 13], preferred: 13 },
  'dia-danh-ngay': { size: [13, 14], preferred: 14, italic: true },
  'ten-loai': { size: [13, 14], preferred: 14, bold: true },
  'trich-yeu': { size: [13, 14], preferred: 14, bold: true },
  'trich-yeu-cong-van': { size: [12, 13], preferred: 13 },
  'kinh-gui': { size: [13, 14], preferred: 14 },
  // ND30-PL1 II.6.a: căn cứ in italics.
  'can-cu': { size: [13, 14], preferred: 14, italic: true },
  // Phần, Chương, Mục, Tiểu mục with their titles; I., II. of a document without Điều.
  heading: { size: [13, 14], preferred: 14, bold: true },
  dieu: { size: [13, 14], preferred: 14, bold: true },
  body: { size: [13, 14], preferred: 14 },
  'noi-nhan-label': { size: [12, 12], preferred: 12, bold: true, italic: true },
  'noi-nhan-list': { size: [11, 11], preferred: 11 },
  signature: { size: [13, 14], preferred: 14, bold: true },
  'signer-name': { size: [13, 14], preferred: 14, bold: true },
  'phu-luc-label': { size: [14, 14], preferred: 14, bold: true },
  'phu-luc-title': { size: [13, 14], preferred: 14, bold: true },
  // "(Kèm theo Quyết định số …)" under a Phụ lục title (ND30-PL1 III.1).
  'kem-theo': { size: [13, 14], preferred: 14, italic: true },
};

/** Vietnamese and English names of the elements, for messages. */
export const ELEMENT_NAME: Record<Element, { vi: string; en: string }> = {
  'co-quan-chu-quan': { vi: 'tên cơ quan chủ quản', en: 'the parent body' },
  'co-quan': { vi: 'tên cơ quan ban hành', en: 'the issuing body' },
  'quoc-hieu': { vi: 'Quốc hiệu', en: 'the Quốc hiệu' },
  'tieu-ngu': { vi: 'Tiêu ngữ', en: 'the Tiêu ngữ' },
  'so-ky-hieu': { vi: 'số, ký hiệu', en: 'the number and symbol' },
  'dia-danh-ngay': { vi: 'địa danh và ngày tháng', en: 'the place and date line' },
  'ten-loai': { vi: 'tên loại văn bản', en: 'the document type' },
  'trich-yeu': { vi: 'trích yếu', en: 'the title (trích yếu)' },
  'trich-yeu-cong-van': { vi: 'trích yếu công văn (V/v)', en: 'the công văn subject (V/v)' },
  'kinh-gui': { vi: 'Kính gửi', en: 'Kính gửi' },
  'can-cu': { vi: 'căn cứ ban hành', en: 'the căn cứ line' },
  heading: { vi: 'tiêu đề phần, chương, mục', en: 'the part, chapter or section heading' },
  dieu: { vi: 'tiêu đề Điều', en: 'the Điều heading' },
  body: { vi: 'nội dung', en: 'the body text' },
  'noi-nhan-label': { vi: '“Nơi nhận:”', en: '“Nơi nhận:”' },
  'noi-nhan-list': { vi: 'danh sách nơi nhận', en: 'the recipient list' },
  signature: { vi: 'quyền hạn, chức vụ người ký', en: 'the signer’s authority and title' },
  'signer-name': { vi: 'họ tên người ký', en: 'the signer’s name' },
  'phu-luc-label': { vi: '“Phụ lục” và số', en: '“Phụ lục” and its number' },
  'phu-luc-title': { vi: 'tiêu đề phụ lục', en: 'the Phụ lục title' },
  'kem-theo': { vi: 'dòng “(Kèm theo …)”', en: 'the “(Kèm theo …)” line' },
};

/** 1 mm in twentieths of a point (the unit of Word's page setup). */
export const TWIPS_PER_MM = 1440 / 25.4;
