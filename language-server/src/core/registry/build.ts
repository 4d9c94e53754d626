/**
 * Building a registry from a corpus (`vanban index`): every document's own
 * header and every citation that states a date and an issuer is evidence for
 * the cited document's type, issuer, date and trích yếu; relations come from
 * the text — "được sửa đổi, bổ sung bởi …", a trích yếu "sửa đổi, bổ sung một
 * số điều của …", "… này thay thế …", "… hết hiệu lực kể từ ngày …", "bãi bỏ
 * …", and the rows of "Danh mục văn bản hết hiệu lực" tables. Conflicting
 * evidence is kept and counted; the majority wins (a document's own header
 * weighs more than a citation of it). Every fact keeps where it was read
 * (document and line). Pure: the caller reads and parses the files.
 */
import { GENERIC_TYPES, issuerOf } from '../citations/codes.ts';
import { parseNumericDate } from '../citations/date.ts';
import { documentInfo } from '../citations/document.ts';
import { findCitations, type Citation } from '../citations/index.ts';
import { EDITORIAL_NOTE, editorialNotes, foldSpace, foldVi } from '../citations/text.ts';
import type { Node, ParseResult, Range } from '../syntax/tree.ts';
import { createLineIndex } from '../text/positions.ts';
import {
  FACT_FIELDS, INVERSE, REGISTRY_FORMAT, REGISTRY_VERSION,
  type EntryData, type Evidence, type FactField, type RegistryFileData, type RelationKind, type Status,
} from './schema.ts';

/** [document index, 1-based line]. */
type Src = [number, number];

interface Value {
  count: number;
  weight: number;
  src: Src[];
}

interface RelationAcc {
  kind: RelationKind;
  number: string;
  date?: string;
  partial?: boolean;
  src: Src[];
}

interface Acc {
  number?: string;
  name?: string;
  /** Local documents: the issuer that tells same-numbered documents apart. */
  localIssuer?: string;
  fields: Partial<Record<FactField, Map<string, Value>>>;
  relations: Map<string, RelationAcc>;
}

export interface BuildStats {
  documents: number;
  citations: number;
  /** Citations that state a date. */
  withDate: number;
  /** Citations that state a date and an issuer (the evidence). */
  evidence: number;
  relations: number;
}

const HEADER_WEIGHT = 3;
const MAX_SRC = 3;

export class RegistryBuilder {
  private readonly docs: string[] = [];
  private readonly accs = new Map<string, Acc>();
  readonly stats: BuildStats = { documents: 0, citations: 0, withDate: 0, evidence: 0, relations: 0 };

  /** Reads one parsed document; `name` is how provenance names it ("real/12_….txt"). */
  addDocument(name: string, parse: ParseResult): void {
    const doc = this.docs.length;
    this.docs.push(name);
    this.stats.documents++;
    const text = parse.source.original;
    const index = createLineIndex(text);
    const line = (offset: number): Src => [doc, index.positionAt(offset).line + 1];
    const own = this.ownEntry(parse, line);
    const cits = findCitations(parse);
    const quotes = zones(parse.tree, 'quote');
    for (const c of cits) {
      if (c.kind === 'short' || c.self) continue;
      this.stats.citations++;
      if (c.date?.valid) this.stats.withDate++;
      if (inZones(quotes, c.range.start)) continue; // amendment content speaks of the amended text
      this.citationEvidence(c, line);
    }
    this.textRelations(parse, cits, own, line, quotes);
    this.tableRelations(parse, cits, line);
  }

  /** Only the document's own header (a workspace document: it makes its own entry). */
  addHeader(name: string, parse: ParseResult): void {
    const doc = this.docs.length;
    this.docs.push(name);
    this.stats.documents++;
    const index = createLineIndex(parse.source.original);
    const own = this.ownEntry(parse, (o) => [doc, index.positionAt(o).line + 1]);
    if (own) this.ownEffectiveDate(parse, own, (o) => [doc, index.positionAt(o).line + 1]);
  }

  /**
   * The accumulator of a document. A number without a year ("971/QĐ-BNV",
   * "07/VBHN-VPQH") is reused every year (ND30 Điều 15): the year of its date
   * tells them apart, and without a date it cannot be told which one is meant.
   */
  private acc(r: Ref): Acc | undefined {
    const { number, name, issuer } = r;
    const yearless = number !== undefined && !/\/(?:19|20)\d{2}\//u.test(number);
    if (yearless && r.year === undefined) return undefined;
    const local = number && /(?:^|[/-])(?:UBND|HĐND|CTUBND)(?=$|-)/u.test(number) ? issuer : undefined;
    // A law by name is one law per year ("Luật Đất đai" of 2013 and of 2024).
    const dated = yearless || (number === undefined && r.year !== undefined);
    const id = `${number ?? name ?? ''}${dated ? `@${r.year}` : ''}${local ? `|${foldVi(local)}` : ''}`;
    let a = this.accs.get(id);
    if (!a) {
      a = { fields: {}, relations: new Map() };
      if (number) a.number = number;
      if (name) a.name = name;
      if (local) a.localIssuer = local;
      this.accs.set(id, a);
    }
    return a;
  }

