/**
 * The citation checks that ask the registry of legal documents: a cited date,
 * issuer or trích yếu that disagrees with the registry entry of that number,
 * a cited document (or a căn cứ) no longer in force at the document's date,
 * and numbers the registry does not know (off by default).
 */
import { AttachedMemo } from '../attached-memo.ts';
import { showDate } from '../citations/date.ts';
import { codesOfBody, documentInfo } from '../citations/document.ts';
import { textCitations, groupCitations, numberKey, type Citation } from '../citations/index.ts';
import type { LawMatch } from '../registry/laws.ts';
import type { Registry, RegistryEntry } from '../registry/registry.ts';
import { RELATION_EN, RELATION_VI, STATUS_EN, STATUS_VI, type FactField, type Status } from '../registry/schema.ts';
import { FIELD_EN, FIELD_VI, numberSubstitution } from './citation.ts';
import { canCuLines } from './can-cu-citation.ts';
import { defineRule, type AnyRule, type RuleContext } from './rule.ts';
import { memoised } from '../bounded-memo.ts';
import { lazy } from '../lazy.ts';

const label = (c: Citation) => `${c.type?.canonical ?? ''} ${c.number?.canonical ?? c.name?.text ?? ''}`.trim();

/** How many places the registry read this value from. */
function agreeing(e: RegistryEntry, field: FactField, value: string | undefined): number {
  return e.evidence?.[field]?.find((x) => x.value === value)?.count ?? 0;
}

/** The date the in-force checks judge at: --date, else the document's own date, else today. */
export function asOfDate(ctx: RuleContext): string {
  return statedDate(ctx) ?? new Date().toISOString().slice(0, 10);
}

/** --date, else the document's own date: what tells a law cited by name alone, and what a message may name. */
function statedDate(ctx: RuleContext): string | undefined {
  return ctx.asOf ?? documentInfo(ctx.parse).date;
}

function registryOf(ctx: RuleContext): Registry | undefined {
  return ctx.registry;
}

/**
 * The registry entry a citation means; a later, shorter citation ("Quyết định
 * số 1091/QĐ-BNV", "Luật Đất đai") borrows the date of the full one in the
 * same document to tell a year-less number's year or which law of that name.
 */
export function lookupInDocument(reg: Registry, c: Citation, cits: readonly Citation[], docDate?: string): RegistryEntry | undefined {
  return resolveInDocument(reg, c, cits, docDate)?.entry;
}

type Resolution = { entry: RegistryEntry; by?: LawMatch } | undefined;

/**
 * resolveInDocument's answers per citation list, for one registry and date: registry-mismatch and not-in-force
 * both look up the document's citations (a law by name is a name key folded and a choice among its entries each
 * time). A registry does not change once made (registry.ts), so the same registry, list and date give the same answer.
 */
const RESOLVED = new AttachedMemo<
  readonly Citation[],
  { reg: Registry; docDate: string | undefined; answers: Map<Citation, Resolution>; laws: Map<string, Resolution> }
>('resolvedInDocument');

/** …with, for a law cited by name, how it was told from the others of its name (the hover says it). */
export function resolveInDocument(reg: Registry, c: Citation, cits: readonly Citation[], docDate?: string): Resolution {
  let memo = RESOLVED.get(cits);
  if (!memo || memo.reg !== reg || memo.docDate !== docDate) RESOLVED.set(cits, (memo = { reg, docDate, answers: new Map(), laws: new Map() }));
  const known = memo.answers.get(c);
  if (known !== undefined || memo.answers.has(c)) return known;
  const answer = resolveAfresh(reg, c, cits, docDate, memo.laws);
  memo.answers.set(c, answer);
  return answer;
}

function resolveAfresh(reg: Registry, c: Citation, cits: readonly Citation[], docDate: string | undefined, laws: Map<string, Resolution>): Resolution {
  if (c.kind === 'law') {
    if (!c.date && !c.year) {
      // The same name with a date elsewhere in the document (one date only): that law, before any guess by status.
      const dated = datedLaws(cits, c.key);
      if (dated.length > 0 && dated.every((x) => x.date!.iso === dated[0].date!.iso)) {
        const borrowed = lawLookup(reg, dated[0], docDate, laws);
        if (borrowed) return borrowed;
      }
    }
    return lawLookup(reg, c, docDate, laws);
  }
  const direct = reg.lookup(c);
  if (direct || c.date) return direct && { entry: direct };
  // c has no date, so the first dated citation of its key is never c itself.
  const full = firstDated(cits, c.key);
  const entry = full && reg.lookup(full);
  return entry ? { entry } : undefined;
}

