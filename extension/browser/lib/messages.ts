/**
 * Messages between the parts of the extension (content script, background,
 * popup, options and drafting pages). Each kind has a zod schema; a message is
 * handled only when it validates AND comes from this extension itself
 * (`sender.id` is our runtime id). The content script listens to nothing a
 * web page can send: no `window.postMessage`, no DOM events as commands.
 */
import { z } from 'zod';

const Offset = z.number().int().nonnegative();
const Span = { start: Offset, end: Offset };
const Short = z.string().max(2_000);
const Id = z.string().max(500);
/** A portal page's text; a 50 MB page is refused rather than analysed. */
export const MAX_PAGE_CHARS = 20_000_000;

export const FactSchema = z.tuple([Short, Short]);

/** What the hover card of a citation shows (facts from the registries, built as text, never markup). */
export const CitationCardSchema = z.object({
  /** "Nghị định số 63/2022/NĐ-CP". */
  heading: Short,
  /** Label/value pairs: Loại, Cơ quan ban hành, Ngày ban hành, Hiệu lực… */
  facts: z.array(FactSchema).max(40),
  /** False: "Không có trong cơ sở dữ liệu". */
  known: z.boolean(),
  /** Tình trạng hiệu lực, when known ("Hết hiệu lực toàn bộ từ ngày 01/07/2016"). */
  status: Short.optional(),
  /** How the status reads at a glance: the underline's and the status line's colour. */
  tone: z.enum(['ok', 'warn', 'bad', 'unknown']),
});
export type CitationCard = z.infer<typeof CitationCardSchema>;

export const PageCitationSchema = z.object({
  ...Span,
  /** The canonical số ký hiệu ("63/2022/NĐ-CP"), the value of data-vanban-citation. */
  canonical: Short,
  card: CitationCardSchema,
});
export type PageCitation = z.infer<typeof PageCitationSchema>;

export const RefStatusSchema = z.enum(['ok', 'broken', 'ambiguous']);
export type RefStatus = z.infer<typeof RefStatusSchema>;

export const RefTargetSchema = z.object({
  id: Id,
  /** "Điều 5", "khoản 2 Điều 5". */
  label: Short,
  /** Where the unit is in the page text: a click scrolls to its start, the card shows its first lines. */
  ...Span,
});

export const PageReferenceSchema = z.object({
  ...Span,
  status: RefStatusSchema,
  targets: z.array(RefTargetSchema).max(300),
  /** Why it is broken or ambiguous. */
  message: Short.optional(),
});
export type PageReference = z.infer<typeof PageReferenceSchema>;

export const FindingSchema = z.object({
  ...Span,
  code: z.string().max(100),
  severity: z.enum(['error', 'warning', 'info', 'hint']),
  message: Short,
});
export type Finding = z.infer<typeof FindingSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const DocumentInfoSchema = z.object({
  /** Tên loại, số ký hiệu, trích yếu, cơ quan and date as the header gives them. */
  type: Short.optional(),
  number: Short.optional(),
  title: Short.optional(),
  issuer: Short.optional(),
  issued: IsoDate.optional(),
});

export const AnalysisSchema = z.object({
  document: DocumentInfoSchema,
  citations: z.array(PageCitationSchema).max(50_000),
  references: z.array(PageReferenceSchema).max(50_000),
  findings: z.array(FindingSchema).max(50_000),
  /** Milliseconds the analysis took in the background. */
  ms: z.number().nonnegative(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** Facts read from a portal page about the document it shows (vbpl.vn "Thuộc tính", the full text header). */
export const PortalFactsSchema = z.object({
  number: z.string().min(1).max(100),
  type: z.string().max(100).optional(),
  title: z.string().max(2_000).optional(),
  issuer: z.string().max(300).optional(),
  signerTitle: z.string().max(300).optional(),
  signer: z.string().max(300).optional(),
  issued: IsoDate.optional(),
  effective: IsoDate.optional(),
  status: z.string().max(200).optional(),
  /** The page the facts were read from. */
  url: z.string().max(2_000),
});
export type PortalFacts = z.infer<typeof PortalFactsSchema>;

// --- Requests to the background ------------------------------------------

/** The start of the background's answer when parts of a text sent ahead are missing or refused. */
export const TEXT_PARTS_ERROR = 'text-part:';

/** One reading of a page: an id the content script draws at random. */
const RunId = z.string().min(8).max(64);

/** Text sent ahead while the page is being read (background/text-parts.ts). */
export const TextPartRequest = z.object({
  kind: z.literal('text-part'),
  run: RunId,
  index: z.number().int().nonnegative().max(100_000),
  text: z.string().max(MAX_PAGE_CHARS),
});

export const AnalyzeRequest = z.object({
  kind: z.literal('analyze'),
  /** The text, or with `run` its last part after the `parts` sent ahead. */
  text: z.string().max(MAX_PAGE_CHARS),
  run: RunId.optional(),
  parts: z.number().int().nonnegative().max(100_000).optional(),
  lang: z.enum(['vi', 'en']).optional(),
});
export const LearnRequest = z.object({ kind: z.literal('learn'), facts: PortalFactsSchema });
/** Badge text for the tab (the number of problems found). */
export const ReportRequest = z.object({ kind: z.literal('report'), problems: z.number().int().nonnegative() });

export const BackgroundRequest = z.discriminatedUnion('kind', [TextPartRequest, AnalyzeRequest, LearnRequest, ReportRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

export const LearnResponse = z.object({ added: z.boolean(), number: z.string() });
export const NoResponse = z.null();

// --- Requests to the content script (from the popup) ----------------------

export const PageStateSchema = z.enum(['starting', 'running', 'done', 'disabled', 'no-document', 'error']);

export const PageStatusSchema = z.object({
  state: PageStateSchema,
  portal: z.string().max(100).optional(),
  document: DocumentInfoSchema.optional(),
  citations: z.number().int().nonnegative(),
  references: z.number().int().nonnegative(),
  broken: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  learned: z.string().max(100).optional(),
  ms: z.number().nonnegative().optional(),
  error: Short.optional(),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

export const TabRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status') }),
  z.object({ kind: z.literal('show-panel') }),
  z.object({ kind: z.literal('rerun') }),
]);
export type TabRequest = z.infer<typeof TabRequest>;

// --- Envelope and sender check --------------------------------------------

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Built once per value schema: a content script is cold, and a zod schema costs more to build than to run. */
const replySchemas = new WeakMap<z.ZodType, z.ZodType>();

export function replySchema<T extends z.ZodType>(value: T) {
  let schema = replySchemas.get(value);
  if (!schema) {
    schema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: Short })]);
    replySchemas.set(value, schema);
  }
  return schema as z.ZodType<Reply<z.infer<T>>>;
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
export function guardedListener<S extends z.ZodType, R>(
  runtimeId: () => string,
  schema: S,
  handle: (message: z.infer<S>, sender: SenderLike) => Promise<R> | R,
): Listener {
  return (message, sender, sendResponse) => {
    if (!fromThisExtension(sender, runtimeId())) return false;
    const parsed = schema.safeParse(message);
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

/** Unwraps and validates an answer; throws with the error the other side gave. */
export function unwrapReply<T extends z.ZodType>(raw: unknown, value: T): z.infer<T> {
  const r = replySchema(value).safeParse(raw);
  if (!r.success) throw new Error('Câu trả lời không hợp lệ từ tiện ích');
  const reply = r.data as Reply<z.infer<T>>;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