  private fact(a: Acc, field: FactField, value: string | undefined, src: Src, weight = 1): void {
    if (!value) return;
    const m = (a.fields[field] ??= new Map());
    const v = m.get(value);
    if (v) {
      v.count++;
      v.weight += weight;
      if (v.src.length < MAX_SRC && !v.src.some((s: Src) => s[0] === src[0] && s[1] === src[1])) v.src.push(src);
    } else m.set(value, { count: 1, weight, src: [src] });
  }

  private relation(a: Acc, kind: RelationKind, other: string, src: Src, extra: { date?: string; partial?: boolean } = {}): void {
    const key = `${kind}|${other}`;
    const r = a.relations.get(key);
    if (r) {
      if (r.src.length < MAX_SRC) r.src.push(src);
      if (extra.date && !r.date) r.date = extra.date;
      return;
    }
    a.relations.set(key, { kind, number: other, ...extra, src: [src] });
    this.stats.relations++;
  }

  /** Both directions of a relation between two cited documents. */
  private relate(from: Ref, kind: RelationKind, to: Ref, src: Src, extra: { date?: string; partial?: boolean } = {}): void {
    if (from.id === to.id) return;
    const a = this.acc(from);
    const b = this.acc(to);
    if (!a || !b) return;
    this.relation(a, kind, to.id, src, extra);
    this.relation(b, INVERSE[kind], from.id, src, extra);
  }

  /** The document's own header: the strongest evidence for its own number. */
  private ownEntry(parse: ParseResult, line: (o: number) => Src): Ref | undefined {
    const info = documentInfo(parse);
    if (!info.number || info.number.parts.kind === 'party') return undefined;
    const issuer = issuerName(info.issuerCodes, info.issuer);
    const number = info.number.canonical;
    const ref: Ref = { id: number, number, issuer, year: info.date ? Number(info.date.slice(0, 4)) : undefined };
    const a = this.acc(ref);
    if (!a) return undefined;
    const at = line(info.number.range.start);
    this.fact(a, 'type', info.type, at, HEADER_WEIGHT);
    if (issuer && info.issuerRange) this.fact(a, 'issuer', issuer, line(info.issuerRange.start), HEADER_WEIGHT);
    if (info.date && info.dateRange) this.fact(a, 'dateIssued', info.date, line(info.dateRange.start), HEADER_WEIGHT);
    if (info.title && info.titleRange) this.fact(a, 'title', titleCase(info.title), line(info.titleRange.start), HEADER_WEIGHT);
    return ref;
  }

  private citationEvidence(c: Citation, line: (o: number) => Src): void {
    const ref = refOf(c);
    if (!ref) return;
    // Evidence is a citation that states both a date and an issuer (a law by name: its date).
    const dated = c.date?.valid;
    if (!dated || (!c.issuer && c.kind !== 'law')) return;
    this.stats.evidence++;
    const a = this.acc(ref);
    if (!a) return;
    const at = line(c.range.start);
    const type = c.type && !c.type.inferred && !GENERIC_TYPES.has(c.type.canonical) ? c.type.canonical : c.number?.parts.type;
    this.fact(a, 'type', type, at);
    if (c.issuer) this.fact(a, 'issuer', issuerName(c.issuer.codes, c.issuer.name), at);
    this.fact(a, 'dateIssued', c.date!.iso, line(c.date!.range.start));
    if (c.title) this.fact(a, 'title', c.title.text, line(c.title.range.start));
    if (c.kind === 'law' && c.name) this.fact(a, 'title', `${c.type?.canonical ?? 'Luật'} ${c.name.text}`, at);
  }

