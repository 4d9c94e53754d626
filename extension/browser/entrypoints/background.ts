/**
 * The background: analyses page text for the content script (off the page's
 * main thread) and keeps the learned registry. It makes no network request
 * and accepts messages from this extension only.
 */
import '../lib/zod-setup.ts';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundRequest } from '../background/handlers.ts';
import { localRegistry, watchRegistryStores } from '../background/registry.ts';
import { BackgroundRequest, guardedListener } from '../lib/messages.ts';

export default defineBackground(() => {
  watchRegistryStores();
  // Built while the background starts, not when the first page asks for an analysis.
  void localRegistry().catch(() => undefined);
  browser.runtime.onMessage.addListener(guardedListener(() => browser.runtime.id, BackgroundRequest, (msg, sender) => handleBackgroundRequest(browser, msg, sender)));
});
