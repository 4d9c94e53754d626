/**
 * Internal references:
 *  - reference/unresolved: a unit named that does not exist where the reference points;
 *  - reference/ambiguous: a bare "khoản 2" that could hang from several units;
 *  - reference/phu-luc-unreferenced: a Phụ lục nothing refers to, or "Phụ lục kèm theo" with none attached;
 *  - reference/self-scope: "… của Kế hoạch này" said where the text holds no Kế hoạch.
 * External references and quoted amendment text are never reported here.
 * All four read the per-parse cache of resolved references (`referencesOf`).
 */
import { defineRule, type AnyRule } from './rule.ts';
import { formatExisting, KIND_WORD, referencesOf, sameLabel, unitName, type ChainResolution, type Missing, type Resolution } from '../references/index.ts';
import type { Node } from '../syntax/tree.ts';
import { hasAncestor, nodeIndex } from '../syntax/node-index.ts';

interface UnresolvedArgs {
  scopeVi: string;
  scopeEn: string;
  missing: Missing;
}

const PLURAL_VI = (m: Missing) => `${m.existing.length > 1 ? 'các ' : ''}${KIND_WORD[m.kind]} ${formatExisting(m)}`;

/** "Phụ lục kèm theo" with no Phụ lục at all: reference/phu-luc-unreferenced says so, not reference/unresolved. */
function attachedWithoutPhuLuc(c: ChainResolution): boolean {
  const top = c.chain.parts[c.chain.parts.length - 1];
  return !!c.missing && top.kind === 'phu-luc' && !!top.attached;
}

/**
 * The Phụ lục an amending instruction or quoted amendment names by label: an
 * amending decree attaches the new forms its quoted text points to
 * ("… theo mẫu tại Phụ lục V ban hành kèm theo Nghị định này").
 */
function namedInAmendment(r: Resolution, all: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const ch of r.reference.chains) {
    for (const p of ch.parts) {
      if (p.kind !== 'phu-luc') continue;
      if (p.attached) out.push(...all);
      else out.push(...all.filter((n) => n.number !== undefined && p.numbers.some((x) => sameLabel('phu-luc', x, n.number!))));
    }
  }
  return out;
}

export const unresolvedRule = defineRule<UnresolvedArgs>({
  code: 'reference/unresolved',
  severity: 'error',
  description: {
    vi: 'Dẫn chiếu đến điểm, khoản, Điều, mục, Phụ lục… không có trong văn bản.',
    en: 'A reference to a điểm, khoản, Điều, mục, Phụ lục… that does not exist in the document.',
  },
  message: {
    vi: ({ scopeVi, missing: m }) => {
      const where = m.parent ?? scopeVi;
      const tail = m.existing.length > 0 ? `; ${where} có ${PLURAL_VI(m)}` : m.parent ? `; ${where} không có ${KIND_WORD[m.kind]} nào` : '';
      return `${scopeVi} không có ${m.looked}${tail}`;
    },
    en: ({ scopeEn, missing: m }) => {
      const where = m.parent ?? scopeEn;
      const tail = m.existing.length > 0 ? `; ${where} has ${KIND_WORD[m.kind]} ${formatExisting(m)}` : m.parent ? `; ${where} has no ${KIND_WORD[m.kind]}` : '';
      return `${scopeEn[0].toUpperCase()}${scopeEn.slice(1)} has no ${m.looked}${tail}`;
    },
  },
  check(ctx, report) {
    // Index loops over the resolutions in these checks: each runs once per check (not optimised), and
    // `for…of` made an iterator result per step of a law's hundreds of references.
    const resolutions = referencesOf(ctx.parse);
    for (let i = 0; i < resolutions.length; i++) {
      const r = resolutions[i];
      // A wrong scope word is reported once, by reference/self-scope.
      if (r.status !== 'unresolved' || r.scopeMismatch) continue;
      for (const c of r.chains) {
        if (!c.missing || attachedWithoutPhuLuc(c)) continue;
        report({ range: c.chain.location, args: { scopeVi: r.scope.vi, scopeEn: r.scope.en, missing: c.missing } });
      }
    }
  },
});

interface AmbiguousArgs {
  text: string;
  /** The units it could hang from, by name ("Điều 3", "khoản 1 Điều 4"). */
  candidates: string[];
}

/** The first few names of a list: "khoản 1 Điều 3, khoản 1 Điều 4, khoản 1 Điều 5, …". */
const few = (names: string[]) => (names.length > 4 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', '));