  private textRelations(parse: ParseResult, cits: Citation[], own: Ref | undefined, line: (o: number) => Src, quotes: Range[]): void {
    const text = parse.source.original;
    const info = documentInfo(parse);
    const consolidated = info.number?.parts.type === 'Văn bản hợp nhất';
    // "… hết hiệu lực kể từ ngày Luật này có hiệu lực": the document's own effective date, when it states one.
    const effective = effectiveDateOf(parse) ?? undefined;
    // Editorial notes a publisher adds ("[… được hướng dẫn bởi Điều 11 Thông tư …]") are not the text.
    const notes = editorialNotes(text);
    // The sentences are read with the notes blanked out (same offsets).
    const clean = notes.length === 0 ? text : text.replace(EDITORIAL_NOTE, (m) => ' '.repeat(m.length));
    for (const c of cits) {
      if (c.kind === 'short' || c.self || inZones(quotes, c.range.start) || inZones(notes, c.range.start)) continue;
      const ref = refOf(c);
      if (!ref) continue;
      // "X được sửa đổi, bổ sung bởi Y và Z".
      for (const b of c.amendedBy ?? []) {
        const by = refOf(cits[b]);
        if (by) this.relate(by, 'amends', ref, line(cits[b].range.start));
      }
      // Inside another citation's trích yếu: "Nghị định … sửa đổi, bổ sung một số điều của Nghị định số …".
      const holder = cits.find((t) => t !== c && t.title && c.range.start >= t.title.range.start && c.range.end <= t.title.range.end);
      const kind = relationOf(c.relation);
      if (holder && kind) {
        const h = refOf(holder);
        if (h) this.relate(h, kind, ref, line(c.range.start), c.pinpoint && kind === 'repeals' ? { partial: true } : {});
        continue;
      }
      if (!own) continue;
      // The document's own trích yếu: "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 171/2016/NĐ-CP".
      if (c.context === 'header' && kind) {
        this.relate(own, kind, ref, line(c.range.start));
        continue;
      }
      if (consolidated) {
        // A văn bản hợp nhất repeats the hiệu lực articles of the texts it consolidates: they are not its own acts.
        if (c.context === 'header' || c.range.start < (preambleStart(parse) ?? 0)) this.relate(own, 'consolidates', ref, line(c.range.start));
        continue;
      }
      // "Luật X đã được sửa đổi, bổ sung theo Luật số A, Luật số B … hết hiệu lực": X ends, not its amending laws.
      if (c.context !== 'text' || c.amends !== undefined) continue;
      const s = sentenceAround(clean, c.range);
      const sentence = foldVi(s.text);
      const selfWord = /(?:nghị định|thông tư|quyết định|luật|bộ luật|pháp lệnh|nghị quyết|chỉ thị) này/u.test(sentence);
      // The whole document is meant only without a pinpoint ("Thay thế Phụ lục … của Nghị định …" is an amendment).
      const after = foldVi(clean.slice(c.range.end, s.end));
      if (selfWord && !c.pinpoint && /^thay thế/u.test(c.relation ?? '') && !/được thay thế|bị thay thế/u.test(sentence)) {
        this.relate(own, 'replaces', ref, line(c.range.start), dateIn(sentence, effective));
      } else if (!c.pinpoint && /hết hiệu lực/u.test(after) && (selfWord || /kể từ ngày|từ ngày/u.test(after)) && !/hết hiệu lực một phần/u.test(sentence)) {
        this.relate(own, 'repeals', ref, line(c.range.start), dateIn(sentence, effective));
      } else if (c.relation === 'bãi bỏ' && !/được bãi bỏ|bị bãi bỏ/u.test(sentence)) {
        this.relate(own, 'repeals', ref, line(c.range.start), c.pinpoint ? { partial: true } : {});
      }
    }
    this.ownEffectiveDate(parse, own, line);
  }

  /** "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025" / "… kể từ ngày ký". */
  private ownEffectiveDate(parse: ParseResult, own: Ref | undefined, line: (o: number) => Src): void {
    if (!own) return;
    const m = EFFECTIVE.exec(parse.source.text);
    const d = effectiveDateOf(parse);
    const a = this.acc(own);
    if (!m || !d || !a) return;
    this.fact(a, 'dateEffective', d, line(parse.source.toOriginal(m.index)), HEADER_WEIGHT);
  }

