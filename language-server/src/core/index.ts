/** The public surface of the analysis core (bundled as dist/core.js). */
export { parseDocument } from './syntax/parse.ts';
export { normalizeText } from './text/normalize.ts';
export { createLineIndex } from './text/positions.ts';
export { checkDocument, runRules, fixAll, applyEdits, collectFixEdits, RULES } from './service.ts';
export { getRule } from './rules/registry.ts';
export type { CheckOptions, CheckResult, RuleFailure } from './service.ts';
export type { Diagnostic, Fix, Lang, RelatedInformation, Severity, TextEdit } from './diagnostics/diagnostic.ts';
export type { Rule, AnyRule, Finding, RuleContext, Messages } from './rules/rule.ts';
export type { Document, Node, NodeKind, ParseResult, Range } from './syntax/tree.ts';
export type { SourceText, NormalizationEvent } from './text/normalize.ts';
export type { LineIndex, Position } from './text/positions.ts';
// Internal references and the features built on them (definition, references, rename, hover, links, renumber).
export { referencesOf } from './references/index.ts';
export type { Resolution, ResolutionStatus, Reference } from './references/index.ts';
export { definition } from './features/definition.ts';
export { unitReferences, referencesToUnits } from './features/references.ts';
export type { UnitReference } from './features/references.ts';
export { prepareRename, renameUnit } from './features/rename.ts';
export type { PrepareRename, RenameResult, RenameError } from './features/rename.ts';
export { referenceHover } from './features/hover.ts';
export type { HoverText } from './features/hover.ts';
export { documentLinks } from './features/links.ts';
export type { ReferenceLink } from './features/links.ts';
export { renumberScopeAt } from './features/renumber-scope.ts';
export type { ScopeRenumbering } from './features/renumber-scope.ts';
export type { UnitLocation } from './features/focus.ts';
// Citations of other documents and the registry of legal documents (issue 5).
export { findCitations, textCitations, findCitationsInText, groupCitations, parseNumber, numberKey, canonicalNumber } from './citations/index.ts';
export type { Citation, CitationKind, CitationContext, CitationGroup, ParsedNumber } from './citations/index.ts';
export { documentInfo } from './citations/document.ts';
export { lookupInDocument, resolveInDocument } from './rules/citation-registry.ts';
export { citationAt, hoverCitation, completeCitation } from './citations/hover.ts';
export type { CitationHover, CitationCompletion, CitationCompletionItem } from './citations/hover.ts';
export {
  Registry, createRegistry, embeddedRegistry, embeddedLayer, layerFromData, parseRegistryText, parseRegistryBytes, parseRegistryData, problemText, workspaceLayer, RegistryBuilder,
} from './registry/index.ts';
export type { Layer, Origin, RegistryEntry, RegistryProblem, LoadedFile, EntryData, RegistryFileData, Status, RelationKind } from './registry/index.ts';
