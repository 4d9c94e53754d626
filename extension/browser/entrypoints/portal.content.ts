/**
 * The portal content script. Declared for the portals (lib/sites.ts); on any
 * other page it runs only when the user asks through the action button
 * (activeTab + scripting). Injected twice into one page it does the work once.
 */
import '../lib/zod-setup.ts';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { guardedListener, TabRequest } from '../lib/messages.ts';
import { PORTAL_MATCHES } from '../lib/sites.ts';
import { settingsItem } from '../lib/storage.ts';
import { PageController } from '../page/controller.ts';

const KEY = Symbol.for('vanban.page');

export default defineContentScript({
  matches: [...PORTAL_MATCHES],
  runAt: 'document_idle',
  main() {
    // The isolated world is ours alone: the page cannot see or set this.
    const world = globalThis as unknown as Record<symbol, PageController | undefined>;
    const existing = world[KEY];
    if (existing) {
      existing.showPanel();
      return;
    }
    const controller = new PageController(browser, document, () => settingsItem.get(), (s) => settingsItem.set(s));
    world[KEY] = controller;
    browser.runtime.onMessage.addListener(
      guardedListener(() => browser.runtime.id, TabRequest, async (msg) => {
        if (msg.kind === 'show-panel') controller.showPanel();
        if (msg.kind === 'rerun') await controller.rerun();
        return controller.getStatus();
      }),
    );
    void controller.run();
  },
});
