/**
 * What a citation's hover card says: the document as the page cites it
 * (type, number, date, issuer, trích yếu), completed with what the local
 * registry knows (learned while reading vbpl.vn): status, effective date,
 * where it was read. Plain label/value pairs; the content script builds the
 * card from them with textContent.
 */
import type { Citation } from '../../../language-server/src/core/citations/index.ts';
import type { Lang } from '../../../language-server/src/core/diagnostics/diagnostic.ts';
import { t } from '../lib/i18n.ts';
import type { CitationCard } from '../lib/messages.ts';
import type { LearnedEntry } from './learned.ts';

/** "2022-09-12" → "12/09/2022". */
function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** What data-vanban-citation says: the canonical number, or the name (and year) of a law cited by name. */
export function citationId(c: Citation): string | undefined {
  if (c.number) return c.number.canonical;
  if (c.name) return c.year ? `${c.name.text} ${c.year.value}` : c.name.text;
  return undefined;
}

export function citationCard(c: Citation, learned: LearnedEntry | undefined, lang: Lang): CitationCard {
  const type = c.type?.canonical ?? learned?.type;
  const id = citationId(c) ?? '';
  const heading = c.number ? `${type ?? ''} ${lang === 'vi' ? 'số ' : ''}${c.number.canonical}`.trim() : id;
  const facts: [string, string][] = [];
  const issued = c.date?.valid ? c.date.iso : learned?.issued;
  if (issued) facts.push([t(lang, 'factIssued'), dmy(issued)]);
  const issuer = c.issuer?.name ?? learned?.issuer;
  if (issuer) facts.push([t(lang, 'factIssuer'), issuer]);
  const title = c.title?.text ?? learned?.title;
  if (title) facts.push([t(lang, 'factTitle'), title.length > 300 ? `${title.slice(0, 299)}…` : title]);
  if (learned?.effective) facts.push([t(lang, 'factEffective'), dmy(learned.effective)]);
  if (learned?.signer) facts.push([t(lang, 'factSigner'), [learned.signerTitle, learned.signer].filter(Boolean).join(' ')]);
  if (c.pinpoint) facts.push([t(lang, 'factPinpoint'), c.pinpoint.text]);
  if (learned) facts.push([t(lang, 'factSource'), learned.url]);
  const head = c.self ? `${heading} (${t(lang, 'thisDocument')})` : heading;
  return { heading: head.slice(0, 2_000), facts: facts.map(([a, b]) => [a.slice(0, 2_000), b.slice(0, 2_000)]), known: !!learned, ...(learned?.status ? { status: learned.status } : {}) };
}
