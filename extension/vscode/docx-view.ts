/**
 * The pure half of Word support in the editor: which URI shows a .docx as
 * text (`vanban-docx:` + the file's path, the file's URI in the query), and
 * the layout diagnostics of such a text — the layout/ rules of the core run
 * on the layout model the .docx reader builds; the other rules come from the
 * language server, which receives the text view like any document.
 */
import type { Lang } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { paragraphAt, paragraphPreview, type LayoutModel } from '../../language-server/src/core/layout/model.ts';
import { layoutRules } from '../../language-server/src/core/rules/layout.ts';
import { runRuleSet } from '../../language-server/src/core/run-rules.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

export const DOCX_SCHEME = 'vanban-docx';

/** The text view's URI for a .docx URI (both as strings): the name shows in the tab, the query keeps the file. */
export function docxViewUri(fileUri: string, path: string): { scheme: string; path: string; query: string } {
  return { scheme: DOCX_SCHEME, path, query: encodeURIComponent(fileUri) };
}

/** The .docx behind a text view's query. */
export function docxFileOf(query: string): string | undefined {
  try {
    const s = decodeURIComponent(query);
    return s.includes(':') ? s : undefined;
  } catch {
    return undefined;
  }
}

export interface PlainDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  start: number;
  end: number;
}

/** The layout/ diagnostics of a .docx's text view, each message ending with the paragraph it is in. */
export function layoutDiagnostics(text: string, layout: LayoutModel, lang: Lang, rules?: Readonly<Record<string, PlainDiagnostic['severity'] | 'off'>>): PlainDiagnostic[] {
  const { diagnostics } = runRuleSet(parseDocument(text), { layout, lang, rules, parseProblems: false }, layoutRules);
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, start: d.range.start, end: d.range.end }));
}

/** "đoạn 12 “Điều 3. Chánh…”": how the Problems panel names the Word paragraph of a text-view offset. */
export function paragraphLabel(text: string, layout: LayoutModel, offset: number, lang: Lang): string | undefined {
  const p = paragraphAt(layout, offset);
  if (!p) return undefined;
  const preview = paragraphPreview(text, p);
  if (p.footnote) return lang === 'en' ? `footnote ${p.footnote} “${preview}”` : `chú thích ${p.footnote} “${preview}”`;
  return lang === 'en' ? `paragraph ${p.index} “${preview}”` : `đoạn ${p.index} “${preview}”`;
}
