/**
 * The open documents, kept in sync with the client by full or incremental
 * changes. Every notification is checked before it touches a document: a
 * change for a document that is not open, a version that does not increase,
 * or a range outside the text is refused with a reason (the caller logs it)
 * and the document stays as it was.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { DocumentSnapshot } from '../core/language-service.ts';
import { rememberChangedSpan, spanOfEdit } from '../core/language-service/text-change.ts';

export type Refusal = { ok: false; reason: string };
export type Outcome = { ok: true } | Refusal;

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  open(uri: string, languageId: string, version: number, text: string): void {
    const doc = TextDocument.create(uri, languageId, version, text);
    // Its line offsets, computed now while the first check is paid for: else the first keystroke computes
    // them (a scan of the whole text, ≈ 5 ms of a 1 MB document's first edit).
    void doc.lineCount;
    this.docs.set(uri, doc);
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): Outcome {
    const doc = this.docs.get(uri);
    if (!doc) return { ok: false, reason: `didChange for a document that is not open: ${uri}` };
    if (version <= doc.version) return { ok: false, reason: `didChange for ${uri} with version ${version}, not above the current ${doc.version}: ignored` };
    const lineCount = doc.lineCount;
    for (const c of changes) {
      if ('range' in c && c.range) {
        const { start, end } = c.range;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
          return { ok: false, reason: `didChange for ${uri}: a range ends before it starts (${fmt(start)}–${fmt(end)}); document left at version ${doc.version}` };
        }
        // Incremental changes apply in order, so only the first can be checked against the current text.
        if (c === changes[0] && (start.line >= lineCount + 1 || end.line >= lineCount + 1)) {
          return { ok: false, reason: `didChange for ${uri}: range ${fmt(start)}–${fmt(end)} is outside the document (${lineCount} lines); document left at version ${doc.version}` };
        }
      }
    }
    const only = changes.length === 1 ? changes[0] : undefined;
    const range = only && TextDocumentContentChangeEvent.isIncremental(only) ? only.range : undefined;
    const old = doc.getText();
    const at = range && { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], version);
    // One edit: its span is found around it, so that the checks after need not compare the two texts (≈ 0.2 ms on 1 MB).
    if (at) {
      const text = doc.getText();
      rememberChangedSpan(old, text, spanOfEdit(old, text, at.start, at.end));
    }
    return { ok: true };
  }

  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** The document as the language service takes it (the same string object until the next change). */
  snapshot(uri: string): DocumentSnapshot | undefined {
    const doc = this.docs.get(uri);
    return doc ? { uri, version: doc.version, text: doc.getText() } : undefined;
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  version(uri: string): number | undefined {
    return this.docs.get(uri)?.version;
  }
}

const fmt = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