  /** "Danh mục văn bản hết hiệu lực": each row's first citation expired, for the reason and from the date the row gives. */
  private tableRelations(parse: ParseResult, cits: Citation[], line: (o: number) => Src): void {
    const text = parse.source.original;
    for (const table of zonesNodes(parse.tree, 'table')) {
      const head = foldVi((table.columns ?? []).join(' ') + ' ' + text.slice(Math.max(0, table.range.start - 300), table.range.start));
      if (!/hết hiệu lực/u.test(head)) continue;
      const partialTable = /một phần/u.test(foldVi((table.columns ?? []).join(' ')));
      for (const row of table.children) {
        if (row.kind !== 'row' || row.group) continue;
        const inRow = cits.filter((c) => c.range.start >= row.range.start && c.range.start < row.range.end && c.kind !== 'short');
        const first = inRow[0];
        const ref = first && refOf(first);
        if (!ref) continue;
        const rowText = text.slice(row.range.start, row.range.end);
        const date = lastDate(rowText);
        const partial = partialTable || /một phần/u.test(foldVi(rowText));
        const at = line(first.range.start);
        const reason = /(?:được|bị)\s+(thay\s+thế|bãi\s+bỏ|sửa\s+đổi)/iu.exec(rowText);
        const by = reason ? inRow.find((c) => c.range.start > row.range.start + reason.index) : undefined;
        const byRef = by && refOf(by);
        const kind: RelationKind | undefined = !reason ? undefined : /thay/u.test(reason[1]) ? 'replaced-by' : /bãi/u.test(reason[1]) ? 'repealed-by' : 'amended-by';
        if (byRef && kind) this.relate(ref, kind, byRef, at, { ...(date ? { date } : {}), ...(partial ? { partial: true } : {}) });
        const status: Status = partial ? 'het-hieu-luc-mot-phan' : 'het-hieu-luc-toan-bo';
        const a = this.acc(ref);
        if (!a) continue;
        this.fact(a, 'status', status, at);
        if (date) this.fact(a, 'statusDate', date, at);
      }
    }
  }

  build(generatedBy = 'vanban index'): RegistryFileData {
    const entries: EntryData[] = [];
    for (const a of this.accs.values()) {
      const e = finish(a);
      if (e) entries.push(e);
    }
    entries.sort((x, y) => (x.number ?? x.name ?? '').localeCompare(y.number ?? y.name ?? '', 'vi'));
    return { format: REGISTRY_FORMAT, version: REGISTRY_VERSION, generated: { by: generatedBy, documents: this.docs.length }, sources: [...this.docs], entries };
  }
}

interface Ref {
  /** How relations name it: the canonical number, or "Luật …" for a law by name. */
  id: string;
  number?: string;
  name?: string;
  issuer?: string;
  /** The year of the stated date (tells year-less numbers apart). */
  year?: number;
}

function refOf(c: Citation | undefined): Ref | undefined {
  if (!c) return undefined;
  const year = c.date?.valid ? Number(c.date.iso.slice(0, 4)) : c.number?.parts.year;
  if (c.number && c.kind !== 'party') return { id: c.number.canonical, number: c.number.canonical, issuer: c.issuer?.name, year };
  if (c.kind === 'law' && c.name && c.type && c.date?.valid) return { id: `${c.type.canonical} ${c.name.text}`, name: `${c.type.canonical} ${c.name.text}`, year };
  return undefined;
}

function relationOf(phrase: string | undefined): RelationKind | undefined {
  if (!phrase) return undefined;
  if (/^(?:được|bị)/u.test(phrase)) return undefined;
  if (/sửa đổi|bổ sung/u.test(phrase)) return 'amends';
  if (/thay thế/u.test(phrase)) return 'replaces';
  if (/bãi bỏ/u.test(phrase)) return 'repeals';
  if (/hướng dẫn|quy định chi tiết/u.test(phrase)) return 'guides';
  if (/hợp nhất/u.test(phrase)) return 'consolidates';
  return undefined;
}

/** The body's display name: the known name for its code ("Bộ Nội vụ"), else as written, in sentence case. */
function issuerName(codes: readonly string[], written: string | undefined): string | undefined {
  const known = codes.map((c) => issuerOf(c)).filter((i) => i && !/^(?:UBND|HĐND|CTUBND)$/u.test(i.code.toUpperCase()));
  if (known.length > 0 && known.length === codes.length) return known.map((i) => i!.vi).join(', ');
  if (!written) return undefined;
  const w = foldSpace(written);
  const code = issuerOf(w);
  return code && !/^(?:UBND|HĐND|CTUBND)$/u.test(code.code.toUpperCase()) ? code.vi : titleCase(w);
}

