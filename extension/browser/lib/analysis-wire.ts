/**
 * The page analysis as it travels from the background to the content script.
 * An extension message is serialised (JSON in Chromium) and every object in
 * it is built again on the other side, then checked there: in a content
 * script zod runs cold (a fresh world per page) and jitless (no eval), some
 * 20 µs an object. A 1 MB law has hundreds of references, each with its
 * targets, mostly the same Điều again and again. So the references travel as
 * columns: numbers in arrays, one letter of status each, the units they point
 * at once, by index. The reply of the 965 KB vbpl.vn page is then a third of
 * its size as objects, and plain loops check it in well under a millisecond;
 * the content script builds the same PageReference objects from it.
 * Citations and findings (a handful on most pages) stay objects, checked one
 * by one in slices as before.
 */
import * as z from 'zod/mini';
import { CitationCardSchema, DocumentInfoSchema, FindingSchema, INVALID_ANSWER, PageCitationSchema, type Analysis, type Finding, type PageCitation, type PageReference, type RefStatus } from './messages.ts';

/** Items per list, as for the lists of objects. */
const MAX_ITEMS = 50_000;
/** Targets of one reference. */
const MAX_TARGETS_PER_REFERENCE = 300;
/** Targets of all references together. */
const MAX_TARGET_SLOTS = 1_000_000;
const MAX_ID = 500;
const MAX_TEXT = 2_000;

const STATUS_LETTER: Record<RefStatus, string> = { ok: 'o', broken: 'b', ambiguous: 'a' };
const LETTER_STATUS: Record<string, RefStatus> = { o: 'ok', b: 'broken', a: 'ambiguous' };

/** Offsets into the page text or indices into another column: non-negative safe integers. */
function isCounts(v: unknown, max: number): v is number[] {
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) return false;
  }
  return true;
}

function isStrings(v: unknown, maxLength: number): v is string[] {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'string' || x.length > maxLength) return false;
  }
  return true;
}

const Counts = (max = MAX_ITEMS) => z.custom<number[]>((v) => isCounts(v, max), 'a list of non-negative integers');
const Strings = (maxLength: number) => z.custom<string[]>((v) => isStrings(v, maxLength), 'a list of strings');

export interface ReferenceColumns {
  /** Per reference: where it is in the page text. */
  start: number[];
  end: number[];
  /** Per reference, one letter: o(k), b(roken), a(mbiguous). */
  status: string;
  /** Per reference: where its targets end in `targets` (they begin where the previous reference's end). */
  targetEnds: number[];
  /** Indices into `units`, reference after reference. */
  targets: number[];
  /** Why a reference is broken or ambiguous: the reference's index and the message. */
  messageOf: number[];
  message: string[];
  /** The units the references point at, each once. */
  units: { id: string[]; label: string[]; start: number[]; end: number[] };
}

/** Whether the columns fit together: equal lengths, indices in range, targets in order and within bounds. */
function consistent(c: ReferenceColumns): boolean {
  const n = c.start.length;
  const u = c.units.id.length;
  if (c.end.length !== n || c.status.length !== n || c.targetEnds.length !== n || c.message.length !== c.messageOf.length) return false;
  if (c.units.label.length !== u || c.units.start.length !== u || c.units.end.length !== u) return false;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const to = c.targetEnds[i];
    if (to < from || to - from > MAX_TARGETS_PER_REFERENCE) return false;
    from = to;
  }
  if (from !== c.targets.length) return false;
  for (let i = 0; i < c.targets.length; i++) if (c.targets[i] >= u) return false;
  for (let i = 0; i < c.messageOf.length; i++) if (c.messageOf[i] >= n) return false;
  return true;
}

/** Built on first use (the first answer), not in the content script's first task: see lib/messages.ts. */
export const ReferenceColumnsSchema = z.lazy(() =>
  z
    .object({
      start: Counts(),
      end: Counts(),
      status: z.string().check(z.maxLength(MAX_ITEMS), z.regex(/^[oba]*$/u)),
      targetEnds: Counts(),
      targets: Counts(MAX_TARGET_SLOTS),
      messageOf: Counts(),
      message: Strings(MAX_TEXT),
      units: z.object({ id: Strings(MAX_ID), label: Strings(MAX_TEXT), start: Counts(), end: Counts() }),
    })
    .check(z.refine(consistent, 'the reference columns do not fit together')),
);

