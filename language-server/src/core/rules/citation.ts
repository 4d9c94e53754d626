/**
 * Rule area "citation": citations of other documents (ND30 Phụ lục I II.6.b;
 * ND78 Điều 68) — the số ký hiệu as written, type and issuer against the ký
 * hiệu, the stated date, and the same document cited two ways. The registry
 * checks (registry-mismatch, not-in-force, unknown) are in
 * citation-registry.ts. Citations are read once per parse (core/citations).
 */
import { AttachedMemo } from '../attached-memo.ts';
import { issuerOf, QH_TERMS, TYPE_ALIASES, GENERIC_TYPES } from '../citations/codes.ts';
import { showDate } from '../citations/date.ts';
import { documentInfo } from '../citations/document.ts';
import { textCitations, groupCitations, type Citation } from '../citations/index.ts';
import type { FormatProblem } from '../citations/number.ts';
import { canonicalSegment, TYPE_CODES } from '../citations/codes.ts';
import { foldVi } from '../citations/text.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { BoundedMemo } from '../bounded-memo.ts';
import { lazy } from '../lazy.ts';

const lineOf = (text: string, offset: number) => {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

// ---------------------------------------------------------------------------
// citation/format
// ---------------------------------------------------------------------------

const PROBLEM_VI: Record<FormatProblem['kind'], string> = {
  space: 'có dấu cách bên trong',
  case: 'sai chữ hoa, chữ thường',
  dash: 'dùng dấu gạch khác “-”',
  'line-break': 'bị ngắt xuống dòng',
};
const PROBLEM_EN: Record<FormatProblem['kind'], string> = {
  space: 'has spaces inside',
  case: 'has a letter in the wrong case',
  dash: 'uses a dash other than “-”',
  'line-break': 'is broken across a line',
};

export interface FormatArgs {
  written: string;
  fixed: string;
  kinds: FormatProblem['kind'][];
}

// Module constants: a literal in the loop would be a new RegExp per line once bundled (esbuild lowers \p{…} for node20).
const ENDS_MID_SENTENCE = lazy(() => /[\p{L}\p{N},-]$/u);
const STARTS_LOWER = lazy(() => /^\p{Ll}/u);

/**
 * Hard-wrapped text (a copy from a portal or a PDF: lines end mid-sentence)
 * breaks numbers where the page ended; an editor document does not.
 */
export function isHardWrapped(text: string): boolean {
  const lines = text.split('\n');
  let prose = 0;
  let wrapped = 0;
  // Each line trimmed once: it is the "b" of one pair and the "a" of the next.
  let b = lines[0].trim();
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = b;
    b = lines[i + 1].trim();
    if (a.length < 20 || !b) continue;
    prose++;
    if (ENDS_MID_SENTENCE().test(a) && STARTS_LOWER().test(b)) wrapped++;
  }
  return prose >= 5 && wrapped / prose >= 0.1;
}

const WRAP_CACHE = new AttachedMemo<ParseResult, boolean>('hardWrapped');
/** Hands a parse the answer of `isHardWrapped` known for its text (the language service after an edit that keeps it). */
export function rememberHardWrapped(parse: ParseResult, wrapped: boolean): void {
  WRAP_CACHE.set(parse, wrapped);
}
function hardWrapped(parse: ParseResult): boolean {
  let w = WRAP_CACHE.get(parse);
  if (w === undefined) {
    w = isHardWrapped(parse.source.text);
    WRAP_CACHE.set(parse, w);
  }
  return w;
}

// At module level, where the build writes a g/y literal's \p{…} classes out (scripts/explicit-classes.mjs).
const CODE_SEGMENT = /[\p{L}][\p{L}\d&]*/gu;

/** The written number with the reported problems fixed (a line break is kept unless reported). */
function fixNumber(written: string, joinLines: boolean): string {
  let s = written.normalize('NFC').replace(/[\u2010-\u2015\u2212]/gu, '-');
  s = s.replace(/[ \t\u00a0]*([/-])[ \t\u00a0]*/gu, '$1');
  s = joinLines ? s.replace(/([/-])\n[ \t]*/gu, '$1').replace(/[ \t]*\n[ \t]*/gu, '') : s.replace(/([/-])\n[ \t]+/gu, '$1\n');
  return s.replace(CODE_SEGMENT, (seg) => {
    const c = canonicalSegment(seg);
    return c !== seg && (TYPE_CODES[c] || issuerOf(c) || c === 'TTg') ? c : seg;
  });
}

