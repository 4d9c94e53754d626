/** What the hover cards say, as DOM nodes built from text (never from markup). */
import { t, type UiLang } from '../lib/i18n.ts';
import type { PageCitation, PageReference } from '../lib/messages.ts';
import { h } from './ui.ts';

const PREVIEW_CHARS = 280;
const PREVIEW_LINES = 3;

/** The first lines of a unit of the page text, whitespace folded. */
export function unitPreview(text: string, unit: { start: number; end: number }): string {
  const slice = text.slice(unit.start, Math.min(unit.end, unit.start + PREVIEW_CHARS * 2));
  const lines = slice.split('\n').map((l) => l.replace(/\s+/gu, ' ').trim()).filter(Boolean).slice(0, PREVIEW_LINES);
  const joined = lines.join('\n');
  return joined.length > PREVIEW_CHARS ? `${joined.slice(0, PREVIEW_CHARS - 1)}…` : joined;
}

const REF_STATUS = { ok: ['ok', 'refOk'], broken: ['bad', 'refBroken'], ambiguous: ['warn', 'refAmbiguous'] } as const;

export function citationCard(doc: Document, lang: UiLang, c: PageCitation, others: { index: number; jump: () => void }[]): Node[] {
  const out: Node[] = [h(doc, 'div', { class: 'heading' }, c.card.heading)];
  if (c.card.status) out.push(h(doc, 'div', { class: `status ${c.card.tone}` }, c.card.status));
  if (!c.card.known) out.push(h(doc, 'div', { class: 'status unknown' }, t(lang, 'unknownDoc')));
  if (c.card.facts.length > 0) {
    const dl = h(doc, 'dl');
    for (const [label, value] of c.card.facts) dl.append(h(doc, 'dt', {}, label), h(doc, 'dd', {}, value));
    out.push(dl);
  }
  if (others.length === 0) {
    out.push(h(doc, 'div', { class: 'hint' }, t(lang, 'otherPlacesNone')));
  } else {
    const line = h(doc, 'div', { class: 'hint' }, `${t(lang, 'otherPlaces')} ${others.length} ${t(lang, 'place')}: `);
    for (const o of others.slice(0, 12)) line.append(h(doc, 'button', { attrs: { type: 'button' }, onClick: o.jump }, String(o.index)));
    out.push(line);
  }
  return out;
}

/** `text`: the page text the analysis was made of (the targets' offsets point into it). */
export function referenceCard(doc: Document, lang: UiLang, r: PageReference, text: string): Node[] {
  const [cls, key] = REF_STATUS[r.status];
  const out: Node[] = [h(doc, 'div', { class: `status ${cls}` }, t(lang, key))];
  if (r.message) out.push(h(doc, 'div', {}, r.message));
  for (const target of r.targets.slice(0, 4)) {
    out.push(h(doc, 'div', { class: 'heading' }, target.label), h(doc, 'div', { class: 'preview' }, unitPreview(text, target)));
  }
  if (r.targets.length > 0 && r.status !== 'broken') out.push(h(doc, 'div', { class: 'hint' }, `${t(lang, 'clickToGo')} ${r.targets[0].label}`));
  return out;
}
