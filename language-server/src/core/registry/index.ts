/**
 * The registry of legal documents (what a cited number is: type, issuer,
 * dates, status, relations, with provenance). Layers merge in order:
 * embedded < registry files (--registry, settings) < workspace documents.
 */
import type { ParseResult } from '../syntax/tree.ts';
import { RegistryBuilder } from './build.ts';
import { embeddedLayer } from './embedded.ts';
import { parseRegistryData } from './load.ts';
import { Registry, type Layer } from './registry.ts';

export { Registry, createRegistry, layerFromData, type Layer, type Origin, type RegistryEntry } from './registry.ts';
export { parseRegistryText, parseRegistryData, problemText, MAX_REGISTRY_BYTES, type LoadedFile, type RegistryProblem } from './load.ts';
export { parseRegistryBytes } from './load-bytes.ts';
export { RegistryBuilder, type BuildStats } from './build.ts';
export { embeddedLayer } from './embedded.ts';
export * from './schema.ts';

let defaultRegistry: Registry | undefined;

/** The embedded registry alone (what the checker uses when the caller gives none). */
export function embeddedRegistry(): Registry {
  defaultRegistry ??= new Registry([embeddedLayer()]);
  return defaultRegistry;
}

/** A layer made of the workspace's own documents: each document's header is an entry. */
export function workspaceLayer(documents: readonly { name: string; parse: ParseResult }[]): Layer {
  const b = new RegistryBuilder();
  for (const d of documents) b.addHeader(d.name, d.parse);
  return { origin: 'workspace', name: 'workspace', file: parseRegistryData(b.build('workspace'), 'workspace') };
}
