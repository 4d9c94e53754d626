/**
 * What a reader sees on a citation (hover, Markdown) and what a drafter is
 * offered while typing one (completion data), as pure functions the language
 * service calls: type and number, trích yếu, issuer, dates, status with the
 * date it changed and what replaced or amended it, how many sources agree,
 * the other places this document cites it — "Không có trong cơ sở dữ liệu"
 * when the registry does not know the number.
 */
import type { Lang } from '../diagnostics/diagnostic.ts';
import type { Registry, RegistryEntry } from '../registry/registry.ts';
import { RELATION_EN, RELATION_VI, STATUS_EN, STATUS_VI, type FactField, type RelationKind } from '../registry/schema.ts';
import { resolveInDocument } from '../rules/citation-registry.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import { escapeMarkdown as md } from '../text/markdown.ts';
import { createLineIndex, type LineIndex } from '../text/positions.ts';
import { longDate, showDate } from './date.ts';
import { documentInfo } from './document.ts';
import { findCitations, type Citation } from './index.ts';

export interface CitationHover {
  /** The citation's range (original offsets). */
  range: Range;
  markdown: string;
  citation: Citation;
  entry?: RegistryEntry;
}

const T = {
  vi: {
    unknown: 'Không có trong cơ sở dữ liệu văn bản',
    issuer: 'Cơ quan ban hành', issued: 'Ngày ban hành', effective: 'Ngày có hiệu lực', status: 'Tình trạng', since: 'từ ngày',
    sources: (n: number) => `${n} nguồn thống nhất`, conflict: (n: number, v: string) => `${n} nguồn ghi ${v}`,
    here: 'Văn bản này ghi', cited: (n: number, lines: string) => `Được dẫn ${n} lần trong văn bản này: dòng ${lines}`,
    pinpoint: 'Dẫn chiếu', registry: 'Cơ sở dữ liệu', party: 'Văn bản của Đảng (không phải văn bản quy phạm pháp luật)',
    onlyLaw: 'Trích dẫn không ghi ngày ban hành: văn bản duy nhất mang tên này (trong cơ sở dữ liệu, đến ngày của văn bản này)',
    inForceLaw: 'Trích dẫn không ghi ngày ban hành: trong các văn bản cùng tên, văn bản duy nhất chưa hết hiệu lực',
  },
  en: {
    unknown: 'Not in the registry',
    issuer: 'Issuer', issued: 'Issued', effective: 'In force from', status: 'Status', since: 'since',
    sources: (n: number) => `${n} sources agree`, conflict: (n: number, v: string) => `${n} sources say ${v}`,
    here: 'This document says', cited: (n: number, lines: string) => `Cited ${n} times in this document: lines ${lines}`,
    pinpoint: 'Pinpoint', registry: 'Registry', party: 'A Party document (not a legal normative document)',
    onlyLaw: 'Cited without its date: the only law of this name (in the registry, up to the date of this document)',
    inForceLaw: 'Cited without its date: of the laws of this name, the only one not known to be out of force',
  },
};

/** The citation under `offset`, or undefined. */
export function citationAt(parse: ParseResult, offset: number): Citation | undefined {
  for (const c of findCitations(parse)) {
    const end = Math.max(c.range.end, c.title?.range.end ?? 0);
    if (offset >= (c.pinpoint?.range.start ?? c.range.start) && offset <= end) return c;
  }
  return undefined;
}

function evidenceNote(e: RegistryEntry, field: FactField, value: string | undefined, lang: Lang, show = (v: string) => v): string {
  const list = e.evidence?.[field];
  if (!list || !value) return '';
  const chosen = list.find((x) => x.value === value)?.count ?? 0;
  const others = list.filter((x) => x.value !== value).map((x) => T[lang].conflict(x.count, show(x.value)));
  const parts = [chosen > 0 ? T[lang].sources(chosen) : '', ...others].filter(Boolean);
  return parts.length ? ` _(${parts.join('; ')})_` : '';
}

/**
 * `lines`: the line index of `parse.source.original` when the caller holds one (the language service does);
 * indexing 1 MB anew took ≈ 1 ms of each hover on a citation cited more than once.
 */