export const format = defineRule<FormatArgs>({
  code: 'citation/format',
  severity: 'warning',
  description: {
    vi: 'Số ký hiệu văn bản được dẫn viết sai: dấu cách (“76/NQ- CP”), chữ hoa/thường (“CT-TTG”), dấu gạch khác, ngắt dòng',
    en: 'A cited document number written wrong: spaces (“76/NQ- CP”), case (“CT-TTG”), dash variants, a line break',
  },
  message: {
    vi: (a) => `Số ký hiệu “${a.written}” ${a.kinds.map((k) => PROBLEM_VI[k]).join(', ')}: viết “${a.fixed}”`,
    en: (a) => `Document number “${a.written}” ${a.kinds.map((k) => PROBLEM_EN[k]).join(', ')}: write “${a.fixed}”`,
  },
  fixTitle: { vi: (a) => `Viết “${a.fixed}”`, en: (a) => `Write “${a.fixed}”` },
  check(ctx, report) {
    // Asked only for a number with a line break in it: reading every line of the text costs more than the rest of the rule.
    const wrapped = () => hardWrapped(ctx.parse);
    for (const c of textCitations(ctx.parse)) {
      const n = c.number;
      if (!n || n.problems.length === 0) continue;
      const kinds = n.problems.map((p) => p.kind).filter((k) => k !== 'line-break' || !wrapped());
      if (kinds.length === 0) continue;
      const written = ctx.original.slice(n.range.start, n.range.end);
      // Without a line break in the number, both ways of fixing it are the same.
      const fixed = fixNumber(written, !written.includes('\n') || !wrapped());
      if (fixed === written) continue;
      report({
        range: n.range,
        args: { written: written.replace(/\s+/gu, ' '), fixed: fixed.replace(/\s+/gu, ' '), kinds },
        edits: [{ range: n.range, newText: fixed }],
      });
    }
  },
});

// ---------------------------------------------------------------------------
// citation/type-mismatch
// ---------------------------------------------------------------------------

export interface TypeArgs {
  type: string;
  number: string;
  expected: string;
}

/** The types a number admits by itself; undefined when it says nothing. */
export function typesOfNumber(c: Citation): readonly string[] | undefined {
  const p = c.number?.parts;
  if (!p) return undefined;
  if (p.type === 'Văn bản hợp nhất') return undefined; // cited by the consolidated document's type too
  if (p.type) return TYPE_ALIASES[p.type] ?? [p.type];
  if (p.kind === 'state' && p.issuers.length === 1 && p.units.length === 0) {
    const code = p.issuers[0].toUpperCase();
    if (/^QH\d/u.test(code)) return ['Luật', 'Bộ luật', 'Nghị quyết', 'Hiến pháp'];
    if (/^UBTVQH\d/u.test(code)) return ['Pháp lệnh', 'Nghị quyết'];
  }
  return undefined;
}

export const typeMismatch = defineRule<TypeArgs>({
  code: 'citation/type-mismatch',
  severity: 'error',
  description: {
    vi: 'Tên loại văn bản được dẫn không khớp với ký hiệu (“Nghị định số 45/2016/QĐ-TTg”)',
    en: 'The named type of a cited document disagrees with its number (“Nghị định số 45/2016/QĐ-TTg”)',
  },
  message: {
    vi: (a) => `Gọi là “${a.type}” nhưng số ký hiệu “${a.number}” là của ${a.expected}`,
    en: (a) => `Called “${a.type}” but the number “${a.number}” is that of a ${a.expected}`,
  },
  check(ctx, report) {
    for (const c of textCitations(ctx.parse)) {
      if (!c.type || c.type.inferred || !c.number || GENERIC_TYPES.has(c.type.canonical)) continue;
      const allowed = typesOfNumber(c);
      if (!allowed || allowed.includes(c.type.canonical)) continue;
      report({
        range: { start: c.type.range.start, end: c.number.range.end },
        args: { type: c.type.canonical, number: c.number.canonical, expected: allowed.join(' / ') },
      });
    }
  },
});

// ---------------------------------------------------------------------------
// citation/issuer-mismatch
// ---------------------------------------------------------------------------

export interface IssuerArgs {
  issuer: string;
  number: string;
  /** What the number says ("Chính phủ (CP)"), or the renamed ministry's story. */
  detail: string;
  retired?: boolean;
}

/** Codes that stand for the same body ("QH15" is Quốc hội; the Chủ tịch signs for the UBND). */
function sameBody(a: string, b: string): boolean {
  const norm = (x: string) => {
    const u = x.toUpperCase();
    if (/^QHK?\d*$/u.test(u)) return 'QH';
    if (/^UBTVQH\d*$|^PL-UBTVQH/u.test(u)) return 'UBTVQH';
    if (u === 'CTUBND') return 'UBND';
    if (u === 'VKSNDTC') return 'VKSTC';
    if (u === 'BCS') return 'BCSĐ';
    if (u === 'VPTW') return 'TW';
    return u;
  };
  return norm(a) === norm(b);
}

