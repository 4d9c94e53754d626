/**
 * The registry of legal documents: entries from several layers merged in
 * order — the embedded registry, then registry files the user adds, then the
 * documents of the workspace (each one's header) — later layers overriding
 * field by field, relations and evidence gathered from all. Lookups by number
 * key (and issuer, where local numbers repeat across provinces) and by law
 * name are Map reads: microseconds.
 */
import { lawKey, numberKey, type Citation } from '../citations/index.ts';
import { canonicalSegment } from '../citations/codes.ts';
import { PARTY_ORGS, PARTY_TYPES } from '../citations/number.ts';
import { foldVi } from '../citations/text.ts';
import { isAsciiDigit } from '../text/letters.ts';
import { hashStep, KEY_HASH_BASIS, KeyIndex, keyHash, keyHashOf } from './key-index.ts';
import type { LazyEntries } from './lazy-entry.ts';
import { lawNameKey, lawNameOf, pickLaw, type LawMatch } from './laws.ts';
import { parseRegistryData, type LoadedFile, type RegistryProblem } from './load.ts';
import { FACT_FIELDS, INVERSE, type EntryData, type Evidence, type FactField, type Relation } from './schema.ts';
import { lazy } from '../lazy.ts';

export type Origin = 'embedded' | 'file' | 'workspace';

/**
 * An entry as the registry hands it out. `key`, `origins` and `sources` are
 * written on it when it is handed out (a lookup, completion, entries()), not
 * at load: writing three properties on each of 100,000 objects JSON.parse
 * made gave each a new property array, which the scavenger then copied and
 * promoted (≈ 20 % of a createRegistry's machine instructions). The entries
 * the registry copied (merged, or given an inverse relation from another
 * layer) carry them from the start.
 */
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

/** Local documents (UBND, HĐND) repeat numbers across provinces: the issuer tells them apart. */
function isLocal(number: string | undefined): boolean {
  return number !== undefined && (number.includes('UBND') || number.includes('HĐND')) && /(?:^|[/-])(?:UBND|HĐND|CTUBND)(?=$|-)/iu.test(number);
}

/** Numbers already in their canonical shape (what registry files hold) need no full parse: upper case is the key. */
export const PLAIN_NUMBER = lazy(() => /^\d{1,5}[a-z]?(?:\/(?:19|20)\d{2})?\/[\p{L}\d&]+(?:-[\p{L}\d&]+)+$/u);
/** …and those already upper case, without a leading zero, are their own key (no new string for 100,000 entries). */
export const KEY_NUMBER = lazy(() => /^[1-9]\d{0,4}(?:\/(?:19|20)\d{2})?\/[\p{Lu}\d&]+(?:-[\p{Lu}\d&]+)+$/u);
const UPPER_LETTER = /^\p{Lu}$/u;
const LETTER = lazy(() => /^\p{L}$/u);
/** The letter class of each BMP code point met (0 not yet known, 1 \p{Lu}, 2 other \p{L}, 3 no letter): "Đ" is asked once, not once per number. */
const letterKnown = new Uint8Array(0x10000);

function letterClass(c: number): number {
  let v = letterKnown[c];
  if (v === 0) {
    const ch = String.fromCharCode(c);
    letterKnown[c] = v = UPPER_LETTER.test(ch) ? 1 : LETTER().test(ch) ? 2 : 3;
  }
  return v;
}


/** numberShape: the number is in KEY_NUMBER's shape (its own key). */
export const SHAPE_KEY = 1;
/** …in PLAIN_NUMBER's shape only (its key is its upper case without leading zeros). */
export const SHAPE_PLAIN = 2;
/** …and has no year and two codes, so it could be a Party number in the state form ("48/KL-TW"). */
export const SHAPE_TWO_CODES = 4;
/** …holds a character beyond the BMP: the scan does not say, the regexes do. */
export const SHAPE_UNKNOWN = 8;

