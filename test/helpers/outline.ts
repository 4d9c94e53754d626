/**
 * A compact, line-per-node rendering of a parse tree for golden files and
 * readable assertions: `kind number «title» @line-line`.
 */
import type { Node } from '../../language-server/src/core/syntax/tree.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';

export function renderOutline(tree: Node, original: string, opts: { cells?: boolean } = {}): string {
  const idx = createLineIndex(original);
  const out: string[] = [];
  const line = (o: number) => idx.positionAt(o).line + 1;
  const visit = (n: Node, depth: number) => {
    if (n.kind === 'cell' && !opts.cells) return;
    const parts: string[] = [n.kind];
    if (n.number !== undefined) parts.push(n.number);
    if (n.group) parts.push('(nhóm)');
    if (n.column !== undefined) parts.push(`[cột ${n.column + 1}]`);
    if (n.title) parts.push(`«${short(n.title)}»`);
    if (n.header) {
      for (const [k, v] of Object.entries(n.header)) if (v) parts.push(`${k}=«${short((v as { text: string }).text)}»`);
    }
    if (n.lines) parts.push(`lines=${n.lines.length}`);
    if (n.enactment) parts.push(`enactment=«${n.enactment.text}»`);
    if (n.issuedWith) parts.push(`issuedWith=«${short(n.issuedWith.text)}»`);
    if (n.columns) parts.push(`columns=${JSON.stringify(n.columns)}`);
    parts.push(`@${line(n.range.start)}-${line(n.range.end)}`);
    if (n.kind !== 'document') out.push('  '.repeat(depth - 1) + parts.join(' '));
    for (const c of n.children) visit(c, depth + 1);
  };
  visit(tree, 0);
  return out.join('\n') + '\n';
}

function short(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
