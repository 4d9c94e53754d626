/**
 * `vanban citations [options] PATH...`: the citations of other documents in
 * each file, resolved against the registry (../shared/spec/cli.md).
 */
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { documentInfo } from '../core/citations/document.ts';
import { findCitations, type Citation } from '../core/citations/index.ts';
import type { Registry, RegistryEntry } from '../core/registry/index.ts';
import { lookupInDocument } from '../core/rules/citation-registry.ts';
import { parseDocument } from '../core/syntax/parse.ts';
import { createLineIndex, type LineIndex } from '../core/text/positions.ts';
import type { Options } from './args.ts';
import type { Io } from './check.ts';
import { t, toJsonRange, type JsonRange } from './format.ts';
import { expandInputs, readInput, UsageError } from './input.ts';
import { registryForRun } from './registry-files.ts';

export interface JsonCitation {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  range: JsonRange;
  /** What kind: "document", "party", "law" (cited by name), "short" (a short name the text defined). */
  kind: Citation['kind'];
  name?: string;
  pinpoint?: string;
  context: Citation['context'];
  registry: Record<string, unknown> | null;
}

function registryJson(e: RegistryEntry | undefined): Record<string, unknown> | null {
  if (!e) return null;
  const { key: _k, origins, sources: _s, evidence, ...facts } = e;
  const agree: Record<string, number> = {};
  for (const [field, list] of Object.entries(evidence ?? {})) {
    const v = (facts as Record<string, unknown>)[field];
    const hit = list?.find((x) => x.value === v);
    if (hit) agree[field] = hit.count;
  }
  return { ...facts, origins, sourcesAgreeing: agree };
}

export function citationJson(c: Citation, index: LineIndex, registry: Registry | undefined, all: readonly Citation[], docDate?: string): JsonCitation {
  const out: JsonCitation = {
    type: c.type?.canonical ?? null,
    number: c.number?.canonical ?? null,
    date: c.date?.valid ? c.date.iso : null,
    issuer: c.issuer?.name ?? null,
    title: c.title?.text ?? null,
    range: toJsonRange(index, c.range),
    kind: c.kind,
    context: c.context,
    registry: registry ? registryJson(lookupInDocument(registry, c, all, docDate)) : null,
  };
  if (c.name) out.name = c.name.text;
  if (c.pinpoint) out.pinpoint = c.pinpoint.text;
  return out;
}

function textLine(path: string, c: JsonCitation, lang: Lang): string {
  const what = [c.type, c.number ?? c.name].filter(Boolean).join(' ');
  const parts = [what];
  if (c.date) parts.push(lang === 'en' ? c.date : `ngày ${c.date.split('-').reverse().join('/')}`);
  if (c.issuer) parts.push(c.issuer);
  const reg = c.registry;
  const known = reg ? t(lang, `có trong cơ sở dữ liệu${reg.status ? ` (${String(reg.status)})` : ''}`, `in the registry${reg.status ? ` (${String(reg.status)})` : ''}`) : t(lang, 'không có trong cơ sở dữ liệu', 'not in the registry');
  return `${path}:${c.range.start.line + 1}:${c.range.start.character + 1}: ${parts.join(' — ')} [${known}]`;
}

export async function runCitations(o: Options, io: Io): Promise<number> {
  const lang = o.lang;
  if (o.paths.length === 0) throw new UsageError(t(lang, 'citations cần ít nhất một PATH (tệp, thư mục hoặc -)', 'citations needs at least one PATH (file, folder or -)'));
  if (o.format === 'sarif') throw new UsageError(t(lang, 'citations in dạng text hoặc json', 'citations prints text or json'));
  const { inputs, notes } = await expandInputs(o.paths, lang);
  for (const n of notes) io.err(n + '\n');
  if (inputs.length === 0) {
    io.err(t(lang, 'Không có văn bản nào.', 'No documents.') + '\n');
    return 2;
  }
  const files: { path: string; citations: JsonCitation[]; error?: string }[] = [];
  const texts: { path: string; text: string }[] = [];
  let failed = 0;
  for (const ref of inputs) {
    const read = await readInput(ref, lang, io.stdin);
    if (!read.ok) {
      failed++;
      files.push({ path: ref.display, citations: [], error: read.message });
      continue;
    }
    texts.push({ path: ref.display, text: read.text });
  }
  const parses = texts.map((x) => ({ name: x.path, parse: parseDocument(x.text) }));
  const registry = await registryForRun(o, io, parses);
  let count = 0;
  for (const { name, parse } of parses) {
    const index = createLineIndex(parse.source.original);
    const cits = findCitations(parse);
    const docDate = documentInfo(parse).date;
    const citations = cits.map((c) => citationJson(c, index, registry, cits, docDate));
    count += citations.length;
    files.push({ path: name, citations });
    if (o.format === 'text') for (const c of citations) io.out(textLine(name, c, lang) + '\n');
  }
  if (o.format === 'json') {
    files.sort((a, b) => inputs.findIndex((i) => i.display === a.path) - inputs.findIndex((i) => i.display === b.path));
    io.out(JSON.stringify({ version: 1, files }, null, 2) + '\n');
  } else {
    for (const f of files) if (f.error) io.err(`${f.path}: ${f.error}\n`);
    io.out(t(lang, `${parses.length} tệp, ${count} trích dẫn.`, `${parses.length} files, ${count} citations.`) + '\n');
  }
  return failed > 0 ? 1 : 0;
}
