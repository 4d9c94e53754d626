/**
 * The `vanban` command as a function of its arguments and an Io (no process
 * globals), so tests and the fuzz suite run it in process. The entry with
 * the process wiring is main.ts. Contract: ../shared/spec/cli.md.
 */
import { RULES } from '../core/rules/registry.ts';
import { parseOptions, sniffLang } from './args.ts';
import { runCheck, type Io } from './check.ts';
import { t } from './format.ts';
import { UsageError } from './input.ts';
import { runOutline } from './outline.ts';
import { runExport, type ExportIo } from './export.ts';
import { runIndex } from './index-cmd.ts';
import { runCitations } from './citations-cmd.ts';
import type { Lang } from '../core/diagnostics/diagnostic.ts';

declare const VANBAN_VERSION: string | undefined;
const VERSION = typeof VANBAN_VERSION === 'string' ? VANBAN_VERSION : '0.0.0-dev';

export function helpText(lang: Lang): string {
  const rules = RULES.map((r) => `  ${r.code.padEnd(22)} ${r.severity.padEnd(8)} ${r.description[lang]}`).join('\n');
  if (lang === 'en') {
    return `vanban ${VERSION} — checks Vietnamese administrative and legal documents

Usage:
  vanban check   [options] PATH...   check documents (files, folders, or - for stdin)
  vanban outline [options] PATH      print the structure tree
  vanban lsp --stdio                 run the language server (also --node-ipc, --socket=PORT)
  vanban export --docx IN [-o OUT]   write the document as a Word file laid out as
                                     ND30 Phụ lục I (OUT: IN with .docx; -o - for stdout)
  vanban citations [options] PATH... list the citations of other documents, resolved
                                     against the registry (text or --format json)
  vanban index [-o FILE] DIR...      build a registry file from a corpus of documents

Options:
  --format text|json|sarif  output format (default text; sarif is SARIF 2.1.0, check only)
  --lang vi|en         message language (default vi)
  --fix                check: write automatic fixes back to the files (never to stdin)
  --stdout             with --fix: print the fixed text instead of writing (one document)
  --config FILE        use FILE instead of the nearest .vanbanrc.json above each document
  --docx, -o FILE      export: the format and the output file
  --registry FILE      add a registry file on top of the embedded one (repeatable; also
                       "registry": [..] in .vanbanrc.json); the documents checked together
                       add their own headers
  --date YYYY-MM-DD    the "as of" date of the in-force checks (default: the document's date)
  -o FILE              index: write the registry to FILE (default stdout)
  -h, --help           this help;  -V, --version  the version

Folders are walked for .txt, .vanban, .md and .docx files. A .docx is checked through its
text (one line per paragraph, automatic numbers written out, tables as | rows) with the
layout/ rules on; each diagnostic names its paragraph. Input: UTF-8 (BOM or not), UTF-16,
Windows-1258 (decoded, with an io/encoding note); legacy TCVN3 (ABC) and VNI text is
recognised and explained (how to convert it), not checked. A file that cannot be read
or decoded (binary, too large, unknown encoding) gets io/unreadable and the run goes on.
--fix writes through a temporary file and never over a file changed since it was read.
Text output: PATH:LINE:COLUMN: severity code: message — LINE and COLUMN are 1-based.
JSON output: lines and characters are 0-based, characters in UTF-16 code units (as in LSP),
always of the file as it is on disk.

Exit status (check): 0 no error, 1 at least one error, 2 usage error or no input.

Rules implemented:
${rules}
`;
  }
  return `vanban ${VERSION} — kiểm tra văn bản hành chính, văn bản quy phạm pháp luật Việt Nam

Cách dùng:
  vanban check   [tuỳ chọn] PATH...  kiểm tra văn bản (tệp, thư mục, hoặc - để đọc stdin)
  vanban outline [tuỳ chọn] PATH     in cây cấu trúc văn bản
  vanban lsp --stdio                 chạy máy chủ ngôn ngữ (LSP; cũng --node-ipc, --socket=PORT)
  vanban export --docx IN [-o OUT]   xuất văn bản ra tệp Word trình bày theo Phụ lục I
                                     Nghị định 30 (OUT: IN đổi đuôi .docx; -o - để in ra stdout)
  vanban citations [tuỳ chọn] PATH... liệt kê các trích dẫn văn bản khác, đối chiếu với
                                     cơ sở dữ liệu văn bản (text hoặc --format json)
  vanban index [-o TỆP] THƯ_MỤC...   tạo tệp cơ sở dữ liệu văn bản từ một kho văn bản

Tuỳ chọn:
  --format text|json|sarif  dạng kết quả (mặc định text; sarif là SARIF 2.1.0, chỉ cho check)
  --lang vi|en         ngôn ngữ thông báo (mặc định vi)
  --fix                check: ghi các sửa tự động vào tệp (không bao giờ ghi vào stdin)
  --stdout             cùng --fix: in văn bản đã sửa thay vì ghi tệp (một văn bản)
  --config FILE        dùng FILE thay cho .vanbanrc.json gần nhất phía trên mỗi văn bản
  --docx, -o FILE      export: định dạng và tệp kết quả
  --registry FILE      thêm một tệp cơ sở dữ liệu văn bản vào cơ sở dữ liệu có sẵn (nhiều lần
                       được; cũng "registry": [..] trong .vanbanrc.json); các văn bản được
                       kiểm tra cùng nhau góp phần đầu của chính chúng
  --date YYYY-MM-DD    ngày dùng để xét hiệu lực (mặc định: ngày của văn bản)
  -o FILE              index: ghi cơ sở dữ liệu vào FILE (mặc định stdout)
  -h, --help           trợ giúp;  -V, --version  phiên bản

Thư mục được duyệt để tìm tệp .txt, .vanban, .md, .docx. Tệp .docx được kiểm tra qua phần chữ
(mỗi đoạn một dòng, số tự động được ghi ra, bảng thành các dòng |) cùng các quy tắc layout/;
mỗi chẩn đoán ghi rõ đoạn văn bản. Văn bản: UTF-8 (có hoặc không BOM), UTF-16,
Windows-1258 (được giải mã, kèm ghi chú io/encoding); văn bản bảng mã cũ TCVN3 (ABC), VNI được
nhận ra và hướng dẫn cách chuyển mã, không kiểm tra. Tệp không đọc hoặc không giải mã được (nhị
phân, quá lớn, bảng mã lạ) nhận chẩn đoán io/unreadable, các tệp khác vẫn được kiểm tra.
--fix ghi qua tệp tạm và không bao giờ ghi đè tệp đã thay đổi từ lúc được đọc.
Kết quả text: PATH:DÒNG:CỘT: mức-độ mã: thông báo — DÒNG và CỘT đếm từ 1.
Kết quả json: dòng và ký tự đếm từ 0, ký tự tính theo đơn vị UTF-16 (như LSP),
luôn theo tệp như trên đĩa.

Mã thoát (check): 0 không có lỗi, 1 có ít nhất một lỗi, 2 sai cách dùng hoặc không có văn bản.

Quy tắc đã có:
${rules}
`;
}