export const ambiguousRule = defineRule<AmbiguousArgs>({
  code: 'reference/ambiguous',
  severity: 'warning',
  description: {
    vi: 'Dẫn chiếu có thể hiểu là đơn vị ở nhiều phần của văn bản (ví dụ "khoản 2" viết ngoài mọi Điều).',
    en: 'A reference that could mean units in several parts of the document (e.g. "khoản 2" outside any Điều).',
  },
  message: {
    vi: ({ text, candidates }) => `"${text}" có thể thuộc ${candidates.length} đơn vị khác nhau (${few(candidates)}); hãy ghi rõ Điều hoặc mục`,
    en: ({ text, candidates }) => `"${text}" could belong to ${candidates.length} different units (${few(candidates)}); name the Điều or mục`,
  },
  check(ctx, report) {
    const resolutions = referencesOf(ctx.parse);
    for (let i = 0; i < resolutions.length; i++) {
      const r = resolutions[i];
      if (r.status !== 'ambiguous') continue;
      for (const c of r.chains) {
        if (!c.candidates) continue;
        const text = ctx.original.slice(c.chain.location.start, c.chain.location.end).replace(/\s+/g, ' ');
        report({ range: c.chain.location, args: { text, candidates: c.candidates.map((id) => unitName(ctx.parse, id)) } });
      }
    }
  },
});

type PhuLucArgs =
  /** A Phụ lục nothing refers to; `referenced` lists the labels of those that are. */
  | { problem: 'unreferenced'; label: string; referenced: string[] }
  /** "Phụ lục kèm theo" in a text with no Phụ lục. */
  | { problem: 'none-attached'; text: string };

const phuLucName = (label: string) => (label ? `Phụ lục ${label}` : 'Phụ lục');

export const phuLucUnreferencedRule = defineRule<PhuLucArgs>({
  code: 'reference/phu-luc-unreferenced',
  severity: 'warning',
  description: {
    vi: 'Phụ lục không được dẫn chiếu ở đâu trong văn bản, hoặc văn bản nhắc "Phụ lục kèm theo" mà không có phụ lục nào.',
    en: 'A Phụ lục (appendix) nothing in the document refers to, or "Phụ lục kèm theo" with no appendix attached.',
  },
  message: {
    vi: (a) =>
      a.problem === 'none-attached'
        ? `Văn bản nhắc “${a.text}” nhưng không có phụ lục nào kèm theo`
        : `${phuLucName(a.label)} không được dẫn chiếu ở đâu trong văn bản${a.referenced.length ? ` (văn bản chỉ dẫn chiếu ${a.referenced.map(phuLucName).join(', ')})` : ''}; nên ghi rõ, ví dụ “… tại ${phuLucName(a.label)} kèm theo …”`,
    en: (a) =>
      a.problem === 'none-attached'
        ? `The document mentions “${a.text}” but has no appendix attached`
        : `${phuLucName(a.label)} is not referred to anywhere in the document${a.referenced.length ? ` (the document only refers to ${a.referenced.map(phuLucName).join(', ')})` : ''}; refer to it, e.g. “… tại ${phuLucName(a.label)} kèm theo …”`,
  },
  check(ctx, report) {
    // Phụ lục not inside quoted text or a table, from the per-parse node index (no walk of our own).
    const index = nodeIndex(ctx.tree);
    const all: Node[] = [];
    for (const i of index.ofKind('phu-luc')) if (!hasAncestor(index, i, (k) => k === 'quote' || k === 'table')) all.push(index.nodes[i]);
    const referenced = new Set<string>();
    const resolutions = referencesOf(ctx.parse);
    // Without a Phụ lục nothing can be referenced: what is left to find is "Phụ lục kèm theo" with none
    // attached, a chain that missed — only an unresolved reference has one (not every part of every reference).
    const none = all.length === 0;
    for (let i = 0; i < resolutions.length; i++) {
      const r = resolutions[i];
      if (none && r.status !== 'unresolved') continue;
      if (r.status === 'amended') for (const n of namedInAmendment(r, all)) referenced.add(n.id);
      for (let j = 0; j < r.chains.length; j++) {
        const c = r.chains[j];
        // Lower-case "phụ lục kèm theo" is also the common noun ("hợp đồng có thể có phụ lục kèm theo").
        if (attachedWithoutPhuLuc(c) && ctx.original.startsWith('P', c.chain.location.start)) {
          const at = r.reference.range;
          report({ range: at, args: { problem: 'none-attached', text: ctx.original.slice(at.start, at.end).replace(/\s+/g, ' ') } });
        }
        if (none) continue;
        for (let k = 0; k < c.parts.length; k++) {
          const p = c.parts[k];
          if (p?.part.kind !== 'phu-luc') continue;
          // A Phụ lục that names itself (its own forms, "Phụ lục này") does not count.
          for (const id of p.ids) if (!inside(all.find((x) => x.id === id), r.reference.range.start)) referenced.add(id);
        }
      }
    }
    for (const id of formsNamedOutside(ctx.original, all)) referenced.add(id);
    const labels = all.filter((p) => referenced.has(p.id)).map((p) => p.number ?? '');
    for (const p of all) {
      if (referenced.has(p.id) || isCoverHeading(p, all)) continue;
      report({ range: p.labelRange ?? p.range, args: { problem: 'unreferenced', label: p.number ?? '', referenced: labels } });
    }
  },
});

