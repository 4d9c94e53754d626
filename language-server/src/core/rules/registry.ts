/**
 * Every rule the checker runs. One file per rule area, each exporting its list;
 * adding a rule is adding one entry to its area's list.
 */
import type { AnyRule } from './rule.ts';
import { textRules } from './text.ts';
import { numberingRules } from './numbering.ts';
import { structureRules } from './structure.ts';
import { tableRules } from './table.ts';
import { headerRules } from './header.ts';
import { canCuRules } from './can-cu.ts';
import { noiNhanRules } from './noi-nhan.ts';
import { chuKyRules } from './chu-ky.ts';
import { referenceRules } from './reference.ts';
import { citationRules } from './citation.ts';
import { canCuCitationRules } from './can-cu-citation.ts';
import { canCuRegistryRules, citationRegistryRules } from './citation-registry.ts';
import { layoutRules } from './layout.ts';

export const RULES: readonly AnyRule[] = [...textRules, ...numberingRules, ...structureRules, ...tableRules, ...headerRules, ...canCuRules, ...canCuCitationRules, ...canCuRegistryRules, ...noiNhanRules, ...chuKyRules, ...referenceRules, ...citationRules, ...citationRegistryRules, ...layoutRules];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function getRule(code: string): AnyRule | undefined {
  return BY_CODE.get(code);
}
