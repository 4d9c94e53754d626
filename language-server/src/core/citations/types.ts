/**
 * A citation of another document, as found in a text. Plain data; every range
 * is a pair of offsets into the user's ORIGINAL text (UTF-16 units).
 */
import type { Range } from '../syntax/tree.ts';
import type { FormatProblem, NumberParts } from './number.ts';

export interface Span {
  /** As written, whitespace folded to single spaces. */
  text: string;
  range: Range;
}

export type CitationKind =
  /** A state document with a số ký hiệu ("Nghị định số 63/2022/NĐ-CP …"). */
  | 'document'
  /** A Party document ("Nghị quyết số 27-NQ/TW", "Kết luận số 48/KL-TW"). */
  | 'party'
  /** A law, code or ordinance cited by its name ("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Bộ luật Hình sự"). */
  | 'law'
  /** A short name the text defined ("Nghị định số 115" after "(sau đây gọi tắt là Nghị định số 115)"). */
  | 'short';

/** Where in the document the citation sits. */
/** `note`: inside a publisher's editorial note "[… được hướng dẫn bởi …]", not the document's own text. */
export type CitationContext = 'header' | 'can-cu' | 'issued-with' | 'table' | 'noi-nhan' | 'note' | 'text';

export interface CitationNumber extends Span {
  canonical: string;
  /** Lookup key (upper case, no leading zeros): equal keys mean the same number. */
  key: string;
  parts: NumberParts;
  /** Spaces, case, dash variants, line breaks inside the number as written. */
  problems: FormatProblem[];
}

export interface CitationDate extends Span {
  /** "2022-09-12" as stated (even when impossible). */
  iso: string;
  valid: boolean;
  form: 'numeric' | 'words';
}

export interface CitationIssuer extends Span {
  /** The body as named, canonical where known ("Chính phủ", "Bộ trưởng Bộ Nội vụ", "Ủy ban nhân dân tỉnh Điện Biên"). */
  name: string;
  /** Issuer codes it stands for ("CP"; "BNV"; "UBND"); empty when the body is not known. */
  codes: string[];
}

export interface Citation {
  /** Position in the document's list (0-based, text order). */
  index: number;
  kind: CitationKind;
  /** The citation from its type word (or number) through its date and issuer; the trích yếu has its own range. */
  range: Range;
  /** The type word as written, normalised ("Nghị định"); inferred from the ký hiệu when the text names none. */
  type?: Span & { canonical: string; inferred?: boolean };
  number?: CitationNumber;
  date?: CitationDate;
  /** "năm 2022" of a law cited by name and year. */
  year?: Span & { value: number };
  issuer?: CitationIssuer;
  /** Trích yếu ("quy định chức năng, nhiệm vụ …", "về việc …"). */
  title?: Span;
  /** The name of a law cited by name ("Luật Tổ chức Chính phủ"). */
  name?: Span;
  /** "(sửa đổi)" after a law name: a draft that amends it. */
  draft?: boolean;
  /**
   * What document this is, for grouping and lookups: the number key
   * ("63/2022/NĐ-CP"), or for a law by name "luật tổ chức chính phủ|2015"
   * (name folded, year when stated).
   */
  key: string;
  /** "khoản 2 Điều 5" in "khoản 2 Điều 5 của Nghị định số …" (handed over by the references layer). */
  pinpoint?: Span;
  /** The short name this citation defines: "(sau đây gọi tắt là Nghị định số 115)". */
  defines?: Span;
  /** For `short` citations and parenthesised repeats: the citation that gave the full form. */
  shortOf?: number;
  /** "được sửa đổi, bổ sung bởi Luật số …": the citations that amend this one, in this text. */
  amendedBy?: number[];
  /** This citation is one of the amending documents of that citation. */
  amends?: number;
  /** The relation phrase that precedes it in the text ("thay thế", "bãi bỏ", "được thay thế bởi", "sửa đổi, bổ sung một số điều của"). */
  relation?: string;
  context: CitationContext;
  /** The document cites itself ("(Kèm theo Quyết định số 971/QĐ-BNV …)"). */
  self?: boolean;
}
