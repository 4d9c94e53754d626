// Spawns the built CLI (scripts/test-global-setup.mjs builds dist/ first).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../..');
const fx = 'test/fixtures/cli';

function vanban(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['bin/vanban.js', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const Position = z.strictObject({ line: z.number().int().min(0), character: z.number().int().min(0) });
const Range = z.strictObject({ start: Position, end: Position });
const CheckJson = z.strictObject({
  version: z.literal(1),
  files: z.array(
    z.strictObject({
      path: z.string(),
      diagnostics: z.array(
        z.strictObject({
          code: z.string().regex(/^[a-z-]+\/[a-z-]+$/),
          severity: z.enum(['error', 'warning', 'info', 'hint']),
          message: z.string().min(1),
          range: Range,
          fixable: z.boolean(),
          related: z.array(z.strictObject({ message: z.string(), range: Range })).optional(),
        }),
      ),
    }),
  ),
});
type CheckJson = z.infer<typeof CheckJson>;
const checkJson = (args: string[], input?: string | Buffer) => {
  const r = vanban(['check', '--format', 'json', ...args], input);
  return { ...r, json: CheckJson.parse(JSON.parse(r.stdout)) as CheckJson };
};

describe('vanban check: exit status', () => {
  it.each([
    ['clean file', ['check', `${fx}/clean.txt`], 0],
    ['warnings only', ['check', `${fx}/unicode.txt`], 0],
    ['an unreadable (invalid UTF-8) file is an error', ['check', `${fx}/invalid-utf8.txt`], 1],
    ['a missing file is an error', ['check', `${fx}/does-not-exist.txt`], 1],
    ['no command', [], 2],
    ['no PATH', ['check'], 2],
    ['unknown option', ['check', '--frobnicate', `${fx}/clean.txt`], 2],
    ['bad --format', ['check', '--format', 'xml', `${fx}/clean.txt`], 2],
    ['bad --lang', ['check', '--lang', 'fr', `${fx}/clean.txt`], 2],
    ['bad --date', ['check', '--date', '2025-13-45x', `${fx}/clean.txt`], 2],
    ['sarif', ['check', '--format', 'sarif', `${fx}/clean.txt`], 0],
    ['a folder with no documents is no input', ['check', `${fx}/empty-folder`], 2],
    ['unknown command', ['lint', `${fx}/clean.txt`], 2],
    ['--help', ['check', '--help'], 0],
  ] as const)('%s → %i', (_name, args, code) => {
    const r = vanban([...args]);
    expect(r.code).toBe(code);
    if (code === 2) expect(r.stderr.length).toBeGreaterThan(0);
  });
});

describe('vanban check: text output', () => {
  it('prints path:line:col (1-based) severity code: message and a Vietnamese summary', () => {
    const r = vanban(['check', `${fx}/unicode.txt`]);
    const lines = r.stdout.trim().split('\n');
    const diag = lines.filter((l) => l.startsWith(`${fx}/unicode.txt:`));
    expect(diag).toEqual([
      `${fx}/unicode.txt:1:11: warning text/unicode: Chữ tổ hợp (NFD) ở “Nghị định”: nên chuyển sang dạng dựng sẵn (NFC)`,
      `${fx}/unicode.txt:2:9: warning text/unicode: Ký tự “Ð” (U+00D0, chữ Eth) dùng thay cho “Đ” (U+0110): nên thay bằng “Đ”`,
      `${fx}/unicode.txt:2:13: warning text/unicode: Dấu cách không ngắt (NBSP, U+00A0): nên thay bằng dấu cách thường`,
      `${fx}/unicode.txt:2:21: warning text/unicode: 2 ký tự vô hình (độ rộng 0, U+200B) liền nhau: nên xoá`,
    ]);
    expect(lines.at(-1)).toMatch(/^Đã kiểm tra 1 tệp: 0 lỗi, 4 cảnh báo, 0 thông tin, 0 gợi ý \(4 sửa tự động được bằng --fix\)\.$/);
  });

  it('--lang en switches messages and summary to English', () => {
    const r = vanban(['check', '--lang', 'en', `${fx}/unicode.txt`]);
    expect(r.stdout).toContain('warning text/unicode: Decomposed letters (NFD) in “Nghị định”');
    expect(r.stdout).toContain('Non-breaking space (U+00A0)');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('Checked 1 file: 0 errors, 4 warnings, 0 info, 0 hints (4 fixable with --fix).');
    expect(r.stdout).not.toMatch(/Đã kiểm tra|Chữ tổ hợp/);
  });

  it('a clean document reports no problem', () => {
    const r = vanban(['check', `${fx}/clean.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('text/unicode');
    expect(r.stdout).not.toMatch(/: error /);
  });
});

describe('vanban check --format json', () => {
  it('has the contract shape, 0-based UTF-16 positions of the file on disk', () => {
    const { code, json } = checkJson([`${fx}/unicode.txt`]);
    expect(code).toBe(0);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].path).toBe(`${fx}/unicode.txt`);
    // Line 2 is "Số: 12/NÐ-CP⍽ngày 05​​ tháng…": Ð at 8, NBSP at 12, two zero-width at 20–21.
    expect(json.files[0].diagnostics.map((d) => [d.code, d.severity, d.range, d.fixable])).toEqual([
      ['text/unicode', 'warning', { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }, true],
      ['text/unicode', 'warning', { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, true],
      ['text/unicode', 'warning', { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } }, true],
      ['text/unicode', 'warning', { start: { line: 1, character: 20 }, end: { line: 1, character: 22 } }, true],
    ]);
  });

  it('reads stdin for "-" and reports it like the same file', () => {
    const input = readFileSync(path.join(root, fx, 'unicode.txt'));
    const fromStdin = checkJson(['-'], input).json.files;
    const fromFile = checkJson([`${fx}/unicode.txt`]).json.files;
    expect(fromStdin[0].path).toBe('<stdin>');
    expect(fromStdin[0].diagnostics).toEqual(fromFile[0].diagnostics);
  });

  it('a UTF-8 BOM is dropped and CRLF lines are counted as on disk', () => {
    const { json } = checkJson([`${fx}/bom-crlf.txt`]);
    expect(json.files[0].diagnostics.map((d) => d.range)).toEqual([{ start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }]);
  });

  it('io/unreadable for invalid UTF-8 and missing files, and the run goes on', () => {
    const { code, json } = checkJson([`${fx}/invalid-utf8.txt`, `${fx}/missing.txt`, `${fx}/unicode.txt`]);
    expect(code).toBe(1);
    expect(json.files.map((f) => f.path)).toEqual([`${fx}/invalid-utf8.txt`, `${fx}/missing.txt`, `${fx}/unicode.txt`]);
    const [bad, missing, good] = json.files;
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({ code: 'io/unreadable', severity: 'error', message: expect.stringMatching(/^Tệp không phải văn bản UTF-8 hợp lệ \(byte E0 FF ở dòng 1/u) }),
    ]);
    expect(missing.diagnostics).toEqual([expect.objectContaining({ code: 'io/unreadable', severity: 'error' })]);
    expect(missing.diagnostics[0].message).toContain('không tồn tại');
    expect(good.diagnostics).toHaveLength(4);
  });

  it('walks folders for .txt, .vanban and .md, sorted, skipping hidden folders and other files', () => {
    const { json } = checkJson([`${fx}/folder`]);
    expect(json.files.map((f) => f.path)).toEqual([`${fx}/folder/a.txt`, `${fx}/folder/c.vanban`, `${fx}/folder/sub/b.md`]);
    expect(json.files[1].diagnostics.map((d) => d.code)).toEqual(['text/unicode']);
  });

  it('--lang en applies to JSON messages and to io/unreadable', () => {
    const { json } = checkJson(['--lang', 'en', `${fx}/unicode.txt`, `${fx}/invalid-utf8.txt`]);
    expect(json.files[0].diagnostics[0].message).toBe('Decomposed letters (NFD) in “Nghị định”: convert to precomposed form (NFC)');
    expect(json.files[1].diagnostics[0].message).toMatch(/^The file is not valid UTF-8 text \(bytes E0 FF on line 1/u);
  });
});

describe('vanban check --fix', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'vanban-cli-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the fixes back to the file, then reports what is left', () => {
    const file = path.join(tmp, 'doc.txt');
    copyFileSync(path.join(root, fx, 'unicode.txt'), file);
    const r = vanban(['check', '--fix', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('text/unicode');
    expect(readFileSync(file, 'utf8')).toBe('Căn cứ Nghị định số 30/2020/NĐ-CP;\nSố: 12/NĐ-CP ngày 05 tháng 01 năm 2025.\n');
  });

  it('keeps a BOM and CRLF line ends', () => {
    const file = path.join(tmp, 'bom.txt');
    copyFileSync(path.join(root, fx, 'bom-crlf.txt'), file);
    vanban(['check', '--fix', file]);
    expect(readFileSync(file)).toEqual(Buffer.from('\ufeffDòng một\r\nDòng hai\r\nDòng ba\r\n', 'utf8'));
  });

  it('--fix --stdout prints the fixed stdin text and never writes', () => {
    const r = vanban(['check', '--fix', '--stdout', '-'], 'Điều\u00a01. NÐ-CP');
    expect(r.stdout).toBe('Điều 1. NĐ-CP');
    expect(r.code).toBe(0);
  });
});

describe('vanban outline', () => {
  const Node: z.ZodType<unknown> = z.lazy(() =>
    z.strictObject({
      kind: z.string(),
      number: z.string().optional(),
      title: z.string().optional(),
      docType: z.string().optional(),
      header: z.record(z.string(), z.unknown()).optional(),
      signature: z.record(z.string(), z.unknown()).optional(),
      range: Range,
      children: z.array(Node),
    }),
  );

  it('--format json prints the contract tree rooted at the document', () => {
    const r = vanban(['outline', '--format', 'json', 'samples/quyet-dinh-mau.txt']);
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.stdout);
    Node.parse(tree); // strict: no internal fields (id, labelRange, …) leak out
    expect(tree.kind).toBe('document');
    const lines = readFileSync(path.join(root, 'samples/quyet-dinh-mau.txt'), 'utf8').split('\n');
    expect(tree.range.start).toEqual({ line: 0, character: 0 });
    expect(tree.range.end).toEqual({ line: lines.length - 1, character: lines.at(-1)!.length });
    // Every node lies inside its parent.
    const before = (a: { line: number; character: number }, b: typeof a) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    const walk = (n: { range: z.infer<typeof Range>; children: unknown[] }) => {
      for (const c of n.children as (typeof n)[]) {
        expect(before(n.range.start, c.range.start) && before(c.range.end, n.range.end)).toBe(true);
        walk(c);
      }
    };
    walk(tree);
  });

  it('text format: one line per node, with its line number; --lang en', () => {
    const vi = vanban(['outline', 'samples/quyet-dinh-mau.txt']);
    expect(vi.code).toBe(0);
    expect(vi.stdout.split('\n')[0]).toMatch(/^Văn bản \([a-z-]+\) \(dòng 1\)$/);
    for (const l of vi.stdout.trim().split('\n')) expect(l).toMatch(/^( {2})*\S.* \(dòng \d+\)$/);
    const en = vanban(['outline', '--lang', 'en', 'samples/quyet-dinh-mau.txt']);
    expect(en.stdout.split('\n')[0]).toMatch(/^Document \([a-z-]+\) \(line 1\)$/);
  });

  it('reads stdin, and reports an unreadable file with exit 1', () => {
    const r = vanban(['outline', '--format', 'json', '-'], 'Điều 1. Phạm vi\n');
    expect(JSON.parse(r.stdout).range.end).toEqual({ line: 1, character: 0 });
    const bad = vanban(['outline', `${fx}/invalid-utf8.txt`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('io/unreadable');
    expect(vanban(['outline', `${fx}/folder`]).code).toBe(2);
    expect(vanban(['outline', `${fx}/clean.txt`, `${fx}/unicode.txt`]).code).toBe(2);
  });
});

describe('vanban --version / help', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(vanban(['--version']).stdout.trim()).toBe(pkg.version);
  });
  it('help lists the implemented rules and says which positions are 1-based', () => {
    const vi = vanban(['--help']).stdout;
    expect(vi).toContain('text/unicode');
    expect(vi).toContain('DÒNG và CỘT đếm từ 1');
    expect(vanban(['check', '--help', '--lang', 'en']).stdout).toContain('LINE and COLUMN are 1-based');
  });
});
