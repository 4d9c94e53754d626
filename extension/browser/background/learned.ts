/**
 * The registry learned while reading: facts vbpl.vn pages state about their
 * own documents, kept in extension storage, one entry per số ký hiệu (the
 * newest reading wins, the first reading date is kept).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { numberKey } from '../../../language-server/src/core/citations/number.ts';
import { PortalFactsSchema, type PortalFacts } from '../lib/messages.ts';

export const LearnedEntrySchema = PortalFactsSchema.extend({
  /** ISO time of the first and the latest reading. */
  firstSeen: z.string().max(40),
  lastSeen: z.string().max(40),
});
export type LearnedEntry = z.infer<typeof LearnedEntrySchema>;

/** Far more documents than anybody reads; keeps storage bounded. */
export const MAX_LEARNED = 20_000;

export const LEARNED_KEY = 'local:learned';
const item = storage.defineItem<unknown>(LEARNED_KEY);

/** Reads the stored entries; entries that do not validate are dropped (and counted). */
export async function readLearned(): Promise<{ entries: LearnedEntry[]; dropped: number }> {
  const raw = await item.getValue();
  if (!Array.isArray(raw)) return { entries: [], dropped: raw == null ? 0 : 1 };
  const entries: LearnedEntry[] = [];
  let dropped = 0;
  for (const e of raw.slice(0, MAX_LEARNED)) {
    const r = LearnedEntrySchema.safeParse(e);
    if (r.success) entries.push(r.data);
    else dropped++;
  }
  return { entries, dropped: dropped + Math.max(0, raw.length - MAX_LEARNED) };
}

export async function writeLearned(entries: LearnedEntry[]): Promise<void> {
  await item.setValue(z.array(LearnedEntrySchema).max(MAX_LEARNED).parse(entries));
}

/** Adds or refreshes the entry for `facts.number`; returns whether it was new. */
export async function learn(facts: PortalFacts, now = new Date()): Promise<boolean> {
  const { entries } = await readLearned();
  const key = numberKey(facts.number);
  const i = entries.findIndex((e) => numberKey(e.number) === key);
  const stamp = now.toISOString();
  if (i >= 0) {
    // A later reading fills in what the earlier one lacked and updates the rest.
    entries[i] = { ...entries[i], ...facts, firstSeen: entries[i].firstSeen, lastSeen: stamp };
  } else {
    entries.push({ ...facts, firstSeen: stamp, lastSeen: stamp });
  }
  await writeLearned(entries.slice(-MAX_LEARNED));
  return i < 0;
}
