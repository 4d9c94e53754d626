/**
 * Loading a generated registry file of 100,000 entries (the legal-document
 * registry of issue 5): read, JSON-parse, validate, index — the work the CLI
 * and the server do for `--registry FILE` / the registry setting.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prng } from './generate.ts';
import { median, missing, round, type Measured } from './stats.ts';

const ENTRIES = 100_000;
const TYPES: [string, string, string][] = [
  ['Nghị định', 'NĐ-CP', 'Chính phủ'],
  ['Thông tư', 'TT-BNV', 'Bộ Nội vụ'],
  ['Quyết định', 'QĐ-TTg', 'Thủ tướng Chính phủ'],
  ['Nghị quyết', 'NQ-CP', 'Chính phủ'],
  ['Thông tư', 'TT-BTC', 'Bộ Tài chính'],
  ['Quyết định', 'QĐ-UBND', 'Ủy ban nhân dân tỉnh Điện Biên'],
];
const STATUSES = ['con-hieu-luc', 'het-hieu-luc-toan-bo', 'het-hieu-luc-mot-phan'];

/** A registry file in the format of core/registry/schema.ts, seeded. */
export function generateRegistry(entries = ENTRIES, seed = 5): string {
  const rnd = prng(seed);
  const list = [];
  for (let i = 0; i < entries; i++) {
    const [type, code, issuer] = TYPES[i % TYPES.length];
    const year = 1995 + Math.floor(rnd() * 31);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    const n = Math.floor(i / TYPES.length) + 1;
    const entry: Record<string, unknown> = {
      number: year >= 2001 ? `${n}/${year}/${code}` : `${n}/${code}`,
      type,
      issuer,
      title: `quy định chi tiết một số điều về quản lý số ${n} năm ${year}`,
      dateIssued: `${year}-${month}-${day}`,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
    };
    if (i > 10 && rnd() < 0.2) entry.relations = [{ kind: 'amended-by', number: `${n + 1}/${Math.min(2025, year + 1)}/${code}` }];
    list.push(entry);
  }
  return JSON.stringify({ format: 'vanban-registry', version: 1, generated: { by: 'vanban bench', documents: entries }, sources: [], entries: list });
}

interface RegistryApi {
  parseRegistryText(text: string, file: string): { entries: unknown[]; problems: unknown[] };
  /** The CLI's and the server's path since session 15 (a build before it has only the text path). */
  parseRegistryBytes?(bytes: Uint8Array, file: string): { entries: unknown[]; problems: unknown[] };
  createRegistry(layers: readonly unknown[]): { lookupNumber(number: string): readonly unknown[] };
}

function registryApi(core: object): RegistryApi | undefined {
  const c = core as Partial<RegistryApi>;
  return typeof c.parseRegistryText === 'function' && typeof c.createRegistry === 'function' ? (c as RegistryApi) : undefined;
}

export function measureRegistry(core: object, runs = 5): { registry_100k_load_ms: Measured; details: Record<string, unknown> } {
  const api = registryApi(core);
  if (!api) return { registry_100k_load_ms: missing('the legal-document registry (issue 5) is not in this build: dist/core.js exports no parseRegistryText/createRegistry'), details: {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-registry-'));
  try {
    const file = path.join(dir, 'registry-100k.json');
    writeFileSync(file, generateRegistry());
    const times: number[] = [];
    const cpu: number[] = [];
    // Fresh pages the load asks of the kernel: on the shared VM one costs 1.4–10 µs as the host's phases go, and
    // a load takes 18,000–35,000 of them (the 24 MB buffer, the 42 MB string, the heap's growth), so a sample's
    // count beside its time tells a slow machine from slow code (scripts/perf/registry-load.mjs has the phases).
    const faults: number[] = [];
    let loaded = 0;
    let problems = 0;
    let registry: ReturnType<RegistryApi['createRegistry']> | undefined;
    for (let i = 0; i < runs; i++) {
      const f0 = process.resourceUsage().minorPageFault;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      // What the CLI and the server do: the bytes, read by the core (entries parsed when first used). A build
      // without parseRegistryBytes: bytes, then one decode, as the CLI's readFile(file, 'utf8') did (Node 20's
      // readFileSync(file, 'utf8') takes another path, ~25 ms slower on this 24 MB file).
      const parsed = api.parseRegistryBytes ? api.parseRegistryBytes(readFileSync(file), file) : api.parseRegistryText(readFileSync(file).toString('utf8'), file);
      registry = api.createRegistry([{ origin: 'file', name: file, file: parsed }]);
      times.push(performance.now() - t0);
      // CPU time beside wall time: on a shared machine the wall time counts the other processes too (GC threads count here).
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      faults.push(process.resourceUsage().minorPageFault - f0);
      loaded = parsed.entries.length;
      problems = parsed.problems.length;
    }
    if (loaded !== ENTRIES) return { registry_100k_load_ms: missing(`the generated registry loaded ${loaded} of ${ENTRIES} entries (${problems} problems): format changed?`), details: {} };
    // A lookup must take microseconds (issue 5): 100,000 lookups of numbers spread over the file.
    const numbers = (JSON.parse(readFileSync(file, 'utf8')) as { entries: { number: string }[] }).entries.map((e) => e.number);
    const lookups: number[] = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      for (let i = 0; i < numbers.length; i++) found += registry!.lookupNumber(numbers[(i * 7919) % numbers.length]).length;
      lookups.push(((performance.now() - t0) * 1000) / numbers.length);
    }
    if (found === 0) return { registry_100k_load_ms: missing('no generated number was found by lookupNumber: lookup changed?'), details: {} };
    return { registry_100k_load_ms: { value: round(median(times), 1) }, details: { entries: loaded, samples_ms: times.map((t) => round(t, 1)), cpu_ms: round(median(cpu), 1), page_faults: faults, lookup_us: round(median(lookups), 2) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
