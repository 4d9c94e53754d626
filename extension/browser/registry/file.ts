/**
 * The local registry as registry data: what was learned on vbpl.vn turned
 * into entries of the registry file format (the `vanban-registry` v1 file the
 * CLI reads with `--registry`), and the file the options page exports — the
 * imported files and the learned documents in one file. Pure functions: the
 * storage modules read and write, this module converts.
 */
import { canonicalNumber } from '../../../language-server/src/core/citations/number.ts';
import { foldVi } from '../../../language-server/src/core/citations/text.ts';
import {
  entrySchema,
  fileSchema,
  REGISTRY_FORMAT,
  REGISTRY_VERSION,
  type EntryData,
  type Evidence,
  type FactField,
  type RegistryFileData,
  type Status,
} from '../../../language-server/src/core/registry/schema.ts';
import type { LearnedEntry } from '../background/learned.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

/** How a status reads at a glance (the underline and the card's status line). */
export const STATUS_TONE: Record<Status, Exclude<Tone, 'unknown'>> = {
  'con-hieu-luc': 'ok',
  'chua-co-hieu-luc': 'warn',
  'het-hieu-luc-mot-phan': 'warn',
  'het-hieu-luc-toan-bo': 'bad',
  'ngung-hieu-luc': 'bad',
};

/**
 * A "Tình trạng hiệu lực" as vbpl.vn writes it → the registry's status.
 * Texts the schema has no value for ("Ngưng hiệu lực một phần", "Chưa xác
 * định", "Không còn phù hợp") give undefined: no status is better than a
 * wrong one.
 */
export function statusFromText(text: string | undefined): Status | undefined {
  if (!text) return undefined;
  const s = foldVi(text).replace(/[.:;,]+$/u, '');
  for (const [phrases, status] of STATUS_TEXTS) if (phrases.some((p) => s === p)) return status;
  return undefined;
}

/** The texts, folded as `foldVi` folds (tone marks off, case and spaces folded). */
const STATUS_TEXTS: [string[], Status][] = (
  [
    [['Còn hiệu lực', 'Đang có hiệu lực', 'Có hiệu lực'], 'con-hieu-luc'],
    [['Hết hiệu lực toàn bộ', 'Hết hiệu lực', 'Bị bãi bỏ', 'Bị bãi bỏ toàn bộ'], 'het-hieu-luc-toan-bo'],
    [['Hết hiệu lực một phần'], 'het-hieu-luc-mot-phan'],
    [['Chưa có hiệu lực'], 'chua-co-hieu-luc'],
    [['Ngưng hiệu lực', 'Ngưng hiệu lực toàn bộ'], 'ngung-hieu-luc'],
  ] as [string[], Status][]
).map(([phrases, status]) => [phrases.map(foldVi), status]);

/** The tone of a status text (a learned one the schema has no value for reads as unknown). */
export function statusTone(text: string | undefined): Tone {
  const s = statusFromText(text);
  return s ? STATUS_TONE[s] : 'unknown';
}

/** A string field of the schema: kept only when it fits the schema's limit. */
function fit(value: string | undefined, max: number): string | undefined {
  const v = value?.replace(/\s+/gu, ' ').trim();
  return v && v.length <= max ? v : undefined;
}

/**
 * One learned document as a registry entry. Provenance: every fact it states
 * has evidence pointing at `source` (the index of the page's URL in the
 * file's `sources`; line 1 — a web page has no lines, the page is the source).
 */
export function learnedEntryData(e: LearnedEntry, source: number): EntryData {
  const facts: Partial<Record<FactField, string>> = {
    type: fit(e.type, 60),
    issuer: fit(e.issuer, 300),
    title: fit(e.title, 2000),
    dateIssued: e.issued,
    dateEffective: e.effective,
    status: statusFromText(e.status),
  };
  const out: EntryData = { number: canonicalNumber(e.number) ?? e.number };
  const evidence: Partial<Record<FactField, Evidence[]>> = {};
  for (const [field, value] of Object.entries(facts) as [FactField, string | undefined][]) {
    if (value === undefined) continue;
    (out as Record<string, unknown>)[field] = value;
    evidence[field] = [{ value, count: 1, src: [[source, 1]] }];
  }
  if (Object.keys(evidence).length > 0) out.evidence = evidence;
  return out;
}

/** The learned documents as a registry file: `sources` are the pages they were read from. */
export function learnedRegistryFile(entries: readonly LearnedEntry[]): RegistryFileData {
  const sources: string[] = [];
  const index = new Map<string, number>();
  const out: EntryData[] = [];
  for (const e of entries) {
    let i = index.get(e.url);
    if (i === undefined) {
      i = sources.push(e.url) - 1;
      index.set(e.url, i);
    }
    out.push(learnedEntryData(e, i));
  }
  return { format: REGISTRY_FORMAT, version: REGISTRY_VERSION, generated: { by: 'vanban browser extension (vbpl.vn)', documents: entries.length }, sources, entries: out };
}

type Src = [number, number][];

/**
 * An entry whose `src` pairs point `offset` further into the joined sources;
 * pairs that pointed past their own file's `count` sources are dropped (they
 * would name another file's document).
 */
function shifted(e: EntryData, offset: number, count: number): EntryData {
  const move = <T extends { src?: Src }>(x: T): T => {
    if (!x.src) return x;
    const src = x.src.filter(([i]) => i < count).map(([i, line]): [number, number] => [i + offset, line]);
    const { src: _, ...rest } = x;
    return (src.length > 0 ? { ...rest, src } : rest) as T;
  };
  const out: EntryData = { ...e };
  if (e.relations) out.relations = e.relations.map(move);
  if (e.evidence) {
    const ev: Partial<Record<FactField, Evidence[]>> = {};
    for (const [f, list] of Object.entries(e.evidence) as [FactField, Evidence[]][]) ev[f] = list.map(move);
    out.evidence = ev;
  }
  return out;
}

/**
 * Several registry files as one, in order (later entries of the same document
 * override earlier ones field by field when the file is loaded, as layers do).
 * The result is checked against the schema the CLI uses: a file this returns
 * always loads without problems.
 */
export function joinRegistryFiles(files: readonly Pick<RegistryFileData, 'sources' | 'entries'>[], by: string): RegistryFileData {
  const sources: string[] = [];
  const entries: EntryData[] = [];
  for (const f of files) {
    const offset = sources.length;
    sources.push(...(f.sources ?? []));
    for (const e of f.entries) entries.push(shifted(e, offset, f.sources?.length ?? 0));
  }
  const file: RegistryFileData = { format: REGISTRY_FORMAT, version: REGISTRY_VERSION, generated: { by, documents: entries.length }, sources, entries };
  fileSchema.parse(file);
  for (const e of entries) entrySchema.parse(e);
  return file;
}

/** The file's text as the CLI and the editors read it. */
export function registryFileText(file: RegistryFileData): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