export const issuerMismatch = defineRule<IssuerArgs>({
  code: 'citation/issuer-mismatch',
  severity: 'error',
  description: {
    vi: 'Cơ quan ban hành được nêu không khớp với ký hiệu (“… NĐ-CP … của Thủ tướng Chính phủ”), hoặc ký hiệu của bộ đã hợp nhất dùng cho văn bản ban hành sau ngày 01/3/2025',
    en: 'The named issuer disagrees with the number (“… NĐ-CP … of the Prime Minister”), or a merged ministry’s code on a document dated after 1 March 2025',
  },
  message: {
    vi: (a) =>
      a.retired
        ? `Số ký hiệu “${a.number}”: ${a.detail}`
        : `Nêu cơ quan ban hành “${a.issuer}” nhưng số ký hiệu “${a.number}” là của ${a.detail}`,
    en: (a) =>
      a.retired ? `Number “${a.number}”: ${a.detail}` : `Names the issuer “${a.issuer}” but the number “${a.number}” is that of ${a.detail}`,
  },
  check(ctx, report) {
    for (const c of textCitations(ctx.parse)) {
      const n = c.number;
      if (!n) continue;
      const numberCodes = n.parts.issuers.filter((x) => issuerOf(x));
      const named = c.issuer?.codes ?? [];
      if (c.issuer && named.length > 0 && numberCodes.length > 0 && !named.some((a) => numberCodes.some((b) => sameBody(a, b)))) {
        const body = numberCodes.map((x) => `${issuerOf(x)?.vi} (${x})`).join(', ');
        report({ range: { start: n.range.start, end: c.issuer.range.end }, args: { issuer: c.issuer.text, number: n.canonical, detail: body } });
        continue;
      }
      // A merged ministry's code on a document dated after the merger, or a new one before it.
      const date = c.date?.valid ? c.date.iso : undefined;
      if (!date) continue;
      for (const code of numberCodes) {
        const info = issuerOf(code);
        if (info?.retired && date > info.retired) {
          report({
            range: n.range,
            args: {
              issuer: info.vi,
              number: n.canonical,
              retired: true,
              detail: `${info.vi} (${info.code}) đã hợp nhất từ 01/3/2025 (${info.successor}) nhưng văn bản ghi ngày ${showDate(date)}`,
            },
          });
        } else if (info?.since && date < info.since) {
          report({
            range: n.range,
            args: { issuer: info.vi, number: n.canonical, retired: true, detail: `${info.vi} (${info.code}) chỉ có từ 01/3/2025 nhưng văn bản ghi ngày ${showDate(date)}` },
          });
        }
      }
    }
  },
});

// ---------------------------------------------------------------------------
// citation/year-mismatch
// ---------------------------------------------------------------------------

export interface YearArgs {
  number: string;
  numberYear: number;
  date: string;
  /** A Quốc hội khóa that did not sit in that year. */
  term?: number;
}

export const yearMismatch = defineRule<YearArgs>({
  code: 'citation/year-mismatch',
  severity: 'error',
  description: {
    vi: 'Năm trong số ký hiệu khác năm của ngày ban hành được nêu (“63/2022/NĐ-CP ngày 12/9/2021”), hoặc khóa Quốc hội không khớp với năm',
    en: 'The year inside the number differs from the year of the stated date (“63/2022/NĐ-CP ngày 12/9/2021”), or the National Assembly term does not fit the year',
  },
  message: {
    vi: (a) =>
      a.term
        ? `Số ký hiệu “${a.number}”: Quốc hội khóa ${a.term} không họp năm ${a.numberYear}`
        : `Số ký hiệu “${a.number}” mang năm ${a.numberYear} nhưng ngày ban hành là ${a.date}`,
    en: (a) =>
      a.term
        ? `Number “${a.number}”: the National Assembly of term ${a.term} did not sit in ${a.numberYear}`
        : `Number “${a.number}” carries the year ${a.numberYear} but the stated date is ${a.date}`,
  },
  check(ctx, report) {
    for (const c of textCitations(ctx.parse)) {
      const n = c.number;
      if (!n) continue;
      const year = n.parts.year;
      if (year !== undefined && c.date && Number(c.date.iso.slice(0, 4)) !== year) {
        report({
          range: { start: n.range.start, end: c.date.range.end },
          args: { number: n.canonical, numberYear: year, date: showDate(c.date.iso) },
          related: [{ range: c.date.range, message: { vi: 'Ngày ban hành được nêu', en: 'The stated date' } }],
        });
        continue;
      }
      const y = year ?? (c.date ? Number(c.date.iso.slice(0, 4)) : undefined);
      for (const code of n.parts.issuers) {
        const info = issuerOf(code);
        const span = info?.term ? QH_TERMS[info.term] : undefined;
        if (y !== undefined && span && (y < span[0] || y > span[1])) {
          report({ range: n.range, args: { number: n.canonical, numberYear: y, date: '', term: info!.term } });
          break;
        }
      }
    }
  },
});

