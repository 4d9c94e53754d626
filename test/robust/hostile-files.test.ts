// Hostile files: every file of test/fuzz/nasty, and the big ones made here
// (a 10 MB single line, 100,000 Điều, 2,000 levels of numbering, a 50 MB
// file) — a clear result or a clear error in bounded time, never a crash or
// a hang. Core work runs in a worker killed after a generous safety timeout.
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../language-server/src/io/encoding.ts';
import { BoundedCli, BoundedRunner } from '../helpers/bounded.ts';

const nasty = path.resolve(import.meta.dirname, '../fuzz/nasty');
const names = readdirSync(nasty).filter((f) => f !== 'README.md').sort();
const runner = new BoundedRunner();
const cli = new BoundedCli();
const scratch = mkdtempSync(path.join(tmpdir(), 'vanban-hostile-'));
afterAll(async () => {
  await runner.close();
  await cli.close();
  rmSync(scratch, { recursive: true, force: true });
});

const SAFETY_MS = 60_000;
const HEAD = 'BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 01/QĐ-BNV\nHà Nội, ngày 01 tháng 02 năm 2024\nQUYẾT ĐỊNH\nVề việc thử\nQUYẾT ĐỊNH:\n';

describe('test/fuzz/nasty: decoded or refused with a reason; what decodes parses, checks and fixes cleanly', () => {
  it.each(names)('%s', async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(nasty, name)));
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) {
      expect(decoded.message.vi.length).toBeGreaterThan(20);
      expect(decoded.message.en.length).toBeGreaterThan(20);
    } else {
      const r = await runner.run('full', decoded.text, SAFETY_MS);
      expect(r).toMatchObject({ ok: true, failures: [] });
    }
    const out = await cli.run(['check', '--format', 'json', path.join(nasty, name)], new Uint8Array(), SAFETY_MS);
    if (!out.ok) throw new Error(`${out.reason}: ${out.detail}`);
    expect([0, 1]).toContain(out.value.code);
    const json = JSON.parse(out.value.stdout) as { files: { diagnostics: { code: string }[] }[] };
    expect(json.files[0].diagnostics.some((d) => d.code === 'io/unreadable')).toBe(!decoded.ok);
  });
});

describe('big and deep documents: bounded time, no crash', () => {
  const cases: [string, () => string][] = [
    ['a 10 MB single line of words', () => 'Điều khoản của quy định '.repeat(Math.ceil(10e6 / 24))],
    ['a 10 MB single line without a space', () => 'a'.repeat(10e6)],
    ['100,000 Điều', () => HEAD + Array.from({ length: 100_000 }, (_, i) => `Điều ${i + 1}. Tên điều ${i + 1}\nNội dung.`).join('\n')],
    ['2,000 levels of decimal numbering', () => HEAD + 'Điều 1. A\n' + Array.from({ length: 2000 }, (_, k) => '1.'.repeat(k + 1) + ' x').join('\n')],
    ['100,000 nested parentheses', () => HEAD + 'Điều 1. ' + '('.repeat(100_000) + ')'.repeat(100_000)],
  ];
  it.each(cases)('%s: parsed and checked', async (_name, make) => {
    const r = await runner.run('check', make(), 240_000);
    expect(r).toMatchObject({ ok: true, failures: [] });
  }, 300_000);

  it('a 50 MB file: refused from its size, at once, with the reason', async () => {
    const p = path.join(scratch, 'big.txt');
    writeFileSync(p, '');
    truncateSync(p, 50 * 1024 * 1024);
    const out = await cli.run(['check', '--format', 'json', p], new Uint8Array(), SAFETY_MS);
    if (!out.ok) throw new Error(out.detail);
    expect(out.value.code).toBe(1);
    expect(out.value.stdout).toMatch(/Tệp quá lớn \(50 MB, tối đa 16 MB\)/u);
  });

  it('17 MB on stdin: refused too', async () => {
    const out = await cli.run(['check', '-'], new Uint8Array(17 * 1024 * 1024).fill(0x61), SAFETY_MS);
    if (!out.ok) throw new Error(out.detail);
    expect(out.value.stdout).toMatch(/io\/unreadable: Tệp quá lớn/u);
  });
});
