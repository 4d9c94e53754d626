/**
 * Hover on a citation of another document: what the registry of legal
 * documents knows (type and number, title, issuer, dates, status and what
 * changed it, relations, how many sources agree) and the other places this
 * document cites it; "Không có trong cơ sở dữ liệu" when the registry does not
 * know it. Markdown, Vietnamese unless asked for English.
 */
import { findCitations, groupCitations, type Citation } from '../citations/index.ts';
import { showDate } from '../citations/date.ts';
import type { Lang } from '../diagnostics/diagnostic.ts';
import { RELATION_EN, RELATION_VI, STATUS_EN, STATUS_VI, type FactField } from '../registry/schema.ts';
import type { Registry, RegistryEntry } from '../registry/registry.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import type { LineIndex } from '../text/positions.ts';
import { escapeMarkdown as md } from './hover.ts';

const MAX_RELATIONS = 8;
const MAX_PLACES = 6;

/** The citation whose text (pinpoint included) holds `offset`. */
export function citationUnder(parse: ParseResult, offset: number): Citation | undefined {
  for (const c of findCitations(parse)) {
    const from = c.pinpoint ? Math.min(c.pinpoint.range.start, c.range.start) : c.range.start;
    if (from <= offset && offset <= c.range.end) return c;
  }
  return undefined;
}

export function citationHover(parse: ParseResult, lines: LineIndex, registry: Registry, offset: number, lang: Lang): { range: Range; markdown: string } | undefined {
  const c = citationUnder(parse, offset);
  if (!c) return undefined;
  const all = findCitations(parse);
  const full = c.kind === 'short' && c.shortOf !== undefined ? all[c.shortOf] : c;
  const say = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const entry = registry.lookup(full);
  const name = md([full.type?.canonical ?? entry?.type, full.number ? say(`số ${full.number.canonical}`, `No. ${full.number.canonical}`) : (full.name?.text ?? '')].filter(Boolean).join(' '));
  const blocks: string[] = [];
  if (entry) blocks.push(entryCard(name, entry, lang));
  else blocks.push(`**${name}** — ${say('Không có trong cơ sở dữ liệu', 'Not in the registry')}${citedFacts(full, lang)}`);
  const places = otherPlaces(parse, lines, c, lang);
  if (places) blocks.push(places);
  return { range: c.range, markdown: blocks.join('\n\n') };
}

function entryCard(name: string, e: RegistryEntry, lang: Lang): string {
  const say = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const date = (iso: string | undefined) => (iso ? showDate(iso, lang) : undefined);
  const lines: string[] = [];
  const head = [`**${name}**`, e.dateIssued ? say(`ngày ${date(e.dateIssued)}`, `of ${date(e.dateIssued)}`) : '', e.issuer ? say(`của ${md(e.issuer)}`, `by ${md(e.issuer)}`) : ''].filter(Boolean).join(' ');
  lines.push(head);
  if (e.title) lines.push(`*${md(e.title)}*`);
  const facts: string[] = [];
  if (e.status) {
    const status = (lang === 'en' ? STATUS_EN : STATUS_VI)[e.status];
    facts.push(`- ${say('Tình trạng', 'Status')}: ${status}${e.statusDate ? say(` (từ ${date(e.statusDate)})`, ` (since ${date(e.statusDate)})`) : ''}`);
  }
  if (e.dateEffective) facts.push(`- ${say('Hiệu lực từ', 'In force from')}: ${date(e.dateEffective)}`);
  for (const r of (e.relations ?? []).slice(0, MAX_RELATIONS)) {
    const kind = (lang === 'en' ? RELATION_EN : RELATION_VI)[r.kind];
    facts.push(`- ${kind[0].toUpperCase()}${kind.slice(1)} ${md(r.number)}${r.partial ? say(' (một phần)', ' (in part)') : ''}${r.date ? ` (${date(r.date)})` : ''}`);
  }
  if ((e.relations?.length ?? 0) > MAX_RELATIONS) facts.push(`- … ${say(`và ${e.relations!.length - MAX_RELATIONS} quan hệ khác`, `and ${e.relations!.length - MAX_RELATIONS} more relations`)}`);
  const agree = agreement(e);
  if (agree) facts.push(`- ${say(`Nguồn: ${agree} nơi ghi nhận`, `Sources: stated in ${agree} places`)} (${e.origins.map((o) => md(o)).join(', ')})`);
  return [lines.join('\n\n'), facts.join('\n')].filter(Boolean).join('\n\n');
}

/** How many places state the entry's facts (the best-attested fact's count). */
function agreement(e: RegistryEntry): number {
  let best = 0;
  for (const f of Object.keys(e.evidence ?? {}) as FactField[]) for (const x of e.evidence![f] ?? []) best = Math.max(best, x.count);
  return best;
}

/** What the citation itself states, for a document the registry does not know. */
function citedFacts(c: Citation, lang: Lang): string {
  const say = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const parts = [
    c.date ? say(`ngày ${showDate(c.date.iso, lang)}`, `of ${showDate(c.date.iso, lang)}`) : '',
    c.issuer ? say(`của ${md(c.issuer.name)}`, `by ${md(c.issuer.name)}`) : '',
  ].filter(Boolean);
  const title = c.title ? `\n\n*${md(c.title.text)}*` : '';
  return (parts.length ? `\n\n${say('Theo văn bản này', 'As cited here')}: ${parts.join(' ')}` : '') + title;
}

/** "Văn bản này còn trích dẫn ở dòng 21, 84" — the other citations of the same document. */
function otherPlaces(parse: ParseResult, lines: LineIndex, c: Citation, lang: Lang): string | undefined {
  const group = groupCitations(findCitations(parse)).find((g) => g.members.includes(c));
  const others = (group?.members ?? []).filter((m) => m !== c);
  if (others.length === 0) return undefined;
  const at = others.slice(0, MAX_PLACES).map((m) => lines.positionAt(m.range.start).line + 1);
  const more = others.length > MAX_PLACES ? (lang === 'en' ? `, … (${others.length} in all)` : `, … (tổng ${others.length})`) : '';
  return lang === 'en' ? `Also cited on line ${at.join(', ')}${more}.` : `Văn bản này còn trích dẫn ở dòng ${at.join(', ')}${more}.`;
}
