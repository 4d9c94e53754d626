/**
 * The căn cứ checks that need to know what each căn cứ cites (type, ký hiệu,
 * issuer), read by the citation parser: can-cu/order (descending legal force,
 * Luật 64/2025/QH15 Điều 4) and can-cu/lower-force (a VBQPPL's căn cứ must be
 * of higher force, ND78 Điều 62). can-cu/not-in-force, which needs the
 * registry, is in citation-registry.ts. The preamble's form (punctuation,
 * enactment line) stays in can-cu.ts.
 */
import { AttachedMemo } from '../attached-memo.ts';
import { FORCE_NAMES } from '../citations/codes.ts';
import { documentForce, forceOfCitation, isNeverVbqppl } from '../citations/force.ts';
import { textCitations, type Citation } from '../citations/index.ts';
import type { Node, ParseResult, Range } from '../syntax/tree.ts';
import { fold, headerNode, isConsolidated, isVbqppl, q, trimRange } from './doc-kind.ts';
import { defineRule, type AnyRule } from './rule.ts';

interface CanCuLine {
  text: string;
  range: Range;
  citations: Citation[];
}

/**
 * canCuLines' answer per parse, with the citation list it was read from: three rules ask for it per check (each
 * line folded and its citations filtered again). A list handed over later (rememberCitations) is read afresh.
 */
const CAN_CU_LINES = new AttachedMemo<ParseResult, { from: readonly Citation[]; lines: CanCuLine[] }>('canCuLines');

/** Each căn cứ line with the citations it holds (amending documents of a chain included). Read-only: rules share it. */
export function canCuLines(parse: ParseResult): CanCuLine[] {
  const pre = parse.tree.children.find((c) => c.kind === 'preamble');
  if (!pre) return [];
  const all = textCitations(parse);
  const hit = CAN_CU_LINES.get(parse);
  if (hit && hit.from === all) return hit.lines;
  const cits = all.filter((c) => c.context === 'can-cu' && !c.self && c.kind !== 'short');
  const original = parse.source.original;
  const lines = pre.children
    .filter((n: Node) => n.kind === 'can-cu')
    .map((n) => {
      const range = trimRange(original, n.range);
      return {
        text: fold(original.slice(range.start, range.end).normalize('NFC')),
        range,
        citations: cits.filter((c) => c.range.start >= n.range.start && c.range.start < n.range.end),
      };
    });
  CAN_CU_LINES.set(parse, { from: all, lines });
  return lines;
}

// ---------------------------------------------------------------------------
// can-cu/order
// ---------------------------------------------------------------------------

export interface OrderArgs {
  line: string;
  level: number;
  previous: string;
  previousLevel: number;
}

export const order = defineRule<OrderArgs>({
  code: 'can-cu/order',
  severity: 'info',
  description: {
    vi: 'Các căn cứ không xếp theo hiệu lực pháp lý giảm dần (Luật 64/2025/QH15 Điều 4)',
    en: 'Căn cứ lines not in descending legal force (Law 64/2025/QH15 Article 4)',
  },
  message: {
    vi: (a) =>
      `Căn cứ ${q(a.line, 60)} (${FORCE_NAMES[a.level].vi}) có hiệu lực pháp lý cao hơn căn cứ đứng trước ${q(a.previous, 40)} (${FORCE_NAMES[a.previousLevel].vi}): nên xếp lên trước (Luật 64/2025/QH15 Điều 4)`,
    en: (a) =>
      `Căn cứ ${q(a.line, 60)} (${FORCE_NAMES[a.level].en}) has higher legal force than the one before it ${q(a.previous, 40)} (${FORCE_NAMES[a.previousLevel].en}): move it up (Law 64/2025/QH15 Article 4)`,
  },
  check(ctx, report) {
    let prev: { line: CanCuLine; level: number } | undefined;
    for (const line of canCuLines(ctx.parse)) {
      // The line's first citation says what it rests on ("Luật … được sửa đổi, bổ sung bởi Luật …" is one basis).
      const first = line.citations[0];
      const level = first ? forceOfCitation(first) : undefined;
      if (level === undefined) continue;
      if (prev && level < prev.level) {
        report({
          range: line.range,
          args: { line: line.text, level, previous: prev.line.text, previousLevel: prev.level },
          related: [{ range: prev.line.range, message: { vi: 'Căn cứ có hiệu lực thấp hơn đứng trước ở đây', en: 'The căn cứ of lower force that comes first' } }],
        });
        continue; // keep comparing with the lower one that stands first
      }
      prev = { line, level };
    }
  },
});

