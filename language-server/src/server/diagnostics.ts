/**
 * Diagnostics, pushed or pulled.
 *
 * Push (clients without pull support): after a change the document is checked
 * once the messages already waiting were read (bursts of keystrokes coalesce;
 * while changes come faster than a slow document's check, each waits a little
 * longer — a lone keystroke is checked at once), in small steps that
 * yield to the event loop, so a newer change or any request gets in between.
 * A check whose document changed meanwhile is dropped: diagnostics are only
 * ever published for the version they were computed on, with that version.
 *
 * Pull: textDocument/diagnostic computes the same way for the request
 * (cancellable), answers `unchanged` when the result id (version + settings
 * generation) is the one the client has; workspace/diagnostic reports every
 * open document and waits for a change when nothing changed.
 */
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { compareDiagnostics, type Diagnostic, type Lang } from '../core/diagnostics/diagnostic.ts';
import type { DiagnosticsResult } from '../core/language-service.ts';
import { fileDiagnostic, toDiagnostic, type DocContext } from './convert.ts';
import { MAX_ANALYSED_CHARS, type ServerContext } from './context.ts';
import { detectLegacyText, LEGACY_SAMPLE_CHARS, legacyLetterCounts, pick, readsAsItIs, type LegacyLetterCounts } from '../io/encoding.ts';
import { changedSpan, forgetChangedSpan } from '../core/language-service/text-change.ts';
import { rehearseTyping } from '../core/language-service/rehearsal.ts';
import { createLanguageService } from '../core/language-service.ts';
import { cancelled } from './guard.ts';
import type { ProjectConfig } from './settings.ts';

/**
 * At most this many diagnostics per document are sent (errors first, then
 * warnings, infos, hints), plus one note saying how many were left out: a
 * pathological text ("a a a a …" over megabytes) must not produce a message
 * of hundreds of megabytes that freezes the editor.
 */
export const MAX_DIAGNOSTICS = 2000;
const TRUNCATED = 'vanban/truncated';
const RANK: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function capped(all: readonly Diagnostic[], lang: Lang): Diagnostic[] {
  if (all.length <= MAX_DIAGNOSTICS) return all as Diagnostic[];
  const kept = [...all].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, MAX_DIAGNOSTICS);
  kept.sort(compareDiagnostics);
  const left = all.length - MAX_DIAGNOSTICS;
  const message =
    lang === 'en'
      ? `${left} more diagnostics are not shown (at most ${MAX_DIAGNOSTICS} per document); run \`vanban check\` for all of them.`
      : `Còn ${left} chẩn đoán khác không hiển thị (tối đa ${MAX_DIAGNOSTICS} mỗi văn bản); chạy \`vanban check\` để xem tất cả.`;
  return [{ code: TRUNCATED, severity: 'info', message, range: { start: 0, end: 0 } }, ...kept];
}

/**
 * What the server knows of a document's legacy encoding: the verdict, the text it holds for, and when the
 * text read as it is by its letter counts alone, those counts and how far edits since may have moved them.
 */
export interface LegacyKnown {
  text: string;
  verdict: ReturnType<typeof detectLegacyText>;
  counts?: LegacyLetterCounts;
  slack: number;
}

/**
 * The legacy-encoding verdict of `text`, reusing what is known of an earlier version. Detecting cost ≈ 4–5 ms
 * a keystroke on 1 MB, as much as the incremental diagnostics. It reads only the start of the text, so an
 * edit past it keeps the verdict; and the counts it decides by for Unicode text move by at most one per
 * character changed (an edit of k characters moves at most 2k + |delta| characters into or out of the sample),
 * so while they stay clear of its thresholds by the edits' total, the text still reads as it is.
 */
export function legacyVerdict(known: LegacyKnown | undefined, text: string): LegacyKnown {
  if (known) {
    if (known.text === text) return known;
    const { start, oldEnd, newEnd } = changedSpan(known.text, text);
    if (start >= LEGACY_SAMPLE_CHARS) return { ...known, text };
    const slack = known.slack + (oldEnd - start) + (newEnd - start) + Math.abs(newEnd - oldEnd);
    if (known.counts && readsAsItIs(known.counts, slack)) return { ...known, text, slack };
  }
  const counts = legacyLetterCounts(text);
  if (readsAsItIs(counts)) return { text, verdict: undefined, counts, slack: 0 };
  return { text, verdict: detectLegacyText(text), slack: 0 };
}