/**
 * KEY_NUMBER and PLAIN_NUMBER read in one pass char by char, which is what a
 * registry of 100,000 numbers costs at load (each regex took ~0.1 µs a
 * number, and a lower-case "TTg" took both): SHAPE_KEY or SHAPE_PLAIN (KEY is
 * PLAIN too, without a leading zero, letter suffix or lower-case letter),
 * with SHAPE_TWO_CODES; 0 when neither. Only a letter beyond ASCII ("Đ") asks
 * the \p{…} regexes, once per code point. test/unit/registry.test.ts holds
 * the scan to both regexes.
 */
export function numberShape(n: string): number {
  scanned = undefined;
  const len = n.length;
  let c = n.charCodeAt(0);
  if (!isAsciiDigit(c)) return 0;
  let h = hashStep(KEY_HASH_BASIS, c);
  let key = c !== 48;
  let i = 1;
  for (; i < len && i < 5; i++) {
    c = n.charCodeAt(i);
    if (!isAsciiDigit(c)) break;
    h = hashStep(h, c);
  }
  c = n.charCodeAt(i);
  if (c >= 97 && c <= 122) {
    key = false;
    h = hashStep(h, c);
    c = n.charCodeAt(++i);
  }
  if (c !== 47) return 0;
  h = hashStep(h, c);
  i++;
  let year = false;
  if (n.charCodeAt(i + 4) === 47) {
    const a = n.charCodeAt(i);
    const b = n.charCodeAt(i + 1);
    const y2 = n.charCodeAt(i + 2);
    const y3 = n.charCodeAt(i + 3);
    if (!((a === 49 && b === 57) || (a === 50 && b === 48)) || !isAsciiDigit(y2) || !isAsciiDigit(y3)) return 0;
    h = hashStep(hashStep(hashStep(hashStep(hashStep(h, a), b), y2), y3), 47);
    year = true;
    i += 5;
  }
  let codes = 1;
  let run = 0;
  for (; i < len; i++) {
    c = n.charCodeAt(i);
    h = hashStep(h, c);
    if (c === 45) {
      if (run === 0) return 0;
      codes++;
      run = 0;
      continue;
    }
    run++;
    if ((c >= 65 && c <= 90) || isAsciiDigit(c) || c === 38) continue;
    if (c >= 97 && c <= 122) key = false;
    else if (c < 128) return 0;
    else if (c >= 0xd800 && c <= 0xdfff) return SHAPE_UNKNOWN;
    else {
      const l = letterClass(c);
      if (l === 3) return 0;
      if (l === 2) key = false;
    }
  }
  if (run === 0 || codes < 2) return 0;
  scanned = n;
  scannedHash = keyHashOf(h);
  return (key ? SHAPE_KEY : SHAPE_PLAIN) | (!year && codes === 2 ? SHAPE_TWO_CODES : 0);
}

/**
 * The key index's hash of the last number numberShape read to its end, made in
 * that same pass: a canonical number is its own key, and hashing it again cost
 * a second read of every char of 100,000 numbers at load (and of every number
 * looked up). hashOf() takes it only for that very string.
 */
let scanned: string | undefined;
let scannedHash = 0;

/** keyHash(key), read off numberShape's pass when that pass was over this key. */
export function hashOf(key: string): number {
  return key === scanned ? scannedHash : keyHash(key);
}

/** KEY_NUMBER by the scan: 0 when the number is not in that shape, 1 when it is, 2 when it is and could be a Party number in the state form. */
export function keyShape(n: string): 0 | 1 | 2 {
  const s = numberShape(n);
  return (s & SHAPE_KEY) === 0 ? 0 : s & SHAPE_TWO_CODES ? 2 : 1;
}

/** The lookup key of a number as registries write it: a fast path for the canonical shape, the full reading otherwise. */
export function fastNumberKey(number: string): string {
  let shape = numberShape(number);
  if (shape === SHAPE_KEY) return number;
  // Beyond the BMP the regexes say; partyInStateForm then sees every such number.
  if (shape === SHAPE_UNKNOWN) shape = (KEY_NUMBER().test(number) ? SHAPE_KEY : PLAIN_NUMBER().test(number) ? SHAPE_PLAIN : 0) | SHAPE_TWO_CODES;
  if ((shape & (SHAPE_KEY | SHAPE_PLAIN)) === 0 || (shape & SHAPE_TWO_CODES && partyInStateForm(number))) return numberKey(number);
  if (shape & SHAPE_KEY) return number;
  const upper = number.toUpperCase();
  return upper.charCodeAt(0) === 48 ? upper.replace(/^0+(?=\d)/u, '') : upper;
}