export function hoverCitation(parse: ParseResult, offset: number, options: { registry?: Registry; lang?: Lang; lines?: LineIndex } = {}): CitationHover | undefined {
  const c = citationAt(parse, offset);
  if (!c) return undefined;
  const lang = options.lang ?? 'vi';
  const t = T[lang];
  const cits = findCitations(parse);
  const resolved = options.registry ? resolveInDocument(options.registry, c, cits, documentInfo(parse).date) : undefined;
  const entry = resolved?.entry;
  const date = (iso: string) => (lang === 'en' ? iso : showDate(iso));
  const name = md(`${c.type?.canonical ?? entry?.type ?? ''} ${c.number ? `số ${c.number.canonical}` : (c.name?.text ?? '')}`.trim());
  const out: string[] = [`**${name}**${entry?.issuer ? ` — ${md(entry.issuer)}` : c.issuer ? ` — ${md(c.issuer.name)}` : ''}`];
  if (c.pinpoint) out.push(`${t.pinpoint}: ${md(c.pinpoint.text)}`);
  if (c.kind === 'party') out.push(`_${t.party}_`);
  if (entry) {
    // A law cited by name alone: which of the laws of that name this is, and why (the citation does not say).
    if (resolved.by === 'only' || resolved.by === 'in-force') out.push(`_${t[resolved.by === 'only' ? 'onlyLaw' : 'inForceLaw']}_`);
    if (entry.title) out.push('', md(entry.title));
    const facts: string[] = [];
    if (entry.issuer) facts.push(`- ${t.issuer}: ${md(entry.issuer)}${evidenceNote(entry, 'issuer', entry.issuer, lang)}`);
    if (entry.dateIssued) facts.push(`- ${t.issued}: ${date(entry.dateIssued)}${evidenceNote(entry, 'dateIssued', entry.dateIssued, lang, date)}`);
    if (entry.dateEffective) facts.push(`- ${t.effective}: ${date(entry.dateEffective)}`);
    if (entry.status) {
      const label = (lang === 'en' ? STATUS_EN : STATUS_VI)[entry.status];
      facts.push(`- ${t.status}: **${label}**${entry.statusDate ? ` ${t.since} ${date(entry.statusDate)}` : ''}`);
    }
    const rel = lang === 'en' ? RELATION_EN : RELATION_VI;
    const byKind = new Map<RelationKind, string[]>();
    for (const r of entry.relations ?? []) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), `${md(r.number)}${r.date ? ` (${date(r.date)})` : ''}`]);
    for (const [kind, list] of byKind) facts.push(`- ${rel[kind][0].toUpperCase()}${rel[kind].slice(1)}: ${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''}`);
    out.push('', ...facts);
  } else if (c.kind !== 'party') {
    out.push('', `_${t.unknown}_`);
  }
  // What this document itself states, when it differs or when the registry is silent.
  const stated = [c.date?.valid ? date(c.date.iso) : '', md(c.title?.text ?? '')].filter(Boolean);
  if (!entry && stated.length > 0) out.push('', `${t.here}: ${stated.join(' — ')}`);
  const same = cits.filter((x) => x.key === c.key && x !== c);
  if (same.length > 0) {
    const index = options.lines ?? createLineIndex(parse.source.original);
    const lines = [...new Set(same.map((x) => index.positionAt(x.range.start).line + 1))];
    out.push('', t.cited(same.length + 1, lines.slice(0, 12).join(', ') + (lines.length > 12 ? ', …' : '')));
  }
  const range = { start: c.range.start, end: c.range.end };
  return entry ? { range, markdown: out.join('\n'), citation: c, entry } : { range, markdown: out.join('\n'), citation: c };
}

// ---------------------------------------------------------------------------
// Completion
// ---------------------------------------------------------------------------

export interface CitationCompletionItem {
  /** "30/2020/NĐ-CP" */
  label: string;
  /** "05/3/2020 — Chính phủ" */
  detail: string;
  /** The trích yếu, for the documentation pane. */
  documentation?: string;
  /** The full first citation (ND30 Phụ lục I II.6.b): number, date, issuer, trích yếu. */
  insertText: string;
}

export interface CitationCompletion {
  /** Where the typed number starts (the text from there to the cursor is replaced). */
  from: number;
  type: string;
  items: CitationCompletionItem[];
}

const TYPED = /(Nghị quyết liên tịch|Thông tư liên tịch|Văn bản hợp nhất|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Luật|Bộ luật|Pháp lệnh|Kế hoạch|Công văn|Lệnh)[ \t]+(?:số[ \t]+)?([0-9][0-9A-Za-zĐđ/&-]*)?$/u;

/** "Căn cứ Nghị định số 30" → the known numbers starting "30" with their full citation text. */
export function completeCitation(text: string, offset: number, options: { registry: Registry; lang?: Lang; limit?: number }): CitationCompletion | undefined {
  const before = text.slice(Math.max(0, offset - 80), offset).normalize('NFC');
  const m = TYPED.exec(before);
  if (!m) return undefined;
  const typed = m[2] ?? '';
  const type = m[1];
  const items = options.registry.complete(typed, type, options.limit ?? 30).map((e) => completionItem(e, options.lang ?? 'vi'));
  return { from: offset - typed.length, type, items };
}

function completionItem(e: RegistryEntry, lang: Lang): CitationCompletionItem {
  const parts = [e.number!];
  if (e.dateIssued) parts.push(`ngày ${longDate(e.dateIssued)}`);
  if (e.issuer) parts.push(`của ${e.issuer}`);
  if (e.title) parts.push(e.title.charAt(0).toLowerCase() + e.title.slice(1));
  const detail = [e.dateIssued ? (lang === 'en' ? e.dateIssued : showDate(e.dateIssued)) : '', e.issuer ?? ''].filter(Boolean).join(' — ');
  const item: CitationCompletionItem = { label: e.number!, detail, insertText: parts.join(' ') };
  if (e.title) item.documentation = e.title;
  return item;
}
