// The registry at scale: a generated file of 100,000 entries (realistic fields: number, type, issuer,
// trích yếu, dates, status, a relation for one in three, evidence with provenance for one in ten)
// is read as a user's --registry file would be (JSON text → per-entry zod validation → indexes),
// and number lookups are timed. Used by run.mjs; the figures are medians of a few rounds.
const TYPES = [['NĐ-CP', 'Nghị định', 'Chính phủ'], ['TT-BTC', 'Thông tư', 'Bộ Tài chính'], ['QĐ-TTg', 'Quyết định', 'Thủ tướng Chính phủ'], ['TT-BNV', 'Thông tư', 'Bộ Nội vụ']];

export function generatedRegistryText(n = 100_000) {
  const entries = [];
  for (let i = 0; i < n; i++) {
    const [code, type, issuer] = TYPES[i % TYPES.length];
    const year = 2000 + (i % 26);
    const number = `${(i >> 2) % 9999 + 1}/${year}/${code}`;
    const e = {
      number,
      type,
      issuer,
      title: `quy định chi tiết một số điều và biện pháp thi hành Luật số ${i % 97}/${year}/QH15 về lĩnh vực ${i % 113}`,
      dateIssued: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      status: i % 5 === 0 ? 'het-hieu-luc-toan-bo' : 'con-hieu-luc',
    };
    if (i % 3 === 0) e.relations = [{ kind: 'amended-by', number: `${(i % 500) + 1}/${year + 1}/${code}`, src: [[i % 400, (i % 900) + 1]] }];
    if (i % 10 === 0) e.evidence = { dateIssued: [{ value: e.dateIssued, count: 3, src: [[i % 400, 12], [(i + 7) % 400, 40]] }] };
    entries.push(e);
  }
  const sources = Array.from({ length: 400 }, (_, k) => `corpus/doc-${k}.txt`);
  return { text: JSON.stringify({ format: 'vanban-registry', version: 1, sources, entries }), numbers: entries.map((e) => e.number) };
}

/** { registry_100k_load_ms, registry_lookup_us, registry_100k_entries, registry_100k_bytes } */
export function benchRegistry(core, rounds = 5) {
  const { parseRegistryText, createRegistry } = core;
  const { text, numbers } = generatedRegistryText();
  const loads = [];
  const cpu = [];
  let registry;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const file = parseRegistryText(text, 'generated.json');
    registry = createRegistry([{ origin: 'file', name: 'generated.json', file }]);
    loads.push(performance.now() - t0);
    // CPU time of this process: what the load costs when the machine is shared (wall time then includes waiting).
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const lookups = [];
  let found = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) found += registry.lookupNumber(numbers[(i * 7919) % numbers.length]).length;
    lookups.push(((performance.now() - t0) * 1000) / 100_000);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return {
    registry_100k_load_ms: Math.round(median(loads)),
    registry_100k_load_cpu_ms: Math.round(median(cpu)),
    registry_lookup_us: Math.round(median(lookups) * 100) / 100,
    registry_100k_entries: registry.size,
    registry_100k_bytes: text.length,
    registry_lookups_found: found > 0,
  };
}
