/**
 * Getting text in and out of the drafting page: .txt files (read with the
 * encoding they are in, saved as UTF-8), and paste from Word (its plain text,
 * cleaned of the marks Word leaves: CR LF, vertical tabs, soft hyphens, a tab
 * after a list label, table cells as tabs).
 */

export interface DecodedFile {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
  /** Said to the user when the guess may be wrong. */
  note?: string;
}

/** Text files: a BOM decides; else strict UTF-8; else Windows-1258 (the Vietnamese code page of old Windows files). */
export function decodeTextFile(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: new TextDecoder('windows-1258').decode(bytes),
      encoding: 'windows-1258',
      note: 'Tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258. Nếu chữ hiển thị sai (tệp TCVN3/VNI), hãy chuyển tệp sang Unicode bằng Unikey rồi mở lại.',
    };
  }
}

/** A list label at the start of a line, as Word's plain text writes it before a tab: "1.", "a)", "-", "Điều 5.", "II.". */
const LABEL_TAB = /^(\s*(?:Điều\s+\d+[a-zđ]?[.:]|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\d?\)|[-+•–]))\t+/u;

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
export function saveTextFile(doc: Document, name: string, text: string): void {
  const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = /\.txt$/iu.test(name) ? name : `${name}.txt`;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the user pick a .txt file and reads it. */
export function openTextFile(doc: Document): Promise<{ name: string; file: DecodedFile } | undefined> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.txt,.vanban,.md,text/plain';
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return resolve(undefined);
      resolve({ name: f.name, file: decodeTextFile(new Uint8Array(await f.arrayBuffer())) });
    });
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}
