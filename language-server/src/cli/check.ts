/** `vanban check [options] PATH...` */
import { writeFile } from 'node:fs/promises';
import type { Diagnostic, Lang } from '../core/diagnostics/diagnostic.ts';
import { checkDocument, fixAll } from '../core/service.ts';
import { createLineIndex } from '../core/text/positions.ts';
import type { Options } from './args.ts';
import {
  emptyCounts,
  formatDiagnosticLine,
  summaryLine,
  t,
  toJsonDiagnostic,
  type JsonDiagnostic,
} from './format.ts';
import { expandInputs, readInput, UsageError, type InputRef } from './input.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
}

interface FileReport {
  path: string;
  diagnostics: JsonDiagnostic[];
}

/** The diagnostic a file that cannot be read or decoded gets. */
export function unreadable(message: string): JsonDiagnostic {
  const zero = { line: 0, character: 0 };
  return { code: 'io/unreadable', severity: 'error', message, range: { start: zero, end: zero }, fixable: false };
}

export async function runCheck(o: Options, io: Io): Promise<number> {
  const lang = o.lang;
  if (o.format === 'sarif') {
    throw new UsageError(t(lang, '--format sarif chưa được hỗ trợ (sẽ có trong bản sau)', '--format sarif is not supported yet (coming next)'));
  }
  if (o.paths.length === 0) throw new UsageError(t(lang, 'check cần ít nhất một PATH (tệp, thư mục hoặc -)', 'check needs at least one PATH (file, folder or -)'));
  if (o.stdout && !o.fix) throw new UsageError(t(lang, '--stdout chỉ dùng cùng --fix', '--stdout is only used with --fix'));
  const { inputs, notes } = await expandInputs(o.paths, lang);
  for (const n of notes) io.err(n);
  if (inputs.length === 0) {
    io.err(t(lang, 'Không có văn bản nào để kiểm tra.', 'No documents to check.'));
    return 2;
  }
  if (o.stdout && inputs.length !== 1) {
    throw new UsageError(t(lang, '--fix --stdout chỉ nhận đúng một văn bản', '--fix --stdout takes exactly one document'));
  }

  const counts = emptyCounts();
  const reports: FileReport[] = [];
  for (const ref of inputs) {
    const report = await checkOne(ref, o, io);
    reports.push(report);
    counts.files++;
    for (const d of report.diagnostics) {
      counts[d.severity]++;
      if (d.fixable) counts.fixable++;
    }
    if (o.format === 'text' && !o.stdout) {
      for (const d of report.diagnostics) io.out(formatDiagnosticLine(report.path, d) + '\n');
    }
  }

  if (o.stdout) {
    // stdout holds the fixed text; what is left goes to stderr.
    for (const r of reports) for (const d of r.diagnostics) io.err(formatDiagnosticLine(r.path, d) + '\n');
  } else if (o.format === 'json') {
    io.out(JSON.stringify({ version: 1, files: reports }, null, 2) + '\n');
  } else {
    io.out(summaryLine(counts, lang) + '\n');
  }
  return counts.error > 0 ? 1 : 0;
}

async function checkOne(ref: InputRef, o: Options, io: Io): Promise<FileReport> {
  const lang: Lang = o.lang;
  const read = await readInput(ref, lang, io.stdin);
  if (!read.ok) return { path: ref.display, diagnostics: [unreadable(read.message)] };
  let text = read.text;

  if (o.fix) {
    const fixed = fixAll(text, { lang });
    if (o.stdout) {
      io.out(fixed.text);
    } else if (ref.fsPath === undefined) {
      io.err(t(lang, 'Không ghi sửa đổi vào stdin; dùng --fix --stdout để in văn bản đã sửa.', 'Fixes are never written to stdin; use --fix --stdout to print the fixed text.') + '\n');
    } else if (fixed.text !== text) {
      try {
        await writeFile(ref.fsPath, (read.bom ? '\ufeff' : '') + fixed.text, 'utf8');
        io.err(t(lang, `${ref.display}: đã sửa ${fixed.applied} chỗ`, `${ref.display}: applied ${fixed.applied} fixes`) + '\n');
        text = fixed.text;
      } catch (e) {
        return { path: ref.display, diagnostics: [unreadable(t(lang, `Không ghi được tệp: ${String(e)}`, `Cannot write the file: ${String(e)}`))] };
      }
    }
    if (o.stdout || ref.fsPath !== undefined) text = fixed.text;
  }

  const result = checkDocument(text, { lang });
  for (const f of result.failures) {
    io.err(t(lang, `${ref.display}: quy tắc ${f.code} gặp lỗi nội bộ: ${String(f.error)}`, `${ref.display}: rule ${f.code} failed: ${String(f.error)}`) + '\n');
  }
  const index = createLineIndex(text);
  return { path: ref.display, diagnostics: result.diagnostics.map((d: Diagnostic) => toJsonDiagnostic(index, d)) };
}
