/**
 * The registry learned while reading: facts vbpl.vn pages state about their
 * own documents, kept in extension storage, one entry per số ký hiệu (the
 * newest reading wins, the first reading date is kept).
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { numberKey } from '../../../language-server/src/core/citations/number.ts';
import { PortalFactsSchema, type PortalFacts } from '../lib/messages.ts';

export const LearnedEntrySchema = z.extend(PortalFactsSchema, {
  /** ISO time of the first reading, and of the latest one that changed a fact. */
  firstSeen: z.string().check(z.maxLength(40)),
  lastSeen: z.string().check(z.maxLength(40)),
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
  await item.setValue(z.array(LearnedEntrySchema).check(z.maxLength(MAX_LEARNED)).parse(entries));
}

/** The facts of an entry, without its reading times. */
function factsOf(e: LearnedEntry): PortalFacts {
  const { firstSeen: _, lastSeen: __, ...facts } = e;
  return facts;
}

function sameFacts(a: PortalFacts, b: PortalFacts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof PortalFacts)[]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * Adds or refreshes the entry for `facts.number`: `added` when it was new,
 * `changed` when storage was written. Reading the same page again changes
 * nothing (the registry built from these entries stays as it is).
 */
export async function learn(facts: PortalFacts, now = new Date()): Promise<{ added: boolean; changed: boolean }> {
  const { entries } = await readLearned();
  const key = numberKey(facts.number);
  const i = entries.findIndex((e) => numberKey(e.number) === key);
  const stamp = now.toISOString();
  if (i >= 0) {
    // A later reading fills in what the earlier one lacked and updates the rest.
    const next = { ...entries[i], ...facts, firstSeen: entries[i].firstSeen, lastSeen: stamp };
    if (sameFacts(factsOf(next), factsOf(entries[i]))) return { added: false, changed: false };
    entries[i] = next;
  } else {
    entries.push({ ...facts, firstSeen: stamp, lastSeen: stamp });
  }
  await writeLearned(entries.slice(-MAX_LEARNED));
  return { added: i < 0, changed: true };
}
