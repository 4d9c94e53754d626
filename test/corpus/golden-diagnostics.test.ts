/**
 * Every document of ../shared/corpus/real and the seeds, checked with all
 * rules: the list of diagnostics (line:column severity code message) against
 * the reviewed golden files in test/golden/diagnostics/. Seed 004 has its own,
 * more detailed test (seed004-diagnostics.test.ts).
 *
 * Published documents are mostly right, so every ERROR-severity finding must
 * be a real slip, and each one is explained below in ERROR_NOTES. A new error
 * without a note fails the test; so does a note whose error disappeared.
 * Regenerate after a deliberate change with
 * `UPDATE_GOLDEN=1 npx vitest run test/corpus/golden-diagnostics.test.ts`
 * and review the diff line by line.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../golden/diagnostics');
const update = process.env.UPDATE_GOLDEN === '1';

/**
 * Why each error is a real slip. Key: `file:line:code` (1-based line).
 * real/18 is DERIVED text (html2text of a vbpl.vn page, see the corpus README):
 * its slips are slips of that copy, which is what a reader of the copy has.
 */
const ERROR_NOTES: Record<string, string> = {
  '18_BLHS-100-2015-QH13_vbpl-html2text.txt:2686:numbering/diem':
    'Điều 251 khoản 3 (Bộ luật Hình sự) starts at "d) Quả thuốc phiện khô": the copy lost điểm a)–c) of the law (nhựa thuốc phiện, heroine, côca…).',
  '18_BLHS-100-2015-QH13_vbpl-html2text.txt:2690:reference/unresolved':
    'Follows from the loss above: khoản 4 of the same Điều refers to "điểm a, b, c khoản này"… of khoản 3, which this copy no longer has.',
  '18_BLHS-100-2015-QH13_vbpl-html2text.txt:2728:numbering/diem':
    'Điều 252 khoản 3: the same conversion loss, the copy starts at d).',
  '18_BLHS-100-2015-QH13_vbpl-html2text.txt:2732:reference/unresolved':
    'Follows from the loss in Điều 252 khoản 3: "điểm a, b, c khoản này" points at điểm the copy lacks.',
  '18_BLHS-100-2015-QH13_vbpl-html2text.txt:3231:numbering/diem':
    'Điều 278 khoản 2 of the copy goes from d) straight to e): there is no đ) in the text a reader of the page has.',
  '11_NQ-HDND-DienBien-2017_quydinh.txt:583:citation/type-mismatch':
    '"Thông tư 121/2010/TTLT-BTC-BLĐTBXH": the ký hiệu is that of a Thông tư liên tịch (of Bộ Tài chính and Bộ LĐTBXH, as line 50 of the same text calls it); the tên loại in the citation is incomplete (ND30 Phụ lục I II.6.b asks for the tên loại).',
  '15_QD-135-QD-BLDTBXH-2024_danhmuc.txt:1021:citation/year-mismatch':
    'Thông tư liên tịch 21/2016/TTLT-BLĐTBXH-BCA-BNG carries the year 2016 (it was signed on 29/6/2016), but the Danh mục row dates it "29/6/2018": a slip in the published table.',
};

interface FileResult {
  name: string;
  lines: string[];
  errors: string[];
}

function checkFile(path: string): FileResult {
  const text = readCorpus(path);
  const name = basename(path);
  const index = createLineIndex(text);
  const { diagnostics } = checkDocument(text);
  const lines: string[] = [];
  const errors: string[] = [];
  for (const d of diagnostics) {
    const p = index.positionAt(d.range.start);
    lines.push(`${p.line + 1}:${p.character + 1} ${d.severity} ${d.code}: ${d.message}`);
    if (d.severity === 'error') errors.push(`${name}:${p.line + 1}:${d.code}`);
  }
  return { name, lines, errors };
}

const files = [...corpusFiles('real'), ...corpusFiles('seeds').filter((f) => !basename(f).startsWith('004_'))];
if (!hasCorpus) console.warn('[vanban tests] corpus golden diagnostics SKIPPED: ../shared/corpus is absent');

describe.skipIf(!hasCorpus)('golden diagnostics over the real corpus and the seeds', () => {
  const results = files.map(checkFile);

  it.each(results.map((r) => [r.name, r] as const))('%s matches its reviewed golden list', (_name, r) => {
    const golden = join(GOLDEN_DIR, r.name.replace(/\.txt$/u, '.diagnostics.txt'));
    const body = r.lines.join('\n') + '\n';
    if (update || !existsSync(golden)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(golden, body);
    }
    expect(body).toBe(readFileSync(golden, 'utf8'));
  });

  it('explains every error-severity finding as a real slip, and only those', () => {
    const errors = results.flatMap((r) => r.errors);
    expect(errors.filter((e) => !(e in ERROR_NOTES)), 'errors without a note in ERROR_NOTES').toEqual([]);
    expect(Object.keys(ERROR_NOTES).filter((k) => !errors.includes(k)), 'notes whose error is gone').toEqual([]);
  });

  it('no rule fires on most published documents (a rule that does is wrong)', () => {
    const filesPerCode = new Map<string, number>();
    for (const r of results) {
      for (const code of new Set(r.lines.map((l) => l.split(' ')[2].replace(/:$/u, '')))) filesPerCode.set(code, (filesPerCode.get(code) ?? 0) + 1);
    }
    const noisy = [...filesPerCode].filter(([, n]) => n > results.length / 2).map(([code]) => code);
    expect(noisy).toEqual([]);
  });
});
