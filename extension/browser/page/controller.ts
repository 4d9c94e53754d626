/**
 * The content script's work on one page: find the document, read its text
 * in slices, have the background analyse it, mark citations and references
 * in slices, then answer hovers, clicks and the popup. The main thread is
 * handed back to the page between slices (~8 ms each), so reading a 1 MB law
 * never freezes the page.
 */
import type { browser } from 'wxt/browser';
import { t, type UiLang } from '../lib/i18n.ts';
import { AnalysisWireSchema, buildAnswerSchemas, checkAnalysis, type AnalysisWire } from '../lib/analysis-wire.ts';
import {
  LearnResponse,
  NoResponse,
  TEXT_PARTS_ERROR,
  unwrapReply,
  type Analysis,
  type BackgroundRequest,
  type PageCitation,
  type PageReference,
  type PageStatus,
  type PortalFacts,
} from '../lib/messages.ts';
import { siteEnabled, type Settings } from '../lib/settings.ts';
import { portalFor } from '../lib/sites.ts';
import { currentPoint, MarkRegistry, placeMarks, type Mark } from './annotate.ts';
import { drive, driveByFrames } from './pacing.ts';
import { citationCard, referenceCard } from './cards.ts';
import { findDocumentRoot } from './find-document.ts';
import { readVbplFullText, readVbplProperties } from './learn.ts';
import { firstSegmentIn, walkText, type PageText } from './text-map.ts';
import { PageUi, type PanelItem } from './ui.ts';

/** Characters per part of the page text sent ahead (a 1 MB law: five or six parts). */
const TEXT_PART_CHARS = 100_000;

/** An id for one reading of the page (crypto.randomUUID needs a secure context; portal pages may be http). */
function randomRunId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

type Marked = { kind: 'citation'; value: PageCitation } | { kind: 'reference'; value: PageReference };

const STATUS_COLOR = { ok: '#1a7f37', warn: '#bf8700', bad: '#cf222e', unknown: '#8c959f' } as const;

function citationStyle(c: PageCitation): Record<string, string> {
  return {
    'text-decoration-line': 'underline',
    'text-decoration-style': 'solid',
    'text-decoration-color': STATUS_COLOR[c.card.tone],
    'text-decoration-thickness': '2px',
    'text-underline-offset': '3px',
    cursor: 'help',
  };
}

function referenceStyle(r: PageReference): Record<string, string> {
  const broken = r.status !== 'ok';
  return {
    'text-decoration-line': 'underline',
    'text-decoration-style': broken ? 'wavy' : 'dotted',
    'text-decoration-color': r.status === 'broken' ? '#cf222e' : r.status === 'ambiguous' ? '#bf8700' : '#0969da',
    'text-decoration-skip-ink': 'none',
    'text-underline-offset': '3px',
    cursor: r.targets.length > 0 && r.status !== 'broken' ? 'pointer' : 'help',
  };
}

function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el.parentElement && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
  return el;
}

export class PageController {
  private status: PageStatus = { state: 'starting', citations: 0, references: 0, broken: 0, findings: 0 };
  private readonly marks = new MarkRegistry<Marked>();
  private ui?: PageUi;
  private map?: PageText;
  private analysis?: Analysis;
  private lang: UiLang = 'vi';
  private readonly cleanups: (() => void)[] = [];
  private started = 0;

  constructor(
    private readonly api: typeof browser,
    private readonly doc: Document,
    private readonly loadSettings: () => Promise<Settings>,
    private readonly saveSettings: (s: Settings) => Promise<void>,
  ) {}

  getStatus(): PageStatus {
    return { ...this.status };
  }

  private setState(patch: Partial<PageStatus>) {
    this.status = { ...this.status, ...patch };
    // Visible to the page and to tests as a plain attribute; carries no page data.
    this.doc.documentElement.setAttribute('data-vanban-state', this.status.state);
  }

  private async ask<T>(request: BackgroundRequest, schema: Parameters<typeof unwrapReply>[1]): Promise<T> {
    const raw = await this.api.runtime.sendMessage(request);
    return unwrapReply(raw, schema) as T;
  }

  async run(): Promise<void> {
    // Marks on the page's performance timeline (the benchmark reads them).
    performance.mark('vanban:start');
    this.started = performance.now();
    this.setState({ state: 'running' });
    try {
      await this.runSteps();
    } catch (e) {
      this.setState({ state: 'error', error: String(e instanceof Error ? e.message : e).slice(0, 500) });
    }
    performance.mark('vanban:done');
  }

