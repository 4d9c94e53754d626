/**
 * Rule area "table": the tables of a Phụ lục or a Kế hoạch — their shape,
 * their row numbering (I, II groups; 1, 2; 2.1, 2.2) and their deadline
 * cells ("Tháng 3/2025", "Quý IV/2025", "Trước 31/12/2025", "Năm 2025").
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import { isCanonicalRoman, romanToIntLenient, toRoman } from '../fixes/renumber.ts';
import type { Document, Node, Range } from '../syntax/tree.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { ruleNodes } from './rule-nodes.ts';

const isHeaderRow = (r: Node) => /\/header$/u.test(r.id);

/** Markdown pipe rows (`| a | b |`), as opposed to the portal layout (cells between lone "|" lines). */
function isMarkdown(table: Node, original: string): boolean {
  const first = table.children[0];
  if (!first) return false;
  let s = first.range.start;
  while (s > 0 && original[s - 1] !== '\n' && original[s - 1] !== '\r') s--;
  while (original[s] === ' ' || original[s] === '\t') s++;
  return original[s] === '|' && s < first.range.start;
}

// ---------------------------------------------------------------------------
// table/shape
// ---------------------------------------------------------------------------

export interface ShapeArgs {
  /** Cells in the row (after merged cells are accounted for). */
  cells: number;
  /** Columns of the header. */
  columns: number;
  row?: string;
}

export const shape = defineRule<ShapeArgs>({
  code: 'table/shape',
  severity: 'warning',
  description: {
    vi: 'Dòng của bảng có số ô khác với dòng tiêu đề (sau khi tính các ô gộp)',
    en: 'A table row with a different number of cells than its header (merged cells accounted for)',
  },
  message: {
    vi: (a) => `Dòng${a.row ? ` ${a.row}` : ''} của bảng có ${a.cells} ô, trong khi dòng tiêu đề có ${a.columns} cột`,
    en: (a) => `Table row${a.row ? ` ${a.row}` : ''} has ${a.cells} cells but the header has ${a.columns} columns`,
  },
  check({ tree, original }, report) {
    for (const t of ruleNodes(tree).tables) {
      const header = t.children.find(isHeaderRow);
      const columns = t.columns?.length ?? header?.children.length ?? 0;
      if (columns < 2) continue;
      // A form laid out as a table (a crawler's flattening of a Mẫu) has no heading row to hold rows to.
      if ((t.columns ?? []).some((c) => c.length > 120)) continue;
      const markdown = isMarkdown(t, original);
      const body = t.children.filter((r) => !isHeaderRow(r) && !r.group && r.children.length > 0);
      // Portal layout: trailing empty cells are not kept, so only a row that runs past the header is known to be wrong.
      // Markdown: every cell is written; a row with only its first cell filled is a merged group/title row.
      const cellsOf = (r: Node) => (markdown ? r.children.length : Math.max(...r.children.map((c) => c.column ?? 0)) + 1);
      const wrong = (r: Node) => (markdown ? cellsOf(r) !== columns && !isTitleRow(r) : cellsOf(r) > columns);
      // The header speaks for the table only when most rows agree with it.
      const bad = body.filter(wrong);
      if (bad.length * 2 > body.length) continue;
      for (const r of bad) report({ range: r.range, args: { cells: cellsOf(r), columns, row: r.number } });
    }
  },
});

/** A Markdown row spanning the table: one cell, or the first holding text and the rest empty. */
function isTitleRow(r: Node): boolean {
  return r.children.length === 1 || r.children.slice(1).every((c) => !c.title);
}

// ---------------------------------------------------------------------------
// table/numbering
// ---------------------------------------------------------------------------

export interface RowNumberingArgs {
  label: string;
  prev?: string;
  expected: string;
}

