/**
 * Getting text in and out of the drafting page: .txt files (read through
 * io/encoding, the CLI's own decoder: UTF-8/16/32, Windows-1258, and a clear
 * word about TCVN3/VNI or binary files; saved as UTF-8), and paste from Word (its plain text,
 * cleaned of the marks Word leaves: CR LF, vertical tabs, soft hyphens, a tab
 * after a list label, table cells as tabs).
 */
import { decodeDocument, MAX_DOCUMENT_BYTES, tooLarge, type Decoded } from '../../../language-server/src/io/encoding.ts';

/** A list label at the start of a line, as Word's plain text writes it before a tab: "1.", "a)", "-", "Điều 5.", "II.". */
const LABEL_TAB = /^(\s*(?:Điều\s+\d+[a-zđ]?[.:]|[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\d?\)|[-+•–]))\t+/u;

/** Word's plain text of a selection, made into the text a drafter would have typed. */
export function cleanWordText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/gu, '\n')
    .replace(/\u000b/gu, '\n') // Shift+Enter in Word
    .replace(/\u00ad/gu, '') // soft hyphen
    .replace(/\u000c/gu, '\n') // page break
    .split('\n');
  return lines
    .map((line) => {
      const labelled = line.replace(LABEL_TAB, (_, label: string) => `${label} `);
      // Cells of a Word table arrive separated by tabs: write the row the way the checker reads tables.
      if (labelled.includes('\t')) {
        const cells = labelled.split('\t').map((c) => c.trim());
        return `| ${cells.join(' | ')} |`;
      }
      return labelled.replace(/[ \t]+$/u, '');
    })
    .join('\n');
}

/** Offers `text` as a download named `name` (no permission needed: an <a download>). */
export function saveTextFile(doc: Document, name: string, text: string, type = 'text/plain'): void {
  download(doc, name, new Blob([text], { type: `${type};charset=utf-8` }));
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Offers the draft as a Word file laid out as Nghị định 30 Phụ lục I describes (io/docx/export.ts). */
export async function saveDocxFile(doc: Document, name: string, text: string): Promise<void> {
  // Loaded on first use: the page does not carry the Word writer until it is asked for.
  const { exportDocx } = await import('../../../language-server/src/io/docx/export.ts');
  const bytes = await exportDocx(text);
  download(doc, name.replace(/\.[^.]+$/u, '') + '.docx', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }));
}

function download(doc: Document, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the user pick a .txt (or .docx) file and decodes it. */
export function openTextFile(doc: Document): Promise<{ name: string; file: Decoded } | undefined> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.txt,.vanban,.md,.docx,text/plain';
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return resolve(undefined);
      if (f.size > MAX_DOCUMENT_BYTES) return resolve({ name: f.name, file: tooLarge(f.size) });
      resolve({ name: f.name, file: await decodeFile(f.name, new Uint8Array(await f.arrayBuffer())) });
    });
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

/** A text file through io/encoding; a Word file (.docx, or any zip) through its text view (io/docx/read.ts). */
export async function decodeFile(name: string, bytes: Uint8Array): Promise<Decoded> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip && !/\.docx$/iu.test(name)) return decodeDocument(bytes);
  const { DocxError, readDocx } = await import('../../../language-server/src/io/docx/read.ts');
  try {
    return { ok: true, text: (await readDocx(bytes)).text, encoding: 'utf-8', bom: false };
  } catch (e) {
    const message = e instanceof DocxError ? { vi: e.vi, en: e.en } : { vi: `Không đọc được tệp Word: ${String(e)}`, en: `Cannot read the Word file: ${String(e)}` };
    return { ok: false, kind: 'binary', detail: 'docx', message };
  }
}
