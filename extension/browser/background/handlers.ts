/**
 * What the background answers. Every request has already been checked by
 * `guardedListener` (sender is this extension, message validates); this
 * module adds the checks that depend on who asks: only a content script in a
 * tab may ask for an analysis, and only one on vbpl.vn may teach the registry.
 */
import type { browser } from 'wxt/browser';
import { packAnalysis, type AnalysisWire } from '../lib/analysis-wire.ts';
import { TEXT_PARTS_ERROR, type BackgroundRequest, type SenderLike } from '../lib/messages.ts';
import { hostMatches } from '../lib/sites.ts';
import type { Settings } from '../lib/settings.ts';
import { settingsItem } from '../lib/storage.ts';
import { analyzePage } from './analyze.ts';
import { learn } from './learned.ts';
import { localRegistry, rebuildLocalRegistry } from './registry.ts';
import { senderKey, TextParts } from './text-parts.ts';
import { WarmUp } from './warm-up.ts';

/** Page text sent ahead of its analysis request. */
const pageTexts = new TextParts();

/**
 * The settings, read (a storage IPC) when a page's first part arrives, so its
 * analysis finds them ready; read at the request when nothing was sent ahead.
 */
let settingsAhead: Promise<Settings> | undefined;

/**
 * The first part of a page's text warms the core up while the rest is read, in a fresh background's first two
 * analyses (the third ran at speed: ≈ 390, 115, then 36 ms on the 965 KB vbpl.vn page), 20,000 characters a task.
 */
const warmUp = new WarmUp(2, 20_000, async () => {
  const { registry, learned } = await localRegistry();
  return (text) => analyzePage(text, { registry, learned });
});

function senderHost(sender: SenderLike): string {
  try {
    return new URL(sender.tab?.url ?? sender.url ?? '').hostname;
  } catch {
    return '';
  }
}

export async function handleBackgroundRequest(api: typeof browser, msg: BackgroundRequest, sender: SenderLike): Promise<AnalysisWire | { added: boolean; number: string } | null> {
  switch (msg.kind) {
    case 'text-part': {
      if (!sender.tab) throw new Error('text-part: only a content script in a tab may send');
      pageTexts.add(senderKey(sender), msg.run, msg.index, msg.text);
      if (msg.index === 0) {
        settingsAhead = settingsItem.get();
        // Awaited by the analysis; a failure meanwhile is not an unhandled one.
        settingsAhead.catch(() => undefined);
        warmUp.firstPart(msg.text);
      }
      return null;
    }
    case 'analyze': {
      if (!sender.tab) throw new Error('analyze: only a content script in a tab may ask');
      warmUp.asking();
      const text = msg.run === undefined ? msg.text : pageTexts.take(senderKey(sender), msg.run, msg.parts ?? 0, msg.text);
      if (text === undefined) throw new Error(`${TEXT_PARTS_ERROR} parts of the page text are missing`);
      const settingsRead = settingsAhead ?? settingsItem.get();
      settingsAhead = undefined;
      const [settings, { registry, learned }] = await Promise.all([settingsRead, localRegistry()]);
      return packAnalysis(analyzePage(text, { lang: msg.lang ?? settings.lang, rules: settings.rules, registry, learned }));
    }
    case 'learn': {
      if (!sender.tab || !hostMatches(senderHost(sender), 'vbpl.vn')) throw new Error('learn: only a vbpl.vn page teaches the registry');
      const { added, changed } = await learn(msg.facts);
      // Built again now, between pages, not when the next page asks for its analysis.
      if (changed) rebuildLocalRegistry();
      return { added, number: msg.facts.number };
    }
    case 'report': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return null;
      // MV3 has `action`, Firefox's MV2 build `browserAction`.
      const action = api.action ?? (api as unknown as { browserAction?: typeof api.action }).browserAction;
      await action?.setBadgeText({ tabId, text: msg.problems > 0 ? String(Math.min(msg.problems, 999)) : '' });
      await action?.setBadgeBackgroundColor?.({ tabId, color: '#cf222e' });
      return null;
    }
  }
}
