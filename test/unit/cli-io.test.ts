// The CLI's input path (encodings, hostile files) and its writes (--fix
// through a temporary file, never over a file changed since it was read).
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceIfUnchanged } from '../../language-server/src/cli/safe-write.ts';
import { decodeDocument } from '../../language-server/src/io/encoding.ts';
import { runCli } from '../helpers/cli-in-process.ts';

const fx = path.resolve(import.meta.dirname, '../fixtures/encoding');
const work = mkdtempSync(path.join(tmpdir(), 'vanban-cli-io-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface JsonOut {
  files: { path: string; diagnostics: { code: string; severity: string; message: string }[] }[];
}
const checkJson = async (...args: string[]) => {
  const r = await runCli(['check', '--format', 'json', ...args]);
  return { ...r, json: JSON.parse(r.stdout) as JsonOut };
};
const codes = (j: JsonOut) => j.files.flatMap((f) => f.diagnostics.map((d) => d.code));

describe('check: every encoding', () => {
  it.each([
    ['source.txt', [], 0],
    ['utf8-bom.txt', [], 0],
    ['utf16le-bom.txt', [], 0],
    ['utf16be-bom.txt', [], 0],
    ['utf16le-nobom.txt', ['io/encoding'], 0],
    ['utf16be-nobom.txt', ['io/encoding'], 0],
    ['utf32le-bom.txt', ['io/encoding'], 0],
    ['cp1258.txt', ['io/encoding'], 0],
    ['tcvn3.txt', ['io/unreadable'], 1],
    ['tcvn3-as-utf8.txt', ['io/unreadable'], 1],
    ['vni.txt', ['io/unreadable'], 1],
    ['vni-as-utf8.txt', ['io/unreadable'], 1],
    ['utf8-as-cp1252.txt', ['io/unreadable'], 1],
  ] as const)('%s → %j, exit %i', async (name, expected, exit) => {
    // The source is a clean document: any decoded form of it has nothing else to report.
    const { code, json } = await checkJson(path.join(fx, name));
    expect(codes(json)).toEqual(expected);
    expect(code).toBe(exit);
  });

  it('the TCVN3 message is in English with --lang en', async () => {
    const { json } = await checkJson('--lang', 'en', path.join(fx, 'tcvn3.txt'));
    expect(json.files[0].diagnostics[0].message).toMatch(/^The text uses the legacy TCVN3 \(ABC/u);
  });

  it('stdin goes through the same decoder (UTF-16 with BOM)', async () => {
    const r = await runCli(['check', '--format', 'json', '-'], readFileSync(path.join(fx, 'utf16le-bom.txt')));
    expect(codes(JSON.parse(r.stdout))).toEqual([]);
  });

  it('outline reads a Windows-1258 file, and refuses a VNI one with the reason', async () => {
    const ok = await runCli(['outline', path.join(fx, 'cp1258.txt')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Điều 3/u);
    const refused = await runCli(['outline', path.join(fx, 'vni.txt')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/VNI/u);
  });
});

describe('check: hostile files', () => {
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(work, name);
    writeFileSync(p, bytes);
    return p;
  };

  it('an empty and a blank file: one io/empty warning each, no rule noise', async () => {
    const { code, json } = await checkJson(file('empty.txt', ''), file('blank.txt', ' \n\n\t\n'));
    expect(codes(json)).toEqual(['io/empty', 'io/empty']);
    expect(code).toBe(0);
  });

  it('--fix --stdout of a blank file gives it back unchanged', async () => {
    const r = await runCli(['check', '--fix', '--stdout', file('blank2.txt', ' \n\n')]);
    expect(r.stdout).toBe(' \n\n');
  });

  it('binary files are named for what they are; the run goes on to the next file', async () => {
    const pdf = file('scan.txt', '%PDF-1.4\n%\u00e2\u00e3\n');
    const doc = file('old.txt', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const { code, json } = await checkJson(pdf, doc, path.join(fx, 'source.txt'));
    expect(json.files.map((f) => f.diagnostics[0]?.message.slice(0, 12))).toEqual(['Tệp PDF, khô', 'Tệp Word 97–', undefined]);
    expect(code).toBe(1);
  });

  it('a file over the limit is refused before it is read', async () => {
    const big = path.join(work, 'huge.txt');
    writeFileSync(big, '');
    // A sparse 17 MiB file: refused from its size alone.
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 17 * 1024 * 1024);
    const { json } = await checkJson(big);
    expect(json.files[0].diagnostics[0].message).toMatch(/^Tệp quá lớn \(17 MB, tối đa 16 MB\)/u);
  });
});

describe('check --fix: safe writes', () => {
  // A document with one fixable slip: a non-breaking space (text/unicode).
  const slip = 'Điều 1.\u00a0Phạm vi điều chỉnh\nQuyết định này quy định việc lưu trữ.\n';
  const fixed = slip.replace('\u00a0', ' ');

  it('writes UTF-16 back as UTF-16 with its BOM', async () => {
    const p = path.join(work, 'u16.txt');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(slip, 'utf16le')]));
    const r = await runCli(['check', '--fix', p]);
    expect(r.stderr).toMatch(/đã sửa 1 chỗ/u);
    const back = readFileSync(p);
    expect([...back.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const d = decodeDocument(back);
    expect(d.ok && d.text).toBe(fixed);
  });

  it('keeps a UTF-8 BOM, the permission bits, and leaves no temporary file', async () => {
    const dir = path.join(work, 'perm');
    mkdirSync(dir);
    const p = path.join(dir, 'a.txt');
    writeFileSync(p, '\ufeff' + slip);
    chmodSync(p, 0o640);
    await runCli(['check', '--fix', p]);
    expect(readFileSync(p, 'utf8')).toBe('\ufeff' + fixed);
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('through a symbolic link: the target is fixed, the link stays a link', async () => {
    const dir = path.join(work, 'link');
    mkdirSync(dir);
    const target = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    writeFileSync(target, slip);
    symlinkSync('real.txt', link);
    await runCli(['check', '--fix', link]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.txt');
    expect(readFileSync(target, 'utf8')).toBe(fixed);
  });

  it('refuses to write a Windows-1258 file and says how to proceed; the file is untouched', async () => {
    const p = path.join(work, 'cp1258-slip.txt');
    const original = Buffer.concat([readFileSync(path.join(fx, 'cp1258.txt')), Buffer.from([0x41, 0xa0, 0x42, 0x0a])]);
    writeFileSync(p, original);
    const r = await runCli(['check', '--fix', '--format', 'json', p]);
    const j = JSON.parse(r.stdout) as JsonOut;
    const d = j.files[0].diagnostics.find((x) => x.code === 'io/unwritable');
    expect(d?.message).toMatch(/WINDOWS-1258.*UTF-8/u);
    expect(readFileSync(p).equals(original)).toBe(true);
    expect(r.code).toBe(1);
  });

  it('replaceIfUnchanged refuses when the file changed since it was read, and writes nothing', async () => {
    const p = path.join(work, 'race.txt');
    writeFileSync(p, 'as read');
    writeFileSync(p, 'saved meanwhile by an editor');
    const outcome = await replaceIfUnchanged(p, new TextEncoder().encode('as read'), new TextEncoder().encode('fixed'));
    expect(outcome).toEqual({ ok: false, reason: 'changed' });
    expect(readFileSync(p, 'utf8')).toBe('saved meanwhile by an editor');
  });

  it('replaceIfUnchanged: a file deleted meanwhile counts as changed; an impossible path is an error', async () => {
    expect(await replaceIfUnchanged(path.join(work, 'gone.txt'), new Uint8Array(), new Uint8Array([65]))).toEqual({ ok: false, reason: 'changed' });
    const notDir = path.join(work, 'plain-file');
    writeFileSync(notDir, 'x');
    const r = await replaceIfUnchanged(path.join(notDir, 'child.txt'), new Uint8Array(), new Uint8Array([65]));
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe('error');
  });
});
