/**
 * The reference features the language server exposes (core/features):
 * definition, find references, prepareRename/rename, hover, document links —
 * on the written fixture (a Quyết định with an attached Quy chế and two Phụ
 * lục) and on seed 004 (Quyết định 971/QĐ-BNV with its Kế hoạch).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  definition,
  documentLinks,
  parseDocument,
  prepareRename,
  referenceHover,
  renameUnit,
  unitReferences,
} from '../../language-server/src/core/index.ts';
import type { Range } from '../../language-server/src/core/index.ts';
import { SEED_004, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const QC = readFileSync(new URL('../fixtures/references/quyet-dinh-quy-che.txt', import.meta.url), 'utf8');
const parse = parseDocument(QC);
const slice = (text: string, r: Range) => text.slice(r.start, r.end);

/** Offset of the `nth` occurrence of `needle` in the text, plus `delta`. */
function at(text: string, needle: string, delta = 0, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" #${nth} not in the text`);
  }
  return i + delta;
}

describe('definition', () => {
  const cases: [string, number, number, string[]][] = [
    // [needle, nth, delta into it, ids]
    ['khoản 1 Điều 1 Quy chế này', 0, 0, ['attachment_1/dieu_1/khoan_1']],
    ['khoản 1 Điều 1 Quy chế này', 0, 9, ['attachment_1/dieu_1']],
    ['Như Điều 3', 0, 8, ['dieu_3']],
    ['Điều 2 của Quyết định này', 0, 14, ['dieu_2']],
    ['tại Phụ lục I.', 0, 13, ['phu_luc_I']],
  ];
  it.each(cases)('"%s" (+%i, at %i) → %j', (needle, nth, delta, ids) => {
    expect(definition(parse, at(QC, needle, delta, nth)).map((u) => u.id)).toEqual(ids);
  });

  it('gives the label range and the whole unit', () => {
    const [u] = definition(parse, at(QC, 'khoản 1 Điều 1 Quy chế này'));
    expect(slice(QC, u.labelRange)).toBe('1.');
    expect(slice(QC, u.range).trim()).toBe('1. Quy chế này quy định về chế độ làm việc.');
  });

  it('is empty off a reference and on a heading', () => {
    expect(definition(parse, at(QC, 'Chánh Văn phòng'))).toEqual([]);
    expect(definition(parse, at(QC, 'Điều 3. Chánh'))).toEqual([]);
  });
});

describe('find references', () => {
  it('from a heading: every reference, "Như Điều 3" in Nơi nhận included', () => {
    const refs = unitReferences(parse, at(QC, 'Điều 3. Chánh', 1), { includeDeclaration: true });
    expect(refs.map((r) => [r.kind, slice(QC, r.range)])).toEqual([['declaration', 'Điều 3.'], ['reference', 'Điều 3']]);
    expect(at(QC, 'Như Điều 3', 4)).toBe(refs[1].range.start);
  });

  it('from a reference: the same unit, declaration left out unless asked', () => {
    const refs = unitReferences(parse, at(QC, 'Phụ lục II.', 2));
    expect(refs.map((r) => slice(QC, r.range))).toEqual(['Phụ lục II']);
    expect(unitReferences(parse, at(QC, 'Phụ lục II.', 2), { includeDeclaration: true })[0]).toMatchObject({ kind: 'declaration', id: 'phu_luc_II' });
  });

  it('an upper unit is marked by its own part, the smallest by the whole chain', () => {
    const dieu1 = unitReferences(parse, at(QC, 'Điều 1. Phạm vi', 1));
    expect(dieu1.map((r) => slice(QC, r.range))).toEqual(['Điều 1']);
    const khoan1 = unitReferences(parse, at(QC, 'khoản 1 Điều 1 Quy chế'));
    expect(khoan1.map((r) => slice(QC, r.range))).toEqual(['khoản 1 Điều 1']);
  });

  it('a range names every unit between its ends', () => {
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Một\nĐiều 2. Hai\nĐiều 3. Ba\nĐiều 4. Theo từ Điều 1 đến Điều 3.\n';
    const p = parseDocument(text);
    expect(unitReferences(p, at(text, 'Điều 2. Hai', 1)).map((r) => slice(text, r.range))).toEqual(['Điều 1 đến Điều 3']);
  });

  it('is empty where there is neither a reference nor a unit label', () => {
    expect(unitReferences(parse, at(QC, 'Chánh Văn phòng'))).toEqual([]);
  });
});