/**
 * The answer of partyInStateForm by the codes after the slash ("TT-BNV"): a registry repeats a few hundred
 * codes over 100,000 numbers, and the two /u regexes with their upper-casing cost ~0.6 µs a number. Bounded.
 */
const partyCodes = new Map<string, boolean>();

/** "48/KL-TW": a Party number written in the state form, whose key is "48-KL/TW". */
function partyInStateForm(number: string): boolean {
  const slash = number.indexOf('/');
  const dash = number.lastIndexOf('-');
  if (number.indexOf('/', slash + 1) !== -1 || number.indexOf('-') !== dash) return false;
  const codes = number.slice(slash + 1);
  let party = partyCodes.get(codes);
  if (party === undefined) {
    if (partyCodes.size >= 4096) partyCodes.clear();
    party = PARTY_ORGS.test(number.slice(dash + 1).toUpperCase()) && PARTY_TYPES.test(canonicalSegment(number.slice(slash + 1, dash)));
    partyCodes.set(codes, party);
  }
  return party;
}

function entryKey(e: EntryData): string {
  if (e.number) return fastNumberKey(e.number);
  return lawKey(e.type ?? 'Luật', (e.name ?? '').replace(/^(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)\s+/iu, ''), e.dateIssued ? Number(e.dateIssued.slice(0, 4)) : undefined);
}

/** A number without a year ("971/QĐ-BNV") is reused each year: its date's year is part of who it is. */
function yearless(number: string | undefined): boolean {
  return number !== undefined && !/\/(?:19|20)\d{2}\//u.test(number);
}

function identity(e: EntryData, key: string, fold: (s: string) => string): string {
  const k = yearless(e.number) && e.dateIssued ? `${key}@${e.dateIssued.slice(0, 4)}` : key;
  return e.issuer && isLocal(e.number) ? `${k}|${fold(e.issuer)}` : k;
}

/** foldVi remembered per string: a registry names a few hundred issuers 100,000 times. */
function memoFold(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let f = seen.get(s);
    if (f === undefined) seen.set(s, (f = foldVi(s)));
    return f;
  };
}

/** Which of the entries sharing a key is the document `data` states, if any. */
function sameDocument(list: readonly RegistryEntry[], data: EntryData, key: string, fold: (s: string) => string): RegistryEntry | undefined {
  const id = identity(data, key, fold);
  const hit = list.find((e) => identity(e, key, fold) === id);
  // A year-less number stated without its date adds to the one entry of that number, when there is one.
  return hit ?? (yearless(data.number) && !data.dateIssued && list.length === 1 ? list[0] : undefined);
}

export class Registry {
  /** Key → its entry, or its entries when several documents share the key (provinces, years). No array per key: 100,000 entries load in one pass. */
  private readonly byKey: KeyIndex<RegistryEntry>;
  /** Per layer number (the index's tag of an entry taken as it is): what its entries' `origins` and `sources` say. */
  private readonly layerOrigins: string[][] = [];
  private readonly layerSources: Record<string, readonly string[]>[] = [];
  /** Where each layer's entries end in `all` (copies take their originals' places, so positions hold). */
  private readonly layerEnds: number[] = [];
  /** Per layer read from its bytes: the places in its file of its entries in `all` (completeInverses reads their relations there). */
  private readonly layerLazy: ({ entries: LazyEntries; places: Int32Array } | undefined)[] = [];
  /** Canonical law name → the laws of that name; made on the first lookup of a law by name (a registry of Nghị định never needs it). */
  private byLawName: Map<string, RegistryEntry[]> | undefined;
  private all: RegistryEntry[] = [];
  /** Entries with a number, by key, each with its key. */
  private sorted: [string, RegistryEntry][] | undefined;
  readonly problems: RegistryProblem[] = [];
  /**
   * Entries this registry copied before changing them. A layer's entries are
   * shared (the embedded layer by every registry, a settings file by every
   * document): a fact merged from a later layer, or an inverse relation, goes
   * into this registry's copy, never into the layer — else removing a registry
   * file would leave its facts behind in the embedded registry.
   */
  private readonly owned = new WeakSet<RegistryEntry>();
  private replaced: Map<RegistryEntry, RegistryEntry> | undefined;

