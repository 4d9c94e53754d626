/**
 * The registry of legal documents: entries from several layers merged in
 * order — the embedded registry, then registry files the user adds, then the
 * documents of the workspace (each one's header) — later layers overriding
 * field by field, relations and evidence gathered from all. Lookups by number
 * key (and issuer, where local numbers repeat across provinces) and by law
 * name are Map reads: microseconds.
 */
import { lawKey, numberKey, type Citation } from '../citations/index.ts';
import { foldVi } from '../citations/text.ts';
import { parseRegistryData, type LoadedFile, type RegistryProblem } from './load.ts';
import { FACT_FIELDS, INVERSE, type EntryData, type Evidence, type Relation } from './schema.ts';

export type Origin = 'embedded' | 'file' | 'workspace';

export interface RegistryEntry extends EntryData {
  /** Number key ("63/2022/NĐ-CP") or law key ("luật tổ chức chính phủ|2015"). */
  key: string;
  /** Where each field's value came from: the layer's name (a file or document path). */
  origins: string[];
  /** Document names of the layer(s) the `src` pairs point into, by layer name. */
  sources: Record<string, readonly string[]>;
}

export interface Layer {
  origin: Origin;
  /** The file name, "embedded", or a document path. */
  name: string;
  file: LoadedFile;
}

const LAW_TYPES = new Set(['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp']);

/** Local documents (UBND, HĐND) repeat numbers across provinces: the issuer tells them apart. */
function isLocal(number: string | undefined): boolean {
  return number !== undefined && (number.includes('UBND') || number.includes('HĐND')) && /(?:^|[/-])(?:UBND|HĐND|CTUBND)(?=$|-)/iu.test(number);
}

/** Numbers already in their canonical shape (what registry files hold) need no full parse: upper case is the key. */
const PLAIN_NUMBER = /^\d{1,5}[a-z]?(?:\/(?:19|20)\d{2})?\/[\p{L}\d&]+(?:-[\p{L}\d&]+)+$/u;

/** The lookup key of a number as registries write it: a fast path for the canonical shape, the full reading otherwise. */
export function fastNumberKey(number: string): string {
  if (PLAIN_NUMBER.test(number)) return number.toUpperCase().replace(/^0+(?=\d)/u, '');
  return numberKey(number);
}

function entryKey(e: EntryData): string {
  if (e.number) return fastNumberKey(e.number);
  return lawKey(e.type ?? 'Luật', (e.name ?? '').replace(/^(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)\s+/iu, ''), e.dateIssued ? Number(e.dateIssued.slice(0, 4)) : undefined);
}

/** A number without a year ("971/QĐ-BNV") is reused each year: its date's year is part of who it is. */
function yearless(number: string | undefined): boolean {
  return number !== undefined && !/\/(?:19|20)\d{2}\//u.test(number);
}

function identity(e: EntryData, key = entryKey(e)): string {
  const k = yearless(e.number) && e.dateIssued ? `${key}@${e.dateIssued.slice(0, 4)}` : key;
  return e.issuer && isLocal(e.number) ? `${k}|${foldVi(e.issuer)}` : k;
}

/** The name of a law for the name index: its `name`, or the title of a Luật ("TỔ CHỨC CHÍNH PHỦ"). */
function lawName(e: EntryData): string | undefined {
  if (!e.type || !LAW_TYPES.has(e.type)) return undefined;
  const n = e.name ?? e.title;
  return n?.replace(/^(?:Bộ luật|Luật|Pháp lệnh)\s+/iu, '');
}

export class Registry {
  private readonly byKey = new Map<string, RegistryEntry[]>();
  private readonly byLaw = new Map<string, RegistryEntry[]>();
  private readonly byIdentity = new Map<string, RegistryEntry>();
  private sorted: RegistryEntry[] | undefined;
  readonly problems: RegistryProblem[] = [];

  constructor(layers: readonly Layer[] = []) {
    for (const layer of layers) this.add(layer);
    this.completeInverses();
  }

  get size(): number {
    return this.byIdentity.size;
  }

  entries(): IterableIterator<RegistryEntry> {
    return this.byIdentity.values();
  }

  private add(layer: Layer): void {
    this.problems.push(...layer.file.problems);
    const layerSources: Record<string, readonly string[]> = { [layer.name]: layer.file.sources };
    for (const data of layer.file.entries) {
      const key = entryKey(data);
      const id = identity(data, key);
      // A year-less number stated without its date adds to the one entry of that number, when there is one.
      const only = yearless(data.number) && !data.dateIssued ? this.byKey.get(key) : undefined;
      const old = this.byIdentity.get(id) ?? (only?.length === 1 ? only[0] : undefined);
      if (old) {
        merge(old, data, layer);
        continue;
      }
      // The validated entry is ours already (zod made it): extend it in place rather than copy 100,000 objects.
      const e = data as RegistryEntry;
      e.key = key;
      e.origins = [layer.name];
      e.sources = layerSources;
      this.byIdentity.set(id, e);
      push(this.byKey, e.key, e);
      const name = lawName(e);
      if (name) {
        const year = e.dateIssued ? Number(e.dateIssued.slice(0, 4)) : undefined;
        push(this.byLaw, lawKey(e.type!, name, year), e);
        if (year) push(this.byLaw, lawKey(e.type!, name, undefined), e);
      }
    }
    this.sorted = undefined;
  }

