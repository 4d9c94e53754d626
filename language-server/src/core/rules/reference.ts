/**
 * Internal references: reference/unresolved (a unit named that does not
 * exist where the reference points) and reference/ambiguous (a bare "khoản 2"
 * that could hang from several units). External references and quoted
 * amendment text are never reported here.
 */
import { defineRule, type AnyRule } from './rule.ts';
import { findReferences, formatExisting, KIND_WORD, resolveReferences, type Missing } from '../references/index.ts';

interface UnresolvedArgs {
  scopeVi: string;
  scopeEn: string;
  missing: Missing;
}

const PLURAL_VI = (m: Missing) => `${m.existing.length > 1 ? 'các ' : ''}${KIND_WORD[m.kind]} ${formatExisting(m)}`;

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
    for (const r of resolveReferences(ctx.parse, findReferences(ctx.parse))) {
      if (r.status !== 'unresolved') continue;
      for (const c of r.chains) {
        if (!c.missing) continue;
        report({ range: c.chain.location, args: { scopeVi: r.scope.vi, scopeEn: r.scope.en, missing: c.missing } });
      }
    }
  },
});

interface AmbiguousArgs {
  text: string;
  candidates: string[];
}

export const ambiguousRule = defineRule<AmbiguousArgs>({
  code: 'reference/ambiguous',
  severity: 'warning',
  description: {
    vi: 'Dẫn chiếu có thể hiểu là đơn vị ở nhiều phần của văn bản (ví dụ "khoản 2" viết ngoài mọi Điều).',
    en: 'A reference that could mean units in several parts of the document (e.g. "khoản 2" outside any Điều).',
  },
  message: {
    vi: ({ text, candidates }) => `"${text}" có thể chỉ ${candidates.length} đơn vị khác nhau (${candidates.join(', ')}); hãy ghi rõ Điều hoặc mục`,
    en: ({ text, candidates }) => `"${text}" could mean ${candidates.length} different units (${candidates.join(', ')}); name the Điều or mục`,
  },
  check(ctx, report) {
    for (const r of resolveReferences(ctx.parse, findReferences(ctx.parse))) {
      if (r.status !== 'ambiguous') continue;
      for (const c of r.chains) {
        if (!c.candidates) continue;
        const text = ctx.original.slice(c.chain.location.start, c.chain.location.end).replace(/\s+/g, ' ');
        report({ range: c.chain.location, args: { text, candidates: c.candidates } });
      }
    }
  },
});

export const referenceRules: readonly AnyRule[] = [unresolvedRule, ambiguousRule];
