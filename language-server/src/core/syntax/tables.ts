/**
 * Tables of a Phụ lục or a Kế hoạch, in the shapes they arrive in:
 * - Markdown pipe rows (`| STT | Nội dung | … |`), as crawlers write them;
 * - portal copies, where every cell is followed by a line holding a lone "|"
 *   and a cell merged over several rows (row-spanned) is left out of the
 *   follow-up rows. Row boundaries are not marked, so they are recovered from
 *   the row numbering: "I." opens a group row, "2." a row, "2.1." a row whose
 *   first cell is either the "2." just before it or merged from above.
 * Offsets are into the normalised text.
 */
import type { Node, Range } from './tree.ts';
import { fold } from './header.ts';

export interface Span {
  start: number;
  end: number;
}

const GROUP = /^([IVXLC]{1,7})\.(?=\s)/u;
const MAIN = /^(\d{1,3})\.(?!\d)/u;
const SUB = /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s|$)/u;
const TITLE_MAX = 200;

function cellNode(text: string, span: Span, column: number, id: string): Node {
  return {
    kind: 'cell',
    id,
    column,
    title: clip(fold(text.slice(span.start, span.end))),
    range: { start: span.start, end: span.end },
    children: [],
  };
}

/** Portal layout: `cells` are the spans between lone "|" lines, in order (empty cells have start === end). */
export function buildPipeTable(text: string, cells: Span[], id: string, range: Range): Node {
  const label = (s: Span) => text.slice(s.start, s.end).trimStart();
  // The header row is every cell before the first numbered cell.
  let h = 0;
  while (h < cells.length && !rowNumber(label(cells[h]))) h++;
  const header = cells.slice(0, h).filter((c) => c.end > c.start);
  const columns = header.map((c) => fold(text.slice(c.start, c.end)));
  const ncols = Math.max(columns.length, 1);
  const table: Node = { kind: 'table', id, range, columns, children: [] };
  if (header.length) {
    table.children.push(rowNode(text, header.map((c, i) => ({ span: c, column: i })), `${id}/header`, undefined, false));
  }

  type Pending = { cells: { span: Span; column: number }[]; number?: string; group: boolean; mainLabel?: string };
  const rows: Pending[] = [];
  let cur: Pending | undefined;
  let lastMain: string | undefined;
  for (let k = h; k < cells.length; k++) {
    const c = cells[k];
    const t = label(c);
    const num = rowNumber(t);
    const nextCol = cur ? (cur.cells.length ? cur.cells[cur.cells.length - 1].column + 1 : 0) : 0;
    if (num?.kind === 'group') {
      cur = { cells: [{ span: c, column: 0 }], number: num.label, group: true };
      rows.push(cur);
      lastMain = undefined;
    } else if (
      num?.kind === 'main' &&
      // A "3." inside a cell's text is not a row unless it continues the row numbering.
      (!cur || lastMain === undefined || num.label === '1' || Number(num.label) === Number(lastMain) + 1 || nextCol >= ncols)
    ) {
      cur = { cells: [{ span: c, column: 0 }], number: num.label, group: false, mainLabel: num.label };
      rows.push(cur);
      lastMain = num.label;
    } else if (num?.kind === 'sub') {
      const parent = num.label.split('.')[0];
      if (cur && !cur.group && cur.cells.length === 1 && cur.mainLabel === parent && cur.number === parent) {
        // "2." then "2.1." on the same row: the first cell is the merged parent.
        cur.cells.push({ span: c, column: 1 });
        cur.number = num.label;
      } else {
        cur = { cells: [{ span: c, column: lastMain === parent ? 1 : 0 }], number: num.label, group: false };
        rows.push(cur);
      }
    } else if (cur && nextCol < ncols) {
      cur.cells.push({ span: c, column: nextCol });
    } else if (c.end > c.start) {
      cur = { cells: [{ span: c, column: 0 }], group: false };
      rows.push(cur);
    }
  }
  // Row ids: numbering restarts in each group (I, II…), so the group is part of the id.
  let group: string | undefined;
  rows.forEach((r, i) => {
    // Trailing empty cells carry no information; keep the ones inside the row.
    while (r.cells.length > 1 && r.cells[r.cells.length - 1].span.end === r.cells[r.cells.length - 1].span.start) r.cells.pop();
    if (r.group) group = r.number;
    const key = r.group ? r.number : r.number !== undefined ? (group ? `${group}_${r.number}` : r.number) : `${i + 1}`;
    table.children.push(rowNode(text, r.cells, `${id}/row_${key}`, r.number, r.group));
  });
  return table;
}

