/**
 * Messages between the parts of the extension (content script, background,
 * popup, options and drafting pages). Each kind has a zod schema; a message is
 * handled only when it validates AND comes from this extension itself
 * (`sender.id` is our runtime id). The content script listens to nothing a
 * web page can send: no `window.postMessage`, no DOM events as commands.
 */
import * as z from 'zod/mini';

/*
 * zod/mini, not zod: the content script is evaluated on every portal page,
 * and its first task (compiling the bundle, running its top level) was the
 * page's longest. Mini is the same core (the same checks, so the same values
 * accepted and refused) without classic's methods on every schema. Its
 * builders are marked free of side effects, and so are the helpers below: a
 * bundle leaves out, and never builds, the schemas it does not use.
 *
 * The schemas the content script checks with are `z.lazy`: built when the
 * first message needs one (the settings, the first answer), not in the
 * page's first task. Their common parts are built once and shared.
 */

/** A non-negative safe integer, at most `max`: classic's `z.number().int().nonnegative().max(max)`. */
// @__NO_SIDE_EFFECTS__
function count(max?: number) {
  return max === undefined ? z.number().check(z.int(), z.nonnegative()) : z.number().check(z.int(), z.nonnegative(), z.maximum(max));
}

/** A string of `min`..`max` UTF-16 units: classic's `z.string().min(min).max(max)`. */
// @__NO_SIDE_EFFECTS__
function text(max: number, min?: number) {
  return min === undefined ? z.string().check(z.maxLength(max)) : z.string().check(z.minLength(min), z.maxLength(max));
}

/** At most `max` items: classic's `z.array(item).max(max)`. */
// @__NO_SIDE_EFFECTS__
function listOf<T extends z.core.SomeType>(item: T, max: number) {
  return z.array(item).check(z.maxLength(max));
}

/** A non-negative number (milliseconds). */
// @__NO_SIDE_EFFECTS__
function nonNegative() {
  return z.number().check(z.nonnegative());
}

/** The parts many schemas share, each built once, on first use. */
const built: { offset?: ReturnType<typeof count>; short?: ReturnType<typeof text>; isoDate?: ReturnType<typeof text> } = {};

/** Where a thing is in the page text (`start`, `end`). */
// @__NO_SIDE_EFFECTS__
function offset() {
  return (built.offset ??= count());
}

// @__NO_SIDE_EFFECTS__
function short() {
  return (built.short ??= text(2_000));
}

// @__NO_SIDE_EFFECTS__
function isoDate() {
  return (built.isoDate ??= z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u)));
}

/** A portal page's text; a 50 MB page is refused rather than analysed. */
export const MAX_PAGE_CHARS = 20_000_000;

/** What the hover card of a citation shows (facts from the registries, built as text, never markup). */
export const CitationCardSchema = z.lazy(() => {
  return z.object({
    /** "Nghị định số 63/2022/NĐ-CP". */
    heading: short(),
    /** Label/value pairs: Loại, Cơ quan ban hành, Ngày ban hành, Hiệu lực… */
    facts: listOf(z.tuple([short(), short()]), 40),
    /** False: "Không có trong cơ sở dữ liệu". */
    known: z.boolean(),
    /** Tình trạng hiệu lực, when known ("Hết hiệu lực toàn bộ từ ngày 01/07/2016"). */
    status: z.optional(short()),
    /** How the status reads at a glance: the underline's and the status line's colour. */
    tone: z.enum(['ok', 'warn', 'bad', 'unknown']),
  });
});
export type CitationCard = z.infer<typeof CitationCardSchema>;

export const PageCitationSchema = z.lazy(() => {
  return z.object({
    start: offset(),
    end: offset(),
    /** The canonical số ký hiệu ("63/2022/NĐ-CP"), the value of data-vanban-citation. */
    canonical: short(),
    card: CitationCardSchema,
  });
});
export type PageCitation = z.infer<typeof PageCitationSchema>;

export const RefStatusSchema = z.enum(['ok', 'broken', 'ambiguous']);
export type RefStatus = z.infer<typeof RefStatusSchema>;

export const RefTargetSchema = z.object({
  id: text(500),
  /** "Điều 5", "khoản 2 Điều 5". */
  label: short(),
  /** Where the unit is in the page text: a click scrolls to its start, the card shows its first lines. */
  start: offset(),
  end: offset(),
});

export const PageReferenceSchema = z.object({
  start: offset(),
  end: offset(),
  status: RefStatusSchema,
  targets: listOf(RefTargetSchema, 300),
  /** Why it is broken or ambiguous. */
  message: z.optional(short()),
});
export type PageReference = z.infer<typeof PageReferenceSchema>;

export const FindingSchema = z.lazy(() => {
  return z.object({
    start: offset(),
    end: offset(),
    code: text(100),
    severity: z.enum(['error', 'warning', 'info', 'hint']),
    message: short(),
  });
});
export type Finding = z.infer<typeof FindingSchema>;

export const DocumentInfoSchema = z.lazy(() => {
  return z.object({
    /** Tên loại, số ký hiệu, trích yếu, cơ quan and date as the header gives them. */
    type: z.optional(short()),
    number: z.optional(short()),
    title: z.optional(short()),
    issuer: z.optional(short()),
    issued: z.optional(isoDate()),
  });
});