/** Where a row's number is written: the cell whose text starts with it (the "2." of a merged parent is another cell). */
function numberSpans(row: Node, original: string): { cell: Node; range: Range; label: string }[] {
  const out: { cell: Node; range: Range; label: string }[] = [];
  for (const c of row.children) {
    const text = original.slice(c.range.start, c.range.end);
    const m = /^\s*([IVXLC]{1,7}|\d{1,3}(?:\.\d{1,3}){0,3})(?=[.\s]|$)/u.exec(text);
    if (!m) continue;
    const start = c.range.start + m[0].length - m[1].length;
    out.push({ cell: c, range: { start, end: start + m[1].length }, label: m[1] });
  }
  return out;
}

export const numbering = defineRule<RowNumberingArgs>({
  code: 'table/numbering',
  severity: 'warning',
  description: {
    vi: 'Số thứ tự các dòng của bảng (1, 2, 2.1, 2.2, I, II) không liên tiếp',
    en: 'Table row numbers (1, 2, 2.1, 2.2, I, II) out of sequence',
  },
  message: {
    vi: (a) => `Dòng số ${a.label} đứng sau ${a.prev !== undefined ? `dòng số ${a.prev}` : 'đầu bảng'}: không liên tiếp, nên là ${a.expected}`,
    en: (a) => `Row ${a.label} follows ${a.prev !== undefined ? `row ${a.prev}` : 'the start of the table'}: out of sequence; it should be ${a.expected}`,
  },
  fixTitle: {
    vi: () => 'Đánh số lại các dòng của bảng',
    en: () => 'Renumber the table rows',
  },
  check({ tree, original }, report) {
    let state: RowState | undefined;
    for (const t of ruleNodes(tree).tables) {
      const rows = t.children.filter((r) => !isHeaderRow(r) && r.number !== undefined);
      if (rows.length < 2) {
        state = undefined;
        continue;
      }
      // A table cut by a page break or a heading goes on with the numbering of the one before.
      const alone = checkRows(rows);
      const continued = state ? checkRows(rows, state) : undefined;
      const result = continued && continued.findings.length < alone.findings.length ? continued : alone;
      state = result.state;
      if (!result.findings.length) continue;
      // The fix: every row's number (and the merged parent "2." sharing its row) rewritten at once.
      const edits: TextEdit[] = [];
      rows.forEach((r, i) => {
        const want = result.labels[i];
        if (want === r.number) return;
        const spans = numberSpans(r, original);
        const own = spans.find((s) => s.label === r.number);
        if (!own) return;
        edits.push({ range: own.range, newText: want });
        // A "2." cell in front of "2.1.": its parent, renumbered with it.
        const oldParts = r.number!.split('.');
        const newParts = want.split('.');
        for (const s of spans) {
          if (s === own || r.group || (s.cell.column ?? 0) >= (own.cell.column ?? 0)) continue;
          const depth = s.label.split('.').length;
          if (depth < oldParts.length && s.label === oldParts.slice(0, depth).join('.')) {
            const np = newParts.slice(0, depth).join('.');
            if (np !== s.label) edits.push({ range: s.range, newText: np });
          }
        }
      });
      for (const f of result.findings) {
        const r = rows[f.index];
        const own = numberSpans(r, original).find((s) => s.label === r.number);
        report({
          range: own?.range ?? r.range,
          args: { label: r.number!, prev: f.index > 0 ? rows[f.index - 1].number : undefined, expected: result.labels[f.index] },
          edits: edits.length ? edits.map((e) => ({ range: { ...e.range }, newText: e.newText })) : undefined,
        });
      }
    }
  },
});

/** Where a table's numbering stands at its end; a table split over pages goes on from there. */
export interface RowState {
  group: number;
  lastOld: number[];
  cur: number[];
}

/**
 * Row numbers: group rows I, II, … in sequence; inside each group 1, 2, …
 * restarting — or running on through the groups, as many Danh mục tables
 * number them; sub-rows 2.1, 2.2 under 2 (a sub-row may open its parent
 * whose "2." cell is merged: 1, 2.1, 2.2, 3). Returns the breaks and the
 * label each row should have (the fix). `from` continues a table cut by a
 * page break (its first group row follows the previous table's last).
 */