describe('rename', () => {
  it('prepareRename: the heading number, or the written number of a reference', () => {
    const onHeading = prepareRename(parse, at(QC, 'Điều 1. Phạm vi', 5));
    expect(onHeading).toMatchObject({ placeholder: '1', id: 'attachment_1/dieu_1' });
    const onRef = prepareRename(parse, at(QC, 'khoản 1 Điều 1 Quy chế này', 13));
    expect(onRef).toMatchObject({ placeholder: '1', id: 'attachment_1/dieu_1' });
    expect(slice(QC, (onRef as { range: Range }).range)).toBe('1');
    expect(prepareRename(parse, at(QC, 'Chánh Văn phòng'))).toHaveProperty('error.vi');
  });

  it('Điều 1 → Điều 7 of the Quy chế: the heading and every reference to it', () => {
    const r = renameUnit(parse, at(QC, 'Điều 1. Phạm vi', 5), '7');
    if ('error' in r) throw new Error(r.error.en);
    const out = applyEdits(QC, r.edits);
    expect(out).toContain('Điều 7. Phạm vi điều chỉnh');
    expect(out).toContain('1. Tuân thủ khoản 1 Điều 7 Quy chế này.');
    // The decision's own Điều 1 is another unit: untouched.
    expect(out).toContain('Điều 1. Ban hành kèm theo');
    expect(r.edits).toHaveLength(2);
  });

  it('a Phụ lục renamed from a reference to it', () => {
    const r = renameUnit(parse, at(QC, 'Phụ lục II.', 9), 'III');
    if ('error' in r) throw new Error(r.error.en);
    const out = applyEdits(QC, r.edits);
    expect(out).toContain('theo mẫu tại Phụ lục III.');
    expect(out).toContain('PHỤ LỤC III\nMẪU TỜ TRÌNH');
  });

  it.each([
    ['Điều 1. Phạm vi', 5, 'b', '“b” không phải số hiệu hợp lệ của điều: Điều được đánh số 1, 2, 3…', '“b” is not a valid article number'],
    ['Điều 1. Phạm vi', 5, '2', 'Đã có Điều 2 ở cùng cấp', 'Article 2 already exists at the same level'],
    ['PHỤ LỤC I\n', 8, 'IIII', '“IIII” không phải số hiệu hợp lệ của phụ lục', 'appendices are numbered I, II, III…'],
    ['2. Việc báo cáo', 0, 'f', 'không phải số hiệu hợp lệ của khoản', 'clauses are numbered'],
  ])('refuses %j (+%i) → %s', (needle, delta, label, vi, en) => {
    const r = renameUnit(parse, at(QC, needle, delta), label);
    expect(r).toHaveProperty('error');
    const { error } = r as { error: { vi: string; en: string } };
    expect(error.vi).toContain(vi);
    expect(error.en).toContain(en);
  });

  it('a điểm takes a letter of the Vietnamese sequence', () => {
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Một\n1. Các việc:\na) A;\nb) B.\nĐiều 2. Theo điểm b khoản 1 Điều 1.\n';
    const p = parseDocument(text);
    const ok = renameUnit(p, at(text, 'b) B'), 'đ');
    if ('error' in ok) throw new Error(ok.error.en);
    expect(applyEdits(text, ok.edits)).toContain('đ) B.\nĐiều 2. Theo điểm đ khoản 1 Điều 1.');
    expect(renameUnit(p, at(text, 'b) B'), 'f')).toHaveProperty('error.vi');
  });
});

describe('hover', () => {
  it('the unit named, with its first lines, in Vietnamese Markdown', () => {
    const h = referenceHover(parse, at(QC, 'khoản 1 Điều 1 Quy chế này'))!;
    expect(slice(QC, h.range)).toBe('khoản 1');
    expect(h.markdown).toBe('**khoản 1 Điều 1** (Quy chế này)\n\n> 1\\. Quy chế này quy định về chế độ làm việc.');
  });

  it('a Điều: its heading and first khoản', () => {
    const h = referenceHover(parse, at(QC, 'Điều 1 Quy chế này'))!;
    expect(h.markdown).toContain('**Điều 1** (Quy chế này)\n\n> Điều 1. Phạm vi điều chỉnh\n> 1\\. Quy chế này');
  });

  it('a broken reference says what was looked for and what exists', () => {
    const text = QC.replace('Tuân thủ khoản 1 Điều 1', 'Tuân thủ khoản 5 Điều 1');
    const p = parseDocument(text);
    expect(referenceHover(p, at(text, 'khoản 5 Điều 1'))!.markdown).toBe('Quy chế này không có khoản 5 Điều 1; Điều 1 có các khoản 1, 2');
    expect(referenceHover(p, at(text, 'khoản 5 Điều 1'), 'en')!.markdown).toBe('This Quy chế has no khoản 5 Điều 1; Điều 1 has khoản 1, 2');
  });

  it('nothing off a reference', () => {
    expect(referenceHover(parse, at(QC, 'Chánh Văn phòng'))).toBeUndefined();
  });
});

