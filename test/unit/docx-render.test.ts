/**
 * The export as a reader sees it: converted to PDF by LibreOffice and read
 * back with poppler's pdftotext -layout, page 1 has the header's two columns
 * side by side, số and date on one line, Nơi nhận beside the signature, no
 * page number; page 2 is numbered 2; the Phụ lục restarts at 1; the paper is
 * A4. Skipped, saying so, where LibreOffice or poppler-utils are not
 * installed (Debian: apt-get install libreoffice-writer-nogui poppler-utils).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../language-server/src/io/docx/export.ts';
import { SEED_004, hasCorpus } from '../helpers/corpus.ts';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const tools = ['soffice', 'pdftotext', 'pdfinfo'].filter((t) => !has(t));
if (tools.length) console.warn(`[vanban tests] docx rendering SKIPPED: ${tools.join(', ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);
if (!hasCorpus) console.warn('[vanban tests] docx rendering SKIPPED: seed 004 needs ../shared/corpus');

describe.skipIf(tools.length > 0 || !hasCorpus)('seed 004 exported and rendered by LibreOffice', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-render-'));
  const pdf = path.join(dir, 'seed004.pdf');
  const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  const lines = (n: number) => page(n).split('\n').map((l) => l.trim()).filter(Boolean);
  let pages = 0;

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'seed004.docx'), await exportDocx(readFileSync(SEED_004, 'utf8')));
    // A private profile, so that a LibreOffice the user has open does not get in the way.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'seed004.docx')], { stdio: 'ignore', timeout: 170_000 });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    pages = Number(/Pages:\s+(\d+)/u.exec(info)?.[1]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('page 1: the header in two columns, số and date side by side, tên loại, căn cứ, Nơi nhận beside the signature, no number', () => {
    const p1 = lines(1);
    expect(p1[0]).toMatch(/^BỘ NỘI VỤ\s{2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u);
    expect(p1[1]).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(p1).toContainEqual(expect.stringMatching(/^Số: 971\/QĐ-BNV\s{2,}Hà Nội, ngày 30 tháng 12 năm 2024$/u));
    expect(p1).toContain('QUYẾT ĐỊNH');
    expect(p1).toContain('QUYẾT ĐỊNH:');
    expect(p1).toContainEqual(expect.stringMatching(/^Nơi nhận:\s{2,}KT\. BỘ TRƯỞNG$/u));
    expect(p1).toContainEqual(expect.stringMatching(/Trương Hải Long$/u));
    expect(p1.some((l) => /^\d+$/u.test(l))).toBe(false);
  });

  it('page 2 is numbered 2 at the top and starts the attached Kế hoạch, its tên loại on a line of its own', () => {
    const p2 = lines(2);
    expect(p2[0]).toBe('2');
    expect(p2.slice(1, 3)).toEqual(['KẾ HOẠCH', 'CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA BỘ NỘI VỤ']);
  });

  it('the Phụ lục starts a page of its own, unnumbered, "PHỤ LỤC" above its title, and its next page is 2', () => {
    const first = Array.from({ length: pages }, (_, k) => k + 1).find((n) => lines(n).includes('PHỤ LỤC'));
    expect(first).toBeDefined();
    const [label, title] = lines(first!);
    expect(label).toBe('PHỤ LỤC');
    expect(title).toMatch(/^KẾ HOẠCH TRIỂN KHAI NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH/u);
    expect(first!).toBeLessThan(pages);
    expect(lines(first! + 1)[0]).toBe('2');
  });
});