export function checkRows(rows: readonly Node[], from?: RowState): { findings: { index: number }[]; labels: string[]; state: RowState } {
  const findings: { index: number }[] = [];
  const labels: string[] = [];
  const isGroup = (r: Node) => r.group === true || /^[IVXLC]+$/u.test(r.number ?? '');
  const carry = from !== undefined;
  let group = carry ? from!.group : 0;
  let lastOld: number[] = carry ? from!.lastOld : [];
  let cur: number[] = carry ? from!.cur : [];
  // Running numbers through the groups: the first row after some group continues the one before it.
  let running = false;
  {
    let prevMain = 0;
    let afterGroup = false;
    for (const r of rows) {
      if (isGroup(r)) {
        afterGroup = true;
        continue;
      }
      const main = Number(r.number!.split('.')[0]);
      if (afterGroup && prevMain > 0 && main === prevMain + 1 && main !== 1) running = true;
      afterGroup = false;
      prevMain = main;
    }
  }
  const pad = (label: string, like: string) => (/^0\d/u.test(like) && /^\d(?:\.|$)/u.test(label) ? '0' + label : label);
  rows.forEach((r, index) => {
    const label = r.number!;
    if (isGroup(r)) {
      const v = romanToIntLenient(label);
      if (v !== group + 1 || !isCanonicalRoman(label)) findings.push({ index });
      labels.push(toRoman(group + 1));
      group++;
      if (!running) {
        lastOld = [];
        cur = [];
      } else {
        lastOld = lastOld.slice(0, 1);
        cur = cur.slice(0, 1);
      }
      return;
    }
    const c = label.split('.').map(Number);
    // Valid: the first differing level j goes up by one, deeper levels are 1.
    let ok = false;
    for (let j = 0; j < c.length && !ok; j++) {
      if (j > 0 && c[j - 1] !== lastOld[j - 1]) break;
      if (c[j] === (lastOld[j] ?? 0) + 1 && c.slice(j + 1).every((x) => x === 1)) ok = true;
    }
    if (!ok) findings.push({ index });
    // New label: copy the new prefix up to the first level where the old number differs, count up there.
    let j = 0;
    while (j < c.length - 1 && c[j] === lastOld[j]) j++;
    const next = cur.slice(0, j);
    next.push((cur[j] ?? 0) + 1);
    while (next.length < c.length) next.push(1);
    labels.push(pad(next.join('.'), label));
    lastOld = c;
    cur = next;
  });
  return { findings, labels, state: { group, lastOld, cur } };
}

// ---------------------------------------------------------------------------
// table/deadline
// ---------------------------------------------------------------------------

export type DeadlineProblem = 'unreadable' | 'impossible' | 'outside';

export interface DeadlineArgs {
  problem: DeadlineProblem;
  /** The part of the cell that was read. */
  text: string;
  /** The plan's years ("2025" or "2021–2025"). */
  years?: string;
}

const DEADLINE_HEADING = /thời gian|thời hạn|tiến độ|hoàn thành/iu;
const SENTENCE_LIMIT = 300;

export interface DeadlinePiece {
  text: string;
  start: number;
  end: number;
  problem?: 'unreadable' | 'impossible';
  /** Years the piece names. */
  years: number[];
}

