/**
 * A page's text, sent ahead in parts while the content script is still
 * reading the page: the transfer of a 1 MB law (serialising, passing through
 * the browser, parsing here) then overlaps the reading instead of following
 * it, and the analysis request carries only the last part. Parts are kept
 * per sender (tab and frame) for the latest reading only, bounded in size
 * like a whole text, and handed out once.
 */
import { MAX_PAGE_CHARS, TEXT_PARTS_ERROR, type SenderLike } from '../lib/messages.ts';

/** Senders whose parts are kept at once (tabs reading a page at the same moment); the oldest go first. */
const MAX_SENDERS = 16;

interface Reading {
  run: string;
  parts: string[];
  chars: number;
}

/** Who sent a part: a frame of a tab (content scripts only). */
export function senderKey(sender: SenderLike): string {
  return `${sender.tab?.id ?? -1}:${sender.frameId ?? 0}`;
}

export class TextParts {
  private readonly readings = new Map<string, Reading>();

  /** Keeps part `index` of reading `run`; a new run of the same sender replaces the old one. */
  add(sender: string, run: string, index: number, text: string): void {
    let r = this.readings.get(sender);
    if (!r || r.run !== run) {
      r = { run, parts: [], chars: 0 };
      this.readings.delete(sender);
      this.readings.set(sender, r);
      for (const old of this.readings.keys()) {
        if (this.readings.size <= MAX_SENDERS) break;
        this.readings.delete(old);
      }
    }
    if (r.parts[index] !== undefined) throw new Error(`${TEXT_PARTS_ERROR} part sent twice`);
    r.chars += text.length;
    if (r.chars > MAX_PAGE_CHARS) {
      this.readings.delete(sender);
      throw new Error(`${TEXT_PARTS_ERROR} the page is too long`);
    }
    r.parts[index] = text;
  }

  /**
   * The whole text of reading `run`: its `count` parts, then `rest`. Undefined
   * when a part is missing (none is kept after asking, complete or not).
   */
  take(sender: string, run: string, count: number, rest: string): string | undefined {
    const r = this.readings.get(sender);
    this.readings.delete(sender);
    if (!r || r.run !== run || r.parts.length !== count) return undefined;
    for (let i = 0; i < count; i++) if (r.parts[i] === undefined) return undefined;
    if (r.chars + rest.length > MAX_PAGE_CHARS) return undefined;
    return r.parts.join('') + rest;
  }
}
