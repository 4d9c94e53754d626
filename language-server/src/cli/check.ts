/** `vanban check [options] PATH...` */
import { parseDocument } from '../core/syntax/parse.ts';
import type { ParseResult } from '../core/syntax/tree.ts';
import type { Registry } from '../core/registry/index.ts';
import { configRegistryFiles, registryForRun } from './registry-files.ts';
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
import { expandInputs, readInput, UsageError, type InputRef, type ReadResult } from './input.ts';
import { replaceIfUnchanged } from './safe-write.ts';
import { encodeText } from '../io/encoding.ts';
import { paragraphRef, withoutFixes } from './docx.ts';
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
  /** The documents of this run (their headers join the registry), and the registries made so far by config. */
  workspace: { name: string; parse: ParseResult }[];
  registries: Map<string, Promise<Registry>>;
}

/** The run's registry for a document: embedded < its config's "registry" files and --registry < the run's documents. */
function registryFor(run: Run, loaded: LoadedConfig): Promise<Registry> {
  const extra = configRegistryFiles(loaded.file, loaded.config.registry);
  const key = extra.join('\n');
  let r = run.registries.get(key);
  if (!r) {
    r = registryForRun(run.o, run.io, run.workspace, extra);
    run.registries.set(key, r);
  }
  return r;
}

/** Two or more documents are a workspace: each one's header is a registry entry for the others. */
async function readWorkspace(inputs: readonly InputRef[], lang: Lang, io: Io): Promise<{ name: string; parse: ParseResult }[]> {
  if (inputs.length < 2) return [];
  const out: { name: string; parse: ParseResult }[] = [];
  for (const ref of inputs) {
    if (ref.fsPath === undefined) continue;
    const read = await readInput(ref, lang, io.stdin);
    if (read.ok) out.push({ name: ref.display, parse: parseDocument(read.text) });
  }
  return out;
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
  const run: Run = {
    o, io, configs: new ConfigLoader(lang, o.config), reportedConfigs: new Set(), rules: sarifRules(RULES, lang),
    workspace: await readWorkspace(inputs, lang, io), registries: new Map(),
  };
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
        for (const d of r.diagnostics) io.out(formatDiagnosticLine(r.path, d, o.lang) + '\n');
      }
    }
    counts.files++;
  }

  if (o.stdout) {
    // stdout holds the fixed text; what is left goes to stderr.
    for (const r of reports) for (const d of r.diagnostics) io.err(formatDiagnosticLine(r.path, d, o.lang) + '\n');
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
  const options: CheckOptions = { lang, rules: loaded.config.rules, docType: loaded.config.docType, registry: await registryFor(run, loaded), asOf: o.date };
  const read = await readInput(ref, lang, io.stdin);
  if (!read.ok) {
    const d = unreadable(read.message);
    return { path: ref.display, diagnostics: [d], sarif: o.format === 'sarif' ? [fileLevelResult(ref.display, d.code, d.severity, d.message, run.rules.index)] : undefined };
  }
  let text = read.text;
  if (read.layout) options.layout = read.layout;
  const notes: JsonDiagnostic[] = read.notice ? [fileNote('io/encoding', 'info', read.notice)] : [];
  if (!text.trim()) {
    notes.push(fileNote('io/empty', 'warning', t(lang, 'Tệp rỗng: không có gì để kiểm tra', 'Empty file: nothing to check')));
    if (o.fix && o.stdout) io.out(text);
    return { path: ref.display, diagnostics: notes, sarif: o.format === 'sarif' ? notes.map((d) => fileLevelResult(ref.display, d.code, d.severity, d.message, run.rules.index)) : undefined };
  }

  if (o.fix && read.layout) {
    io.err(t(lang, `${ref.display}: tệp .docx chỉ được đọc, không sửa tự động; hãy sửa trong Word`, `${ref.display}: a .docx is only read, never fixed; fix it in Word`) + '\n');
  } else if (o.fix) {
    const fixed = fixAll(text, options);
    if (o.stdout) {
      io.out(fixed.text);
      text = fixed.text;
    } else if (ref.fsPath === undefined) {
      io.err(t(lang, 'Không ghi sửa đổi vào stdin; dùng --fix --stdout để in văn bản đã sửa.', 'Fixes are never written to stdin; use --fix --stdout to print the fixed text.') + '\n');
    } else if (fixed.text !== text) {
      const written = await writeFixed(ref, read, fixed.text, lang);
      if (written.ok) {
        io.err(t(lang, `${ref.display}: đã sửa ${fixed.applied} chỗ`, `${ref.display}: applied ${fixed.applied} fixes`) + '\n');
        text = fixed.text;
      } else {
        // Nothing written: report on the text as read, with why.
        notes.push(fileNote('io/unwritable', 'error', written.message));
      }
    }
  }

  const result = checkDocument(text, options);
  for (const f of result.failures) {
    io.err(t(lang, `${ref.display}: quy tắc ${f.code} gặp lỗi nội bộ: ${String(f.error)}`, `${ref.display}: rule ${f.code} failed: ${String(f.error)}`) + '\n');
  }
  // A .docx is only read: its diagnostics carry no fix, and each names its Word paragraph.
  const diagnostics = read.layout ? withoutFixes(result.diagnostics) : result.diagnostics;
  const index = createLineIndex(text);
  const json = diagnostics.map((d: Diagnostic) => {
    const j = toJsonDiagnostic(index, d);
    const para = read.layout && paragraphRef(read.layout, text, d.range.start);
    if (para) j.paragraph = para;
    return j;
  });
  const report: FileReport = { path: ref.display, diagnostics: [...notes, ...json] };
  if (o.format === 'sarif') {
    report.sarif = [
      ...notes.map((d) => fileLevelResult(ref.display, d.code, d.severity, d.message, run.rules.index)),
      ...toSarifResults(index, ref.display, diagnostics, run.rules.index),
    ];
  }
  return report;
}

