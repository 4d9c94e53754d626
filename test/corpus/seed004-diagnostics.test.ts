/**
 * Seed 004 (Quyết định 971/QĐ-BNV with its Kế hoạch and Phụ lục): the full
 * list `vanban check` gives — code, 1-based line, message — against the
 * reviewed golden file test/golden/diagnostics/seed004.json. What is really
 * wrong there must be reported ("76/NQ- CP", "23/CT- TTg", "27/CT-TTG", the Chỉ thị
 * 23/CT-TTg cited with two periods, "hành hành",
 * "Kế hoạch Kế hoạch", "phát triển phát triển", "ISO 9001:2015 .") and
 * nothing that is right (no header error, no căn cứ punctuation error).
 * Regenerate after a deliberate change with
 * `UPDATE_GOLDEN=1 npx vitest run test/corpus/seed004-diagnostics.test.ts` and review the diff.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_004, hasCorpus } from '../helpers/corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const GOLDEN = join(here, '../golden/diagnostics/seed004.json');
const update = process.env.UPDATE_GOLDEN === '1';

interface Row {
  code: string;
  line: number;
  message: string;
}

if (!hasCorpus) console.warn('[vanban tests] seed 004 diagnostics SKIPPED: ../shared/corpus is absent');

describe.skipIf(!hasCorpus)('seed 004: vanban check', () => {
  const r = spawnSync(process.execPath, ['bin/vanban.js', 'check', '--format', 'json', SEED_004], { cwd: root, encoding: 'utf8' });
  const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }[] };
  const rows: Row[] = json.files[0].diagnostics.map((d) => ({ code: d.code, line: d.range.start.line + 1, message: d.message }));

  it('matches the golden list', () => {
    if (update || !existsSync(GOLDEN)) {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, JSON.stringify(rows, null, 2) + '\n');
    }
    expect(rows).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('reports the real slips', () => {
    const has = (code: string, line: number, fragment: string) =>
      expect(rows.some((x) => x.code === code && x.line === line && x.message.includes(fragment)), `${code} ${line} ${fragment}`).toBe(true);
    has('citation/format', 62, '“76/NQ- CP”');
    has('citation/format', 64, '“23/CT- TTg”');
    has('citation/format', 1580, '“27/CT-TTG”');
    has('citation/inconsistent', 64, '2021 - 2030');
    has('text/repeated-word', 384, '“hành hành”');
    has('text/repeated-word', 562, '“phát triển phát triển”');
    has('text/repeated-word', 1123, '“Kế hoạch Kế hoạch”');
    has('text/spacing', 2427, 'trước “.”');
  });

  it('says nothing about what is right: header, căn cứ, Nơi nhận, signature', () => {
    expect(rows.filter((x) => /^(header|can-cu|noi-nhan|chu-ky)\//u.test(x.code))).toEqual([]);
    expect(r.status).toBe(0);
  });
});
