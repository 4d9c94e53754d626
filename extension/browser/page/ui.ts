/**
 * The extension's own surface on a page: the hover card, the findings panel
 * and the flash that marks where a jump landed. All of it lives in a CLOSED
 * shadow root on a host element of zero size, so the page can neither read
 * nor restyle it, and it is built with createElement + textContent only:
 * page text never becomes markup.
 */

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.card, .panel { font: 13px/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1f2328;
  background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 8px 24px rgba(31,35,40,.18); }
.card { position: fixed; z-index: 2147483647; max-width: 420px; min-width: 220px; padding: 10px 12px; pointer-events: auto; }
.card[hidden], .panel[hidden], .flash[hidden] { display: none; }
.heading { font-weight: 600; margin: 0 0 4px; }
.status { display: inline-block; font-size: 12px; border-radius: 10px; padding: 0 8px; margin: 0 0 6px; }
.status.ok { background: #dafbe1; color: #116329; }
.status.warn { background: #fff8c5; color: #7d4e00; }
.status.bad { background: #ffebe9; color: #a40e26; }
.status.unknown { background: #eaeef2; color: #57606a; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
dt { color: #57606a; } dd { margin: 0; }
.preview { white-space: pre-wrap; border-left: 3px solid #d0d7de; padding: 2px 0 2px 8px; margin: 6px 0; color: #24292f; }
.hint { color: #57606a; font-size: 12px; margin-top: 6px; }
button { font: inherit; cursor: pointer; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 6px; padding: 1px 8px; margin: 2px 4px 0 0; color: #0969da; }
button:hover { background: #eef1f4; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.panel { position: fixed; z-index: 2147483646; right: 16px; bottom: 16px; width: 380px; max-height: 50vh; display: flex; flex-direction: column; }
.panel header { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid #d0d7de; }
.panel header .title { font-weight: 600; flex: 1; }
.panel header button.close { border: none; background: none; font-size: 16px; color: #57606a; padding: 0 4px; }
.panel .summary { padding: 4px 10px; color: #57606a; font-size: 12px; }
.panel ol { list-style: none; margin: 0; padding: 0; overflow: auto; }
.panel li { padding: 6px 10px; border-top: 1px solid #eaeef2; }
.panel li .sev { font-size: 11px; font-weight: 600; text-transform: uppercase; margin-right: 6px; }
.panel li .sev.error { color: #cf222e; } .panel li .sev.warning { color: #9a6700; } .panel li .sev.info, .panel li .sev.hint { color: #0969da; }
.panel footer { padding: 6px 10px; border-top: 1px solid #d0d7de; }
.panel footer button { color: #57606a; }
.flash { position: fixed; z-index: 2147483645; pointer-events: none; border: 2px solid #0969da; border-radius: 4px;
  background: rgba(9,105,218,.08); transition: opacity .6s; }
`;

type Child = Node | string | null | undefined | false;

/** createElement with class, attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; attrs?: Record<string, string>; onClick?: (e: MouseEvent) => void } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  if (props.onClick) {
    const handler = props.onClick;
    el.addEventListener('click', (e) => {
      if (e.isTrusted) handler(e as MouseEvent);
    });
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}

export interface PanelItem {
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** The severity in words ("Lỗi"). */
  label: string;
  message: string;
  jump: () => void;
}

export class PageUi {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly card: HTMLDivElement;
  private readonly flashBox: HTMLDivElement;
  private panel?: HTMLElement;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** The element the card is shown for. */
  cardFor: Element | undefined;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('div');
    this.host.setAttribute('data-vanban-ui', '');
    // The host takes no room and catches nothing: the page's layout stays as it was.
    for (const [k, v] of Object.entries({ position: 'fixed', top: '0', left: '0', width: '0', height: '0', overflow: 'visible', 'z-index': '2147483647' })) {
      this.host.style.setProperty(k, v, 'important');
    }
    this.root = this.host.attachShadow({ mode: 'closed' });
    this.addStyle();
    this.card = h(doc, 'div', { class: 'card', attrs: { role: 'tooltip', hidden: '' } });
    this.card.addEventListener('mouseenter', () => this.cancelHide());
    this.card.addEventListener('mouseleave', () => this.hideSoon());
    this.flashBox = h(doc, 'div', { class: 'flash', attrs: { hidden: '' } });
    this.root.append(this.card, this.flashBox);
    doc.documentElement.append(this.host);
  }

  private addStyle() {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      this.root.append(h(this.doc, 'style', {}, CSS));
    }
  }

  showCard(anchor: Element, content: Node[]) {
    this.cancelHide();
    this.cardFor = anchor;
    this.card.replaceChildren(...content);
    this.card.hidden = false;
    const r = anchor.getBoundingClientRect();
    const view = this.doc.documentElement;
    const width = Math.min(420, view.clientWidth - 16);
    const left = Math.max(8, Math.min(r.left, view.clientWidth - width - 8));
    this.card.style.left = `${left}px`;
    this.card.style.maxWidth = `${width}px`;
    const below = r.bottom + 6;
    const height = this.card.offsetHeight;
    this.card.style.top = `${below + height > view.clientHeight && r.top - height - 6 > 0 ? r.top - height - 6 : below}px`;
  }

  hideSoon(ms = 250) {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hideCard(), ms);
  }

  cancelHide() {
    if (this.hideTimer !== undefined) clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  hideCard() {
    this.card.hidden = true;
    this.cardFor = undefined;
  }

  /** Outlines a rectangle of the viewport for a moment. */
  flash(rect: DOMRect) {
    const f = this.flashBox;
    f.style.left = `${rect.left - 3}px`;
    f.style.top = `${rect.top - 2}px`;
    f.style.width = `${rect.width + 6}px`;
    f.style.height = `${rect.height + 4}px`;
    f.style.opacity = '1';
    f.hidden = false;
    setTimeout(() => {
      f.style.opacity = '0';
    }, 1200);
    setTimeout(() => {
      f.hidden = true;
    }, 1900);
  }

  showPanel(opts: { title: string; summary: string; empty: string; items: PanelItem[]; labels: { close: string; jump: string; disable: string }; onDisable: () => void }) {
    this.panel?.remove();
    const d = this.doc;
    const list = h(d, 'ol');
    for (const item of opts.items) {
      list.append(
        h(d, 'li', {}, h(d, 'span', { class: `sev ${item.severity}` }, item.label), item.message, ' ', h(d, 'button', { onClick: item.jump, attrs: { type: 'button' } }, opts.labels.jump)),
      );
    }
    const panel = h(
      d,
      'section',
      { class: 'panel', attrs: { 'aria-label': opts.title } },
      h(d, 'header', {}, h(d, 'span', { class: 'title' }, opts.title), h(d, 'button', { class: 'close', attrs: { type: 'button', 'aria-label': opts.labels.close, title: opts.labels.close }, onClick: () => this.closePanel() }, '×')),
      h(d, 'div', { class: 'summary' }, opts.summary),
      opts.items.length > 0 ? list : h(d, 'div', { class: 'summary' }, opts.empty),
      h(d, 'footer', {}, h(d, 'button', { attrs: { type: 'button' }, onClick: opts.onDisable }, opts.labels.disable)),
    );
    this.panel = panel;
    this.root.append(panel);
  }

  closePanel() {
    if (this.panel) this.panel.hidden = true;
  }

  get panelOpen(): boolean {
    return !!this.panel && !this.panel.hidden;
  }

  destroy() {
    this.cancelHide();
    this.host.remove();
  }
}
