/**
 * Rename a unit's number ("Điều 5" → "Điều 7") and every reference to it.
 * Only the number changes; the other units keep theirs (the numbering rules
 * will say if the sequence is then broken, and their fix renumbers the whole
 * scope with its references).
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import { DIEM_LETTERS, isCanonicalRoman, ordinalToInt } from '../fixes/renumber.ts';
import { referenceEdits, type ReferenceConflict } from '../fixes/reference-edits.ts';
import { sameLabel, type PartKind } from '../references/index.ts';
import type { NodeKind, ParseResult, Range } from '../syntax/tree.ts';
import { kindLabel } from '../language-service/tree.ts';
import { focusAt, nodeById } from './focus.ts';
import { scopeOf } from './renumber-scope.ts';

export interface RenameError {
  error: { vi: string; en: string };
}

export interface PrepareRename {
  /** The number to replace (the heading's number, or the written number of a reference). */
  range: Range;
  /** The unit's label as it is. */
  placeholder: string;
  /** The unit renamed. */
  id: string;
}

export interface RenameResult {
  edits: TextEdit[];
  /** Written numbers that name this unit together with another one and were left alone. */
  conflicts: ReferenceConflict[];
}

const NOT_A_UNIT: RenameError = {
  error: {
    vi: 'Chỉ đổi được số hiệu của một Phần, Chương, Mục, Điều, khoản, điểm hoặc Phụ lục (đặt con trỏ vào số hiệu hoặc vào một dẫn chiếu đến nó)',
    en: 'Only the number of a Phần, Chương, Mục, Điều, khoản, điểm or Phụ lục can be renamed (put the cursor on its number or on a reference to it)',
  },
};

/** The unit a rename at `offset` would change, with the range to edit. */
export function prepareRename(parse: ParseResult, offset: number): PrepareRename | RenameError {
  const f = focusAt(parse, offset);
  if (f?.on === 'unit' && f.node.number !== undefined && f.node.numberRange) {
    return { range: f.node.numberRange, placeholder: f.node.number, id: f.node.id };
  }
  if (f?.on === 'reference' && f.number && f.number.ids.length === 1) {
    const node = nodeById(parse, f.number.ids[0]);
    if (node?.number !== undefined && node.numberRange) return { range: f.number.range, placeholder: node.number, id: node.id };
  }
  return NOT_A_UNIT;
}

/**
 * Gives the unit at `offset` (its heading or a reference to it) the number
 * `newLabel`: the edit of the heading's number plus one per reference naming
 * it (lists and range ends included). A label that is not a number of that
 * kind of unit, or that a unit beside it already has, is refused with a
 * message in Vietnamese and English.
 */
export function renameUnit(parse: ParseResult, offset: number, newLabel: string): RenameResult | RenameError {
  const at = prepareRename(parse, offset);
  if ('error' in at) return at;
  const node = nodeById(parse, at.id)!;
  const label = newLabel.trim();
  const invalid = labelProblem(node.kind, label);
  if (invalid) return invalid;
  if (label === node.number) return { edits: [], conflicts: [] };
  const twin = (scopeOf(parse, node)?.nodes ?? []).find((s) => s !== node && s.number !== undefined && sameLabel(node.kind as PartKind, s.number, label));
  if (twin) {
    const name = `${kindLabel(node.kind, 'vi')} ${label}`;
    return { error: { vi: `Đã có ${name} ở cùng cấp; chọn số hiệu khác`, en: `${kindLabel(node.kind, 'en')} ${label} already exists at the same level; choose another number` } };
  }
  const refs = referenceEdits(parse, new Map([[node.id, { from: node.number!, to: label }]]));
  const edits = [{ range: { ...node.numberRange! }, newText: label }, ...refs.edits].sort((a, b) => a.range.start - b.range.start);
  return { edits, conflicts: refs.conflicts };
}

const ARABIC = /^\d{1,4}[a-zđ]?$/u;
const FORMS: Partial<Record<NodeKind, { ok: (l: string) => boolean; vi: string; en: string }>> = {
  dieu: { ok: (l) => ARABIC.test(l), vi: 'Điều được đánh số 1, 2, 3… (hoặc 5a trong văn bản sửa đổi)', en: 'articles are numbered 1, 2, 3… (or 5a in amending text)' },
  khoan: { ok: (l) => ARABIC.test(l) || /^\d{1,3}(?:\.\d{1,3})+$/u.test(l), vi: 'khoản được đánh số 1, 2, 3… (hoặc 2.1)', en: 'clauses are numbered 1, 2, 3… (or 2.1)' },
  diem: { ok: (l) => DIEM_LETTERS.includes(l.replace(/\d{1,2}$/u, '')), vi: 'điểm được đánh theo chữ cái a, b, c, d, đ, e, g… (không dùng f, j, w, z)', en: 'points are lettered a, b, c, d, đ, e, g… (no f, j, w, z)' },
  muc: { ok: (l) => /^\d{1,3}$/u.test(l) || isCanonicalRoman(l), vi: 'Mục được đánh số 1, 2, 3…', en: 'sections are numbered 1, 2, 3…' },
  'tieu-muc': { ok: (l) => /^\d{1,3}$/u.test(l), vi: 'Tiểu mục được đánh số 1, 2, 3…', en: 'subsections are numbered 1, 2, 3…' },
  section: { ok: isCanonicalRoman, vi: 'mục được đánh số La Mã I, II, III…', en: 'sections are numbered I, II, III…' },
  chuong: { ok: (l) => isCanonicalRoman(l) || /^\d{1,3}$/u.test(l), vi: 'Chương được đánh số La Mã I, II, III…', en: 'chapters are numbered I, II, III…' },
  phan: { ok: (l) => isCanonicalRoman(l) || /^\d{1,2}$/u.test(l) || ordinalToInt(l) !== undefined, vi: 'Phần được đánh số I, II… hoặc “thứ nhất”, “thứ hai”…', en: 'parts are numbered I, II… or “thứ nhất”, “thứ hai”…' },
  'phu-luc': { ok: (l) => isCanonicalRoman(l) || /^\d{1,3}$/u.test(l), vi: 'Phụ lục được đánh số La Mã I, II, III…', en: 'appendices are numbered I, II, III…' },
};

function labelProblem(kind: NodeKind, label: string): RenameError | undefined {
  const form = FORMS[kind];
  if (!form) return NOT_A_UNIT;
  if (form.ok(label)) return undefined;
  return {
    error: {
      vi: `“${label}” không phải số hiệu hợp lệ của ${kindLabel(kind, 'vi').toLowerCase()}: ${form.vi}`,
      en: `“${label}” is not a valid ${kindLabel(kind, 'en').toLowerCase()} number: ${form.en}`,
    },
  };
}