  constructor(layers: readonly Layer[] = []) {
    // Room for every entry at once: the index never grows while a 100,000-entry file loads.
    this.byKey = new KeyIndex(layers.reduce((n, l) => n + l.file.entries.length, 0));
    for (const layer of layers) this.add(layer);
    this.completeInverses();
    this.applyReplacements();
  }

  get size(): number {
    return this.all.length;
  }

  *entries(): IterableIterator<RegistryEntry> {
    for (const e of this.all) yield this.dressed(e, this.keyOf(e));
  }

  /** The entries under `key`, dressed (an array returned may be the index's own). */
  private withKey(key: string): readonly RegistryEntry[] {
    const r = this.byKey.find(key, hashOf(key));
    if (r < 0) return [];
    const v = this.byKey.valueOf(r);
    if (!Array.isArray(v)) return [this.dress(v, key, this.byKey.tagOf(r, v))];
    for (const e of v) this.dress(e, key, this.byKey.tagOf(r, e));
    return v;
  }

  /** `e` (under `key`, tagged `tag` in the index) with this registry's key, origins and sources on it. */
  private dress(e: RegistryEntry, key: string, tag: number): RegistryEntry {
    if (tag === OWNED) return e;
    // Written each time: a layer's entries are shared by registries, whose layers may be named differently.
    e.key = key;
    e.origins = this.layerOrigins[tag];
    e.sources = this.layerSources[tag];
    return e;
  }

  /** `e`, one of this registry's entries, under its key `key`, dressed. */
  private dressed(e: RegistryEntry, key: string): RegistryEntry {
    if (this.owned.has(e)) return e;
    const r = this.byKey.find(key, hashOf(key));
    return r < 0 ? e : this.dress(e, key, this.byKey.tagOf(r, e));
  }

  /** The key of `e`, one of this registry's entries: a copy carries it, a layer's entry is read again. */
  private keyOf(e: RegistryEntry): string {
    return this.owned.has(e) ? e.key : entryKey(e);
  }

  /** What `e`'s origins are (a copy's own, a layer entry's its layer's): entries of one layer share the array. */
  private originsOf(e: RegistryEntry, r: number): string[] {
    return this.owned.has(e) ? e.origins : this.layerOrigins[this.byKey.tagOf(r, e)];
  }

  private add(layer: Layer): void {
    this.problems.push(...layer.file.problems);
    const tag = this.layerOrigins.length;
    // Shared by every entry of this layer alone; merge() copies it before adding another layer.
    this.layerOrigins.push([layer.name]);
    this.layerSources.push({ [layer.name]: layer.file.sources });
    const list = layer.file.entries;
    // A file read from its bytes: each entry's number read at its place, not through its stand-in's trap.
    const byBytes = layer.file.lazy;
    const places = byBytes && byBytes.places.length === list.length ? byBytes.places : undefined;
    const merged = this.index(layer, tag, places && byBytes!.entries, places);
    const taken = (merged ? list.filter((d) => !merged.has(d)) : list) as RegistryEntry[];
    this.all = this.all.length ? this.all.concat(taken) : taken.slice();
    this.layerEnds.push(this.all.length);
    this.layerLazy.push(byBytes && places ? { entries: byBytes.entries, places: merged ? places.filter((_, j) => !merged.has(list[j])) : places } : undefined);
    // After the concat: a document twice in this layer was merged into a copy of its first entry, which must
    // take that entry's place here too (else entries(), completion and laws by name kept the unmerged one).
    this.applyReplacements();
    this.sorted = undefined;
  }