  private async runSteps() {
    const settings = await this.loadSettings();
    this.lang = settings.lang;
    const host = this.doc.location?.hostname ?? '';
    if (!siteEnabled(settings, host)) {
      this.setState({ state: 'disabled' });
      return;
    }
    const portal = portalFor(host);
    if (portal) this.setState({ portal: portal.name });
    const url = this.doc.location?.href ?? '';

    if (portal?.id === 'vbpl') {
      const facts = readVbplProperties(this.doc, url);
      if (facts) {
        await this.learn(facts);
        this.setState({ state: 'done', document: { number: facts.number, type: facts.type, title: facts.title }, ms: performance.now() - this.started });
        return;
      }
    }

    const found = findDocumentRoot(this.doc, portal);
    if (!found) {
      this.setState({ state: 'no-document' });
      return;
    }
    const { map, envelope } = await this.readAndAnalyse(found.root, found.skip, settings.lang);
    this.map = map;
    performance.mark('vanban:replied');
    const analysis = await drive(checkAnalysis(envelope));
    this.analysis = analysis;
    // With the time the background took, for the benchmark's breakdown.
    performance.mark('vanban:analysed', { detail: { backgroundMs: Math.round(analysis.ms) } });

    const marks: Mark<Marked>[] = [];
    if (settings.annotate.citations) {
      for (const c of analysis.citations) {
        marks.push({ start: c.start, end: c.end, attrs: { 'data-vanban-citation': c.canonical }, style: citationStyle(c), data: { kind: 'citation', value: c } });
      }
    }
    if (settings.annotate.references) {
      for (const r of analysis.references) {
        const attrs: Record<string, string> = { 'data-vanban-status': r.status === 'ok' ? 'ok' : r.status };
        attrs['data-vanban-ref'] = r.targets[0]?.id ?? '';
        marks.push({ start: r.start, end: r.end, attrs, style: referenceStyle(r), data: { kind: 'reference', value: r } });
      }
    }
    await driveByFrames(placeMarks(this.doc, map, marks, this.marks, this.viewportRange(map), 1));
    this.listen();

    const broken = analysis.references.filter((r) => r.status === 'broken').length;
    this.setState({
      state: 'done',
      document: analysis.document,
      citations: analysis.citations.length,
      references: analysis.references.length,
      broken,
      findings: analysis.findings.length,
      ms: performance.now() - this.started,
    });
    this.doc.documentElement.setAttribute('data-vanban-ms', String(Math.round(this.status.ms ?? 0)));
    if (settings.annotate.panel && analysis.findings.length > 0) this.showPanel();
    void this.ask({ kind: 'report', problems: analysis.findings.length }, NoResponse).catch(() => undefined);

    if (portal?.id === 'vbpl') {
      const facts = readVbplFullText(this.doc, url, analysis.document);
      if (facts) await this.learn(facts).catch(() => undefined);
    }
  }

