/**
 * Inlay hints: after a bare "Điều 3" that points at a Điều of this document,
 * the title of that Điều ("Điều 3 ‹Tổ chức thực hiện›"), so a reader does not
 * have to scroll. Only single-Điều references get one: lists and ranges would
 * need several titles and read worse.
 */
import type { Resolution } from '../references/index.ts';
import type { Node, Range } from '../syntax/tree.ts';
import { oneLine } from './tree.ts';

export interface InlayHintData {
  /** Where the hint is shown (right after the reference's chain). */
  offset: number;
  label: string;
  /** The Điều it names, for a tooltip. */
  targetId: string;
}

const TITLE_MAX = 60;

export function inlayHints(references: readonly Resolution[], node: (id: string) => Node | undefined, range: Range): InlayHintData[] {
  const out: InlayHintData[] = [];
  for (const r of references) {
    if (r.status !== 'resolved' || r.chains.length !== 1) continue;
    const chain = r.chains[0].chain;
    if (chain.location.end < range.start || chain.location.start > range.end) continue;
    const part = chain.parts[0];
    if (chain.parts.length !== 1 || part.kind !== 'dieu' || part.numbers.length !== 1 || part.range || part.relative) continue;
    const target = r.targets.length === 1 ? node(r.targets[0]) : undefined;
    if (!target || target.kind !== 'dieu' || !target.title) continue;
    out.push({ offset: chain.location.end, label: oneLine(target.title, TITLE_MAX), targetId: target.id });
  }
  return out;
}