/**
 * reg.lookupLaw's answer for a law citation, by what it reads of one: the type, the name, a valid date and the
 * year (`laws` is per list, registry and date). A consolidated law cites the same few laws by name a thousand
 * times, and each lookup folded the name's diacritics and chose among the laws of that name again.
 */
function lawLookup(reg: Registry, c: Citation, docDate: string | undefined, laws: Map<string, Resolution>): Resolution {
  const type = c.type?.canonical ?? '';
  const name = c.name?.text ?? '';
  // The type and name with their lengths ahead: no two different citations make the same key.
  const key = `${type.length} ${type}${name.length} ${name}|${c.date?.valid ? c.date.iso : ''}|${c.year?.value ?? ''}`;
  let answer = laws.get(key);
  if (answer === undefined && !laws.has(key)) laws.set(key, (answer = reg.lookupLaw(c, docDate)));
  return answer;
}

/**
 * Per list of citations, the first of each key with a valid date: what a year-less repeat borrows. Looked up
 * for every undated citation by two rules, a scan of the list each time was quadratic (≈ 1.5 ms per run of
 * those rules over the 512 citations of the 1 MB bench document, paid on every keystroke near a citation).
 */
const FIRST_DATED = new AttachedMemo<readonly Citation[], Map<string, Citation>>('firstDated');
function firstDated(cits: readonly Citation[], key: string): Citation | undefined {
  let byKey = FIRST_DATED.get(cits);
  if (!byKey) {
    byKey = new Map();
    for (const x of cits) if (x.date?.valid && !byKey.has(x.key)) byKey.set(x.key, x);
    FIRST_DATED.set(cits, byKey);
  }
  return byKey.get(key);
}

/**
 * Per list of citations, the laws with a valid date by each name key their key extends ("luật đất đai" for
 * "luật đất đai|2013"), in list order: what a law cited by name alone borrows its date from. A filter of the
 * whole list per such law was quadratic (bulk-tvpl/0362: 1,263 citations, ≈ 40 % of the citation rules' time).
 * The law asking is never among them: it has no date.
 */
const DATED_LAWS = new AttachedMemo<readonly Citation[], Map<string, Citation[]>>('datedLaws');
function datedLaws(cits: readonly Citation[], key: string): readonly Citation[] {
  let byName = DATED_LAWS.get(cits);
  if (!byName) {
    byName = new Map();
    for (const x of cits) {
      if (x.kind !== 'law' || !x.date?.valid) continue;
      // Every prefix that ends before a "|": the keys x's key starts with, followed by "|".
      for (let i = x.key.indexOf('|'); i >= 0; i = x.key.indexOf('|', i + 1)) {
        const name = x.key.slice(0, i);
        const list = byName.get(name);
        if (list) list.push(x);
        else byName.set(name, [x]);
      }
    }
    DATED_LAWS.set(cits, byName);
  }
  return byName.get(key) ?? NONE;
}
const NONE: readonly Citation[] = [];

// ---------------------------------------------------------------------------
// citation/registry-mismatch
// ---------------------------------------------------------------------------

export interface RegistryMismatchArgs {
  cited: string;
  field: 'date' | 'issuer' | 'title';
  here: string;
  registry: string;
  sources: number;
}


/**
 * codesOfBody of a registry entry's issuer, remembered: a document cites one number many times, and each citation
 * naming an issuer is compared with its entry's (a pure function of the name).
 */
const issuerCodes = memoised(codesOfBody, 4096);