  /** Every relation has its inverse on the other entry, when that entry is known. */
  private completeInverses(): void {
    for (const e of this.byIdentity.values()) {
      const rels = e.relations;
      if (!rels) continue;
      const back = e.number ?? e.name ?? e.key;
      for (let i = 0; i < rels.length; i++) {
        const r = rels[i];
        const targets = this.byKey.get(fastNumberKey(r.number));
        if (!targets) continue;
        const kind = INVERSE[r.kind];
        for (const t of targets) {
          // Relation lists are short: a scan beats an index of 100,000 strings.
          if (t.relations?.some((x) => x.kind === kind && (x.number === back || fastNumberKey(x.number) === e.key))) continue;
          const inv: Relation = { kind, number: back };
          if (r.date) inv.date = r.date;
          if (r.partial) inv.partial = true;
          (t.relations ??= []).push(inv);
        }
      }
    }
  }

  /** Entries with this number (several for a local number shared by provinces). */
  lookupNumber(text: string): readonly RegistryEntry[] {
    return this.byKey.get(fastNumberKey(text)) ?? [];
  }

  /** The entry a citation means, or undefined when unknown or ambiguous. */
  lookup(c: Citation): RegistryEntry | undefined {
    if (c.kind === 'law') {
      const found = this.byLaw.get(c.key) ?? this.byKey.get(c.key) ?? [];
      return found.length === 1 ? found[0] : undefined;
    }
    let found = this.byKey.get(c.number?.key ?? c.key) ?? [];
    // "971/QĐ-BNV" of which year: the cited date says; without one, a year-less number is ambiguous.
    if (c.number && yearless(c.number.canonical)) {
      const year = c.date?.valid ? c.date.iso.slice(0, 4) : undefined;
      found = year ? found.filter((e) => e.dateIssued?.startsWith(year)) : found;
      if (!year && found.length > 1) return undefined;
    }
    if (found.length <= 1) return found[0];
    // "40/2026/QĐ-UBND" of which province: the cited issuer says.
    const issuer = c.issuer ? foldVi(c.issuer.name) : '';
    const match = issuer ? found.filter((e) => e.issuer && (foldVi(e.issuer).includes(issuer) || issuer.includes(foldVi(e.issuer)))) : [];
    return match.length === 1 ? match[0] : undefined;
  }

  /** Entries whose number starts with `prefix` ("30", "30/2020"), of that type when given, in number order. */
  complete(prefix: string, type?: string, limit = 50): RegistryEntry[] {
    this.sorted ??= [...this.byIdentity.values()].filter((e) => e.number).sort((a, b) => cmp(a.key, b.key));
    const p = numberKeyPrefix(prefix);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.sorted[mid].key, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: RegistryEntry[] = [];
    for (let i = lo; i < this.sorted.length && out.length < limit; i++) {
      const e = this.sorted[i];
      if (!e.key.startsWith(p)) break;
      // "30" must not offer "300/…": a bare sequence number stops at the slash.
      if (/^\d+$/u.test(p) && e.key[p.length] !== '/' && e.key[p.length] !== '-') continue;
      if (type && e.type && e.type !== type) continue;
      out.push(e);
    }
    return out;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numberKeyPrefix(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '').replace(/[\u2010-\u2015\u2212]/gu, '-').toUpperCase().replace(/^0+(?=\d)/u, '');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function merge(old: RegistryEntry, data: EntryData, layer: Layer): void {
  for (const f of FACT_FIELDS) {
    const v = data[f];
    if (v !== undefined) (old as unknown as Record<string, unknown>)[f] = v;
  }
  if (data.name) old.name = data.name;
  if (data.relations) {
    const rel = (old.relations ??= []);
    for (const r of data.relations) if (!rel.some((x) => sameRelation(x, r))) rel.push(r);
  }
  if (data.evidence) {
    const ev = (old.evidence ??= {});
    for (const f of FACT_FIELDS) {
      const add = data.evidence[f];
      if (!add) continue;
      const list: Evidence[] = (ev[f] ??= []);
      for (const x of add) {
        const same = list.find((y) => y.value === x.value);
        if (same) same.count += x.count;
        else list.push({ ...x });
      }
    }
  }
  if (!old.origins.includes(layer.name)) old.origins.push(layer.name);
  old.sources = { ...old.sources, [layer.name]: layer.file.sources };
}

function sameRelation(a: Relation, b: Relation): boolean {
  return a.kind === b.kind && numberKey(a.number) === numberKey(b.number);
}

/** A registry from the layers, in the order given (later wins). */
export function createRegistry(layers: readonly Layer[]): Registry {
  return new Registry(layers);
}

/** A layer from data already parsed (tests, generated registries). */
export function layerFromData(raw: unknown, name: string, origin: Origin = 'file'): Layer {
  return { origin, name, file: parseRegistryData(raw, name) };
}