/** The analysis as sent: citations and findings unchecked (the content script checks them in slices). */
export const AnalysisWireSchema = z.lazy(() =>
  z.object({
    document: DocumentInfoSchema,
    citations: z.array(z.unknown()).check(z.maxLength(MAX_ITEMS)),
    references: ReferenceColumnsSchema,
    findings: z.array(z.unknown()).check(z.maxLength(MAX_ITEMS)),
    ms: z.number().check(z.nonnegative()),
  }),
);
export type AnalysisWire = z.infer<typeof AnalysisWireSchema>;

/**
 * Builds the answer's schemas (made on first use) ahead of the answer: the content script calls it while the
 * background analyses the page, a wait of tens of milliseconds, so the answer's check does not build them.
 */
export function buildAnswerSchemas(): void {
  for (const lazy of [AnalysisWireSchema, ReferenceColumnsSchema, DocumentInfoSchema, PageCitationSchema, CitationCardSchema, FindingSchema]) {
    void lazy._zod.innerType;
  }
}

/** The background's side: the references in columns, their target units once each. */
export function packAnalysis(a: Analysis): AnalysisWire {
  const c: ReferenceColumns = { start: [], end: [], status: '', targetEnds: [], targets: [], messageOf: [], message: [], units: { id: [], label: [], start: [], end: [] } };
  const unitIndex = new Map<string, number>();
  const letters: string[] = [];
  a.references.forEach((r, i) => {
    c.start.push(r.start);
    c.end.push(r.end);
    letters.push(STATUS_LETTER[r.status]);
    for (const t of r.targets) {
      let k = unitIndex.get(t.id);
      if (k === undefined) {
        k = c.units.id.length;
        unitIndex.set(t.id, k);
        c.units.id.push(t.id);
        c.units.label.push(t.label);
        c.units.start.push(t.start);
        c.units.end.push(t.end);
      }
      c.targets.push(k);
    }
    c.targetEnds.push(c.targets.length);
    if (r.message !== undefined) {
      c.messageOf.push(i);
      c.message.push(r.message);
    }
  });
  c.status = letters.join('');
  return { document: a.document, citations: a.citations, references: c, findings: a.findings, ms: a.ms };
}

/** The references again as objects (a unit's target object is shared by the references to it). */
function unpackReferences(c: ReferenceColumns): PageReference[] {
  const units = c.units.id.map((id, k) => ({ id, label: c.units.label[k], start: c.units.start[k], end: c.units.end[k] }));
  const out: PageReference[] = [];
  let t = 0;
  for (let i = 0; i < c.start.length; i++) {
    const targets = [];
    for (const to = c.targetEnds[i]; t < to; t++) targets.push(units[c.targets[t]]);
    out.push({ start: c.start[i], end: c.end[i], status: LETTER_STATUS[c.status[i]], targets });
  }
  for (let m = 0; m < c.messageOf.length; m++) out[c.messageOf[m]].message = c.message[m];
  return out;
}

/**
 * The content script's side, on an answer `AnalysisWireSchema` has checked:
 * checks the citations and findings item by item, yielding every `slice`
 * items, and throws on the first that does not validate (the whole answer is
 * then refused); the references come out of their columns.
 */
export function* checkAnalysis(wire: AnalysisWire, slice = 100): Generator<void, Analysis, void> {
  const citations: PageCitation[] = yield* checkItems(wire.citations, PageCitationSchema, slice);
  const findings: Finding[] = yield* checkItems(wire.findings, FindingSchema, slice);
  return { document: wire.document, citations, references: unpackReferences(wire.references), findings, ms: wire.ms };
}

/** `items`, each parsed by `schema`, yielding every `slice` items; throws INVALID_ANSWER on the first that does not validate. */
function* checkItems<T>(items: readonly unknown[], schema: z.core.$ZodType<T>, slice: number): Generator<void, T[], void> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = z.safeParse(schema, items[i]);
    if (!r.success) throw new Error(INVALID_ANSWER);
    out.push(r.data);
    if ((i + 1) % slice === 0) yield;
  }
  return out;
}
