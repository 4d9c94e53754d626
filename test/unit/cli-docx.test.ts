/**
 * The CLI and Word files: `check` reads a .docx through its text view with
 * the layout rules on and names the paragraph of each diagnostic; `export
 * --docx` writes a .docx that reads back clean. Spawns the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quyetDinhDocx } from '../helpers/docx.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'vanban-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vanban(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, ['bin/vanban.js', ...args], { cwd: root, input, encoding: 'buffer' });
  return { code: r.status, stdout: r.stdout, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

const slipped = path.join(dir, 'slips.docx');
beforeAll(async () => {
  writeFileSync(slipped, await quyetDinhDocx({ uprightDate: true, numberingGap: true, font: 'Arial' }));
});

describe('vanban check FILE.docx', () => {
  it('reports text and layout slips, each with the Word paragraph it is in', () => {
    const r = vanban(['check', slipped]);
    expect(r.code).toBe(1); // numbering/khoan is an error
    expect(r.out).toMatch(/slips\.docx:\d+:\d+: warning layout\/italic: Địa danh và ngày tháng \(đoạn 5 [^)]*\) phải in nghiêng \[đoạn 5, bảng 1 hàng 2 ô 2 “Hà Nội, ngày 05 tháng 01…”\]/u);
    expect(r.out).toMatch(/error numbering\/khoan: Khoản 3 là khoản đầu tiên: thiếu khoản 1, 2 \[đoạn \d+ “3\. Quyết định này có hiệu…”\]/u);
    expect(r.out).toMatch(/warning layout\/font: Phông chữ Arial/u);
  });

  it('JSON: ranges into the text view, the paragraph alongside, no fixes', () => {
    const r = vanban(['check', '--format', 'json', slipped]);
    const json = JSON.parse(r.out) as { files: { diagnostics: { code: string; fixable: boolean; paragraph?: { index: number; preview: string; table?: unknown } }[] }[] };
    const ds = json.files[0].diagnostics;
    expect(ds.every((d) => d.paragraph && d.paragraph.index > 0 && d.fixable === false)).toBe(true);
    expect(ds.find((d) => d.code === 'layout/italic')!.paragraph).toEqual({ index: 5, preview: 'Hà Nội, ngày 05 tháng 01…', table: { index: 1, row: 2, cell: 2 } });
  });

  it('--fix leaves a .docx alone and says so', () => {
    const before = readFileSync(slipped);
    const r = vanban(['check', '--fix', slipped]);
    expect(r.err).toContain('chỉ được đọc, không sửa tự động');
    expect(readFileSync(slipped).equals(before)).toBe(true);
  });

  it('reads a .docx from stdin, told by its zip signature', () => {
    const r = vanban(['check', '--format', 'json', '-'], readFileSync(slipped));
    expect(JSON.parse(r.out).files[0].diagnostics.some((d: { code: string }) => d.code === 'layout/italic')).toBe(true);
  });

  it('a file that is not a usable .docx gets io/unreadable and the run goes on', () => {
    const bad = path.join(dir, 'bad.docx');
    writeFileSync(bad, 'không phải tệp Word');
    const r = vanban(['check', bad, 'samples/quyet-dinh-mau.txt']);
    expect(r.out).toContain('bad.docx:1:1: error io/unreadable: Tệp không phải .docx hợp lệ');
    expect(r.out).toContain('samples/quyet-dinh-mau.txt:');
  });
});

describe('vanban export --docx', () => {
  it('writes the ND30 layout, which reads back clean of layout slips', () => {
    const out = path.join(dir, 'mau.docx');
    const r = vanban(['export', '--docx', 'samples/quyet-dinh-mau.txt', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Đã xuất ${out}`);
    expect(statSync(out).size).toBeGreaterThan(5000);
    const check = vanban(['check', '--format', 'json', out]);
    const codes = (JSON.parse(check.out).files[0].diagnostics as { code: string }[]).map((d) => d.code);
    expect(codes.filter((c) => c.startsWith('layout/'))).toEqual([]);
    expect(codes).toContain('numbering/khoan'); // the sample's own slip, kept as written
  });

  it('defaults OUT to IN with .docx, writes to stdout with -o -, and re-lays out a .docx', () => {
    const src = path.join(dir, 'qd.txt');
    writeFileSync(src, readFileSync(path.join(root, 'samples/quyet-dinh-mau.txt')));
    expect(vanban(['export', '--docx', src]).code).toBe(0);
    expect(existsSync(path.join(dir, 'qd.docx'))).toBe(true);
    const piped = vanban(['export', '--docx', '-', '-o', '-'], readFileSync(src));
    expect(piped.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(vanban(['export', '--docx', slipped]).code).toBe(0);
    expect(existsSync(path.join(dir, 'slips.nd30.docx'))).toBe(true);
    const relaid = vanban(['check', '--format', 'json', path.join(dir, 'slips.nd30.docx')]);
    const codes = (JSON.parse(relaid.out).files[0].diagnostics as { code: string }[]).map((d) => d.code);
    expect(codes).toEqual(['numbering/khoan']); // Arial and the upright date are gone, the khoản gap is the text's
  });

  it.each([
    [['export', 'samples/quyet-dinh-mau.txt'], '--docx'],
    [['export', '--docx'], 'đúng một văn bản'],
    [['export', '--docx', '-'], '-o'],
    [['export', '--docx', 'samples/quyet-dinh-mau.txt', '-o', 'samples/quyet-dinh-mau.txt'], 'trùng tệp đầu vào'],
  ])('usage errors exit 2: %j', (args, fragment) => {
    const r = vanban(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(fragment);
  });

  it('a missing input exits 1 with io/unreadable', () => {
    const r = vanban(['export', '--docx', path.join(dir, 'nope.txt'), '-o', path.join(dir, 'nope.docx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('io/unreadable');
    expect(existsSync(path.join(dir, 'nope.docx'))).toBe(false);
  });
});
