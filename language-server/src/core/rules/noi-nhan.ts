/**
 * Rule area "noi-nhan": the Nơi nhận list (ND30 Phụ lục I II.9.d): each
 * recipient on its own line starting with "-" and ending with ";", the last
 * line "- Lưu: VT, …." ending with ".".
 *
 * Nơi nhận blocks inside a Phụ lục are form templates ("- Lưu: VT, ….") and
 * are not checked; neither are lines holding placeholders ("……").
 */
import type { TextLine } from '../syntax/tree.ts';
import { q, trimRange } from './doc-kind.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { ruleNodes } from './rule-nodes.ts';
import { lazy } from '../lazy.ts';

const PLACEHOLDER = /…|\.{3,}/u;
const LUU = /^[-–+•]?\s*Lưu(?![\p{L}])/u;
/** "(2b).Q", "(2b). Quân": the drafter's initials run onto the last line by a converter. */
const TRAILING_INITIALS = lazy(() => /\.\s*\p{L}{1,6}$/u);

export interface FormatArgs {
  line: string;
  problem: 'dash' | 'end';
  found: string;
  expected: string;
  last: boolean;
}

export const format = defineRule<FormatArgs>({
  code: 'noi-nhan/format',
  severity: 'warning',
  description: {
    vi: 'Dòng Nơi nhận không bắt đầu bằng “-” hoặc không kết thúc bằng “;”; dòng cuối (“- Lưu: VT, …”) không kết thúc bằng “.”',
    en: 'A Nơi nhận line not starting with “-” or not ending in “;”, or the last line (“- Lưu: VT, …”) not ending in “.”',
  },
  message: {
    vi: (a) =>
      a.problem === 'dash'
        ? `Dòng Nơi nhận ${q(a.line)} phải bắt đầu bằng dấu gạch ngang “-”`
        : `${a.last ? 'Dòng cuối của Nơi nhận' : 'Dòng Nơi nhận'} ${q(a.line)} ${a.found ? `kết thúc bằng “${a.found}”` : 'không có dấu kết thúc'}: cần “${a.expected}”`,
    en: (a) =>
      a.problem === 'dash'
        ? `Nơi nhận line ${q(a.line)} must start with a dash “-”`
        : `${a.last ? 'The last Nơi nhận line' : 'Nơi nhận line'} ${q(a.line)} ${a.found ? `ends with “${a.found}”` : 'has no closing mark'}: expected “${a.expected}”`,
  },
  fixTitle: {
    vi: (a) => (a.problem === 'dash' ? 'Thêm “- ” ở đầu dòng' : `Kết thúc bằng “${a.expected}”`),
    en: (a) => (a.problem === 'dash' ? 'Start the line with “- ”' : `End with “${a.expected}”`),
  },
  check(ctx, report) {
    const { original } = ctx;
    for (const block of ruleNodes(ctx.tree).noiNhan) {
      const lines: TextLine[] = (block.lines ?? []).map((l) => ({ text: l.text, range: trimRange(original, l.range) }));
      lines.forEach((l, i) => {
        if (l.range.end <= l.range.start || PLACEHOLDER.test(l.text)) return;
        const last = i === lines.length - 1;
        const first = original[l.range.start];
        if (first !== '-') {
          const bullet = /[–+•]/u.test(first);
          report({
            range: l.range,
            args: { line: l.text, problem: 'dash', found: first, expected: '-', last },
            edits: [{ range: { start: l.range.start, end: l.range.start + (bullet ? 1 : 0) }, newText: bullet ? '-' : '- ' }],
          });
        }
        const endChar = original[l.range.end - 1];
        // The "." is asked of the Lưu line; a list cut short before it (noi-nhan/luu says so) may end with ";".
        const isLuu = LUU.test(l.text);
        const expected = last && isLuu ? '.' : ';';
        if (endChar === expected || (last && !isLuu && endChar === '.')) return;
        if (!last && endChar === ':') return; // "- Thủ tướng, các Phó Thủ tướng Chính phủ:" heads a group
        if (last && isLuu && TRAILING_INITIALS().test(l.text)) return;
        const punct = /[.,;:]/u.test(endChar);
        report({
          range: l.range,
          args: { line: l.text, problem: 'end', found: punct ? endChar : '', expected, last },
          edits: [{ range: punct ? { start: l.range.end - 1, end: l.range.end } : { start: l.range.end, end: l.range.end }, newText: expected }],
        });
      });
    }
  },
});

export interface LuuArgs {
  count: number;
}

export const luu = defineRule<LuuArgs>({
  code: 'noi-nhan/luu',
  severity: 'warning',
  description: {
    vi: 'Nơi nhận thiếu dòng “- Lưu: VT, …”',
    en: 'Nơi nhận has no “- Lưu: VT, …” line',
  },
  message: {
    vi: (a) => `Nơi nhận (${a.count} dòng) thiếu dòng cuối “- Lưu: VT, ‹đơn vị soạn thảo›.” (ND30 Phụ lục I mục II.9)`,
    en: (a) => `Nơi nhận (${a.count} lines) has no last line “- Lưu: VT, ‹drafting unit›.” (ND30 Appendix I II.9)`,
  },
  check(ctx, report) {
    for (const block of ruleNodes(ctx.tree).noiNhan) {
      const lines = block.lines ?? [];
      if (lines.length === 0 || lines.some((l) => LUU.test(l.text) || /Lưu\s*:/u.test(l.text))) continue;
      const start = block.range.start;
      let end = start;
      while (end < ctx.original.length && !/[\r\n]/u.test(ctx.original[end])) end++;
      report({ range: { start, end }, args: { count: lines.length } });
    }
  },
});

export const noiNhanRules: readonly AnyRule[] = [format, luu];
