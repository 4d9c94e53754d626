/**
 * The registry the background checks pages and builds hover cards with:
 * the embedded registry, then the files the user imported, then what was
 * learned on vbpl.vn (later layers override earlier ones field by field).
 * Built once and kept until one of the stored layers changes — not per page,
 * not per hover.
 */
import { storage } from 'wxt/utils/storage';
import { numberKey } from '../../../language-server/src/core/citations/number.ts';
import { createRegistry, embeddedLayer, parseRegistryData, type Layer, type Registry } from '../../../language-server/src/core/registry/index.ts';
import { learnedRegistryFile } from '../registry/file.ts';
import { importedItem, importedLayers, readImported } from '../registry/imported.ts';
import { LEARNED_KEY, readLearned, type LearnedEntry } from './learned.ts';

export interface LocalRegistry {
  registry: Registry;
  /** The learned documents by number key: what the schema has no field for (signer, the page read). */
  learned: ReadonlyMap<string, LearnedEntry>;
}

/** The layer name of the learned documents (what a card's "Nguồn" says besides the page). */
export const LEARNED_LAYER = 'vbpl.vn';

let cached: Promise<LocalRegistry> | undefined;

/**
 * A Registry extends the entries of its layers in place, so building a second
 * one over the shared embedded layer would leave the learned facts in it.
 * Each build gets its own copy (a few ms, once per change of the stores).
 */
function freshEmbedded(): Layer {
  const l = embeddedLayer();
  return { ...l, file: { ...l.file, entries: structuredClone(l.file.entries) } };
}

async function build(): Promise<LocalRegistry> {
  const [imported, { entries }] = await Promise.all([readImported(), readLearned()]);
  const learnedLayer: Layer = { origin: 'file', name: LEARNED_LAYER, file: parseRegistryData(learnedRegistryFile(entries), LEARNED_LAYER) };
  return {
    registry: createRegistry([freshEmbedded(), ...importedLayers(imported), learnedLayer]),
    learned: new Map(entries.map((e) => [numberKey(e.number), e])),
  };
}

/** Drops the built registry (the background just changed a store: the watch would tell it a little later). */
export function forgetLocalRegistry(): void {
  cached = undefined;
}

/** Drops the built registry and builds the new one now, from the stores as they are. */
export function rebuildLocalRegistry(): void {
  forgetLocalRegistry();
  void localRegistry().catch(() => undefined);
}

/**
 * Rebuild after the stores change (in the background: another page — the
 * options page — may change them, and every vbpl.vn page that teaches a new
 * fact does). The rebuild starts at once, while no page waits for it: the
 * next page's analysis finds the registry ready instead of building it.
 */
export function watchRegistryStores(): () => void {
  const stops = [importedItem.watch(rebuildLocalRegistry), storage.watch(LEARNED_KEY, rebuildLocalRegistry)];
  return () => stops.forEach((stop) => stop());
}

/** The current registry (built on first use, again after the learned or imported documents change). */
export function localRegistry(): Promise<LocalRegistry> {
  cached ??= build().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}
