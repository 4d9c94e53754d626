/**
 * .docx in the CLI: read through its text view (io/docx), checked with the
 * layout rules on, diagnostics located by paragraph ("đoạn 12 “…”") since
 * line numbers of a text view mean nothing to a Word user.
 */
import type { Diagnostic, Lang } from '../core/diagnostics/diagnostic.ts';
import { paragraphAt, paragraphPreview, type LayoutModel } from '../core/layout/model.ts';
import { t } from './format.ts';
import type { ReadResult } from './input.ts';

/** A zip container (what a .docx is), told by its first bytes. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readDocxInput(bytes: Uint8Array, lang: Lang): Promise<ReadResult> {
  // Loaded on first use: checking plain text does not pay for the zip and XML readers.
  const { DocxError, readDocx } = await import('../io/docx/read.ts');
  try {
    const { text, layout } = await readDocx(bytes);
    return { ok: true, text, encoding: 'utf-8', bom: false, bytes, layout };
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, message: lang === 'en' ? e.en : e.vi };
    return { ok: false, message: t(lang, `Không đọc được tệp .docx: ${String(e)}`, `Cannot read the .docx: ${String(e)}`) };
  }
}

export interface ParagraphRef {
  /** 1-based, as `đoạn N`; 0 for a footnote. */
  index: number;
  preview: string;
  footnote?: number;
  table?: { index: number; row: number; cell: number };
}

/** The Word paragraph a diagnostic starts in. */
export function paragraphRef(layout: LayoutModel, text: string, offset: number): ParagraphRef | undefined {
  const p = paragraphAt(layout, offset);
  if (!p) return undefined;
  const ref: ParagraphRef = { index: p.index, preview: paragraphPreview(text, p) };
  if (p.footnote) ref.footnote = p.footnote;
  if (p.table) ref.table = { index: p.table.index, row: p.table.row, cell: p.table.cell };
  return ref;
}

/** "đoạn 12 “Điều 3. Chánh Văn phòng…”", "bảng 2, hàng 3, ô 1", "chú thích 4". */
export function describeParagraph(ref: ParagraphRef, lang: Lang): string {
  if (ref.footnote) return t(lang, `chú thích ${ref.footnote} “${ref.preview}”`, `footnote ${ref.footnote} “${ref.preview}”`);
  const where = t(lang, `đoạn ${ref.index}`, `paragraph ${ref.index}`);
  const table = ref.table ? t(lang, `, bảng ${ref.table.index} hàng ${ref.table.row} ô ${ref.table.cell}`, `, table ${ref.table.index} row ${ref.table.row} cell ${ref.table.cell}`) : '';
  return `${where}${table} “${ref.preview}”`;
}

/** Fixes edit text; a .docx is only read, so its diagnostics carry none. */
export function withoutFixes(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map(({ fix: _fix, ...d }) => d);
}
