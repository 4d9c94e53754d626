// The regular expressions of core/citations that the regex audit flagged as
// super-linear (issue 5), and those it cannot see because they are built in
// code (`new RegExp(gapped…)`: GAP, the word lists, the issuer names):
// 1. recheck proves each final source linear — every pattern find.ts builds,
//    the type-word trie, the date pattern, the short-name pattern;
// 2. adversarial inputs for each once-ambiguous pattern, pumped 20,000 times
//    and put where the pattern reads them (after a number, before "của",
//    inside a trích yếu, after a short-name definition …), are checked by the
//    built core in a worker killed after a generous safety timeout. Before the
//    fixes, "Nghị định số 1/2020/NĐ-CP" followed by 20,000 blanks took minutes
//    (each blank run split two ways by `GAP? ,? GAP?`).
import { checkSync } from 'recheck';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE_AT } from '../../language-server/src/core/citations/date.ts';
import { allBuiltPatterns, shortNameUse } from '../../language-server/src/core/citations/find.ts';
import { TYPE_RE } from '../../language-server/src/core/citations/tokenize.ts';
import { BoundedRunner } from '../helpers/bounded.ts';

describe('patterns built in code: recheck proves each linear', () => {
  const patterns = [...allBuiltPatterns(), TYPE_RE, DATE_AT, shortNameUse('Nghị định số 115'), shortNameUse('Luật Đất đai')];
  const unique = [...new Map(patterns.map((r) => [`${r.source}/${r.flags}`, r])).values()];

  it(`${unique.length} patterns`, () => {
    // The options of scripts/regex-audit.mjs. recheck's fuzz mode depends on timing: on a loaded machine it may
    // call a linear pattern polynomial or time out, so a pattern fails when a second, longer check agrees.
    const check = (r: RegExp, timeout: number, randomSeed: number) => checkSync(r.source, r.flags, { timeout, randomSeed });
    const unsafe = unique
      .filter((r) => check(r, 10_000, 42).status !== 'safe')
      .map((r) => ({ r, res: check(r, 30_000, 7) }))
      .filter(({ res }) => res.status !== 'safe')
      .map(({ r, res }) => `${res.status}: /${r.source.slice(0, 120)}/${r.flags}`);
    expect(unsafe).toEqual([]);
  }, 600_000);
});

const N = 20_000;
const SAFETY_MS = 60_000;
const p = (s: string) => s.repeat(N);
const HEAD = 'BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-BNV\nHà Nội, ngày 01 tháng 02 năm 2024\nQUYẾT ĐỊNH\nVề việc thử\n';
const places: Record<string, (attack: string) => string> = {
  'in a căn cứ': (a) => `${HEAD}Căn cứ ${a};\nQUYẾT ĐỊNH:\nĐiều 1. A\n`,
  'in a khoản': (a) => `${HEAD}QUYẾT ĐỊNH:\nĐiều 1. Tên\n1. ${a}\nĐiều 2. Hai\n`,
};

/** pattern (before the fix) → attack */
const attacks: Record<string, string> = {
  'find.ts CUA `GAP? ,? GAP? của` (blanks after a number)': `Nghị định số 1/2020/NĐ-CP${p(' ')}x`,
  'find.ts NGAY, TITLE_START (blanks and tabs after a number)': `Thông tư số 2/2021/TT-BNV${p('\t ')}\u0000`,
  'find.ts DEFINE, AMEND `[ \\t\\n]*[,(]?[ \\t\\n]*` (after a citation)': `Nghị định số 115/2020/NĐ-CP ngày 25/9/2020 của Chính phủ${p(' \n')}x`,
  'find.ts CHAIN_SEP (between two citations)': `Luật số 1/2020/QH14${p(' ')}x Luật số 2/2020/QH14`,
  'find.ts TITLE_END `\\s+được sửa đổi` (blank runs in many trích yếu)': `${'Quyết định số 1/QĐ-BNV về việc a'.concat(' '.repeat(390), 'b; ').repeat(200)}`,
  'find.ts TITLE_END `[ \\t]*\\n[ \\t]*(?=…)` (tabs before a line break)': `${'Quyết định số 3/QĐ-BNV về việc a'.concat('\t'.repeat(390), '\n').repeat(200)}`,
  'find.ts short-name uses `[ \\t]*\\n?[ \\t]*`': `Nghị định số 115/2020/NĐ-CP (sau đây gọi tắt là Nghị định 115) và Nghị định${p(' ')}x`,
  'find.ts law name `\\s*\\((sửa đổi)\\)$`': `Luật Đất đai${p(' ')}(sửa`,
  'codes.ts issuer `\\s*[-–,]?\\s*` (Bộ Lao động - Thương binh và Xã hội)': `Thông tư số 1/2020/TT-BLĐTBXH của Bộ Lao động${p(' ')}x`,
  'date.ts DATE_AT `[ \\t]+(?:\\n…)?|[ \\t]*\\n…` (blanks after "ngày")': `Nghị định số 1/2020/NĐ-CP ngày${p(' ')}x`,
  'text.ts EDITORIAL_NOTE `\\[[^\\]\\n]{1,3000}\\]` (a line of "[")': p('['),
};

describe('adversarial inputs for the once super-linear citation patterns: bounded time, no crash', () => {
  const runner = new BoundedRunner();
  afterAll(() => runner.close());
  const cases = Object.entries(attacks).flatMap(([pattern, attack]) => Object.entries(places).map(([where, put]) => [pattern, where, put(attack)] as const));
  it.each(cases)('%s, %s', async (_pattern, _where, text) => {
    const r = await runner.run('check', text, SAFETY_MS);
    expect(r).toMatchObject({ ok: true, failures: [] });
  });
});