export const registryMismatch = defineRule<RegistryMismatchArgs>({
  code: 'citation/registry-mismatch',
  severity: 'warning',
  description: {
    vi: 'Ngày, cơ quan ban hành hoặc trích yếu của văn bản được dẫn khác với cơ sở dữ liệu văn bản',
    en: 'The date, issuer or title of a cited document disagrees with the registry entry of that number',
  },
  message: {
    vi: (a) => `${a.cited}: ${FIELD_VI[a.field]} “${a.here}” khác với cơ sở dữ liệu văn bản (“${a.registry}”${a.sources > 0 ? `, theo ${a.sources} nguồn` : ''})`,
    en: (a) => `${a.cited}: the ${FIELD_EN[a.field]} “${a.here}” differs from the registry (“${a.registry}”${a.sources > 0 ? `, from ${a.sources} sources` : ''})`,
  },
  check(ctx, report) {
    const reg = registryOf(ctx);
    if (!reg || reg.size === 0) return;
    const cits = textCitations(ctx.parse);
    // A document that itself cites a number two ways is citation/inconsistent's to report, not this rule's.
    const split = new Set<string>();
    for (const g of groupCitations(cits)) {
      const members = g.members;
      const dates = new Set(members.flatMap((c) => (c.date?.valid ? [c.date.iso] : [])));
      const titled = members.filter((c) => c.title);
      if (dates.size > 1) split.add(`${g.key}|date`);
      if (titled.some((c) => numberSubstitution(c.title!.text, titled[0].title!.text))) split.add(`${g.key}|title`);
    }
    for (const c of cits) {
      if (c.kind === 'short' || c.self) continue;
      const e = lookupInDocument(reg, c, cits, statedDate(ctx));
      if (!e) continue;
      if (c.date?.valid && e.dateIssued && c.date.iso !== e.dateIssued && !split.has(`${c.key}|date`)) {
        report({ range: c.date.range, args: { cited: label(c), field: 'date', here: showDate(c.date.iso), registry: showDate(e.dateIssued), sources: agreeing(e, 'dateIssued', e.dateIssued) } });
      }
      if (c.issuer && c.issuer.codes.length > 0 && e.issuer) {
        const codes = issuerCodes(e.issuer);
        if (codes.length > 0 && !codes.some((x) => c.issuer!.codes.some((y) => x.toUpperCase() === y.toUpperCase()))) {
          report({ range: c.issuer.range, args: { cited: label(c), field: 'issuer', here: c.issuer.text, registry: e.issuer, sources: agreeing(e, 'issuer', e.issuer) } });
        }
      }
      if (c.title && e.title && !split.has(`${c.key}|title`)) {
        const sub = numberSubstitution(c.title.text, e.title);
        if (sub) report({ range: c.title.range, args: { cited: label(c), field: 'title', here: sub.here, registry: sub.there, sources: agreeing(e, 'title', e.title) } });
      }
    }
  },
});

// ---------------------------------------------------------------------------
// citation/not-in-force, can-cu/not-in-force
// ---------------------------------------------------------------------------

export interface NotInForceArgs {
  cited: string;
  status: Status;
  since?: string;
  asOf: string;
  /** Neither --date nor the document states a date: judged at today, which the message does not name (it would change every day). */
  undated?: boolean;
  /** "được thay thế bởi Nghị định số …" */
  by?: string;
  byKind?: 'replaced-by' | 'repealed-by';
}

/**
 * Ended (the whole document) on or before `asOf`, with what ended it. The
 * date is the registry's status date, else the relation's, else the ending
 * document's own effective (or issue) date; without any, nothing is claimed.
 */
export function endedBy(reg: Registry, e: RegistryEntry, asOf: string): { status: Status; since: string; by?: string; byKind?: 'replaced-by' | 'repealed-by' } | undefined {
  if (e.status !== 'het-hieu-luc-toan-bo' && e.status !== 'ngung-hieu-luc') return undefined;
  const rel = e.relations?.find((r) => (r.kind === 'replaced-by' || r.kind === 'repealed-by') && !r.partial);
  const byEntries = rel ? reg.lookupNumber(rel.number) : [];
  const by = byEntries.length === 1 ? byEntries[0] : undefined;
  const since = e.statusDate ?? rel?.date ?? by?.dateEffective ?? by?.dateIssued;
  // Ended strictly before: the replacing document itself, dated that day, speaks of what it replaces.
  if (!since || since >= asOf) return undefined;
  const out: ReturnType<typeof endedBy> = { status: e.status, since };
  if (rel) {
    out.by = rel.number;
    out.byKind = rel.kind as 'replaced-by' | 'repealed-by';
  }
  return out;
}

const notInForceMessages = {
  vi: (a: NotInForceArgs) =>
    `${a.cited}: ${STATUS_VI[a.status].toLowerCase()}${a.since ? ` từ ngày ${showDate(a.since)}` : ''}${a.by ? ` (${RELATION_VI[a.byKind!]} ${a.by})` : ''}${a.undated ? ', tính đến hôm nay (văn bản chưa ghi ngày ban hành)' : `, trước ngày ${showDate(a.asOf)}`}`,
  en: (a: NotInForceArgs) =>
    `${a.cited}: ${STATUS_EN[a.status].toLowerCase()}${a.since ? ` since ${a.since}` : ''}${a.by ? ` (${RELATION_EN[a.byKind!]} ${a.by})` : ''}${a.undated ? ', as of today (this document states no date)' : `, before ${a.asOf}`}`,
};

/** Phrases around a citation that speak of it as ended or changed, not as applying ("thay thế", "bãi bỏ"). */
const RELATION_CONTEXT = lazy(() => /thay thế|bãi bỏ|hiệu lực|sửa đổi|bổ sung|hợp nhất|chuyển tiếp|trước|(?<![\p{L}])đã(?![\p{L}])/u);

