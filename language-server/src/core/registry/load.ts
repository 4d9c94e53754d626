/**
 * Reading a registry file: the envelope is checked once, the entries one by
 * one, so a malformed entry gives a clear error naming the file and the field
 * ("reg.json: entries[12].dateIssued: ngày dạng YYYY-MM-DD") and the other
 * entries still load. Pure: the caller reads the file and passes its text.
 */
import { FORBIDDEN_KEYS, findHostileKeys, jsonErrorText } from '../config/json-guard.ts';
import { isAsciiDigit } from '../text/letters.ts';
import type { LazyEntries } from './lazy-entry.ts';
import { entrySchema, fileSchema, REGISTRY_FORMAT, REGISTRY_VERSION, RELATION_KINDS, STATUSES, type EntryData } from './schema.ts';

export interface RegistryProblem {
  file: string;
  /** Key path of the field ("entries[12].dateIssued"), "" for the whole file. */
  path: string;
  vi: string;
  en: string;
}

export interface LoadedFile {
  file: string;
  entries: EntryData[];
  /** Document names the entries' `src` pairs point into. */
  sources: string[];
  problems: RegistryProblem[];
  /**
   * A file read from its bytes (parseRegistryBytes): `entries[j]` is the stand-in of the file's place
   * `places[j]` in `entries` (-1: an entry parsed at once), whose number and relations the Registry reads
   * there, without the stand-in's traps (it checks the entry is still that stand-in: LazyEntries.isAt).
   */
  lazy?: { entries: LazyEntries; places: Int32Array };
}

/** Larger files are refused unread (100,000 entries with provenance stay well under it). */
export const MAX_REGISTRY_BYTES = 256 * 1024 * 1024;

export function problemText(p: RegistryProblem, lang: 'vi' | 'en' = 'vi'): string {
  const where = p.path ? `${p.file}: ${p.path}` : p.file;
  return lang === 'en' ? `Invalid registry ${where}: ${p.en}` : `Cơ sở dữ liệu văn bản không hợp lệ ${where}: ${p.vi}`;
}

/** A key path as a person reads it; a key of megabytes is named by its start. */
function path(parts: readonly PropertyKey[]): string {
  const key = (k: PropertyKey) => (String(k).length > 60 ? `${String(k).slice(0, 60)}…` : String(k));
  return parts.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${key(k)}`)).join('');
}

export function parseRegistryText(text: string, file: string): LoadedFile {
  const out: LoadedFile = { file, entries: [], sources: [], problems: [] };
  const fail = (p: string, vi: string, en: string) => {
    out.problems.push({ file, path: p, vi, en });
    return out;
  };
  if (text.length > MAX_REGISTRY_BYTES) return fail('', `tệp lớn hơn ${MAX_REGISTRY_BYTES} byte`, `file larger than ${MAX_REGISTRY_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = jsonErrorText(text, e);
    return fail('', `JSON sai cú pháp (${why.vi})`, `malformed JSON (${why.en})`);
  }
  return parseRegistryData(raw, file);
}

const FORBIDDEN_VI = 'khoá bị cấm (__proto__, constructor, prototype)';
const FORBIDDEN_EN = 'forbidden key (__proto__, constructor, prototype)';

/**
 * JSON.parse turns "__proto__" into an own key: each one is named before
 * anything copies the object. One outside the entries costs the file (this
 * walk, which leaves the entries array out); one inside an entry costs that
 * entry, and only an entry off the plain shape can hold one (readEntries).
 * No scan of the text: a regex over a 24 MB file cost ~15 ms for a mere hint.
 */
function envelopeForbiddenKey(raw: unknown): (string | number)[] | undefined {
  if (!isObject(raw)) return findHostileKeys(raw, { limit: 1 })[0]?.path;
  for (const k of Object.keys(raw)) {
    if (FORBIDDEN_KEYS.has(k)) return [k];
    if (k === 'entries' && Array.isArray(raw[k])) continue;
    const [bad] = findHostileKeys(raw[k], { limit: 1 });
    if (bad) return [k, ...bad.path];
  }
  return undefined;
}

