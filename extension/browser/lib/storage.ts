/**
 * What the extension keeps in `storage.local`: settings, the draft of the
 * drafting page, the registry learned while reading. Every read goes through
 * a zod schema; a value that does not validate is reported and replaced by
 * the fallback, never handed to the rest of the extension.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.ts';

type StorageKey = `local:${string}`;

export interface ValidatedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls back with each new (validated) value; returns the unsubscribe function. */
  watch(cb: (value: T) => void): () => void;
  readonly key: StorageKey;
}

/**
 * A storage item read through `read` (which repairs or falls back) and written only after `check`.
 * Defining one has no effect until it is used, and the annotation says so to the bundler: the
 * content script, which uses only the settings, then leaves the draft item and its schema out.
 */
// @__NO_SIDE_EFFECTS__
function validatedItem<T>(key: StorageKey, read: (raw: unknown) => T, check: (value: T) => T): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key);
  return {
    key,
    async get() {
      return read(await item.getValue());
    },
    async set(value) {
      await item.setValue(check(value));
    },
    watch(cb) {
      return item.watch((raw) => cb(read(raw)));
    },
  };
}

/** Problems found the last time a stored value was read (shown on the options page). */
export const storageProblems: { key: string; problems: string[] }[] = [];

function note(key: string, problems: string[]) {
  if (problems.length === 0) return;
  const i = storageProblems.findIndex((p) => p.key === key);
  if (i >= 0) storageProblems.splice(i, 1);
  storageProblems.push({ key, problems });
}

export const settingsItem = validatedItem<Settings>(
  'local:settings',
  (raw) => {
    const { settings, problems } = readSettings(raw);
    note('settings', problems);
    return settings;
  },
  (value) => {
    const { settings, problems } = readSettings(value);
    if (problems.length > 0) throw new Error(`Cài đặt không hợp lệ: ${problems.join(', ')}`);
    return settings;
  },
);

/** Drafts are text; 5 MB is far beyond any administrative document and well inside the storage quota. */
export const MAX_DRAFT_CHARS = 5_000_000;

/** zod/mini, built on first use: the content script imports this module for the settings alone (lib/messages.ts). */
export const DraftSchema = z.lazy(() =>
  z.object({
    text: z.string().check(z.maxLength(MAX_DRAFT_CHARS)),
    /** File name for "Lưu": the name it was opened from, or a default. */
    name: z.string().check(z.maxLength(255)),
    /** Milliseconds since the epoch. */
    savedAt: z.number().check(z.int(), z.nonnegative()),
  }),
);
export type Draft = z.infer<typeof DraftSchema>;

export const EMPTY_DRAFT: Draft = { text: '', name: 'van-ban.txt', savedAt: 0 };

export const draftItem = validatedItem<Draft>(
  'local:draft',
  (raw) => {
    if (raw === null || raw === undefined) return { ...EMPTY_DRAFT };
    const r = DraftSchema.safeParse(raw);
    if (r.success) return r.data;
    note('draft', r.error.issues.map((i) => i.path.join('.') || '(gốc)'));
    // A draft with a bad name or date still has its text: keep the words.
    const text = (raw as { text?: unknown }).text;
    return typeof text === 'string' && text.length <= MAX_DRAFT_CHARS ? { ...EMPTY_DRAFT, text } : { ...EMPTY_DRAFT };
  },
  (value) => DraftSchema.parse(value),
);

export { DEFAULT_SETTINGS };
