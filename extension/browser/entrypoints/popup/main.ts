/**
 * The popup: what the content script found on this tab, "Kiểm tra trang
 * này" (any page, through activeTab), the per-site switch, and the way to
 * the drafting page.
 */
import '../../lib/zod-setup.ts';
import { browser, type Browser } from 'wxt/browser';
import { PageStatusSchema, unwrapReply, type PageStatus, type TabRequest } from '../../lib/messages.ts';
import { siteEnabled, withSite } from '../../lib/settings.ts';
import { settingsItem } from '../../lib/storage.ts';
import { extensionUrl } from '../../lib/urls.ts';

const CONTENT_SCRIPT = '/content-scripts/portal.js';
const app = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function ask(tabId: number, request: TabRequest): Promise<PageStatus | undefined> {
  try {
    return unwrapReply(await browser.tabs.sendMessage(tabId, request), PageStatusSchema);
  } catch {
    return undefined; // no content script on this page (yet)
  }
}

const STATE_TEXT: Record<PageStatus['state'], string> = {
  starting: 'Đang bắt đầu…',
  running: 'Đang kiểm tra trang…',
  done: 'Đã kiểm tra trang.',
  disabled: 'Đã tắt trên trang web này.',
  'no-document': 'Không thấy văn bản nào trên trang này.',
  error: 'Không kiểm tra được trang này.',
};

async function render() {
  const tab = await activeTab();
  const settings = await settingsItem.get();
  const host = tab?.url ? new URL(tab.url).hostname : '';
  const status = tab?.id !== undefined ? await ask(tab.id, { kind: 'status' }) : undefined;

  const parts: Node[] = [el('h1', {}, el('img', { src: '/icon/32.png', width: 20, height: 20, alt: '' }), 'Vanban')];
  if (!status) {
    parts.push(el('p', { className: 'muted' }, 'Trang này chưa được kiểm tra.'));
  } else {
    parts.push(el('p', { className: status.state === 'error' ? 'bad' : 'muted' }, STATE_TEXT[status.state], status.error ? ` ${status.error}` : ''));
    const d = status.document;
    if (d && (d.number || d.type || d.title)) {
      parts.push(
        el('div', { className: 'doc' }, el('div', { className: 'number' }, [d.type, d.number].filter(Boolean).join(' ')), d.title ? el('div', {}, d.title) : ''),
      );
    }
    if (status.learned) parts.push(el('p', { className: 'ok' }, `Đã thêm ${status.learned} vào danh mục văn bản trên máy.`));
    if (status.state === 'done' && !status.learned) {
      parts.push(
        el(
          'div',
          { className: 'counts' },
          el('div', {}, el('b', {}, String(status.citations)), 'trích dẫn'),
          el('div', {}, el('b', {}, String(status.references)), 'dẫn chiếu'),
          el('div', { className: status.findings > 0 ? 'bad' : '' }, el('b', {}, String(status.findings)), 'vấn đề'),
        ),
      );
    }
  }

  const actions = el('div', { className: 'actions' });
  const check = el('button', { className: 'primary', type: 'button' }, 'Kiểm tra trang này');
  check.disabled = tab?.id === undefined || !/^https?:/u.test(tab.url ?? '');
  check.addEventListener('click', async () => {
    if (tab?.id === undefined) return;
    check.disabled = true;
    check.textContent = 'Đang kiểm tra…';
    if (status) await ask(tab.id, { kind: 'rerun' });
    else await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] });
    await waitForDone(tab.id);
    await render();
  });
  actions.append(check);
  if (status?.state === 'done' && status.findings > 0) {
    const show = el('button', { type: 'button' }, 'Hiện danh sách vấn đề trên trang');
    show.addEventListener('click', () => void ask(tab!.id!, { kind: 'show-panel' }));
    actions.append(show);
  }
  const editor = el('button', { type: 'button' }, 'Mở trình soạn thảo');
  editor.addEventListener('click', () => void browser.tabs.create({ url: extensionUrl('/editor.html') }));
  actions.append(editor);
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  if (sidePanel && tab?.windowId !== undefined) {
    const side = el('button', { type: 'button' }, 'Soạn thảo trong bảng bên');
    side.addEventListener('click', () => void sidePanel.open({ windowId: tab.windowId! }).then(() => window.close()));
    actions.append(side);
  }
  parts.push(actions);

  if (host) {
    const box = el('input', { type: 'checkbox', id: 'site', checked: siteEnabled(settings, host) });
    box.addEventListener('change', async () => {
      await settingsItem.set(withSite(await settingsItem.get(), host, box.checked));
      if (tab?.id !== undefined && status) await ask(tab.id, { kind: 'rerun' });
      await render();
    });
    parts.push(el('label', { className: 'site' }, box, `Bật trên ${host}`));
  }
  const options = el('a', { href: '#' }, 'Cài đặt');
  options.addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  });
  parts.push(el('footer', { className: 'muted' }, options, ' · Mọi thứ chạy trên máy của bạn, không gửi dữ liệu đi đâu.'));
  app.replaceChildren(...parts);
}

async function waitForDone(tabId: number) {
  for (let i = 0; i < 100; i++) {
    const s = await ask(tabId, { kind: 'status' });
    if (s && s.state !== 'running' && s.state !== 'starting') return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

void render();
