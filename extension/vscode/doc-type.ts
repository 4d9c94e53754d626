/**
 * The type of a document for the status bar: the `vanban.docType` setting
 * when it names one, else what the parser reads from the header. Pure.
 */
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import type { DocType } from '../../language-server/src/core/syntax/tree.ts';
import { DOC_TYPE_LABELS } from './messages.ts';

/** Beyond this size only the start is read: the type is in the header. */
const HEAD_CHARS = 32 * 1024;

export function docTypeOf(text: string, setting: string | undefined): DocType {
  if (setting && setting !== 'auto' && setting in DOC_TYPE_LABELS) return setting as DocType;
  return parseDocument(text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text).tree.docType;
}
