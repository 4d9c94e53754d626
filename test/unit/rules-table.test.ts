import { describe, expect, it } from 'vitest';
import { RULES } from '../../language-server/src/core/rules/registry.ts';
import { checkRows, readDeadline } from '../../language-server/src/core/rules/table.ts';
import { checkDocument, fixAll } from '../../language-server/src/core/service.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';
import type { Diagnostic } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { SEED_004, corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const HEAD = [
  'BỘ NỘI VỤ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 971/QĐ-BNV',
  'Hà Nội, ngày 30 tháng 12 năm 2024',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch cải cách hành chính năm 2025',
  'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;',
  'Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính.',
  'QUYẾT ĐỊNH:',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.',
  'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
  'PHỤ LỤC',
  'KẾ HOẠCH TRIỂN KHAI NHIỆM VỤ NĂM 2025',
  '| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian thực hiện |',
  '| --- | --- | --- | --- |',
  '',
].join('\n');

/** A plan table: each row `[stt, task, deadline, …extra cells]`. */
const plan = (...rows: string[][]) => HEAD + rows.map((r) => `| ${r[0]} | ${r[1]} | Vụ Pháp chế | ${r.slice(2).join(' | ')} |`).join('\n') + '\n';
const group = (n: string, title: string) => [n, title, '', ''];

const tableDiags = (text: string, lang: 'vi' | 'en' = 'vi'): Diagnostic[] =>
  checkDocument(text, { lang, parseProblems: false }).diagnostics.filter((d) => d.code.startsWith('table/'));
const at = (text: string, d: Diagnostic) => text.slice(d.range.start, d.range.end);
const ONLY_TABLE = Object.fromEntries(RULES.filter((r) => !r.code.startsWith('table/')).map((r) => [r.code, 'off' as const]));

describe('table/numbering', () => {
  it.each([
    ['1, 2, 4 in a group', [group('I', 'CHỈ ĐẠO'), ['1', 'a', 'Tháng 3/2025'], ['2', 'b', 'Tháng 4/2025'], ['4', 'c', 'Tháng 5/2025']], ['4'], 'Dòng số 4 đứng sau dòng số 2: không liên tiếp, nên là 3', 'Row 4 follows row 2: out of sequence; it should be 3'],
    ['group III after I', [group('I', 'A'), ['1', 'a', 'Năm 2025'], group('III', 'B'), ['1', 'b', 'Năm 2025']], ['III'], 'Dòng số III đứng sau dòng số 1', 'it should be II'],
    ['2.3 after 2.1', [['1', 'a', 'Năm 2025'], ['2.1', 'b', 'Năm 2025'], ['2.3', 'c', 'Năm 2025']], ['2.3'], 'nên là 2.2', 'it should be 2.2'],
  ])('%s', (_n, rows, ats, vi, en) => {
    const text = plan(...rows);
    const d = tableDiags(text).filter((x) => x.code === 'table/numbering');
    expect(d.map((x) => at(text, x))).toEqual(ats);
    expect(d[0].message).toContain(vi);
    expect(tableDiags(text, 'en').find((x) => x.code === 'table/numbering')!.message).toContain(en);
  });

  it.each([
    ['numbering restarts after each group', [group('I', 'A'), ['1', 'a', 'Năm 2025'], ['2', 'b', 'Năm 2025'], group('II', 'B'), ['1', 'c', 'Năm 2025']]],
    ['numbering runs on through the groups (Danh mục)', [group('I', 'A'), ['1', 'a', 'Năm 2025'], ['2', 'b', 'Năm 2025'], group('II', 'B'), ['3', 'c', 'Năm 2025']]],
    ['sub-rows opening a merged parent: 1, 2.1, 2.2, 3', [['1', 'a', 'Năm 2025'], ['2.1', 'b', 'Năm 2025'], ['2.2', 'c', 'Năm 2025'], ['3', 'd', 'Năm 2025']]],
  ])('quiet: %s', (_n, rows) => {
    expect(tableDiags(plan(...rows)).map((d) => d.message)).toEqual([]);
  });

  it('the fix renumbers the whole table, restarting after each group, and then checks clean', () => {
    const text = plan(group('I', 'A'), ['1', 'a', 'Năm 2025'], ['3', 'b', 'Năm 2025'], group('III', 'B'), ['2', 'c', 'Năm 2025'], ['2', 'd', 'Năm 2025']);
    const fixed = fixAll(text, { rules: ONLY_TABLE }).text;
    expect(fixed).toBe(plan(group('I', 'A'), ['1', 'a', 'Năm 2025'], ['2', 'b', 'Năm 2025'], group('II', 'B'), ['1', 'c', 'Năm 2025'], ['2', 'd', 'Năm 2025']));
    expect(tableDiags(fixed)).toEqual([]);
    expect(fixAll(fixed, { rules: ONLY_TABLE }).applied).toBe(0);
  });

  it('checkRows rewrites a merged parent with its sub-row', () => {
    const row = (number: string, group = false): Node => ({ kind: 'row', id: number, number, group, range: { start: 0, end: 0 }, children: [] });
    const r = checkRows([row('1'), row('3.1'), row('3.2'), row('4')]);
    expect(r.findings.map((f) => f.index)).toEqual([1]);
    expect(r.labels).toEqual(['1', '2.1', '2.2', '3']);
  });
});

describe('table/shape', () => {
  it('a Markdown row with a cell more than the header', () => {
    const text = plan(['1', 'a', 'Năm 2025'], ['2', 'b', 'Năm 2025', 'thừa'], ['3', 'c', 'Năm 2025']);
    const d = tableDiags(text).filter((x) => x.code === 'table/shape');
    expect(d).toHaveLength(1);
    expect(at(text, d[0])).toContain('thừa');
    expect(d[0].message).toBe('Dòng 2 của bảng có 5 ô, trong khi dòng tiêu đề có 4 cột');
    expect(tableDiags(text, 'en').find((x) => x.code === 'table/shape')!.message).toBe('Table row 2 has 5 cells but the header has 4 columns');
  });
  it('group rows spanning the table and a form flattened into a table are not rows of the wrong shape', () => {
    expect(tableDiags(plan(group('I', 'CHỈ ĐẠO'), ['1', 'a', 'Năm 2025'])).map((d) => d.code)).toEqual([]);
    const form = HEAD.replace('| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian thực hiện |', `| ${'TỜ KHAI ĐĂNG KÝ '.repeat(10)} | Mẫu | Số | Ngày |`) + '| Tên | ……… |\n| Hô hiệu | ……… |\n';
    expect(tableDiags(form).filter((d) => d.code === 'table/shape')).toEqual([]);
  });
});

describe('table/deadline', () => {
  it.each([
    ['Tháng 13/2025', 'Thời hạn “Tháng 13/2025” không có thật', 'The deadline “Tháng 13/2025” is not a real date'],
    ['Quý V/2025', 'Thời hạn “Quý V/2025” không có thật', 'is not a real date'],
    ['Trước 31/02/2025', 'Thời hạn “31/02/2025” không có thật', 'is not a real date'],
    ['Năm 2027', 'Thời hạn “Năm 2027” nằm ngoài thời gian của kế hoạch (2025)', 'lies outside the plan’s period (2025)'],
    ['Tháng 3/2026', 'Thời hạn “Tháng 3/2026” nằm ngoài thời gian của kế hoạch (2025)', 'outside'],
    ['Tháng 3/25', 'Không đọc được thời hạn “Tháng 3/25”', 'Cannot read the deadline “Tháng 3/25”'],
  ])('%s', (cell, vi, en) => {
    const text = plan(['1', 'a', cell]);
    const d = tableDiags(text);
    expect(d.map((x) => x.code)).toEqual(['table/deadline']);
    expect(d[0].message).toBe(vi);
    expect(tableDiags(text, 'en')[0].message).toContain(en);
  });
  it.each(['Tháng 3/2025', 'Tháng 3, 6, 9, 12/2025', 'Tháng 01- 3/2025', 'Quý IV/2025', 'Quý III- IV/2025', 'Trước 31/12/2025', 'Năm 2025', 'Thường xuyên', 'Tháng 12/2024', 'Sau khi có ý kiến của Thủ tướng', '6 tháng đầu năm 2025'])(
    'quiet: %s',
    (cell) => {
      expect(tableDiags(plan(['1', 'a', cell])).map((d) => d.message)).toEqual([]);
    },
  );
  it('reads the forms of a deadline', () => {
    expect(readDeadline('- Ban hành: Tháng 12/2024; - Triển khai: Năm 2025').map((p) => [p.text, p.years, p.problem])).toEqual([
      ['Tháng 12/2024', [2024], undefined],
      ['Năm 2025', [2025], undefined],
    ]);
    expect(readDeadline('Quý III- IV/2025')[0]).toMatchObject({ text: 'Quý III- IV/2025', years: [2025] });
    expect(readDeadline('Quý IIII/2025')[0].problem).toBe('impossible');
  });
});

describe.skipIf(!hasCorpus)('corpus', () => {
  it('seed 004: its portal table (1, 2.1…2.4, 3.1…; groups I, II) and deadlines raise nothing', () => {
    expect(tableDiags(readCorpus(SEED_004)).map((d) => d.message)).toEqual([]);
  });
  it.each(corpusFiles('real').filter((f) => !/\/15_/u.test(f)).map((f) => [f.split('/').pop()!, f]))('%s: no table finding', (_n, f) => {
    expect(tableDiags(readCorpus(f)).map((d) => d.message)).toEqual([]);
  });
});