// ---------------------------------------------------------------------------
// citation/date-invalid, citation/date-after-document
// ---------------------------------------------------------------------------

export interface DateArgs {
  written: string;
  date: string;
  documentDate?: string;
}

export const dateInvalid = defineRule<DateArgs>({
  code: 'citation/date-invalid',
  severity: 'error',
  description: { vi: 'Ngày không có thật trong một trích dẫn (31/02, tháng 13)', en: 'An impossible date in a citation (31/02, month 13)' },
  message: {
    vi: (a) => `Ngày “${a.written}” không có thật`,
    en: (a) => `The date “${a.written}” does not exist`,
  },
  check(ctx, report) {
    for (const c of textCitations(ctx.parse)) {
      if (c.date && !c.date.valid) report({ range: c.date.range, args: { written: c.date.text, date: c.date.iso } });
    }
  },
});

export const dateAfterDocument = defineRule<DateArgs>({
  code: 'citation/date-after-document',
  severity: 'error',
  description: {
    vi: 'Văn bản được dẫn có ngày ban hành sau ngày của chính văn bản dẫn nó',
    en: 'The cited document is dated after the document that cites it',
  },
  message: {
    vi: (a) => `Văn bản được dẫn ghi ngày ${a.date}, sau ngày ban hành của văn bản này (${a.documentDate})`,
    en: (a) => `The cited document is dated ${a.date}, after this document’s own date (${a.documentDate})`,
  },
  check(ctx, report) {
    const own = documentInfo(ctx.parse);
    if (!own.date || own.number?.parts.type === 'Văn bản hợp nhất') return;
    for (const c of textCitations(ctx.parse)) {
      if (!c.date?.valid || c.self || c.context === 'header' || c.date.iso <= own.date) continue;
      report({
        range: c.date.range,
        args: { written: c.date.text, date: showDate(c.date.iso), documentDate: showDate(own.date) },
        related: own.dateRange ? [{ range: own.dateRange, message: { vi: 'Ngày của văn bản này', en: 'This document’s date' } }] : undefined,
      });
    }
  },
});

// ---------------------------------------------------------------------------
// citation/inconsistent
// ---------------------------------------------------------------------------

export interface InconsistentArgs {
  number: string;
  field: 'date' | 'issuer' | 'title';
  here: string;
  there: string;
  line: number;
}

/** The facts of a citation as messages name them (citation/inconsistent, citation/registry-mismatch). */
export const FIELD_VI = { date: 'ngày ban hành', issuer: 'cơ quan ban hành', title: 'trích yếu' };
export const FIELD_EN = { date: 'date', issuer: 'issuer', title: 'trích yếu (title)' };
const FILLER = new Set(['việc', 'về']);