// ---------------------------------------------------------------------------
// can-cu/lower-force
// ---------------------------------------------------------------------------

export interface LowerForceArgs {
  cited: string;
  /** 'lower' | 'equal': by level; 'not-vbqppl': a Chỉ thị, Kế hoạch, Party document… */
  kind: 'lower' | 'equal' | 'not-vbqppl';
  level?: number;
  documentLevel: number;
}

/** How a message names a cited document (built only for a finding: most căn cứ are of higher force). */
const cited = (c: Citation): string => q(`${c.type?.canonical ?? ''} ${c.number?.canonical ?? c.name?.text ?? ''}`, 60);

export const lowerForce = defineRule<LowerForceArgs>({
  code: 'can-cu/lower-force',
  severity: 'warning',
  description: {
    vi: 'Căn cứ của văn bản quy phạm pháp luật là văn bản có hiệu lực pháp lý thấp hơn hoặc ngang bằng, hoặc không phải văn bản quy phạm pháp luật (Nghị định 78/2025/NĐ-CP Điều 62)',
    en: 'A căn cứ of a legal normative document has lower or equal legal force, or is not a legal normative document (Decree 78/2025/NĐ-CP Article 62)',
  },
  message: {
    vi: (a) =>
      a.kind === 'not-vbqppl'
        ? `Căn cứ ${a.cited} không phải là văn bản quy phạm pháp luật: căn cứ ban hành phải là văn bản quy phạm pháp luật có hiệu lực cao hơn (Nghị định 78/2025/NĐ-CP Điều 62)`
        : `Căn cứ ${a.cited} (${FORCE_NAMES[a.level!].vi}) có hiệu lực pháp lý ${a.kind === 'equal' ? 'ngang bằng' : 'thấp hơn'} văn bản này (${FORCE_NAMES[a.documentLevel].vi}): căn cứ ban hành phải có hiệu lực cao hơn (Nghị định 78/2025/NĐ-CP Điều 62)`,
    en: (a) =>
      a.kind === 'not-vbqppl'
        ? `Căn cứ ${a.cited} is not a legal normative document: a căn cứ must be a legal normative document of higher force (Decree 78/2025/NĐ-CP Article 62)`
        : `Căn cứ ${a.cited} (${FORCE_NAMES[a.level!].en}) has ${a.kind === 'equal' ? 'the same' : 'lower'} legal force than this document (${FORCE_NAMES[a.documentLevel].en}): a căn cứ must have higher force (Decree 78/2025/NĐ-CP Article 62)`,
  },
  check(ctx, report) {
    const header = headerNode(ctx.tree)?.header;
    if (!isVbqppl(ctx.tree.docType, header) || isConsolidated(header)) return;
    const documentLevel = documentForce(ctx.tree.docType, header);
    if (documentLevel === undefined) return;
    for (const line of canCuLines(ctx.parse)) {
      for (const c of line.citations) {
        // "Hiến pháp … được sửa đổi, bổ sung theo Nghị quyết số 203/2025/QH15": the amendment is part of its base.
        if (c.amends !== undefined) continue;
        if (isNeverVbqppl(c)) {
          report({ range: c.range, args: { cited: cited(c), kind: 'not-vbqppl', documentLevel } });
          continue;
        }
        const level = forceOfCitation(c);
        if (level === undefined || level < documentLevel) continue;
        report({ range: c.range, args: { cited: cited(c), kind: level === documentLevel ? 'equal' : 'lower', level, documentLevel } });
      }
    }
  },
});

export const canCuCitationRules: readonly AnyRule[] = [order, lowerForce];