function validDate(d: number, m: number, y: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const YEAR_OK = (y: number) => y >= 1900 && y <= 2100;

/**
 * The dates a deadline cell names: "Tháng 3/2025", "Tháng 3, 6, 9, 12/2025",
 * "Tháng 01- 3/2025", "Quý IV/2025", "Quý III- IV/2025", "Trước 31/12/2025",
 * "Năm 2025", "6 tháng đầu năm 2025". Free text ("Thường xuyên", "Sau khi có
 * ý kiến …") names none and is fine.
 */
export function readDeadline(text: string): DeadlinePiece[] {
  const out: DeadlinePiece[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (m: RegExpExecArray, p: Omit<DeadlinePiece, 'text' | 'start' | 'end'>) => {
    const s = m.index;
    const e = m.index + m[0].length;
    if (!free(s, e)) return;
    taken.push([s, e]);
    out.push({ text: m[0].trim(), start: s, end: e, ...p });
  };
  let m: RegExpExecArray | null;
  // Full dates: 31/12/2025, 31-12-2025.
  const DATE = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/gu;
  while ((m = DATE.exec(text))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    add(m, { years: [y], problem: validDate(d, mo, y) && YEAR_OK(y) ? undefined : 'impossible' });
  }
  // Quarters: Quý IV/2025, Quý III- IV/2025, Quý I năm 2025.
  const QUY = /\bquý\s+([IVX1-4]+)(?:\s*(?:[-–]|và|,)\s*([IVX1-4]+))*\s*(?:\/\s*|năm\s+)(\d{4})(?!\d)/giu;
  while ((m = QUY.exec(text))) {
    const y = Number(m[3]);
    const qs = m[0].replace(/^\s*quý\s+/iu, '').replace(/(?<!\s)\s*(?:\/\s*|năm\s+)\d{4}$/iu, '').split(/[-–,]|và/u).map((q) => q.trim());
    const okQ = qs.every((q) => {
      const v = /^\d$/u.test(q) ? Number(q) : isCanonicalRoman(q) ? romanToIntLenient(q)! : 0;
      return v >= 1 && v <= 4;
    });
    add(m, { years: [y], problem: okQ && YEAR_OK(y) ? undefined : 'impossible' });
  }
  // Months: Tháng 3/2025, Tháng 3, 6, 9, 12/2025, Tháng 01- 3/2025, tháng 3 năm 2025.
  const THANG = /\btháng\s+(\d{1,2})((?:\s*(?:[-–,]|và|đến)\s*\d{1,2})*)\s*(?:\/\s*|năm\s+)(\d{4})(?!\d)/giu;
  while ((m = THANG.exec(text))) {
    const y = Number(m[3]);
    const ms = [m[1], ...(m[2].match(/\d{1,2}/gu) ?? [])].map(Number);
    add(m, { years: [y], problem: ms.every((x) => x >= 1 && x <= 12) && YEAR_OK(y) ? undefined : 'impossible' });
  }
  // Bare month/year: 12/2025.
  const MY = /(?<![\d/.])(\d{1,2})\s*\/\s*(\d{4})(?!\d)/gu;
  while ((m = MY.exec(text))) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    add(m, { years: [y], problem: mo >= 1 && mo <= 12 && YEAR_OK(y) ? undefined : 'impossible' });
  }
  // Years: Năm 2025, năm 2025 - 2026, giai đoạn 2021 - 2025.
  const NAM = /\b(?:năm|giai đoạn)\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?(?!\d)/giu;
  while ((m = NAM.exec(text))) {
    const ys = [Number(m[1])];
    if (m[2]) ys.push(Number(m[2]));
    add(m, { years: ys, problem: ys.every(YEAR_OK) && (ys.length < 2 || ys[1] >= ys[0]) ? undefined : 'impossible' });
  }
  // A "Tháng"/"Quý" that none of the forms read: "Tháng 13", "Quý 3/25", "Tháng ba/2025".
  const KEY = /\b(?:tháng|quý)\s+(?:[\dIVX]+\s*\/\s*\d{1,3}(?!\d)|[\dIVX]+\s*\/\s*$)/giu;
  while ((m = KEY.exec(text))) {
    if (free(m.index, m.index + m[0].length)) add(m, { years: [], problem: 'unreadable' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The years a plan covers, from its titles ("… NĂM 2025", "giai đoạn 2021 - 2025"), else from its date. */
export function planYears(tree: Document, table: Node): { from: number; to: number; docYear?: number } | undefined {
  const header = tree.children.find((c) => c.kind === 'header')?.header;
  const y = header?.diaDanhNgay?.year?.text;
  const docYear = y && /^\d{4}$/u.test(y) ? Number(y) : undefined;
  const titles: string[] = [];
  // The Phụ lục / attachment holding the table first, then the document's trích yếu.
  for (const c of tree.children) {
    if ((c.kind === 'phu-luc' || c.kind === 'attachment') && c.range.start <= table.range.start && table.range.end <= c.range.end && c.title) titles.push(c.title);
  }
  for (const c of tree.children) if ((c.kind === 'attachment' || c.kind === 'phu-luc') && c.title && !titles.includes(c.title)) titles.push(c.title);
  if (header?.trichYeu?.text) titles.push(header.trichYeu.text);
  for (const t of titles) {
    const range = /(?:giai đoạn|từ năm|thời kỳ)\s+(\d{4})\s*(?:[-–]|đến(?: năm)?)\s*(\d{4})/iu.exec(t);
    if (range) return { from: Number(range[1]), to: Number(range[2]), docYear };
    const one = /\bnăm\s+(\d{4})(?!\d)/iu.exec(t);
    if (one) return { from: Number(one[1]), to: Number(one[1]), docYear };
  }
  return docYear !== undefined ? { from: docYear, to: docYear + 1, docYear } : undefined;
}

export const deadline = defineRule<DeadlineArgs>({
  code: 'table/deadline',
  severity: 'info',
  description: {
    vi: 'Ô thời hạn của bảng kế hoạch không đọc được, không có thật, hoặc nằm ngoài năm của kế hoạch',
    en: 'A plan table deadline cell that cannot be read, is impossible, or lies outside the plan’s year(s)',
  },
  message: {
    vi: (a) =>
      a.problem === 'unreadable'
        ? `Không đọc được thời hạn “${a.text}”`
        : a.problem === 'impossible'
          ? `Thời hạn “${a.text}” không có thật`
          : `Thời hạn “${a.text}” nằm ngoài thời gian của kế hoạch (${a.years})`,
    en: (a) =>
      a.problem === 'unreadable'
        ? `Cannot read the deadline “${a.text}”`
        : a.problem === 'impossible'
          ? `The deadline “${a.text}” is not a real date`
          : `The deadline “${a.text}” lies outside the plan’s period (${a.years})`,
  },
  check({ tree, original }, report) {
    for (const t of ruleNodes(tree).tables) {
      const cols = t.columns ?? [];
      const col = cols.findIndex((c) => DEADLINE_HEADING.test(c));
      if (col < 0) continue;
      const years = planYears(tree, t);
      for (const r of t.children) {
        if (isHeaderRow(r) || r.group) continue;
        for (const c of r.children) {
          if (c.column !== col) continue;
          const text = original.slice(c.range.start, Math.min(c.range.end, c.range.start + SENTENCE_LIMIT));
          for (const p of readDeadline(text)) {
            const range = { start: c.range.start + p.start, end: c.range.start + p.end };
            if (p.problem) {
              report({ range, args: { problem: p.problem, text: p.text } });
              continue;
            }
            if (!years || !p.years.length) continue;
            // A plan signed in December may set tasks for that month: the document's year counts too.
            const from = Math.min(years.from, years.docYear ?? years.from);
            const outside = p.years.some((y) => y < from || y > years.to);
            if (outside) {
              const span = years.from === years.to ? String(years.from) : `${years.from}–${years.to}`;
              report({ range, args: { problem: 'outside', text: p.text, years: span } });
            }
          }
        }
      }
    }
  },
});

export const tableRules: readonly AnyRule[] = [shape, numbering, deadline];