function titleTokens(s: string): string[] {
  return foldVi(s)
    .split(/[\s,.;:()“”"]+|(?<=\d)-(?=\d)|\s-\s/u)
    .filter((t) => t && t !== '-' && !FILLER.has(t));
}

/**
 * Where two trích yếu of the same document disagree in a number ("giai đoạn
 * 2021 - 2023" / "2021 - 2030") while the words around it agree: the
 * differing numbers, or undefined. Truncations and rewordings are not
 * reported: only a number replaced by another number.
 */
export function numberSubstitution(a: string, b: string): { here: string; there: string } | undefined {
  // The same words replace nothing. Otherwise remembered per pair: a document cites one number many times with the
  // same trích yếu, and citation/inconsistent and registry-mismatch compare each with the first (an LCS table each).
  if (a === b) return undefined;
  // Keyed by a's length and both texts: no separator character a title could hold makes two pairs one key.
  return SUBSTITUTIONS.get(`${a.length}:${a}${b}`, () => substitution(a, b));
}

/** numberSubstitution's answers by pair of titles (a pure function of the two strings). */
const SUBSTITUTIONS = new BoundedMemo<{ here: string; there: string } | undefined>(4096);

function substitution(a: string, b: string): { here: string; there: string } | undefined {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (x.length < 3 || y.length < 3 || x.slice(0, 3).join(' ') !== y.slice(0, 3).join(' ')) return undefined;
  // LCS table, then walk it: a run where x and y both differ and all differing tokens are numbers.
  const n = Math.min(x.length, 120);
  const m = Math.min(y.length, 120);
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    const di: string[] = [];
    const dj: string[] = [];
    while ((i < n || j < m) && !(i < n && j < m && x[i] === y[j])) {
      if (j >= m || (i < n && L[i + 1][j] >= L[i][j + 1])) di.push(x[i++]);
      else dj.push(y[j++]);
    }
    if (di.length > 0 && di.length === dj.length && [...di, ...dj].every((t) => /^\d+$/u.test(t))) {
      return { here: around(a, di[di.length - 1]), there: around(b, dj[dj.length - 1]) };
    }
  }
  return undefined;
}

/** The words before a number in a trích yếu, for the message: "giai đoạn 2021 - 2030". */
function around(title: string, token: string): string {
  const at = title.lastIndexOf(token);
  if (at < 0) return token;
  const before = title.slice(0, at).trim().split(/\s+/u).filter(Boolean);
  return `${before.length > 4 ? '… ' : ''}${[...before.slice(-4), token].join(' ')}`;
}

export const inconsistent = defineRule<InconsistentArgs>({
  code: 'citation/inconsistent',
  severity: 'warning',
  description: {
    vi: 'Cùng một văn bản được dẫn hai lần với ngày, cơ quan ban hành hoặc trích yếu khác nhau',
    en: 'The same document cited twice with a different date, issuer or trích yếu',
  },
  message: {
    vi: (a) => `${a.number} được dẫn với ${FIELD_VI[a.field]} “${a.here}”, nhưng ở dòng ${a.line} là “${a.there}”`,
    en: (a) => `${a.number} is cited with the ${FIELD_EN[a.field]} “${a.here}”, but on line ${a.line} with “${a.there}”`,
  },
  check(ctx, report) {
    const cits = textCitations(ctx.parse);
    for (const g of groupCitations(cits)) {
      const members = g.members.filter((c) => c.kind !== 'short');
      if (members.length < 2) continue;
      const label = (c: Citation) => `${c.type?.canonical ?? ''} ${c.number?.canonical ?? c.name?.text ?? ''}`.trim();
      const compare = (field: InconsistentArgs['field'], value: (c: Citation) => { text: string; range: Range; key: string } | undefined) => {
        const seen: { key: string; c: Citation; v: { text: string; range: Range } }[] = [];
        for (const c of members) {
          const v = value(c);
          if (!v) continue;
          const first = seen[0];
          if (first && !seen.some((s) => s.key === v.key)) {
            report({
              range: v.range,
              args: { number: label(c), field, here: v.text, there: first.v.text, line: lineOf(ctx.original, first.v.range.start) },
              related: [{ range: first.v.range, message: { vi: 'Lần dẫn trước', en: 'The earlier citation' } }],
            });
          }
          if (!seen.some((s) => s.key === v.key)) seen.push({ key: v.key, c, v });
        }
      };
      compare('date', (c) => (c.date?.valid ? { text: c.date.text, range: c.date.range, key: c.date.iso } : undefined));
      compare('issuer', (c) => (c.issuer?.codes.length ? { text: c.issuer.text, range: c.issuer.range, key: [...c.issuer.codes].sort().join() } : undefined));
      // Trích yếu: the first one against each later one, a number replaced by another.
      const titled = members.filter((c) => c.title);
      const reported = new Set<string>();
      for (let k = 1; k < titled.length; k++) {
        const sub = numberSubstitution(titled[k].title!.text, titled[0].title!.text);
        if (!sub || reported.has(sub.here)) continue;
        reported.add(sub.here);
        report({
          range: titled[k].title!.range,
          args: { number: label(titled[k]), field: 'title', here: sub.here, there: sub.there, line: lineOf(ctx.original, titled[0].title!.range.start) },
          related: [{ range: titled[0].title!.range, message: { vi: 'Lần dẫn trước', en: 'The earlier citation' } }],
        });
      }
    }
  },
});

/**
 * The citation rules that judge each citation by itself (its reading, the number as written, the document's header
 * and whether the text is hard-wrapped): run over some citations, they find what they find for those in the whole list.
 */
export const perCitationRules: readonly AnyRule[] = [format, typeMismatch, issuerMismatch, yearMismatch, dateInvalid, dateAfterDocument];
export const citationRules: readonly AnyRule[] = [...perCitationRules, inconsistent];