export const notInForce = defineRule<NotInForceArgs>({
  code: 'citation/not-in-force',
  severity: 'warning',
  description: {
    vi: 'Cơ sở dữ liệu văn bản cho biết văn bản được dẫn đã hết hiệu lực, bị thay thế hoặc bãi bỏ trước ngày của văn bản dẫn nó',
    en: 'The registry says the cited document was repealed, replaced or expired before the citing document’s date',
  },
  message: notInForceMessages,
  check(ctx, report) {
    const reg = registryOf(ctx);
    if (!reg || reg.size === 0) return;
    const asOf = asOfDate(ctx);
    const text = ctx.original;
    const own = documentInfo(ctx.parse).number?.key;
    const seen = new Set<string>();
    const cits = textCitations(ctx.parse);
    for (const c of cits) {
      // Căn cứ are can-cu/not-in-force's; tables and amending phrases name ended documents on purpose.
      if (c.self || c.context !== 'text' || c.relation || c.amends !== undefined || seen.has(c.key)) continue;
      const e = lookupInDocument(reg, c, cits, statedDate(ctx));
      const ended = e && endedBy(reg, e, asOf);
      if (!ended || (own && ended.by && numberKey(ended.by) === own)) continue;
      // The words around it, within its line (the next article may speak of "hiệu lực" of its own). Read only for
      // an ended document: most cited ones are in force.
      const before = text.slice(Math.max(0, c.range.start - 80), c.range.start);
      const after = text.slice(c.range.end, Math.min(text.length, c.range.end + 120));
      const nl = after.indexOf('\n');
      const around = before.slice(before.lastIndexOf('\n') + 1) + (nl < 0 ? after : after.slice(0, nl));
      if (RELATION_CONTEXT().test(around)) continue;
      seen.add(c.key);
      report({ range: c.range, args: { cited: label(c), asOf, ...(statedDate(ctx) ? {} : { undated: true }), ...ended } });
    }
  },
});

export const canCuNotInForce = defineRule<NotInForceArgs>({
  code: 'can-cu/not-in-force',
  severity: 'warning',
  description: {
    vi: 'Căn cứ dẫn một văn bản mà cơ sở dữ liệu văn bản cho biết đã bị bãi bỏ hoặc thay thế trước ngày của văn bản (Nghị định 78/2025/NĐ-CP Điều 62)',
    en: 'A căn cứ cites a document the registry knows was repealed or replaced before the document’s date (Decree 78/2025/NĐ-CP Article 62)',
  },
  message: notInForceMessages,
  check(ctx, report) {
    const reg = registryOf(ctx);
    if (!reg || reg.size === 0) return;
    const asOf = asOfDate(ctx);
    for (const line of canCuLines(ctx.parse)) {
      for (const c of line.citations) {
        // "X được sửa đổi, bổ sung bởi Y": X stays the căn cứ even when amended.
        const e = lookupInDocument(reg, c, line.citations, statedDate(ctx));
        const ended = e && endedBy(reg, e, asOf);
        if (ended) report({ range: c.range, args: { cited: label(c), asOf, ...(statedDate(ctx) ? {} : { undated: true }), ...ended } });
      }
    }
  },
});

// ---------------------------------------------------------------------------
// citation/unknown
// ---------------------------------------------------------------------------

export interface UnknownArgs {
  cited: string;
}

export const unknown = defineRule<UnknownArgs>({
  code: 'citation/unknown',
  severity: 'hint',
  enabledByDefault: false,
  description: {
    vi: 'Số ký hiệu không có trong cơ sở dữ liệu văn bản (tắt mặc định)',
    en: 'The number is not in the registry (off by default)',
  },
  message: {
    vi: (a) => `${a.cited}: không có trong cơ sở dữ liệu văn bản`,
    en: (a) => `${a.cited}: not in the registry`,
  },
  check(ctx, report) {
    const reg = registryOf(ctx);
    if (!reg) return;
    const seen = new Set<string>();
    for (const c of textCitations(ctx.parse)) {
      if (c.self || c.kind === 'short' || c.kind === 'party' || !c.number || seen.has(c.key)) continue;
      seen.add(c.key);
      if (reg.lookupNumber(c.number.canonical).length === 0) report({ range: c.number.range, args: { cited: label(c) } });
    }
  },
});

export const citationRegistryRules: readonly AnyRule[] = [registryMismatch, notInForce, unknown];
export const canCuRegistryRules: readonly AnyRule[] = [canCuNotInForce];