function inside(n: Node | undefined, offset: number): boolean {
  return !!n && n.range.start <= offset && offset < n.range.end;
}

/** "Mẫu số 04a" (sticky: tried only where its "ẫu" stands, see `forms`). */
const FORM = /(?<![\p{L}])[Mm]ẫu(?:[ \t]+số)?[ \t]*0*(\d{1,3}[a-zđ]?)(?![\p{L}\p{N}])/uy;

/**
 * The form numbers written in `text` and where: FORM's matches as a global scan gives them. Every match
 * holds "ẫu" right after its first letter, and only there: the native search jumps from one "ẫu" to the next
 * instead of a regex tried at every "m" of a law.
 */
function forms(text: string): { at: number; number: string }[] {
  const out: { at: number; number: string }[] = [];
  for (let i = text.indexOf('ẫu', 1); i >= 0; i = text.indexOf('ẫu', i + 1)) {
    FORM.lastIndex = i - 1;
    const m = FORM.exec(text);
    if (m) out.push({ at: i - 1, number: m[1] });
  }
  return out;
}

/**
 * Phụ lục of forms the text points to by form number: "theo Mẫu số 04a"
 * written outside the Phụ lục and "Mẫu số 04a" inside it.
 */
function formsNamedOutside(original: string, all: readonly Node[]): string[] {
  if (all.length === 0) return [];
  const outside = new Set<string>();
  for (const m of forms(original)) if (!all.some((p) => inside(p, m.at))) outside.add(m.number);
  if (outside.size === 0) return [];
  return all
    .filter((p) => forms(original.slice(p.range.start, p.range.end)).some((m) => outside.has(m.number)))
    .map((p) => p.id);
}

/** "PHỤ LỤC (Ban hành kèm theo Luật …)" over "PHỤ LỤC I", "PHỤ LỤC II": a cover heading, not an appendix of its own. */
function isCoverHeading(p: Node, all: readonly Node[]): boolean {
  return p.number === undefined && p.children.length === 0 && all.some((q) => q !== p && q.number !== undefined);
}

interface SelfScopeArgs {
  text: string;
  said: string;
  documents: string[];
}

export const selfScopeRule = defineRule<SelfScopeArgs>({
  code: 'reference/self-scope',
  severity: 'warning',
  description: {
    vi: 'Dẫn chiếu "… của Quyết định này", "… Kế hoạch này" viết ở nơi văn bản đó không tồn tại.',
    en: 'A reference "… của Quyết định này" / "… Kế hoạch này" (of this Decision / Plan) where no such document exists.',
  },
  message: {
    vi: ({ text, said, documents }) =>
      `“${text}”: văn bản không có ${said} nào${documents.length ? ` (văn bản là ${documents[0]}${documents.length > 1 ? `, kèm theo ${documents.slice(1).join(', ')}` : ''})` : ''}`,
    en: ({ text, said, documents }) =>
      `“${text}”: the text holds no ${said}${documents.length ? ` (it is a ${documents[0]}${documents.length > 1 ? ` with ${documents.slice(1).join(', ')} attached` : ''})` : ''}`,
  },
  check(ctx, report) {
    const resolutions = referencesOf(ctx.parse);
    for (let i = 0; i < resolutions.length; i++) {
      const r = resolutions[i];
      if (!r.scopeMismatch) continue;
      const at = r.reference.range;
      report({ range: at, args: { text: ctx.original.slice(at.start, at.end).replace(/\s+/g, ' '), ...r.scopeMismatch } });
    }
  },
});

export const referenceRules: readonly AnyRule[] = [unresolvedRule, ambiguousRule, phuLucUnreferencedRule, selfScopeRule];
