/** A citation as one compact, reviewable row (1-based line, parts as written and parsed). */
import type { Citation } from '../../language-server/src/core/citations/index.ts';
import type { LineIndex } from '../../language-server/src/core/text/positions.ts';

export function citationRow(c: Citation, text: string, index: LineIndex): Record<string, unknown> {
  const row: Record<string, unknown> = {
    line: index.positionAt(c.range.start).line + 1,
    kind: c.kind,
    text: text.slice(c.range.start, c.range.end).replace(/\s+/gu, ' '),
  };
  if (c.type) row.type = c.type.canonical + (c.type.inferred ? ' (từ ký hiệu)' : '');
  if (c.number) row.number = c.number.canonical;
  if (c.number?.problems.length) row.problems = c.number.problems.map((p) => p.kind);
  if (c.name) row.name = c.name.text;
  if (c.date) row.date = c.date.iso + (c.date.valid ? '' : ' (sai)');
  if (c.year) row.year = c.year.value;
  if (c.issuer) row.issuer = c.issuer.codes.length ? `${c.issuer.name} [${c.issuer.codes.join(',')}]` : c.issuer.name;
  if (c.title) row.title = c.title.text;
  row.context = c.context;
  if (c.self) row.self = true;
  if (c.draft) row.draft = true;
  if (c.pinpoint) row.pinpoint = c.pinpoint.text;
  if (c.defines) row.defines = c.defines.text;
  if (c.shortOf !== undefined) row.shortOf = c.shortOf;
  if (c.amendedBy) row.amendedBy = c.amendedBy;
  if (c.amends !== undefined) row.amends = c.amends;
  if (c.relation) row.relation = c.relation;
  return row;
}
