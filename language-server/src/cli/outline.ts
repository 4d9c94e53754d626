/** `vanban outline [options] PATH` */
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { parseDocument } from '../core/syntax/parse.ts';
import type { Document, Node, NodeKind } from '../core/syntax/tree.ts';
import { createLineIndex, type LineIndex } from '../core/text/positions.ts';
import type { Options } from './args.ts';
import type { Io } from './check.ts';
import { formatDiagnosticLine, oneLine, t, toJsonRange, type JsonRange } from './format.ts';
import { expandInputs, readInput, UsageError } from './input.ts';
import { KIND_LABELS } from '../core/language-service/tree.ts';
import { unreadable } from './check.ts';

export interface OutlineNode {
  kind: NodeKind;
  number?: string;
  title?: string;
  range: JsonRange;
  /** `document` only. */
  docType?: string;
  header?: Record<string, unknown>;
  signature?: Record<string, unknown>;
  children: OutlineNode[];
}

export async function runOutline(o: Options, io: Io): Promise<number> {
  const lang = o.lang;
  if (o.format === 'sarif') throw new UsageError(t(lang, 'outline chỉ in dạng text hoặc json', 'outline prints text or json only'));
  if (o.fix || o.stdout) throw new UsageError(t(lang, '--fix/--stdout chỉ dùng với check', '--fix/--stdout belong to check'));
  if (o.paths.length !== 1) throw new UsageError(t(lang, 'outline cần đúng một PATH (tệp hoặc -)', 'outline takes exactly one PATH (file or -)'));
  const { inputs } = await expandInputs(o.paths, lang);
  if (inputs.length !== 1 || (inputs[0].fsPath !== undefined && inputs[0].fsPath !== o.paths[0])) {
    throw new UsageError(t(lang, 'outline cần một tệp, không phải thư mục', 'outline takes a file, not a folder'));
  }
  const ref = inputs[0];
  const read = await readInput(ref, lang, io.stdin);
  if (!read.ok) {
    io.err(formatDiagnosticLine(ref.display, unreadable(read.message)) + '\n');
    return 1;
  }
  const text = read.text;
  const { tree } = parseDocument(text);
  const index = createLineIndex(text);
  if (o.format === 'json') {
    io.out(JSON.stringify(toOutline(tree, index, text), null, 2) + '\n');
  } else {
    const lines: string[] = [];
    writeText(tree, index, lang, 0, lines);
    io.out(lines.join('\n') + '\n');
  }
  return 0;
}

/** The outline contract of ../shared/spec/cli.md: internal fields dropped, offsets as line/character. */
export function toOutline(node: Node, index: LineIndex, original: string): OutlineNode {
  // Keys in a fixed order: kind, number, title, docType, range, header/signature, children.
  const out = { kind: node.kind } as OutlineNode;
  if (node.number !== undefined) out.number = node.number;
  const title = node.kind === 'cell' ? (node.title ?? oneLine(original.slice(node.range.start, node.range.end), Infinity)) : node.title;
  if (title !== undefined) out.title = title;
  if (node.kind === 'document') out.docType = (node as Document).docType;
  out.range = toJsonRange(index, node.range);
  if (node.kind === 'header' && node.header) out.header = convertFields(node.header, index) as Record<string, unknown>;
  if (node.kind === 'chu-ky' && node.signature) out.signature = convertFields(node.signature, index) as Record<string, unknown>;
  out.children = node.children.map((c) => toOutline(c, index, original));
  return out;
}

/** Copies plain fields, turning every `{start, end}` offset range into line/character. */
function convertFields(value: unknown, index: LineIndex): unknown {
  if (Array.isArray(value)) return value.map((v) => convertFields(v, index));
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.start === 'number' && typeof v.end === 'number' && Object.keys(v).length === 2) {
    return toJsonRange(index, { start: v.start, end: v.end });
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = convertFields(x, index);
  return out;
}

/** One line per node: `Điều 3 — Tổ chức thực hiện (dòng 41)`, two spaces per level. */
function writeText(node: Node, index: LineIndex, lang: Lang, depth: number, lines: string[]): void {
  const [vi, en] = KIND_LABELS[node.kind] ?? [node.kind, node.kind];
  let label = t(lang, vi, en);
  if (node.kind === 'document') label += ` (${(node as Document).docType})`;
  if (node.number !== undefined) label += ` ${node.number}`;
  const title = node.title ?? (node.kind === 'chu-ky' ? node.signature?.name?.text : undefined);
  if (title) label += ` — ${oneLine(title)}`;
  const line = index.positionAt(node.range.start).line + 1;
  lines.push(`${'  '.repeat(depth)}${label} (${t(lang, 'dòng', 'line')} ${line})`);
  for (const c of node.children) writeText(c, index, lang, depth + 1, lines);
}
