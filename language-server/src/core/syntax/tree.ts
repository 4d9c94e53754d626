import type { SourceText } from '../text/normalize.ts';

/**
 * The structure tree of a document. Plain data: every range is a pair of
 * offsets into the user's ORIGINAL text (UTF-16 units), never into the
 * normalised copy the parser reads.
 */

export interface Range {
  start: number;
  end: number;
}

/** Kinds of the outline contract (../shared/spec/cli.md) plus `quote`. */
export type NodeKind =
  | 'document'
  | 'header'
  | 'preamble'
  | 'can-cu'
  | 'body'
  | 'phan'
  | 'chuong'
  | 'muc'
  | 'tieu-muc'
  | 'dieu'
  | 'khoan'
  | 'diem'
  | 'section'
  | 'item'
  | 'attachment'
  | 'phu-luc'
  | 'table'
  | 'row'
  | 'cell'
  | 'noi-nhan'
  | 'chu-ky'
  /** Quoted amendment content (“2. …”): its units belong to the amended document. */
  | 'quote';

export interface Node {
  kind: NodeKind;
  /** Identity path such as `dieu_5/khoan_2/diem_a` or `attachment_1/section_II/khoan_6`. */
  id: string;
  /** The label as written: "3", "đ", "IV", "2.1", "5a". */
  number?: string;
  /** Heading text (Điều title, section title, attachment title, cell text…), whitespace folded. */
  title?: string;
  /** The whole unit, its sub-units included. */
  range: Range;
  /** Where the label sits ("Điều 5", "a)", "2.1."); the number itself is `numberRange`. */
  labelRange?: Range;
  numberRange?: Range;
  titleRange?: Range;
  children: Node[];
  /** Kind-specific facts. */
  header?: HeaderInfo;
  signature?: SignatureInfo;
  /** `noi-nhan`: one entry per recipient line. `can-cu`/preamble lines use `lines` too. */
  lines?: TextLine[];
  /** `table`: column headings. */
  columns?: string[];
  /** `row`: a group row (I., II. spanning the table). */
  group?: boolean;
  /** `cell`: 0-based column (after merged cells are accounted for). */
  column?: number;
  /** `attachment`/`phu-luc`: the "(Ban hành kèm theo …)" line. */
  issuedWith?: TextLine;
  /** `preamble`: the enactment line ("QUYẾT ĐỊNH:", "Chính phủ ban hành Nghị định …"). */
  enactment?: TextLine;
  /** Marks a structural label written in a form only legal in amending text (Điều 5a, a1)). */
  inserted?: boolean;
}

export interface TextLine {
  text: string;
  range: Range;
}

export interface HeaderField {
  text: string;
  range: Range;
}

export interface HeaderInfo {
  /** Cơ quan chủ quản (the line above the issuing body), when present. */
  coQuanChuQuan?: HeaderField;
  coQuan?: HeaderField;
  quocHieu?: HeaderField;
  tieuNgu?: HeaderField;
  /** The whole "Số: 971/QĐ-BNV" (or "Luật số:") line part. */
  so?: HeaderField & { prefix: string; value: HeaderField };
  /** "Hà Nội, ngày 30 tháng 12 năm 2024". */
  diaDanhNgay?: HeaderField & {
    place?: HeaderField;
    day?: HeaderField;
    month?: HeaderField;
    year?: HeaderField;
  };
  tenLoai?: HeaderField;
  trichYeu?: HeaderField;
  /** "V/v …" of a công văn. */
  vv?: HeaderField;
  kinhGui?: HeaderField;
  /** The authority line above the căn cứ ("BỘ TRƯỞNG BỘ NỘI VỤ"). */
  thamQuyen?: HeaderField;
}

export interface SignatureInfo {
  /** "KT.", "TM.", "Q.", "TL.", "TUQ.", or the old "K/T" as written. */
  prefix?: HeaderField;
  /** The title lines in order: ["BỘ TRƯỞNG", "THỨ TRƯỞNG"]. */
  titles: HeaderField[];
  name?: HeaderField;
}

export type ProblemSeverity = 'error' | 'warning' | 'info' | 'hint';

/** Something the parser noticed while reading: it never throws, it reports. */
export interface ParseProblem {
  code: string;
  message: string;
  range: Range;
  severity: ProblemSeverity;
}

/** Document families that change what the rules expect. */
export type DocType =
  | 'quyet-dinh'
  | 'nghi-dinh'
  | 'nghi-quyet'
  | 'thong-tu'
  | 'thong-tu-lien-tich'
  | 'luat'
  | 'bo-luat'
  | 'phap-lenh'
  | 'lenh'
  | 'chi-thi'
  | 'ke-hoach'
  | 'cong-van'
  | 'to-trinh'
  | 'bao-cao'
  | 'thong-bao'
  | 'huong-dan'
  | 'quy-che'
  | 'quy-dinh'
  | 'chuong-trinh'
  | 'de-an'
  | 'phuong-an'
  | 'bien-ban'
  | 'cong-dien'
  | 'van-ban-hop-nhat'
  | 'unknown';

export interface Document extends Node {
  kind: 'document';
  docType: DocType;
  /** The document has Điều (VBQPPL style) rather than I./1./a) sections. */
  hasArticles: boolean;
  /** A văn bản hợp nhất: its số and date stand in the XÁC THỰC block at the end, not in the header. */
  consolidated: boolean;
  /** Ranges of lines the parser skipped as noise (Công báo page headers, "Ký bởi:" stamps…). */
  noise: Range[];
  /**
   * The lines of `noise` that are a văn bản hợp nhất's footnotes ("[3] Khoản này được
   * sửa đổi, bổ sung theo quy định tại … Luật số 45/2019/QH14"): no structure and no
   * internal references, but their citations are real (amendment evidence).
   */
  footnotes?: Range[];
}

export interface ParseResult {
  tree: Document;
  problems: ParseProblem[];
  /** The normalised text the parser read, with its map back to the original. */
  source: SourceText;
  /**
   * The logical paragraphs after the header, wrapped lines joined (original offsets, in order).
   * Computed on first use; the .docx export lays one Word paragraph per entry.
   */
  readonly paragraphs?: readonly Range[];
}