describe('document links', () => {
  it('one link per resolved chain, to the unit it names', () => {
    const links = documentLinks(parse);
    expect(links.map((l) => [slice(QC, l.range), l.target.id])).toEqual([
      ['Phụ lục I', 'phu_luc_I'],
      ['Điều 3', 'dieu_3'],
      ['Phụ lục II', 'phu_luc_II'],
      ['khoản 1 Điều 1', 'attachment_1/dieu_1/khoan_1'],
      ['Điều 2', 'dieu_2'],
    ]);
    expect(links[3].tooltip).toBe('Đến khoản 1 Điều 1');
    expect(documentLinks(parse, 'en')[3].tooltip).toBe('Go to khoản 1 Điều 1');
  });
});

describe.skipIf(!hasCorpus)('seed 004', () => {
  const text = hasCorpus ? readCorpus(SEED_004) : '';
  const p = parseDocument(text);

  it('links each written điểm of a list to its own unit, never overlapping', () => {
    const links = documentLinks(p);
    const shown = links.map((l) => `${slice(text, l.range).replace(/\s+/g, ' ')}→${l.target.id.replace('attachment_1/section_II/', '')}`);
    expect(shown).toEqual([
      'Điều 3→dieu_3',
      'Phụ lục→phu_luc',
      'điểm h khoản 6 mục II→khoan_6/diem_h',
      'điểm a→khoan_3/diem_a',
      'g→khoan_3/diem_g',
      'đ khoản 4 mục II→khoan_4/diem_đ',
      'điểm a→khoan_4/diem_a',
      'b→khoan_4/diem_b',
      'c→khoan_4/diem_c',
      'g→khoan_4/diem_g',
      'điểm b khoản 3 mục II→khoan_3/diem_b',
      'điểm c khoản 4 mục II→khoan_4/diem_c',
    ]);
    for (let i = 1; i < links.length; i++) expect(links[i].range.start).toBeGreaterThanOrEqual(links[i - 1].range.end);
  });

  it('find references of điểm c khoản 4 mục II: both lists naming it', () => {
    const refs = unitReferences(p, at(text, 'các điểm c khoản 4', 10));
    expect(refs.map((r) => slice(text, r.range).replace(/\s+/g, ' '))).toEqual(['điểm a, b, c, g khoản 4 mục II', 'điểm c khoản 4 mục II']);
  });

  it('find references of Điều 3 from its heading: "Như Điều 3"', () => {
    const refs = unitReferences(p, at(text, 'Điều 3.', 1));
    expect(refs.map((r) => slice(text, r.range))).toEqual(['Điều 3']);
    expect(text.slice(refs[0].range.start - 4, refs[0].range.start)).toBe('Như ');
  });

  it('hover on the Nghị quyết 142 pinpoint says it is another document', () => {
    const h = referenceHover(p, at(text, 'Nghị quyết số 142/2024/QH15', -3));
    expect(h?.markdown).toBe('Dẫn chiếu đến văn bản khác: **Nghị quyết số 142/2024/QH15**');
  });

  it('rename khoản 4 of mục II to 9: the lists follow', () => {
    const r = renameUnit(p, at(text, 'các điểm c khoản 4', 17), '9');
    if ('error' in r) throw new Error(r.error.en);
    const out = applyEdits(text, r.edits);
    expect(out.replace(/\s+/g, ' ')).toContain('các điểm a, g khoản 3 và đ khoản 9 mục II');
    expect(out.replace(/\s+/g, ' ')).toContain('các điểm c khoản 9 mục II');
    expect(r.edits).toHaveLength(4);
  });
});
