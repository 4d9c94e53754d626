/**
 * `vanban export --docx IN [-o OUT]`: the document laid out as ND30 Phụ lục I
 * describes, written as a Word file. IN is a text file, `-` (stdin) or a
 * .docx (re-laid out from its text). OUT defaults to IN with a .docx
 * extension; `-o -` writes the bytes to stdout. The file is written to a
 * temporary name first and renamed, so a failed run never leaves half a file.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Options } from './args.ts';
import type { Io } from './check.ts';
import { unreadable } from './check.ts';
import { formatDiagnosticLine, t } from './format.ts';
import { readInput, UsageError, type InputRef } from './input.ts';

export interface ExportIo extends Io {
  /** Binary output (the .docx on stdout with `-o -`). */
  outBytes?: (b: Uint8Array) => void;
}

export async function runExport(o: Options, io: ExportIo): Promise<number> {
  const lang = o.lang;
  if (!o.docx) throw new UsageError(t(lang, 'export cần định dạng đích: --docx', 'export needs a target format: --docx'));
  if (o.paths.length !== 1) throw new UsageError(t(lang, 'export cần đúng một văn bản (tệp hoặc -)', 'export takes exactly one document (file or -)'));
  if (o.fix || o.stdout || o.format !== 'text') throw new UsageError(t(lang, 'export không nhận --fix, --stdout, --format', 'export takes no --fix, --stdout or --format'));
  const input = o.paths[0];
  const ref: InputRef = input === '-' ? { display: '<stdin>' } : { display: input, fsPath: input };
  let out = o.output;
  if (out === undefined) {
    if (ref.fsPath === undefined) throw new UsageError(t(lang, 'đọc từ stdin thì cần -o TỆP (hoặc -o - để in ra stdout)', 'reading stdin needs -o FILE (or -o - for stdout)'));
    const ext = path.extname(input);
    out = (ext ? input.slice(0, -ext.length) : input) + (ext.toLowerCase() === '.docx' ? '.nd30.docx' : '.docx');
  }
  if (ref.fsPath !== undefined && path.resolve(out) === path.resolve(ref.fsPath)) {
    throw new UsageError(t(lang, 'tệp kết quả trùng tệp đầu vào', 'the output file is the input file'));
  }

  const read = await readInput(ref, lang, io.stdin);
  if (!read.ok) {
    io.err(formatDiagnosticLine(ref.display, unreadable(read.message), lang) + '\n');
    return 1;
  }
  const { exportDocx } = await import('../io/docx/export.ts');
  const bytes = await exportDocx(read.text);
  if (out === '-') {
    if (!io.outBytes) throw new UsageError(t(lang, 'không ghi được tệp nhị phân ra stdout', 'cannot write binary output to stdout'));
    io.outBytes(bytes);
    return 0;
  }
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, out);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    io.err(t(lang, `vanban: không ghi được ${out}: ${String(e)}`, `vanban: cannot write ${out}: ${String(e)}`) + '\n');
    return 1;
  }
  io.err(t(lang, `Đã xuất ${out} (${Math.round(bytes.length / 1024)} KB)`, `Wrote ${out} (${Math.round(bytes.length / 1024)} KB)`) + '\n');
  return 0;
}
