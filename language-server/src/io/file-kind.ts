/**
 * Files that are not text at all: recognised by their first bytes so the
 * user is told what they gave ("a Word 97–2003 .doc") and what to do, rather
 * than "not valid UTF-8".
 */
import type { Message } from './message.ts';

interface Signature {
  kind: string;
  magic: readonly number[];
  message: Message;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  {
    kind: 'pdf',
    magic: ascii('%PDF-'),
    message: {
      vi: 'Tệp PDF, không phải văn bản thuần: hãy dùng tệp .docx gốc, hoặc sao chép nội dung PDF ra một tệp .txt (UTF-8)',
      en: 'A PDF file, not plain text: use the original .docx, or copy the PDF text into a .txt file (UTF-8)',
    },
  },
  {
    kind: 'zip',
    magic: [0x50, 0x4b, 0x03, 0x04],
    message: {
      vi: 'Tệp nén ZIP (có thể là .docx, .xlsx hoặc .odt bị đặt sai đuôi tên): hãy đặt đúng đuôi .docx, hoặc lưu văn bản dạng .txt (UTF-8)',
      en: 'A ZIP archive (maybe a .docx, .xlsx or .odt with the wrong extension): name it .docx, or save the document as .txt (UTF-8)',
    },
  },
  {
    kind: 'ole',
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    message: {
      vi: 'Tệp Word 97–2003 (.doc) hoặc Excel cũ (.xls): hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx hoặc “Văn bản thuần (UTF-8)”',
      en: 'A Word 97–2003 (.doc) or old Excel (.xls) file: open it in Word or LibreOffice and save it as .docx or as plain text (UTF-8)',
    },
  },
  {
    kind: 'rtf',
    magic: ascii('{\\rtf'),
    message: {
      vi: 'Tệp RTF: hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx hoặc “Văn bản thuần (UTF-8)”',
      en: 'An RTF file: open it in Word or LibreOffice and save it as .docx or as plain text (UTF-8)',
    },
  },
  ...(
    [
      ['png', [0x89, 0x50, 0x4e, 0x47]],
      ['jpeg', [0xff, 0xd8, 0xff]],
      ['gif', ascii('GIF8')],
      ['tiff', [0x49, 0x49, 0x2a, 0x00]],
      ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
    ] as const
  ).map(([kind, magic]) => ({
    kind,
    magic,
    message: {
      vi: `Tệp ảnh (${kind.toUpperCase()}), không phải văn bản: cần nhận dạng chữ (OCR) rồi lưu dạng .txt (UTF-8) hoặc .docx`,
      en: `An image (${kind.toUpperCase()}), not text: run text recognition (OCR) and save the result as .txt (UTF-8) or .docx`,
    },
  })),
];

export const BINARY_MESSAGE: Message = {
  vi: 'Tệp nhị phân, không phải văn bản: vanban đọc tệp văn bản (.txt, .md, .vanban) mã hoá UTF-8',
  en: 'A binary file, not text: vanban reads text files (.txt, .md, .vanban) in UTF-8',
};

/** The known non-text format these bytes start with, if any. */
export function knownBinary(bytes: Uint8Array): Signature | undefined {
  return SIGNATURES.find((s) => s.magic.length <= bytes.length && s.magic.every((b, i) => bytes[i] === b));
}

/**
 * True when a sample looks binary: NUL bytes, or more than 1 in 20 bytes
 * being control characters that text does not use (tab, line feed, carriage
 * return, form feed and ESC aside). UTF-16 is ruled out before this is asked.
 */
export function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls * 20 > sample.length;
}
