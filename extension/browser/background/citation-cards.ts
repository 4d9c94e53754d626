/**
 * What a citation's hover card says: the registry entry of the cited
 * document (embedded registry, imported files, documents learned on vbpl.vn)
 * — trích yếu, issuer, dates, status and since when, what replaced, repealed
 * or amended it, where the facts come from — or, for a document the registry
 * does not know, what the citation itself states. Plain label/value pairs;
 * the content script builds the card from them with textContent.
 */
import type { Citation } from '../../../language-server/src/core/citations/index.ts';
import type { Lang } from '../../../language-server/src/core/diagnostics/diagnostic.ts';
import type { RegistryEntry } from '../../../language-server/src/core/registry/registry.ts';
import { RELATION_EN, RELATION_VI, STATUS_EN, STATUS_VI, type RelationKind } from '../../../language-server/src/core/registry/schema.ts';
import { t } from '../lib/i18n.ts';
import type { CitationCard } from '../lib/messages.ts';
import { STATUS_TONE, statusTone } from '../registry/file.ts';
import type { LearnedEntry } from './learned.ts';
import { LEARNED_LAYER } from './registry.ts';

/** "2022-09-12" → "12/09/2022" (as vbpl.vn writes dates). */
function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const MAX_RELATED = 8;

/** What data-vanban-citation says: the canonical number, or the name (and year) of a law cited by name. */
export function citationId(c: Citation): string | undefined {
  if (c.number) return c.number.canonical;
  if (c.name) return c.year ? `${c.name.text} ${c.year.value}` : c.name.text;
  return undefined;
}

/** Where the entry's facts come from: the embedded registry, an imported file, the vbpl.vn page read. */
function provenance(entry: RegistryEntry, learned: LearnedEntry | undefined, lang: Lang): string {
  const en = lang === 'en';
  return entry.origins
    .map((o) => (o === 'embedded' ? (en ? 'Vanban’s registry' : 'cơ sở dữ liệu của Vanban') : o === LEARNED_LAYER ? (learned?.url ?? o) : `${en ? 'imported file' : 'tệp đã nhập'} ${o}`))
    .join('; ');
}

function relationFacts(entry: RegistryEntry, lang: Lang): [string, string][] {
  const names = lang === 'en' ? RELATION_EN : RELATION_VI;
  const byKind = new Map<RelationKind, string[]>();
  for (const r of entry.relations ?? []) {
    const list = byKind.get(r.kind) ?? [];
    list.push(`${r.number}${r.partial ? (lang === 'en' ? ' (in part)' : ' (một phần)') : ''}${r.date ? ` (${dmy(r.date)})` : ''}`);
    byKind.set(r.kind, list);
  }
  return [...byKind].map(([kind, list]) => {
    const label = names[kind];
    return [label.charAt(0).toUpperCase() + label.slice(1), list.slice(0, MAX_RELATED).join(', ') + (list.length > MAX_RELATED ? ', …' : '')];
  });
}

function statusLine(entry: RegistryEntry | undefined, learned: LearnedEntry | undefined, lang: Lang): Pick<CitationCard, 'status' | 'tone'> {
  if (entry?.status) {
    const label = (lang === 'en' ? STATUS_EN : STATUS_VI)[entry.status];
    const since = entry.statusDate ? ` ${lang === 'en' ? 'since' : 'từ ngày'} ${dmy(entry.statusDate)}` : '';
    return { status: label + since, tone: STATUS_TONE[entry.status] };
  }
  // A status vbpl.vn wrote that the registry format has no value for ("Ngưng hiệu lực một phần"): shown as read.
  if (learned?.status) return { status: learned.status, tone: statusTone(learned.status) };
  return { tone: 'unknown' };
}

/**
 * The card of citation `c`: `entry` is the registry's document (undefined:
 * unknown to the registry), `learned` the vbpl.vn reading of it, if any.
 */
export function citationCard(c: Citation, entry: RegistryEntry | undefined, learned: LearnedEntry | undefined, lang: Lang): CitationCard {
  const type = c.type?.canonical ?? entry?.type;
  const heading = c.number ? `${type ?? ''} ${lang === 'vi' ? 'số ' : ''}${c.number.canonical}`.trim() : (citationId(c) ?? '');
  const facts: [string, string][] = [];
  const title = entry?.title ?? c.title?.text;
  if (title) facts.push([t(lang, 'factTitle'), title.length > 300 ? `${title.slice(0, 299)}…` : title]);
  const issuer = entry?.issuer ?? c.issuer?.name;
  if (issuer) facts.push([t(lang, 'factIssuer'), issuer]);
  const issued = entry?.dateIssued ?? (c.date?.valid ? c.date.iso : undefined);
  if (issued) facts.push([t(lang, 'factIssued'), dmy(issued)]);
  if (entry?.dateEffective) facts.push([t(lang, 'factEffective'), dmy(entry.dateEffective)]);
  if (entry) facts.push(...relationFacts(entry, lang));
  if (learned?.signer) facts.push([t(lang, 'factSigner'), [learned.signerTitle, learned.signer].filter(Boolean).join(' ')]);
  if (c.pinpoint) facts.push([t(lang, 'factPinpoint'), c.pinpoint.text]);
  if (entry) facts.push([t(lang, 'factSource'), provenance(entry, learned, lang)]);
  const head = c.self ? `${heading} (${t(lang, 'thisDocument')})` : heading;
  const clip = (s: string) => s.slice(0, 2_000);
  return { heading: clip(head), facts: facts.map(([a, b]) => [clip(a), clip(b)]), known: !!entry, ...statusLine(entry, learned, lang) };
}
