#!/usr/bin/env node
// How much of what a corpus cites the registry knows: per document, the
// citations found (short names left out: they repeat a full citation), those
// with a date, and those the registry resolves — the embedded registry alone,
// then with the workspace layer (each document's own header) added, as the
// checker has it when the folder is checked together. The figures of issue 5's note.
//   node scripts/registry-coverage.mjs [DIR] [--json]   (DIR: ../shared/corpus/real; builds nothing: run `npm run build` first)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '../shared/corpus/real'));
const core = await import(pathToFileURL(path.join(root, 'dist/core.js')).href);

const files = readdirSync(dir).filter((f) => /\.(?:txt|md)$/u.test(f)).sort();
const docs = files.map((name) => ({ name, parse: core.parseDocument(readFileSync(path.join(dir, name), 'utf8')) }));
const embedded = core.embeddedRegistry();
const withWorkspace = core.createRegistry([core.embeddedLayer(), core.workspaceLayer(docs)]);

const rows = docs.map(({ name, parse }) => {
  const all = core.findCitations(parse);
  const cits = all.filter((c) => c.kind !== 'short' && !c.self);
  // As the checker and the hover resolve: a shorter citation borrows the date of the full one, a law by name alone is told by the document's date.
  const date = core.documentInfo(parse).date;
  const resolved = (reg) => cits.filter((c) => core.lookupInDocument(reg, c, all, date)).length;
  return {
    file: name,
    citations: cits.length,
    dated: cits.filter((c) => c.date?.valid).length,
    withIssuer: cits.filter((c) => c.issuer).length,
    resolvedEmbedded: resolved(embedded),
    resolvedWithWorkspace: resolved(withWorkspace),
  };
});
const total = Object.fromEntries(['citations', 'dated', 'withIssuer', 'resolvedEmbedded', 'resolvedWithWorkspace'].map((k) => [k, rows.reduce((s, r) => s + r[k], 0)]));
const registry = { entries: embedded.size, withDateAndIssuer: [...embedded.entries()].filter((e) => e.dateIssued && e.issuer).length };

if (json) {
  console.log(JSON.stringify({ dir, registry, total, files: rows }, null, 1));
} else {
  const pct = (n) => (total.citations ? `${((100 * n) / total.citations).toFixed(0)} %` : '—');
  console.log(`Embedded registry: ${registry.entries} entries, ${registry.withDateAndIssuer} with date and issuer.\n`);
  console.log('| document | citations | with a date | with an issuer | resolved (embedded) | resolved (+ workspace) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.file} | ${r.citations} | ${r.dated} | ${r.withIssuer} | ${r.resolvedEmbedded} | ${r.resolvedWithWorkspace} |`);
  console.log(`| **total** | **${total.citations}** | **${total.dated}** (${pct(total.dated)}) | **${total.withIssuer}** (${pct(total.withIssuer)}) | **${total.resolvedEmbedded}** (${pct(total.resolvedEmbedded)}) | **${total.resolvedWithWorkspace}** (${pct(total.resolvedWithWorkspace)}) |`);
}