/** A check of a version that is no longer current (or of a document closed meanwhile). */
export class Stale extends Error {}

/** Checks slower than this make the next check of that document wait (ms). */
const SLOW_CHECK_MS = 40;
const MAX_ADAPTIVE_DELAY_MS = 300;

/**
 * A full check of a document at least this long is followed by a full garbage collection, before its
 * diagnostics are sent.
 *
 * Why: a full check of a large document promotes most of what it allocates to the old generation (≈ 28 MB
 * for 1 MB), all of it garbage once the next version is checked; and each keystroke after it promotes the text
 * being replaced (1.5 MB a scavenge for 1 MB, which every two keystrokes bring: server/thread.ts). V8 then
 * collects the old generation when it has grown by a share of what it held (heap.ts): in the middle of some
 * later keystroke's answer, whose few milliseconds a full collection multiplies (5–7 of the bench's 194
 * incremental answers held one). Collected here, the check's garbage goes at once, at a moment that already
 * takes ≈ 100 ms (≈ 20 ms more, once per full check), and the keystrokes after it start from a smaller heap.
 * Smaller documents are left to V8: their checks and garbage are small.
 */
const COLLECT_AFTER_FULL_CHECK_CHARS = 200_000;

/**
 * The rehearsal of typing takes a step only after this long (ms) without a message from the client or the end
 * of a check: longer than the gaps inside a burst of messages (the bench's client asks its next hover ≈ 0.1–0.3
 * ms after an answer, and sends its next change ≈ 3–7 ms after the diagnostics), far shorter than a human's
 * pause between keystrokes.
 */
export const REHEARSAL_QUIET_MS = 10;

/** How long (ms) from its start the rehearsal of typing waits for quiet moments before it takes the steps left at once. */
export const REHEARSAL_PATIENCE_MS = 100;

/**
 * What the rehearsal of typing does at a turn of the event loop (times in ms, performance.now()): 'step' when
 * no check is under way and nothing happened (a message from the client, the end of a check) for
 * REHEARSAL_QUIET_MS; 'rest' — every step left, at once — when no check is under way and `deadline` passed;
 * otherwise how long to wait before asking again (at least 1).
 */
export function rehearsalMove(now: number, lastActivity: number, checking: boolean, deadline: number): 'step' | 'rest' | number {
  const quietFor = now - lastActivity;
  if (!checking) {
    if (quietFor >= REHEARSAL_QUIET_MS) return 'step';
    if (now >= deadline) return 'rest';
  }
  return Math.max(1, Math.ceil(Math.min(REHEARSAL_QUIET_MS - quietFor, deadline - now)));
}

export interface ComputedDiagnostics {
  version: number;
  diagnostics: LspDiagnostic[];
  resultId: string;
}

export class DiagnosticsRunner {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each document's latest scheduling while its check is to come: an earlier one that fires finds another here and does nothing. */
  private readonly scheduled = new Map<string, number>();
  private schedulings = 0;
  private readonly inflight = new Map<string, Promise<ComputedDiagnostics>>();
  /** How long the last complete check of each document took (ms). */
  private readonly cost = new Map<string, number>();
  /** When each document was last scheduled (performance.now()). */
  private readonly lastScheduled = new Map<string, number>();
  /** The legacy-encoding answer of each document's last check (legacyVerdict). */
  private readonly legacy = new Map<string, LegacyKnown>();
  /** When the last check ended (performance.now()): the rehearsal of typing waits for quiet after it (quietMoment). */
  private settledAt = -Infinity;
  /** True once the rehearsal of typing was started (after the first complete check). */
  private rehearsed = false;
  /** Resolved (and replaced) whenever diagnostics may have changed: wakes a waiting workspace/diagnostic. */
  private changed!: Promise<void>;
  private signal!: () => void;

