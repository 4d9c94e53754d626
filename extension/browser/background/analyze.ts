/**
 * The page analysis the background runs for the content script: the core
 * reads the page text (parse, internal references, citations, the reference
 * and citation rules) and this module turns the result into the plain data
 * the content script annotates with. It runs off the page's main thread (in
 * the background service worker / event page), so a 1 MB law never freezes
 * the page being read.
 */
import { findReferences, resolveReferences, type Resolution } from '../../../language-server/src/core/references/index.ts';
import { nodeById, unitName } from '../../../language-server/src/core/references/names.ts';
import { RULES } from '../../../language-server/src/core/rules/registry.ts';
import { runRules } from '../../../language-server/src/core/service.ts';
import { parseDocument } from '../../../language-server/src/core/syntax/parse.ts';
import type { ParseResult } from '../../../language-server/src/core/syntax/tree.ts';
import type { Lang, Severity } from '../../../language-server/src/core/diagnostics/diagnostic.ts';
import { findCitations } from '../../../language-server/src/core/citations/index.ts';
import type { Analysis, Finding, PageCitation, PageReference, RefStatus } from '../lib/messages.ts';
import { lookupInDocument } from '../../../language-server/src/core/rules/citation-registry.ts';
import type { Registry } from '../../../language-server/src/core/registry/registry.ts';
import { citationCard, citationId } from './citation-cards.ts';
import type { LearnedEntry } from './learned.ts';

/** The rules whose findings make sense on a page somebody else published: references and citations. */
const PAGE_RULE_AREAS = ['reference/', 'citation/'];
const PAGE_RULES = RULES.filter((r) => PAGE_RULE_AREAS.some((a) => r.code.startsWith(a)));

export interface AnalyzeOptions {
  lang?: Lang;
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** The registry the cards and the citation checks use (default: the embedded one). */
  registry?: Registry;
  /** The documents learned on vbpl.vn, by number key: the facts the registry format has no field for. */
  learned?: ReadonlyMap<string, LearnedEntry>;
}

/**
 * One entry per pinpoint chain ("khoản 1 Điều này và khoản 5 Điều 2" is two:
 * the first may be right and the second broken).
 */
function pageReferences(parse: ParseResult, resolutions: Resolution[], messages: Map<number, string>): PageReference[] {
  const out: PageReference[] = [];
  for (const r of resolutions) {
    if (r.status === 'external' || r.status === 'amended') continue; // they speak of other documents
    for (const c of r.chains) {
      const status: RefStatus = c.missing ? 'broken' : c.candidates && c.candidates.length > 1 ? 'ambiguous' : 'ok';
      const targets = [];
      for (const id of c.targets) {
        const n = nodeById(parse, id);
        // No preview text: the page has the same text and cuts it out when a card is shown.
        if (n) targets.push({ id, label: unitName(parse, id), start: n.range.start, end: n.range.end });
      }
      if (status === 'ok' && targets.length === 0) continue;
      const ref: PageReference = { start: c.chain.location.start, end: c.chain.location.end, status, targets };
      const message = messages.get(c.chain.location.start);
      if (message) ref.message = message;
      out.push(ref);
    }
  }
  return out;
}

function documentInfo(parse: ParseResult): Analysis['document'] {
  const header = parse.tree.children.find((c) => c.kind === 'header')?.header;
  const info: Analysis['document'] = {};
  if (header?.tenLoai) info.type = header.tenLoai.text;
  if (header?.so) info.number = header.so.value.text;
  if (header?.trichYeu) info.title = header.trichYeu.text.replace(/\s+/gu, ' ');
  if (header?.coQuan) info.issuer = header.coQuan.text.replace(/\s+/gu, ' ');
  const date = header?.diaDanhNgay;
  const [d, m, y] = [date?.day, date?.month, date?.year].map((f) => Number(f?.text));
  if (y > 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31) info.issued = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return info;
}

export function analyzePage(text: string, options: AnalyzeOptions = {}): Analysis {
  const started = performance.now();
  const parse = parseDocument(text);
  const resolutions = resolveReferences(parse, findReferences(parse));
  const { diagnostics } = runRules(parse, { lang: options.lang, rules: options.rules, parseProblems: false, registry: options.registry }, PAGE_RULES);
  const findings: Finding[] = diagnostics.map((d) => ({ start: d.range.start, end: d.range.end, code: d.code, severity: d.severity, message: d.message }));
  const refMessages = new Map(findings.filter((f) => f.code.startsWith('reference/')).map((f) => [f.start, f.message]));
  const lang = options.lang ?? 'vi';
  const citations: PageCitation[] = [];
  const cits = findCitations(parse);
  for (const c of cits) {
    const id = citationId(c);
    if (!id) continue;
    const entry = options.registry && c.kind !== 'party' ? lookupInDocument(options.registry, c, cits) : undefined;
    const learned = entry?.number ? options.learned?.get(entry.key) : undefined;
    citations.push({ start: c.range.start, end: c.range.end, canonical: id, card: citationCard(c, entry, learned, lang) });
  }
  return {
    document: documentInfo(parse),
    citations,
    references: pageReferences(parse, resolutions, refMessages),
    findings,
    ms: performance.now() - started,
  };
}