export const AnalysisSchema = z.object({
  document: DocumentInfoSchema,
  citations: listOf(PageCitationSchema, 50_000),
  references: listOf(PageReferenceSchema, 50_000),
  findings: listOf(FindingSchema, 50_000),
  /** Milliseconds the analysis took in the background. */
  ms: nonNegative(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** Facts read from a portal page about the document it shows (vbpl.vn "Thuộc tính", the full text header). */
export const PortalFactsSchema = z.object({
  number: text(100, 1),
  type: z.optional(text(100)),
  title: z.optional(text(2_000)),
  issuer: z.optional(text(300)),
  signerTitle: z.optional(text(300)),
  signer: z.optional(text(300)),
  issued: z.optional(isoDate()),
  effective: z.optional(isoDate()),
  status: z.optional(text(200)),
  /** The page the facts were read from. */
  url: text(2_000),
});
export type PortalFacts = z.infer<typeof PortalFactsSchema>;

// --- Requests to the background ------------------------------------------

/** The start of the background's answer when parts of a text sent ahead are missing or refused. */
export const TEXT_PARTS_ERROR = 'text-part:';

/** One reading of a page: an id the content script draws at random. */
const RunId = text(64, 8);

/** Text sent ahead while the page is being read (background/text-parts.ts). */
export const TextPartRequest = z.object({
  kind: z.literal('text-part'),
  run: RunId,
  index: count(100_000),
  text: text(MAX_PAGE_CHARS),
});

export const AnalyzeRequest = z.object({
  kind: z.literal('analyze'),
  /** The text, or with `run` its last part after the `parts` sent ahead. */
  text: text(MAX_PAGE_CHARS),
  run: z.optional(RunId),
  parts: z.optional(count(100_000)),
  lang: z.optional(z.enum(['vi', 'en'])),
});
export const LearnRequest = z.object({ kind: z.literal('learn'), facts: PortalFactsSchema });
/** Badge text for the tab (the number of problems found). */
export const ReportRequest = z.object({ kind: z.literal('report'), problems: count() });

export const BackgroundRequest = z.discriminatedUnion('kind', [TextPartRequest, AnalyzeRequest, LearnRequest, ReportRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

export const LearnResponse = z.lazy(() => z.object({ added: z.boolean(), number: z.string() }));
export const NoResponse = z.lazy(() => z.null());

// --- Requests to the content script (from the popup) ----------------------

export const PageStateSchema = z.enum(['starting', 'running', 'done', 'disabled', 'no-document', 'error']);

export const PageStatusSchema = z.object({
  state: PageStateSchema,
  portal: z.optional(text(100)),
  document: z.optional(DocumentInfoSchema),
  citations: count(),
  references: count(),
  broken: count(),
  findings: count(),
  learned: z.optional(text(100)),
  ms: z.optional(nonNegative()),
  error: z.optional(short()),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

export const TabRequest = z.lazy(() =>
  z.discriminatedUnion('kind', [z.object({ kind: z.literal('status') }), z.object({ kind: z.literal('show-panel') }), z.object({ kind: z.literal('rerun') })]),
);
export type TabRequest = z.infer<typeof TabRequest>;

// --- Envelope and sender check --------------------------------------------

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Built once per value schema: a content script is cold, and a zod schema costs more to build than to run. */
const replySchemas = new WeakMap<Schema, Schema>();

/** Any zod schema (mini or classic: both are the core's). */
type Schema = z.core.$ZodType;

export function replySchema<T extends Schema>(value: T) {
  let schema = replySchemas.get(value);
  if (!schema) {
    schema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: short() })]);
    replySchemas.set(value, schema);
  }
  return schema as z.core.$ZodType<Reply<z.infer<T>>>;
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** Only this extension's own scripts and pages may talk to us. */
export function fromThisExtension(sender: SenderLike | undefined, runtimeId: string): boolean {
  return !!sender && typeof sender.id === 'string' && sender.id === runtimeId;
}

type Listener = (message: unknown, sender: SenderLike, sendResponse: (r: unknown) => void) => boolean | undefined;

/**
 * A `runtime.onMessage` listener that checks the sender and the message shape,
 * then answers with `handle`'s result in a `Reply`. Anything else is dropped
 * without an answer (returning false tells the browser no answer is coming).
 */
export function guardedListener<S extends Schema, R>(
  runtimeId: () => string,
  schema: S,
  handle: (message: z.infer<S>, sender: SenderLike) => Promise<R> | R,
): Listener {
  return (message, sender, sendResponse) => {
    if (!fromThisExtension(sender, runtimeId())) return false;
    const parsed = z.safeParse(schema, message);
    if (!parsed.success) return false;
    Promise.resolve()
      .then(() => handle(parsed.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value } satisfies Reply<R>),
        (e: unknown) => sendResponse({ ok: false, error: String(e instanceof Error ? e.message : e).slice(0, 2_000) } satisfies Reply<R>),
      );
    return true;
  };
}

/**
 * What the page's panel and the popup say when an answer does not validate. Never zod's own message: the
 * content script's zod/mini has no locale (it would be "Invalid input", in a JSON dump of the issues).
 */
export const INVALID_ANSWER = 'Câu trả lời không hợp lệ từ tiện ích';

/** Unwraps and validates an answer; throws with the error the other side gave. */
export function unwrapReply<T extends Schema>(raw: unknown, value: T): z.infer<T> {
  const r = z.safeParse(replySchema(value), raw);
  if (!r.success) throw new Error(INVALID_ANSWER);
  const reply = r.data as Reply<z.infer<T>>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