  /**
   * Reads the page into text and has the background analyse it. The text
   * goes to the background in parts while the rest is still being read; the
   * analysis request carries the last part. Should the background have lost
   * the parts (it was stopped in between), the whole text is sent again.
   */
  private async readAndAnalyse(root: Element, skip: string, lang: UiLang): Promise<{ map: PageText; envelope: AnalysisWire }> {
    const run = randomRunId();
    const sends: Promise<unknown>[] = [];
    let sent = 0;
    const send = (text: string) => {
      sends.push(this.ask({ kind: 'text-part', run, index: sends.length, text }, NoResponse));
      sent += text.length;
    };
    const map = await drive(walkText(root, { skip, parts: { chars: TEXT_PART_CHARS, send } }));
    performance.mark('vanban:text');
    const whole = () => this.ask<AnalysisWire>({ kind: 'analyze', text: map.text, lang }, AnalysisWireSchema);
    // In a task of its own once the request is out: built while the background analyses, not when its answer comes.
    const buildAhead = () => setTimeout(buildAnswerSchemas, 0);
    if (sends.length === 0) {
      const asked = whole();
      buildAhead();
      return { map, envelope: await asked };
    }
    // Asked at once, not after the parts' answers: they travel the same way ahead of it (should one be
    // missing or refused, the background says so and the whole text goes again).
    const asked = this.ask<AnalysisWire>({ kind: 'analyze', text: map.text.slice(sent), run, parts: sends.length, lang }, AnalysisWireSchema);
    buildAhead();
    asked.catch(() => undefined);
    try {
      const [envelope] = await Promise.all([asked, ...sends]);
      return { map, envelope };
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith(TEXT_PARTS_ERROR)) throw e;
      return { map, envelope: await whole() };
    }
  }

  private async learn(facts: PortalFacts) {
    const r = await this.ask<{ added: boolean; number: string }>({ kind: 'learn', facts }, LearnResponse);
    this.setState({ learned: r.number });
  }

  /** The part of the page text on screen now (roughly: the text nodes of the blocks at the top and bottom of the viewport). */
  private viewportRange(map: PageText): { from: number; to: number } | undefined {
    const win = this.doc.defaultView;
    if (!win || map.segments.length === 0) return undefined;
    const at = (y: number) => {
      const el = this.doc.elementFromPoint(win.innerWidth / 2, y);
      if (!el) return undefined;
      const i = firstSegmentIn(map.segments, el);
      return i >= 0 ? map.segments[i].start : undefined;
    };
    const from = at(1);
    const to = at(win.innerHeight - 2);
    if (from === undefined && to === undefined) return undefined;
    return { from: from ?? 0, to: to !== undefined ? to + 2_000 : (from ?? 0) + 10_000 };
  }

  private getUi(): PageUi {
    this.ui ??= new PageUi(this.doc);
    return this.ui;
  }

  /** Scrolls to where the text offset is and flashes its block. */
  jumpTo(offset: number) {
    // Found when asked, not kept as live ranges: every live range in a
    // document is updated on every DOM change, and marking makes thousands.
    const point = this.map && currentPoint(this.doc, this.map, offset);
    if (!point) return;
    const block = blockOf(point.node);
    if (!block) return;
    block.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.getUi().flash(block.getBoundingClientRect());
  }

  private jumpToElement(el: Element) {
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.getUi().flash(el.getBoundingClientRect());
  }

  private listen() {
    const win = this.doc.defaultView;
    if (!win) return;
    const over = (e: Event) => {
      // Only what the user does: events a page script dispatches are not trusted.
      if (!e.isTrusted) return;
      const placed = this.marks.find(e.target as Element | null);
      if (!placed) return;
      const ui = this.getUi();
      if (ui.cardFor === placed.elements[0]) {
        ui.cancelHide();
        return;
      }
      const data = placed.mark.data;
      const content = data.kind === 'citation' ? citationCard(this.doc, this.lang, data.value, this.otherPlaces(placed.elements[0], data.value.canonical)) : referenceCard(this.doc, this.lang, data.value, this.map?.text ?? '');
      ui.showCard(placed.elements[0], content);
    };
    const out = (e: Event) => {
      if (!e.isTrusted || !this.ui) return;
      if (this.marks.find(e.target as Element | null)) this.ui.hideSoon();
    };
    const click = (e: MouseEvent) => {
      if (!e.isTrusted || e.button !== 0) return;
      const placed = this.marks.find(e.target as Element | null);
      if (!placed || placed.mark.data.kind !== 'reference') return;
      // A reference inside one of the page's links stays the page's link.
      if ((e.target as Element).closest('a[href]')) return;
      const target = placed.mark.data.value.targets[0];
      if (target && placed.mark.data.value.status !== 'broken') this.jumpTo(target.start);
    };
    win.addEventListener('mouseover', over, { capture: true, passive: true });
    win.addEventListener('mouseout', out, { capture: true, passive: true });
    win.addEventListener('click', click, { capture: true });
    this.cleanups.push(() => {
      win.removeEventListener('mouseover', over, { capture: true });
      win.removeEventListener('mouseout', out, { capture: true });
      win.removeEventListener('click', click, { capture: true });
    });
  }

  /** The other marks of the same cited document, numbered in page order. */
  private otherPlaces(self: Element, canonical: string) {
    const same = this.marks.placed.filter((p) => p.mark.data.kind === 'citation' && p.mark.data.value.canonical === canonical).sort((a, b) => a.mark.start - b.mark.start);
    return same
      .map((p, i) => ({ index: i + 1, el: p.elements[0] }))
      .filter((o) => o.el !== self)
      .map((o) => ({ index: o.index, jump: () => this.jumpToElement(o.el) }));
  }

  showPanel() {
    const a = this.analysis;
    if (!a) return;
    const lang = this.lang;
    const items: PanelItem[] = a.findings.map((f) => ({ severity: f.severity, label: t(lang, f.severity), message: f.message, jump: () => this.jumpTo(f.start) }));
    this.getUi().showPanel({
      title: t(lang, 'panelTitle'),
      summary: t(lang, 'summary', { citations: a.citations.length, references: a.references.length, broken: this.status.broken }),
      empty: t(lang, 'panelNone'),
      items,
      labels: { close: t(lang, 'close'), jump: t(lang, 'jump'), disable: t(lang, 'disableSite') },
      onDisable: () => void this.disableSite(),
    });
  }

  /** "Tắt trên trang web này": remembers the host and takes every mark off the page. */
  async disableSite() {
    const host = this.doc.location?.hostname ?? '';
    const settings = await this.loadSettings();
    if (host && !settings.disabledSites.includes(host)) await this.saveSettings({ ...settings, disabledSites: [...settings.disabledSites, host] });
    this.teardown();
    this.setState({ state: 'disabled', citations: 0, references: 0, broken: 0, findings: 0 });
  }

  /** Removes everything this script put on the page. */
  teardown() {
    for (const c of this.cleanups.splice(0)) c();
    this.marks.clear();
    this.ui?.destroy();
    this.ui = undefined;
    this.doc.documentElement.removeAttribute('data-vanban-ms');
  }

  async rerun() {
    this.teardown();
    await this.run();
  }
}
