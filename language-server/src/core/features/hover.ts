/**
 * Hover on an internal reference: the unit it names, with its first lines, so
 * a reader need not scroll; for a broken reference, what was looked for and
 * what exists. Markdown, Vietnamese unless asked for English.
 */
import type { Lang } from '../diagnostics/diagnostic.ts';
import { unitName } from '../references/names.ts';
import { localize } from '../rules/rule.ts';
import { ambiguousRule, selfScopeRule, unresolvedRule } from '../rules/reference.ts';
import type { Node, ParseResult, Range } from '../syntax/tree.ts';
import { focusAt, nodeById } from './focus.ts';

export interface HoverText {
  /** The piece of the reference the hover is for. */
  range: Range;
  markdown: string;
}

/** How many units a hover shows in full, and how much of each. */
const MAX_UNITS = 3;
const MAX_LINES = 4;
const MAX_CHARS = 400;

/**
 * The hover for the internal reference at `offset`, or undefined when the
 * cursor is not on one. Resolved: each unit named (up to three) as a bold
 * name ("điểm a khoản 2 Điều 5") and its first lines quoted. Broken: the
 * reference/unresolved, /ambiguous or /self-scope message. External and
 * amending references say which document they speak of.
 */
export function referenceHover(parse: ParseResult, offset: number, lang: Lang = 'vi'): HoverText | undefined {
  const f = focusAt(parse, offset);
  if (!f || f.on !== 'reference') return undefined;
  const r = f.resolution;
  const say = (vi: string, en: string) => (lang === 'en' ? en : vi);
  if (r.status === 'external') {
    const doc = r.reference.external?.documentText;
    return { range: r.reference.range, markdown: doc ? say(`Dẫn chiếu đến văn bản khác: **${md(doc)}**`, `Reference to another document: **${md(doc)}**`) : say('Dẫn chiếu đến văn bản khác', 'Reference to another document') };
  }
  if (r.status === 'amended') {
    return { range: r.reference.range, markdown: say('Dẫn chiếu trong nội dung sửa đổi, bổ sung: chỉ đơn vị của **văn bản được sửa đổi**, không phải của văn bản này', 'Reference inside amending text: it names a unit of the **amended document**, not of this one') };
  }
  if (r.scopeMismatch) {
    const text = oneLine(parse.source.original.slice(r.reference.range.start, r.reference.range.end));
    return { range: r.reference.range, markdown: md(localize(selfScopeRule.message, { text, ...r.scopeMismatch }, lang)) };
  }
  const chain = f.chain ?? r.chains.find((c) => c.missing || c.candidates);
  if (chain?.missing) {
    return { range: chain.chain.location, markdown: md(localize(unresolvedRule.message, { scopeVi: r.scope.vi, scopeEn: r.scope.en, missing: chain.missing }, lang)) };
  }
  if (chain?.candidates) {
    const text = oneLine(parse.source.original.slice(chain.chain.location.start, chain.chain.location.end));
    return { range: chain.chain.location, markdown: md(localize(ambiguousRule.message, { text, candidates: chain.candidates.map((id) => unitName(parse, id)) }, lang)) };
  }
  const units = f.ids.map((id) => nodeById(parse, id)).filter((n): n is Node => !!n);
  if (units.length === 0) return undefined;
  const blocks = units.slice(0, MAX_UNITS).map((n) => `**${md(unitName(parse, n.id))}**${r.scope.id !== 'body' && r.scope.id !== '' ? ` (${md(lang === 'en' ? r.scope.en : r.scope.vi)})` : ''}\n\n${quote(firstLines(parse.source.original, n))}`);
  if (units.length > MAX_UNITS) blocks.push(say(`… và ${units.length - MAX_UNITS} đơn vị khác`, `… and ${units.length - MAX_UNITS} more`));
  return { range: f.range, markdown: blocks.join('\n\n') };
}

/** The unit's first lines, label included, cut to a few lines. */
function firstLines(original: string, n: Node): string {
  const start = n.labelRange?.start ?? n.range.start;
  const lines = original.slice(start, Math.min(n.range.end, start + MAX_CHARS * 2)).split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
  let out = lines.slice(0, MAX_LINES).join('\n');
  if (out.length > MAX_CHARS) out = out.slice(0, MAX_CHARS - 1) + '…';
  else if (lines.length > MAX_LINES || n.range.end > start + MAX_CHARS * 2) out += '\n…';
  return out;
}

/** A Markdown quote of the lines; "1." and "- " at a line start stay text, not list items. */
function quote(text: string): string {
  return text.split('\n').map((l) => `> ${md(l).replace(/^(\d+)\./u, '$1\\.').replace(/^([-+])/u, '\\$1')}`).join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Markdown-escapes what would change the rendering (emphasis, headings, links, HTML). */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
