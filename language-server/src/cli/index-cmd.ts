/** `vanban index [options] DIR...`: a registry file built from a corpus of documents. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RegistryBuilder, type RegistryFileData } from '../core/registry/index.ts';
import { parseDocument } from '../core/syntax/parse.ts';
import type { Options } from './args.ts';
import type { Io } from './check.ts';
import { t } from './format.ts';
import { expandInputs, readInput, UsageError } from './input.ts';

/** Pretty enough to review in a diff: one entry per line. */
export function formatRegistry(data: RegistryFileData): string {
  const { entries, sources, ...head } = data;
  const lines = ['{'];
  for (const [k, v] of Object.entries(head)) lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push(`  "sources": [\n${(sources ?? []).map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ],`);
  lines.push(`  "entries": [\n${entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}\n  ]`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

export async function runIndex(o: Options, io: Io, progressEvery = 25): Promise<number> {
  const lang = o.lang;
  if (o.paths.length === 0) throw new UsageError(t(lang, 'index cần ít nhất một thư mục', 'index needs at least one folder'));
  if (o.paths.includes('-')) throw new UsageError(t(lang, 'index đọc thư mục, không đọc stdin', 'index reads folders, not stdin'));
  const builder = new RegistryBuilder();
  let done = 0;
  let unreadable = 0;
  for (const dir of o.paths) {
    const { inputs, notes } = await expandInputs([dir], lang);
    for (const n of notes) io.err(n + '\n');
    // Provenance names documents relative to the folder given ("real/12_….txt").
    const base = inputs.length === 1 && inputs[0].fsPath === dir ? path.dirname(dir) : dir;
    const prefix = o.paths.length > 1 ? `${path.basename(path.resolve(dir))}/` : '';
    for (const ref of inputs) {
      const read = await readInput(ref, lang, io.stdin);
      done++;
      if (!read.ok) {
        unreadable++;
        io.err(`${ref.display}: ${read.message}\n`);
        continue;
      }
      const name = prefix + path.relative(base, ref.fsPath!).split(path.sep).join('/');
      builder.addDocument(name, parseDocument(read.text));
      if (done % progressEvery === 0) {
        const s = builder.stats;
        io.err(t(lang, `vanban index: ${done}/${inputs.length} tệp, ${s.citations} trích dẫn`, `vanban index: ${done}/${inputs.length} files, ${s.citations} citations`) + '\n');
      }
    }
  }
  const data = builder.build();
  const text = formatRegistry(data);
  // `-o FILE` (as `export` takes it); `-` or nothing: stdout.
  if (o.output && o.output !== '-') {
    await mkdir(path.dirname(path.resolve(o.output)), { recursive: true });
    await writeFile(o.output, text, 'utf8');
  } else io.out(text);
  const s = builder.stats;
  const withBoth = data.entries.filter((e) => e.dateIssued && e.issuer).length;
  io.err(
    t(
      lang,
      `vanban index: ${s.documents} văn bản, ${s.citations} trích dẫn (${s.withDate} có ngày, ${s.evidence} có ngày và cơ quan ban hành), ${data.entries.length} mục (${withBoth} có ngày và cơ quan ban hành), ${s.relations} quan hệ${unreadable ? `, ${unreadable} tệp không đọc được` : ''}${o.output && o.output !== '-' ? ` → ${o.output}` : ''}`,
      `vanban index: ${s.documents} documents, ${s.citations} citations (${s.withDate} with a date, ${s.evidence} with date and issuer), ${data.entries.length} entries (${withBoth} with date and issuer), ${s.relations} relations${unreadable ? `, ${unreadable} unreadable files` : ''}${o.output && o.output !== '-' ? ` → ${o.output}` : ''}`,
    ) + '\n',
  );
  return unreadable > 0 && s.documents === 0 ? 1 : 0;
}
