// Adversarial inputs for the regular expressions of the core that were
// super-linear (docs/regex-audit.md): each attack string, as `recheck`
// found it, pumped 50,000 times and put where the pattern reads it (a header,
// a table cell, a căn cứ, a signature…), then parsed, checked and fixed in a
// worker that is killed after a generous safety timeout. Before the fixes
// several of these ran for minutes (the Tiêu ngữ pattern was cubic: 6 KB took
// 61 s); now each is a few milliseconds to a second.
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedRunner } from '../helpers/bounded.ts';

const N = 20_000;
const SAFETY_MS = 30_000;

const HEAD = 'BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-BNV\nHà Nội, ngày 01 tháng 02 năm 2024\nQUYẾT ĐỊNH\nVề việc thử\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\n';
const places: Record<string, (attack: string) => string> = {
  alone: (a) => a,
  'in a khoản': (a) => `${HEAD}Điều 1. Tên\n1. ${a}\nĐiều 2. Hai\n`,
  'in the header': (a) => `BỘ NỘI VỤ ${a}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n${a}\nSố: ${a}\n`,
  'in a table cell': (a) => `${HEAD}Điều 1. Tên\n| STT | Nội dung | Thời gian |\n|---|---|---|\n| 1 | x | ${a} |\n`,
  'in Nơi nhận and signature': (a) => `${HEAD}Điều 1. Tên\nNội dung.\nNơi nhận:\n- ${a}\nKT. BỘ TRƯỞNG\n${a}\n`,
  'in a căn cứ': (a) => `BỘ NỘI VỤ\nSố: 1/QĐ-BNV\nQUYẾT ĐỊNH\nCăn cứ ${a};\nQUYẾT ĐỊNH:\nĐiều 1. A\n`,
};

const p = (s: string) => s.repeat(N);
/** pattern location (before the fix) → attack */
const attacks: Record<string, string> = {
  'syntax/header.ts TIEU_NGU (was cubic)': `Độc\tlập${p('\t')}Tự\tdo${p('\t')}x`,
  'rules/header.ts misspelled Tiêu ngữ': `đcc\tldpt-\tdo${p('\t')}\u0000`,
  'syntax/header.ts DATE_LINE blanks before "ngày"': `Hà Nội${p(' ')}x ngày`,
  'syntax/header.ts word before "năm"': `Hà Nội, ngày 01 tháng ${p('ă')}n năm 2024`,
  'syntax/header.ts trailing separators': `BỘ NỘI VỤ${p('-')}x`,
  'text/paragraphs.ts LAST_WORD': `${p('x')}\ty`,
  'syntax/signature.ts CAPS_WORD': `${p('A')}a`,
  'syntax/doctype.ts công văn number': `0/-${p('--')}/`,
  'syntax/parse.ts TRAILING_DATE': `${p('\n')}0\n0/0/0000`,
  'syntax/parse.ts Phụ lục heading': `Phụ lục C\t${p(' ')}`,
  'rules/can-cu.ts number': `${p('0')}&`,
  'references/find.ts DOC_NUMBER': `theo Nghị định 0${p('/')}-`,
  'rules/table.ts quarters (was cubic)': `quý\t1năm\t${p('\t')}m/0000`,
  'rules/table.ts months': `tháng\t0năm\t${p('\t')}\u0000`,
  'rules/text.ts KY_HIEU_SPACED': `${p('1')}x`,
  'rules/text.ts SPACE_BEFORE': `a${p(' ')}b`,
  'rules/text.ts DOUBLE_SPACE': `a${p(' ')}\n`,
  'fixes/renumber.ts ordinal': `PHẦN THỨ\n${p('\t')}`,
};

describe('adversarial inputs for the once super-linear patterns: bounded time, no crash', () => {
  const runner = new BoundedRunner();
  afterAll(() => runner.close());
  const cases = Object.entries(attacks).flatMap(([pattern, attack]) => Object.entries(places).map(([where, put]) => [pattern, where, put(attack)] as const));
  it.each(cases)('%s, %s', async (_pattern, _where, text) => {
    const r = await runner.run('full', text, SAFETY_MS);
    expect(r).toMatchObject({ ok: true, failures: [] });
  });
});