  constructor(private readonly c: ServerContext) {
    this.renewSignal();
  }

  private renewSignal(): void {
    this.changed = new Promise((resolve) => (this.signal = resolve));
  }

  /** Something that changes diagnostics happened (edit, open, close, settings). */
  notifyChange(): void {
    const s = this.signal;
    this.renewSignal();
    s();
  }

  /** Push mode: check `uri` soon. */
  schedule(uri: string, delay?: number): void {
    this.notifyChange();
    if (this.c.client.pullDiagnostics) return;
    const old = this.timers.get(uri);
    if (old !== undefined) clearTimeout(old);
    const now = performance.now();
    const since = now - (this.lastScheduled.get(uri) ?? -Infinity);
    this.lastScheduled.set(uri, now);
    const wait = delay ?? this.delayFor(uri, since);
    const ticket = ++this.schedulings;
    this.scheduled.set(uri, ticket);
    const run = () => {
      if (this.scheduled.get(uri) !== ticket) return;
      this.scheduled.delete(uri);
      this.timers.delete(uri);
      void this.publish(uri);
    };
    if (wait > 0) this.timers.set(uri, setTimeout(run, wait));
    else void this.afterWaitingMessages().then(run);
  }

  /**
   * Resolves once the messages already received were handled, so that a burst of changes is checked once, at
   * its last version. vscode-jsonrpc handles one message per turn of the event loop (in Node, setImmediate),
   * and a handler's own turn is queued before the connection's next one, so two turns put every waiting
   * message first; a change among them schedules again, and this scheduling then finds itself replaced. (In
   * the Web Worker the connection handles its queue in microtasks, all before the first turn.) A 0 ms timer,
   * as before, cost each keystroke Node's timer floor: 1 ms, up to 2 with libuv's millisecond clock.
   */
  private async afterWaitingMessages(): Promise<void> {
    await this.c.host.yieldToEventLoop();
    await this.c.host.yieldToEventLoop();
  }

  scheduleAll(): void {
    for (const uri of this.c.store.uris()) this.schedule(uri);
  }