/** A diagnostic about the file as a whole (at its start). */
function fileNote(code: string, severity: JsonDiagnostic['severity'], message: string): JsonDiagnostic {
  return { ...unreadable(message), code, severity };
}

/**
 * Writes the fixed text in the file's own encoding, through a temporary file,
 * only if the file has not changed since it was read.
 */
async function writeFixed(ref: InputRef, read: Extract<ReadResult, { ok: true }>, fixed: string, lang: Lang): Promise<{ ok: true } | { ok: false; message: string }> {
  const bytes = encodeText(fixed, read.encoding, read.bom);
  if (!bytes) {
    return {
      ok: false,
      message: t(
        lang,
        `Không ghi sửa đổi vào tệp ${read.encoding.toUpperCase()}: hãy chuyển tệp sang UTF-8 rồi chạy lại --fix (hoặc dùng --fix --stdout)`,
        `Fixes are not written to a ${read.encoding.toUpperCase()} file: convert it to UTF-8 and run --fix again (or use --fix --stdout)`,
      ),
    };
  }
  const outcome = await replaceIfUnchanged(ref.fsPath!, read.bytes, bytes);
  if (outcome.ok) return outcome;
  if (outcome.reason === 'changed') {
    return {
      ok: false,
      message: t(
        lang,
        'Tệp đã thay đổi từ lúc được đọc (có thể vừa được lưu từ trình soạn thảo): không ghi sửa đổi để khỏi mất nội dung; hãy chạy lại --fix',
        'The file changed since it was read (perhaps saved from an editor): fixes not written, so nothing is lost; run --fix again',
      ),
    };
  }
  const why = (outcome.error as NodeJS.ErrnoException).code ?? String(outcome.error);
  return { ok: false, message: t(lang, `Không ghi được tệp (${why}); tệp gốc giữ nguyên`, `Cannot write the file (${why}); the original is unchanged`) };
}