/** Validates an already parsed registry (the embedded one is bundled as data). */
export function parseRegistryData(raw: unknown, file: string): LoadedFile {
  const out: LoadedFile = { file, entries: [], sources: [], problems: [] };
  const entries = isObject(raw) && Array.isArray(raw.entries) ? (raw.entries as unknown[]) : undefined;
  if (readEnvelope(raw, entries !== undefined, out)) readEntries(entries!, out);
  return out;
}

/**
 * Checks all of a registry but its entries (`hasEntries`: `raw.entries` is an
 * array, left out of the check): problems into `out`, its `sources` too.
 * True when the entries are to be read.
 */
export function readEnvelope(raw: unknown, hasEntries: boolean, out: LoadedFile): boolean {
  const file = out.file;
  const forbidden = envelopeForbiddenKey(raw);
  if (forbidden) {
    out.problems.push({ file, path: path(forbidden), vi: FORBIDDEN_VI, en: FORBIDDEN_EN });
    return false;
  }
  // zod checks the envelope; the entries, one by one below, are not copied into a second array of 100,000 first.
  const head = fileSchema.safeParse(hasEntries ? { ...(raw as object), entries: [] } : raw);
  if (!head.success) {
    const issue = head.error.issues[0];
    const p = path(issue.path);
    if (p === 'format') out.problems.push({ file, path: p, vi: `phải là "${REGISTRY_FORMAT}"`, en: `must be "${REGISTRY_FORMAT}"` });
    else if (p === 'version') out.problems.push({ file, path: p, vi: `phiên bản ${REGISTRY_VERSION} (tệp có phiên bản khác)`, en: `version ${REGISTRY_VERSION} expected` });
    else out.problems.push({ file, path: p, vi: issue.message, en: issue.message });
    // Entries may still be usable when only the envelope is off.
    return hasEntries && p !== 'format' && p !== 'version';
  }
  out.sources = head.data.sources ?? [];
  return hasEntries;
}

/**
 * A strict structural test for the common shape of an entry (known keys,
 * values of their type and form, no evidence): such entries are taken as
 * they are, the others go through zod, which decides and names the field.
 * It accepts nothing the schema refuses (test/unit/registry.test.ts checks
 * that on generated entries); it only spares 100,000 zod parses and copies.
 * Written as a switch over the key and char tests, not Set lookups and a date
 * regex: each of those hashed or scanned a fresh string per field, and this
 * runs over every field of a 100,000-entry file at load.
 */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ISO_DATE (YYYY-MM-DD, month 01–12, day 01–31) by char codes; test/unit/registry.test.ts holds it to the regex. */
export function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 10) return false;
  if (!isAsciiDigit(v.charCodeAt(0)) || !isAsciiDigit(v.charCodeAt(1)) || !isAsciiDigit(v.charCodeAt(2)) || !isAsciiDigit(v.charCodeAt(3))) return false;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  return isMonthDay(v.charCodeAt(5), v.charCodeAt(6), v.charCodeAt(8), v.charCodeAt(9));
}

/** The char codes of MM and DD in an ISO date: month 01–12, day 01–31 (also the byte scan's test, load-bytes.ts). */
export function isMonthDay(m0: number, m1: number, d0: number, d1: number): boolean {
  if (!isAsciiDigit(m1) || !isAsciiDigit(d1)) return false;
  // Month 01–09 or 10–12; day 01–09, 10–29 or 30–31.
  if (m0 === 48 ? m1 === 48 : m0 !== 49 || m1 > 50) return false;
  return d0 === 48 ? d1 !== 48 : d0 === 49 || d0 === 50 || (d0 === 51 && d1 <= 49);
}

/** The status of each length: no two STATUSES have the same length (test/unit/registry.test.ts holds that). */
const STATUS_OF_LENGTH: (string | undefined)[] = [];
for (const s of STATUSES) STATUS_OF_LENGTH[s.length] = s;

/**
 * A value of STATUSES: compared with the one status of its length, not hashed
 * (a file's status strings are fresh, not interned: JSON.parse interns only
 * values of up to 10 chars) nor compared with each status in turn.
 */
function isStatus(v: unknown): boolean {
  return typeof v === 'string' && v === STATUS_OF_LENGTH[v.length];
}

function isRelationKind(v: unknown): boolean {
  for (let i = 0; i < RELATION_KINDS.length; i++) if (v === RELATION_KINDS[i]) return true;
  return false;
}

