/**
 * The documents a text cites by number ("Nghị định số 63/2022/NĐ-CP"), found
 * with the grammar's own citation pattern (grammar/line-tokenizer.ts), so
 * the list shows exactly what the editor colours as a citation. Pure.
 */
import grammarJson from '../../grammar/vanban.tmLanguage.json';
import { createLineTokenizer, type Grammar } from '../../grammar/line-tokenizer.ts';

export interface CitedDocument {
  /** "Nghị định số 63/2022/NĐ-CP", spaces folded. */
  text: string;
  /** The ký hiệu ("63/2022/NĐ-CP"): two citations of the same number are the same document. */
  number: string;
  /** Every place, in order: 0-based line and UTF-16 columns. */
  places: { line: number; start: number; end: number }[];
}

const tokenizer = createLineTokenizer(grammarJson as unknown as Grammar);
const CITATION = 'meta.citation.vanban';
const NUMBER = 'constant.other.ky-hieu.vanban';

/** Cited documents in order of first citation (a citation split over two lines is not joined). */
export function citedDocuments(text: string): CitedDocument[] {
  const byNumber = new Map<string, CitedDocument>();
  let state = tokenizer.initialState;
  text.split(/\r?\n/u).forEach((line, lineNo) => {
    const r = tokenizer.tokenizeLine(line, state);
    state = r.state;
    let current: { start: number; end: number; number?: string } | undefined;
    const flush = () => {
      if (!current?.number) return;
      const shown = line.slice(current.start, current.end).replace(/\s+/gu, ' ');
      let doc = byNumber.get(current.number);
      if (!doc) byNumber.set(current.number, (doc = { text: shown, number: current.number, places: [] }));
      doc.places.push({ line: lineNo, start: current.start, end: current.end });
    };
    for (const tok of r.tokens) {
      if (!tok.scopes.includes(CITATION)) {
        flush();
        current = undefined;
        continue;
      }
      if (current && current.end === tok.start) current.end = tok.end;
      else {
        flush();
        current = { start: tok.start, end: tok.end };
      }
      if (tok.scopes.includes(NUMBER)) current.number = line.slice(tok.start, tok.end);
    }
    flush();
  });
  return [...byNumber.values()];
}
