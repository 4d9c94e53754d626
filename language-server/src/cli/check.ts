/** `vanban check [options] PATH...` */
import { writeFile } from 'node:fs/promises';
import type { Diagnostic, Lang } from '../core/diagnostics/diagnostic.ts';
import { checkDocument, fixAll, type CheckOptions } from '../core/service.ts';
import { RULES } from '../core/rules/registry.ts';
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
import { ConfigLoader, type LoadedConfig } from './config-file.ts';
import { fileLevelResult, sarifLog, sarifRules, toSarifResults, type SarifResult } from './sarif.ts';

declare const VANBAN_VERSION: string | undefined;
const VERSION = typeof VANBAN_VERSION === 'string' ? VANBAN_VERSION : '0.0.0-dev';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
}

interface FileReport {
  path: string;
  diagnostics: JsonDiagnostic[];
  /** SARIF results (only with --format sarif). */
  sarif?: SarifResult[];
}

interface Run {
  o: Options;
  io: Io;
  configs: ConfigLoader;
  /** Config files already reported (their one diagnostic is shown once). */
  reportedConfigs: Set<string>;
  rules: ReturnType<typeof sarifRules>;
}

/** The diagnostic a file that cannot be read or decoded gets. */
export function unreadable(message: string): JsonDiagnostic {
  const zero = { line: 0, character: 0 };
  return { code: 'io/unreadable', severity: 'error', message, range: { start: zero, end: zero }, fixable: false };
}

export async function runCheck(o: Options, io: Io): Promise<number> {
  const lang = o.lang;
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
  const run: Run = { o, io, configs: new ConfigLoader(lang, o.config), reportedConfigs: new Set(), rules: sarifRules(RULES, lang) };
  // The summary speaks the language of --lang, else of the first document's config.
  let summaryLang: Lang | undefined = o.langGiven ? o.lang : undefined;
  for (const ref of inputs) {
    const loaded = await run.configs.forDocument(ref.fsPath);
    summaryLang ??= loaded.config.lang ?? o.lang;
    const configReport = configDiagnostics(run, loaded);
    const report = await checkOne(ref, run, loaded);
    for (const r of configReport ? [configReport, report] : [report]) {
      reports.push(r);
      for (const d of r.diagnostics) {
        counts[d.severity]++;
        if (d.fixable) counts.fixable++;
      }
      if (o.format === 'text' && !o.stdout) {
        for (const d of r.diagnostics) io.out(formatDiagnosticLine(r.path, d) + '\n');
      }
    }
    counts.files++;
  }

  if (o.stdout) {
    // stdout holds the fixed text; what is left goes to stderr.
    for (const r of reports) for (const d of r.diagnostics) io.err(formatDiagnosticLine(r.path, d) + '\n');
  } else if (o.format === 'json') {
    io.out(JSON.stringify({ version: 1, files: reports.map(({ sarif: _s, ...r }) => r) }, null, 2) + '\n');
  } else if (o.format === 'sarif') {
    const results = reports.flatMap((r) => r.sarif ?? []);
    io.out(JSON.stringify(sarifLog(VERSION, run.rules.descriptors, results, lang), null, 2) + '\n');
  } else {
    io.out(summaryLine(counts, summaryLang ?? lang) + '\n');
  }
  return counts.error > 0 ? 1 : 0;
}

/** The config file's one diagnostic, as a report of its own, the first time that file is used. */
function configDiagnostics(run: Run, loaded: LoadedConfig): FileReport | undefined {
  if (!loaded.file || loaded.diagnostics.length === 0 || run.reportedConfigs.has(loaded.file)) return undefined;
  run.reportedConfigs.add(loaded.file);
  const zero = { line: 0, character: 0 };
  const diagnostics: JsonDiagnostic[] = loaded.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: { start: zero, end: zero }, fixable: false }));
  const report: FileReport = { path: loaded.file, diagnostics };
  if (run.o.format === 'sarif') report.sarif = diagnostics.map((d) => fileLevelResult(loaded.file!, d.code, d.severity, d.message, run.rules.index));
  return report;
}

async function checkOne(ref: InputRef, run: Run, loaded: LoadedConfig): Promise<FileReport> {
  const { o, io } = run;
  const lang: Lang = o.langGiven ? o.lang : (loaded.config.lang ?? o.lang);
  const options: CheckOptions = { lang, rules: loaded.config.rules, docType: loaded.config.docType };
  const read = await readInput(ref, lang, io.stdin);
  if (!read.ok) {
    const d = unreadable(read.message);
    return { path: ref.display, diagnostics: [d], sarif: o.format === 'sarif' ? [fileLevelResult(ref.display, d.code, d.severity, d.message, run.rules.index)] : undefined };
  }
  let text = read.text;

  if (o.fix) {
    const fixed = fixAll(text, options);
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

  const result = checkDocument(text, options);
  for (const f of result.failures) {
    io.err(t(lang, `${ref.display}: quy tắc ${f.code} gặp lỗi nội bộ: ${String(f.error)}`, `${ref.display}: rule ${f.code} failed: ${String(f.error)}`) + '\n');
  }
  const index = createLineIndex(text);
  const report: FileReport = { path: ref.display, diagnostics: result.diagnostics.map((d: Diagnostic) => toJsonDiagnostic(index, d)) };
  if (o.format === 'sarif') report.sarif = toSarifResults(index, ref.display, result.diagnostics, run.rules.index);
  return report;
}