  /** A closed document: stop its pending check, clear what the client shows. */
  close(uri: string): void {
    const t = this.timers.get(uri);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(uri);
    this.scheduled.delete(uri);
    this.cost.delete(uri);
    this.lastScheduled.delete(uri);
    this.legacy.delete(uri);
    this.notifyChange();
    if (!this.c.client.pullDiagnostics) void this.c.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /**
   * 0 for documents that check within a frame or so, and for a change that
   * follows the previous one by more than a check takes (nothing to coalesce:
   * waiting would only delay the answer). While changes to a slow document
   * come faster than that, each waits about half the cost, so typing is not
   * followed by a check per keystroke.
   */
  private delayFor(uri: string, sinceLastChange: number): number {
    const cost = this.cost.get(uri) ?? 0;
    if (cost < SLOW_CHECK_MS || sinceLastChange > cost) return 0;
    return Math.min(MAX_ADAPTIVE_DELAY_MS, Math.round(cost / 2));
  }

  private async publish(uri: string): Promise<void> {
    try {
      const r = await this.compute(uri);
      if (this.c.store.version(uri) !== r.version) return;
      await this.c.connection.sendDiagnostics({ uri, version: r.version, diagnostics: r.diagnostics });
    } catch (e) {
      if (e instanceof Stale) return;
      this.c.log.error(`diagnostics of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /**
   * The diagnostics of the current version of an open document, computed in
   * steps. Throws Stale when the document changed meanwhile, a cancellation
   * error when `token` was cancelled. Callers asking for the same version at
   * the same time share one computation (a cancelled caller leaves it running
   * for the others; its result is cached for the next).
   */
  compute(uri: string, token?: CancellationToken): Promise<ComputedDiagnostics> {
    const version = this.c.store.version(uri);
    const key = `${uri}\u0000${version}\u0000${this.c.settings.generation}`;
    let work = this.inflight.get(key);
    if (!work) {
      work = this.computeNow(uri);
      this.inflight.set(key, work);
      const done = () => {
        this.inflight.delete(key);
        this.settledAt = performance.now();
      };
      work.then(done, done);
      if (!this.rehearsed) work.then(() => this.rehearse(uri), () => undefined);
    }
    if (!token) return work;
    if (token.isCancellationRequested) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => {
      const sub = token.onCancellationRequested(() => reject(cancelled()));
      work.then(
        (r) => (sub.dispose(), resolve(r)),
        (e: unknown) => (sub.dispose(), reject(e)),
      );
    });
  }

  private async computeNow(uri: string): Promise<ComputedDiagnostics> {
    const c = this.c;
    const first = c.store.snapshot(uri);
    if (!first) throw new Stale(`not open: ${uri}`);
    const settings = await c.settings.forDocument(uri);
    const generation = c.settings.generation;
    const snapshot = c.store.snapshot(uri);
    if (!snapshot || snapshot.version !== first.version) throw new Stale(uri);
    const resultId = `${snapshot.version}/${generation}`;
    if (snapshot.text.length > MAX_ANALYSED_CHARS) {
      const lang = settings.check.lang;
      const message =
        lang === 'en'
          ? `The document is too large to check (${snapshot.text.length} characters; the limit is ${MAX_ANALYSED_CHARS}). Split it or check it with \`vanban check\`.`
          : `Văn bản quá lớn để kiểm tra (${snapshot.text.length} ký tự; giới hạn ${MAX_ANALYSED_CHARS}). Hãy tách văn bản hoặc kiểm tra bằng \`vanban check\`.`;
      return { version: snapshot.version, resultId, diagnostics: [fileDiagnostic({ code: 'io/too-large', severity: 'info', message })] };
    }
    // A text in a legacy font encoding (TCVN3, VNI) or UTF-8 read as Windows-1252, pasted or opened:
    // one diagnostic saying what it is and how to convert it, not hundreds of findings on mojibake.
    const known = legacyVerdict(this.legacy.get(uri), snapshot.text);
    this.legacy.set(uri, known);
    const legacy = known.verdict;
    if (legacy) {
      const message = pick(legacy.message, settings.check.lang);
      return { version: snapshot.version, resultId, diagnostics: [fileDiagnostic({ code: 'io/unreadable', severity: 'error', message }, c.host.ruleDocumentationUrl('io/unreadable'))] };
    }
    const started = performance.now();
    const steps = c.service.diagnosticSteps(snapshot, settings.check);
    let result: DiagnosticsResult;
    // Only a full check comes in steps: an answer cached or derived from the version before comes at once.
    let fullCheck = false;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        result = r.value;
        break;
      }
      fullCheck = true;
      await c.host.yieldToEventLoop();
      if (c.store.version(uri) !== snapshot.version) throw new Stale(uri);
    }
    this.cost.set(uri, performance.now() - started);
    if (fullCheck && snapshot.text.length >= COLLECT_AFTER_FULL_CHECK_CHARS) c.host.collectGarbage?.();
    const analysis = c.service.analysis(snapshot);
    for (const f of result.failures) {
      c.log.error(`rule ${f.code} failed on ${uri}: ${f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error)}`);
    }
    const ctx: DocContext = { uri, version: snapshot.version, lines: analysis.lines };
    // The line index was the last to ask what changed since the version before (the store told it, documents.ts).
    forgetChangedSpan();
    const docUrl = (code: string) => c.host.ruleDocumentationUrl(code);
    const shown = capped(result.diagnostics, settings.check.lang);
    return { version: snapshot.version, resultId, diagnostics: shown.map((d) => (d.code === TRUNCATED ? fileDiagnostic(d) : toDiagnostic(ctx, d, docUrl))) };
  }