const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const isName = (v: unknown, max: number) => typeof v === 'string' && v.length >= 1 && v.length <= max;

function plainSrc(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 16) return false;
  for (const p of v) {
    if (!Array.isArray(p) || p.length !== 2 || !Number.isInteger(p[0]) || p[0] < 0 || !Number.isInteger(p[1]) || p[1] < 1) return false;
  }
  return true;
}

function plainRelation(r: unknown): boolean {
  if (!isObject(r)) return false;
  let named = false;
  let kind = false;
  for (const k in r) {
    const v = r[k];
    switch (k) {
      case 'kind':
        if (!isRelationKind(v)) return false;
        kind = true;
        break;
      case 'number':
        if (!isName(v, 400)) return false;
        named = true;
        break;
      case 'date':
        if (!isIsoDate(v)) return false;
        break;
      case 'partial':
        if (typeof v !== 'boolean') return false;
        break;
      case 'src':
        if (!plainSrc(v)) return false;
        break;
      default:
        return false;
    }
  }
  return named && kind;
}

export function plainEntry(e: unknown): e is EntryData {
  if (!isObject(e)) return false;
  let named = false;
  // for-in meets own keys first and then enumerable inherited ones; a key not listed here ("constructor",
  // "__proto__", evidence, unknown keys) leaves the entry to zod, which decides and names it.
  for (const k in e) {
    const v = e[k];
    switch (k) {
      case 'number':
        if (!isName(v, 120)) return false;
        named = true;
        break;
      case 'name':
        if (!isName(v, 400)) return false;
        named = true;
        break;
      case 'type':
        if (!isText(v, 60)) return false;
        break;
      case 'issuer':
        if (!isText(v, 300)) return false;
        break;
      case 'title':
        if (!isText(v, 2000)) return false;
        break;
      case 'dateIssued':
      case 'dateEffective':
      case 'statusDate':
        if (!isIsoDate(v)) return false;
        break;
      case 'status':
        if (!isStatus(v)) return false;
        break;
      case 'relations':
        if (!Array.isArray(v) || v.length > 500) return false;
        for (let i = 0; i < v.length; i++) if (!plainRelation(v[i])) return false;
        break;
      default:
        return false;
    }
  }
  return named;
}

function readEntries(entries: readonly unknown[], out: LoadedFile): void {
  // Up to the first entry that is not plain, the parsed array is taken as it is (no copy of 100,000 items).
  let i = 0;
  while (i < entries.length && plainEntry(entries[i])) i++;
  out.entries = (i === entries.length ? entries : entries.slice(0, i)) as EntryData[];
  for (; i < entries.length; i++) readEntry(entries[i], i, out);
}

/** Entry `i` of the file, parsed: into `out.entries` when valid, else its problem into `out.problems`. */
export function readEntry(e: unknown, i: number, out: LoadedFile): void {
  if (plainEntry(e)) {
    out.entries.push(e);
    return;
  }
  // The plain shape admits no key but its own: only the other entries are walked for a forbidden one.
  const [bad] = findHostileKeys(e, { limit: 1 });
  if (bad) {
    report(out, { file: out.file, path: path(['entries', i, ...bad.path]), vi: `${FORBIDDEN_VI} (mục bị bỏ qua)`, en: `${FORBIDDEN_EN} (entry skipped)` });
    return;
  }
  const r = entrySchema.safeParse(e);
  if (r.success) {
    out.entries.push(r.data);
    return;
  }
  const issue = r.error.issues[0];
  const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
  const p = path(['entries', i, ...issue.path, ...keys.slice(0, 1)]);
  const vi = keys.length ? 'khoá không được hỗ trợ' : issue.message;
  const en = keys.length ? 'unknown key' : issue.message;
  report(out, { file: out.file, path: p, vi: `${vi} (mục bị bỏ qua)`, en: `${en} (entry skipped)` });
}

/** One line per bad entry; a file with many gets them counted, not listed. */
function report(out: LoadedFile, problem: RegistryProblem): void {
  if (out.problems.length < 20) out.problems.push(problem);
  else if (out.problems.length === 20) out.problems.push({ file: out.file, path: 'entries', vi: 'còn nữa: các mục sai khác bị bỏ qua', en: 'more: other bad entries skipped' });
}