/** "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN" → "Ủy ban nhân dân tỉnh Điện Biên"-like: capitals kept only where a name starts. */
function titleCase(s: string): string {
  if (s !== s.toUpperCase() || !s.includes(' ')) return s;
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const EFFECTIVE = /(?:Nghị định|Thông tư|Quyết định|Luật|Bộ luật|Pháp lệnh|Nghị quyết|Chỉ thị|Thông tư liên tịch) này có hiệu lực(?: thi hành)?(?: kể)? từ ngày (?:(ký)|(\d{1,2}(?:\/\d{1,2}\/\d{4}| tháng \d{1,2} năm \d{4})))/u;

/** The document's own effective date from its hiệu lực article ("kể từ ngày ký": its date). */
function effectiveDateOf(parse: ParseResult): string | undefined {
  const m = EFFECTIVE.exec(parse.source.text);
  if (!m) return undefined;
  return m[1] ? documentInfo(parse).date : dateFromWords(m[0]);
}

function dateFromWords(s: string): string | undefined {
  const m = /(\d{1,2})(?:\/(\d{1,2})\/(\d{4})| tháng (\d{1,2}) năm (\d{4}))/u.exec(s);
  if (!m) return undefined;
  return parseNumericDate(`${m[1]}/${m[2] ?? m[4]}/${m[3] ?? m[5]}`)?.iso;
}

/** "… hết hiệu lực kể từ ngày 01 tháng 7 năm 2025": that date, else the fallback (the document's effective date). */
function dateIn(sentence: string, fallback: string | undefined): { date?: string } {
  const m = /(?:kể )?từ ngày (\d{1,2}(?:\/\d{1,2}\/\d{4}| tháng \d{1,2} năm \d{4}))/u.exec(sentence);
  const d = m ? dateFromWords(m[1]) : fallback;
  return d ? { date: d } : {};
}

/** The last "15/6/2023" standing alone on a line of a row (its "Ngày hết hiệu lực" cell). */
function lastDate(rowText: string): string | undefined {
  const all = [...rowText.matchAll(/(?:^|\n)[ \t|]*(\d{1,2}\/\d{1,2}\/\d{4})[ \t|]*(?=\n|$)/gu)];
  const last = all[all.length - 1];
  const d = last && parseNumericDate(last[1]);
  return d?.valid ? d.iso : undefined;
}

function sentenceAround(text: string, r: Range): { text: string; end: number } {
  let s = r.start;
  let n = 0;
  while (s > 0 && n < 600 && !/[.;:]\s|\n\s*\n/u.test(text.slice(s - 2, s))) {
    s--;
    n++;
  }
  let e = r.end;
  n = 0;
  while (e < text.length && n < 600 && !/^(?:\.(?:\s|$)|;|\n\s*\n)/u.test(text.slice(e, e + 2))) {
    e++;
    n++;
  }
  return { text: text.slice(s, e), end: e };
}

function zones(doc: Node, kind: Node['kind']): Range[] {
  return zonesNodes(doc, kind).map((n) => n.range);
}

function zonesNodes(doc: Node, kind: Node['kind']): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (n.kind === kind) out.push(n);
    for (const c of n.children) visit(c);
  };
  visit(doc);
  return out;
}

function inZones(zs: Range[], o: number): boolean {
  return zs.some((z) => o >= z.start && o < z.end);
}

function preambleStart(parse: ParseResult): number | undefined {
  return parse.tree.children.find((c) => c.kind === 'preamble')?.range.start;
}

function finish(a: Acc): EntryData | undefined {
  const e: EntryData = {};
  if (a.number) e.number = a.number;
  if (a.name) e.name = a.name;
  const evidence: Partial<Record<FactField, Evidence[]>> = {};
  for (const f of FACT_FIELDS) {
    const m = a.fields[f];
    if (!m || m.size === 0) continue;
    const values = [...m.entries()].sort((x, y) => y[1].weight - x[1].weight || y[1].count - x[1].count || x[0].localeCompare(y[0]));
    (e as Record<string, unknown>)[f] = values[0][0];
    evidence[f] = values.map(([value, v]) => ({ value, count: v.count, src: v.src }));
  }
  if (a.localIssuer && !e.issuer) e.issuer = a.localIssuer;
  const relations = [...a.relations.values()].map((r) => ({
    kind: r.kind,
    number: r.number,
    ...(r.date ? { date: r.date } : {}),
    ...(r.partial ? { partial: true } : {}),
    src: r.src,
  }));
  // Replaced or repealed as a whole: no longer in force from the relation's date.
  const ended = relations.find((r) => (r.kind === 'replaced-by' || r.kind === 'repealed-by') && !r.partial);
  if (!e.status && ended) {
    e.status = 'het-hieu-luc-toan-bo';
    if (ended.date) e.statusDate = ended.date;
  }
  if (relations.length > 0) e.relations = relations;
  if (Object.keys(evidence).length > 0) e.evidence = evidence;
  // An entry that says nothing but its number is no knowledge.
  if (!e.dateIssued && !e.issuer && !e.title && !e.status && !e.relations) return undefined;
  return e;
}