  /**
   * Once, after the first check was answered: typing rehearsed on a short built-in text (rehearsal.ts), so that
   * the first keystrokes of each kind in the user's documents do not pay V8's first-call compilation (≈ 100–150
   * ms in all, here, where nothing waits for it). With the options `uri` is checked with.
   *
   * One edit at a time, at quiet moments (quietMoment): an editor asks in bursts (after opening: symbols,
   * folding, tokens, hovers; while typing: a change and the requests after it), and a step taken between two
   * messages of a burst makes the second wait for it — the first steps cost 5–30 ms each (they compile). One step
   * per turn, as before, delayed each of the first ≈ 20 of the bench's 200 hovers, asked right after opening
   * (hover p95 1.5 → 2.8–5.7 ms). A client that never pauses for REHEARSAL_PATIENCE_MS gets the steps left in one
   * turn: one of its messages waits for them, instead of its first keystrokes paying the first calls.
   */
  private async rehearse(uri: string): Promise<void> {
    if (this.rehearsed) return;
    this.rehearsed = true;
    try {
      const options = (await this.c.settings.forDocument(uri)).check;
      const steps = rehearseTyping(createLanguageService(), options);
      const deadline = performance.now() + REHEARSAL_PATIENCE_MS;
      // The first step in the next turn, without waiting for quiet: the client is reading the diagnostics just sent.
      await this.c.host.yieldToEventLoop();
      let done = steps.next().done;
      while (!done) {
        const quiet = await this.quietMoment(deadline);
        do done = steps.next().done;
        while (!quiet && !done);
      }
      // Its garbage, and what the first check left, go now, while nothing waits (once; see COLLECT_AFTER_FULL_CHECK_CHARS).
      await this.quietMoment(deadline);
      this.c.host.collectGarbage?.();
    } catch (e) {
      this.c.log.warn(`the rehearsal of typing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Resolves at a turn of the event loop when rehearsalMove says 'step' (true) or 'rest' (false). */
  private async quietMoment(deadline: number): Promise<boolean> {
    for (;;) {
      await this.c.host.yieldToEventLoop();
      const lastActivity = Math.max(this.settledAt, this.c.host.lastInputAt?.() ?? -Infinity);
      const move = rehearsalMove(performance.now(), lastActivity, this.inflight.size > 0, deadline);
      if (typeof move !== 'number') return move === 'step';
      await new Promise((resolve) => setTimeout(resolve, move));
    }
  }

  /** textDocument/diagnostic */
  async pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    try {
      const r = await this.compute(uri, token);
      if (previousResultId === r.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: r.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId, items: r.diagnostics };
    } catch (e) {
      if (e instanceof Stale) {
        // The client asks again for the new version.
        throw new ResponseError(LSPErrorCodes.ServerCancelled, `The document changed while it was checked: ${uri}`, { retriggerRequest: true });
      }
      throw e;
    }
  }

  /** workspace/diagnostic: every open document; waits for a change while nothing would be new. */
  async pullWorkspace(previous: readonly { uri: string; value: string }[], token: CancellationToken): Promise<{ items: WorkspaceDocumentDiagnosticReport[] }> {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    for (;;) {
      const changed = this.changed;
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      let anyNew = false;
      for (const uri of this.c.store.uris()) {
        let r: ComputedDiagnostics;
        try {
          r = await this.compute(uri, token);
        } catch (e) {
          if (e instanceof Stale) continue;
          throw e;
        }
        if (known.get(uri) === r.resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: r.version, resultId: r.resultId });
        } else {
          anyNew = true;
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: r.version, resultId: r.resultId, items: r.diagnostics });
        }
      }
      if (anyNew || known.size !== items.length || token.isCancellationRequested) {
        if (token.isCancellationRequested) throw cancelled();
        return { items };
      }
      await Promise.race([changed, new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()))]);
      if (token.isCancellationRequested) throw cancelled();
    }
  }

  /** A `.vanbanrc.json` was read: show its one config/invalid diagnostic on it (or clear it). */
  publishProjectConfig(project: ProjectConfig): void {
    const docUrl = this.c.host.ruleDocumentationUrl('config/invalid');
    const diagnostics = project.diagnostics.map((d) => fileDiagnostic(d, docUrl));
    for (const d of project.diagnostics) this.c.log.warn(d.message);
    void this.c.connection.sendDiagnostics({ uri: project.uri, diagnostics }).catch(() => undefined);
  }
}