  /**
   * The layer's entries into the key index, each merged into an earlier entry of its document when there is
   * one: those (folded into that one) are returned, the others join `all`. A function of its own: it runs once
   * a load, through on-stack replacement, and add()'s code after the loop had no type feedback yet.
   */
  private index(layer: Layer, tag: number, byBytes: LazyEntries | undefined, places: Int32Array | undefined): Set<EntryData> | undefined {
    const fold = memoFold();
    const list = layer.file.entries;
    let merged: Set<EntryData> | undefined;
    for (let j = 0; j < list.length; j++) {
      const data = list[j];
      const place = places ? places[j] : -1;
      const number = place >= 0 && byBytes!.isAt(data, place) ? byBytes!.numberAt(place) : undefined;
      const key = number ? fastNumberKey(number) : entryKey(data);
      const hash = hashOf(key);
      const r = this.byKey.find(key, hash);
      if (r >= 0) {
        const same = this.byKey.valueOf(r);
        // Identity (number, year of a year-less number, issuer of a local one) is only worked out when the key is taken.
        const old = sameDocument(Array.isArray(same) ? same : [same], data, key, fold);
        if (old) {
          merge(this.own(old, key, r), data, layer);
          (merged ??= new Set()).add(data);
          continue;
        }
      }
      // The validated entry is ours already (zod or JSON.parse made it): indexed as it is, nothing written on it.
      this.byKey.add(key, data as RegistryEntry, tag, hash);
    }
    return merged;
  }

  /** `e` (under `key`, in the index's record `r`) itself when this registry owns it, else its copy (taking its place in the indexes). */
  private own(e: RegistryEntry, key: string, r: number): RegistryEntry {
    if (this.owned.has(e)) return e;
    const tag = this.byKey.tagOf(r, e);
    const copy: RegistryEntry = { ...e, key, origins: this.layerOrigins[tag], sources: this.layerSources[tag] };
    if (e.relations) copy.relations = e.relations.slice();
    if (e.evidence) {
      const ev: NonNullable<EntryData['evidence']> = {};
      for (const f of Object.keys(e.evidence) as FactField[]) ev[f] = e.evidence[f]!.map((x) => ({ ...x }));
      copy.evidence = ev;
    }
    this.owned.add(copy);
    this.byKey.replace(r, e, copy, OWNED);
    (this.replaced ??= new Map()).set(e, copy);
    return copy;
  }

  /** The copies made by own() take the place of their originals in `all` (one pass). */
  private applyReplacements(): void {
    if (!this.replaced) return;
    const r = this.replaced;
    this.all = this.all.map((e) => r.get(e) ?? e);
    this.replaced = undefined;
    this.sorted = undefined;
  }

  /** Every relation has its inverse on the other entry, when that entry is known. */
  private completeInverses(): void {
    let layer = -1;
    let end = 0;
    let start = 0;
    let byBytes: LazyEntries | undefined;
    let places: Int32Array | undefined;
    for (let p = 0; p < this.all.length; p++) {
      if (p >= end) {
        do layer++;
        while (p >= this.layerEnds[layer]);
        start = layer > 0 ? this.layerEnds[layer - 1] : 0;
        end = this.layerEnds[layer];
        byBytes = this.layerLazy[layer]?.entries;
        places = this.layerLazy[layer]?.places;
      }
      const e = this.all[p];
      // An entry of a file read from its bytes (not a copy made since): its relations and number read at its place.
      const place = places ? places[p - start] : -1;
      const at = place >= 0 && byBytes!.isAt(e, place);
      const rels = at ? byBytes!.relationsAt(place) : e.relations;
      if (!rels) continue;
      // A copy carries its origins; a layer's entry has its layer's, told by where it stands in `all`.
      const origins = this.owned.has(e) ? e.origins : this.layerOrigins[layer];
      for (let i = 0; i < rels.length; i++) {
        const rel = rels[i];
        const key = fastNumberKey(rel.number);
        const r = this.byKey.find(key, hashOf(key));
        if (r < 0) continue;
        const found = this.byKey.valueOf(r);
        const number = at ? byBytes!.numberAt(place) : e.number;
        // One target is the common case (no list made for it); own() puts a copy in a key's list, so a list is read from a copy.
        if (!Array.isArray(found)) this.addInverse(e, number, origins, rel, found, key, r);
        else for (const t of found.slice()) this.addInverse(e, number, origins, rel, t, key, r);
      }
    }
  }

