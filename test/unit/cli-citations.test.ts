// `vanban citations`, `vanban index` and `--registry` through the built CLI (../shared/spec/cli.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRegistryText } from '../../language-server/src/core/registry/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'vanban-cite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vanban(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/vanban.js', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const Position = z.strictObject({ line: z.number().int().min(0), character: z.number().int().min(0) });
const CitationsJson = z.strictObject({
  version: z.literal(1),
  files: z.array(
    z.object({
      path: z.string(),
      citations: z.array(
        z.object({
          type: z.string().nullable(),
          number: z.string().nullable(),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).nullable(),
          issuer: z.string().nullable(),
          title: z.string().nullable(),
          range: z.strictObject({ start: Position, end: Position }),
          registry: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
    }),
  ),
});

const A = `CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/2031/NĐ-CP
Hà Nội, ngày 05 tháng 3 năm 2031
NGHỊ ĐỊNH
Quy định về lưu trữ số
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Chính phủ ban hành Nghị định quy định về lưu trữ số.
Điều 1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2031.
`;
const B = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/QĐ-BNV
Hà Nội, ngày 10 tháng 6 năm 2031
QUYẾT ĐỊNH
Về việc triển khai lưu trữ số
Căn cứ Nghị định số 77/2031/NĐ-CP ngày 05 tháng 4 năm 2031 của Chính phủ quy định về lưu trữ số;
Theo đề nghị của Chánh Văn phòng Bộ.
QUYẾT ĐỊNH:
Điều 1. Triển khai Nghị quyết số 76/NQ- CP ngày 15/7/2021 của Chính phủ.
`;
writeFileSync(path.join(dir, 'a.txt'), A);
writeFileSync(path.join(dir, 'b.txt'), B);

describe('vanban citations', () => {
  it('json: the contract shape, parts parsed, the registry entry or null', () => {
    const r = vanban(['citations', '--format', 'json', path.join(dir, 'b.txt')]);
    expect(r.code).toBe(0);
    const json = CitationsJson.parse(JSON.parse(r.stdout));
    const cits = json.files[0].citations;
    expect(cits.map((c) => [c.type, c.number, c.date, c.issuer])).toEqual([
      ['Nghị định', '77/2031/NĐ-CP', '2031-04-05', 'Chính phủ'],
      ['Nghị quyết', '76/NQ-CP', '2021-07-15', 'Chính phủ'],
    ]);
    expect(cits[0].registry).toBeNull();
    expect(cits[1].registry).toMatchObject({ number: '76/NQ-CP', type: 'Nghị quyết' });
    expect(cits[0].range.start).toEqual({ line: 7, character: 7 });
  });

  it('text: one line per citation, 1-based positions, and a count', () => {
    const r = vanban(['citations', path.join(dir, 'b.txt')]);
    expect(r.stdout).toContain(`${path.join(dir, 'b.txt')}:8:8: Nghị định 77/2031/NĐ-CP — ngày 05/04/2031 — Chính phủ [không có trong cơ sở dữ liệu]`);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 tệp, 2 trích dẫn.');
  });

  it('the documents read together are a workspace: their headers are registry entries', () => {
    const json = CitationsJson.parse(JSON.parse(vanban(['citations', '--format', 'json', dir]).stdout));
    const b = json.files.find((f) => f.path.endsWith('b.txt'))!;
    expect(b.citations[0].registry).toMatchObject({ number: '77/2031/NĐ-CP', dateIssued: '2031-03-05', origins: ['workspace'] });
  });

  it('usage errors exit 2', () => {
    expect(vanban(['citations']).code).toBe(2);
    expect(vanban(['citations', '--format', 'sarif', path.join(dir, 'b.txt')]).code).toBe(2);
  });
});

describe('check with the registry', () => {
  it('the workspace: B cites A with a date A’s own header contradicts (citation/registry-mismatch)', () => {
    const r = vanban(['check', '--format', 'json', dir]);
    const b = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith('b.txt'));
    const mismatch = b.diagnostics.filter((d: { code: string }) => d.code === 'citation/registry-mismatch');
    expect(mismatch.map((d: { message: string }) => d.message)).toEqual(['Nghị định 77/2031/NĐ-CP: ngày ban hành “5/4/2031” khác với cơ sở dữ liệu văn bản (“5/3/2031”, theo 1 nguồn)']);
  });

  it('--registry adds a file; a malformed entry is named on stderr and the rest still loads', () => {
    const reg = path.join(dir, 'reg.json');
    writeFileSync(
      reg,
      JSON.stringify({
        format: 'vanban-registry',
        version: 1,
        entries: [
          { number: '76/NQ-CP', status: 'het-hieu-luc-toan-bo', statusDate: '2030-01-01', relations: [{ kind: 'replaced-by', number: '99/NQ-CP' }] },
          { number: '77/NQ-CP', dateIssued: '2021-13-01' },
        ],
      }),
    );
    const r = vanban(['check', '--format', 'json', '--registry', reg, path.join(dir, 'b.txt')]);
    expect(r.stderr).toContain(`Cơ sở dữ liệu văn bản không hợp lệ ${reg}: entries[1].dateIssued`);
    const ds = JSON.parse(r.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'citation/not-in-force');
    expect(ds.map((d: { message: string }) => d.message)).toEqual(['Nghị quyết 76/NQ-CP: hết hiệu lực toàn bộ từ ngày 1/1/2030 (được thay thế bởi 99/NQ-CP), trước ngày 10/6/2031']);
    // --date moves the "as of" date before the end: nothing to say.
    const early = vanban(['check', '--format', 'json', '--registry', reg, '--date', '2029-12-31', path.join(dir, 'b.txt')]);
    expect(JSON.parse(early.stdout).files[0].diagnostics.filter((d: { code: string }) => d.code === 'citation/not-in-force')).toEqual([]);
  });

  it('a registry file that cannot be read is reported and checking goes on', () => {
    const r = vanban(['check', '--registry', path.join(dir, 'missing.json'), path.join(dir, 'b.txt')]);
    expect(r.stderr).toMatch(/missing\.json: không đọc được tệp \(ENOENT\)/u);
    expect(r.stdout).toContain('citation/format');
  });
});

describe('vanban index', () => {
  it('builds a registry file from a folder, with progress and a summary on stderr', () => {
    const out = path.join(dir, 'built', 'reg.json');
    const r = spawnSync(process.execPath, ['bin/vanban.js', 'index', '-o', out, dir], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/vanban index: 2 văn bản, \d+ trích dẫn .*→ /u);
    const loaded = parseRegistryText(readFileSync(out, 'utf8'), out);
    expect(loaded.problems).toEqual([]);
    expect(loaded.sources).toEqual(['a.txt', 'b.txt']);
    const a = loaded.entries.find((e) => e.number === '77/2031/NĐ-CP')!;
    expect(a).toMatchObject({ type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2031-03-05', dateEffective: '2031-05-01' });
    // Conflicting evidence is kept and counted: A's header (weighs more) against B's citation.
    expect(a.evidence?.dateIssued).toEqual([
      { value: '2031-03-05', count: 1, src: [[0, 5]] },
      { value: '2031-04-05', count: 1, src: [[1, 8]] },
    ]);
  });

  it('shows progress every few files on long runs', () => {
    const many = path.join(dir, 'many');
    rmSync(many, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', many]);
    for (let i = 0; i < 30; i++) writeFileSync(path.join(many, `d${String(i).padStart(2, '0')}.txt`), B.replace('12/QĐ-BNV', `${i + 1}/QĐ-BNV`));
    const r = spawnSync(process.execPath, ['bin/vanban.js', 'index', many], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toContain('vanban index: 25/30 tệp');
    expect(JSON.parse(r.stdout).entries.length).toBeGreaterThan(0);
  });

  it('no folder is a usage error', () => {
    expect(vanban(['index']).code).toBe(2);
  });
});