/**
 * `vanban lsp --stdio|--node-ipc|--socket=PORT`: loads the server bundle that
 * sits beside this one (dist/server.js), which reads the transport from the
 * command line and runs until the client says exit.
 */
async function runLanguageServer(args: readonly string[], lang: Lang): Promise<number> {
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    throw new UsageError(t(lang, 'lsp cần chọn kênh: --stdio, --node-ipc hoặc --socket=PORT', 'lsp needs a transport: --stdio, --node-ipc or --socket=PORT'));
  }
  // Not bundled into the CLI: the server has its own bundle, loaded only for this command.
  const serverBundle = new URL('./server.js', import.meta.url).href;
  await import(serverBundle);
  return 0;
}

export async function main(argv: readonly string[], io: Io | ExportIo): Promise<number> {
  const lang = sniffLang(argv);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      (command === undefined ? io.err : io.out)(helpText(lang));
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
      io.out(VERSION + '\n');
      return 0;
    }
    if (command === 'lsp') return await runLanguageServer(rest, lang);
    const o = parseOptions(rest, lang);
    if (o.help) {
      io.out(helpText(o.lang));
      return 0;
    }
    switch (command) {
      case 'check':
        return await runCheck(o, io);
      case 'outline':
        return await runOutline(o, io);
      case 'export':
        return await runExport(o, io);
      case 'index':
        return await runIndex(o, io);
      case 'citations':
        return await runCitations(o, io);
      default:
        throw new UsageError(t(lang, `Lệnh không hợp lệ: "${command}". Xem: vanban --help`, `Unknown command: "${command}". See: vanban --help`));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`vanban: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