  /** On `t` (under `key`, in the index's record `r`), the inverse of `e`'s relation `rel` to it (`number`: e.number), unless it is there. */
  private addInverse(e: RegistryEntry, number: string | undefined, origins: string[], rel: Relation, t: RegistryEntry, key: string, r: number): void {
    const kind = INVERSE[rel.kind];
    const back = number ?? e.name ?? this.keyOf(e);
    // Relation lists are short: a scan beats an index of 100,000 strings.
    if (t.relations?.some((x) => x.kind === kind && (x.number === back || fastNumberKey(x.number) === this.keyOf(e)))) return;
    const inv: Relation = { kind, number: back };
    if (rel.date) inv.date = rel.date;
    if (rel.partial) inv.partial = true;
    // Between two entries of one layer the inverse holds wherever that layer goes: it may stay on the
    // layer's entry (no copy of thousands of entries); from another layer, it goes on this registry's copy.
    const target = this.originsOf(t, r) === origins ? t : this.own(t, key, r);
    (target.relations ??= []).push(inv);
  }

  /** The law a citation by name means, and how it was told from the others of that name (the hover says which). */
  lookupLaw(c: Citation, asOf?: string): { entry: RegistryEntry; by: LawMatch } | undefined {
    if (c.kind !== 'law') return undefined;
    if (!this.byLawName) {
      // Made after the constructor's copies (own()) took their places in `all`: it holds the registry's entries, never a layer's stale one.
      this.byLawName = new Map();
      for (const e of this.all) {
        const name = lawNameOf(e);
        if (name) push(this.byLawName, name, e);
      }
    }
    const found = this.byLawName.get(lawNameKey(c.type?.canonical ?? 'Luật', c.name?.text ?? ''));
    const law = found && pickLaw(found, c.date?.valid ? c.date.iso : undefined, c.year?.value, asOf);
    if (law) this.dressed(law.entry, this.keyOf(law.entry));
    return law;
  }

  /** Entries with this number (several for a local number shared by provinces). */
  lookupNumber(text: string): readonly RegistryEntry[] {
    return this.withKey(fastNumberKey(text));
  }

  /** The entry a citation means, or undefined when unknown or ambiguous; `asOf`, the citing document's date, tells a law cited by name alone. */
  lookup(c: Citation, asOf?: string): RegistryEntry | undefined {
    if (c.kind === 'law') {
      return this.lookupLaw(c, asOf)?.entry;
    }
    let found = this.withKey(c.number?.key ?? c.key);
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
    // A stable sort: entries of one key stay in the order of `all`.
    this.sorted ??= this.all.filter((e) => e.number).map((e): [string, RegistryEntry] => [this.keyOf(e), e]).sort((a, b) => cmp(a[0], b[0]));
    const p = numberKeyPrefix(prefix);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.sorted[mid][0], p) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: RegistryEntry[] = [];
    for (let i = lo; i < this.sorted.length && out.length < limit; i++) {
      const [key, e] = this.sorted[i];
      if (!key.startsWith(p)) break;
      // "30" must not offer "300/…": a bare sequence number stops at the slash.
      if (/^\d+$/u.test(p) && key[p.length] !== '/' && key[p.length] !== '-') continue;
      if (type && e.type && e.type !== type) continue;
      out.push(this.dressed(e, key));
    }
    return out;
  }
}

/** The index's tag of a copy this registry owns: it carries its own key, origins and sources. */
const OWNED = -1;

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
  if (!old.origins.includes(layer.name)) old.origins = [...old.origins, layer.name];
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