function rowNode(text: string, cells: { span: Span; column: number }[], id: string, number: string | undefined, group: boolean): Node {
  const nonEmpty = cells.filter((c) => c.span.end > c.span.start);
  const start = nonEmpty.length ? nonEmpty[0].span.start : cells[0].span.start;
  const end = nonEmpty.length ? nonEmpty[nonEmpty.length - 1].span.end : cells[0].span.end;
  const row: Node = {
    kind: 'row',
    id,
    range: { start, end },
    children: cells.map((c) => cellNode(text, c.span, c.column, `${id}/cell_${c.column + 1}`)),
  };
  if (number !== undefined) row.number = number;
  if (group) row.group = true;
  return row;
}

export function rowNumber(t: string): { kind: 'group' | 'main' | 'sub'; label: string } | undefined {
  let m: RegExpExecArray | null;
  if ((m = SUB.exec(t))) return { kind: 'sub', label: m[1] };
  if ((m = MAIN.exec(t))) return { kind: 'main', label: m[1] };
  if ((m = GROUP.exec(t))) return { kind: 'group', label: m[1] };
  return undefined;
}

/** Markdown rows: each line `| a | b |`; a `|---|` line separates the header. */
export function buildMarkdownTable(text: string, lines: Span[], id: string): Node {
  const rows: { cells: Span[] }[] = [];
  for (const l of lines) {
    const raw = text.slice(l.start, l.end);
    if (/^\|[\s:|-]*\|$/u.test(raw) && raw.includes('-')) continue;
    const cells: Span[] = [];
    let s = l.start + 1;
    for (let i = l.start + 1; i <= l.end - 1; i++) {
      if (i === l.end - 1 || text[i] === '|') {
        const e = i;
        let cs = s;
        let ce = e;
        while (cs < ce && /\s/u.test(text[cs])) cs++;
        while (ce > cs && /\s/u.test(text[ce - 1])) ce--;
        cells.push({ start: cs, end: ce });
        s = i + 1;
      }
    }
    rows.push({ cells });
  }
  const first = rows[0];
  const columns = first ? first.cells.map((c) => fold(text.slice(c.start, c.end))) : [];
  const table: Node = {
    kind: 'table',
    id,
    range: { start: lines[0].start, end: lines[lines.length - 1].end },
    columns,
    children: [],
  };
  rows.forEach((r, i) => {
    const num = i === 0 ? undefined : r.cells.length ? rowNumber(text.slice(r.cells[0].start, r.cells[0].end)) ?? bareNumber(text, r.cells[0]) : undefined;
    table.children.push(
      rowNode(
        text,
        r.cells.map((span, column) => ({ span, column })),
        i === 0 ? `${id}/header` : `${id}/row_${num?.label ?? i}`,
        num?.label,
        num?.kind === 'group',
      ),
    );
  });
  return table;
}

/** An STT cell holding just "3" or "IV". */
function bareNumber(text: string, s: Span): { kind: 'group' | 'main'; label: string } | undefined {
  const t = text.slice(s.start, s.end).trim();
  if (/^\d{1,3}$/u.test(t)) return { kind: 'main', label: t };
  if (/^[IVXLC]{1,7}$/u.test(t)) return { kind: 'group', label: t };
  return undefined;
}

function clip(s: string): string {
  return s.length > TITLE_MAX ? s.slice(0, TITLE_MAX - 1) + '…' : s;
}
