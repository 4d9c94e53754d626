/** `check --format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/). */
import type { Diagnostic, Severity } from '../core/diagnostics/diagnostic.ts';
import type { AnyRule } from '../core/rules/rule.ts';
import type { Range } from '../core/syntax/tree.ts';
import type { LineIndex } from '../core/text/positions.ts';
import type { Lang } from '../core/diagnostics/diagnostic.ts';

export type SarifLevel = 'error' | 'warning' | 'note';

export const sarifLevel = (s: Severity): SarifLevel => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** 0-based offsets → SARIF's 1-based lines and columns (UTF-16 code units, declared by `columnKind`). */
export function sarifRegion(index: LineIndex, range: Range): SarifRegion {
  const s = index.positionAt(range.start);
  const e = index.positionAt(range.end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** A path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
export function sarifUri(path: string): string {
  return path
    .replace(/\\/gu, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
  relatedLocations?: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
  fixes?: {
    description: { text: string };
    artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[];
  }[];
}

export function toSarifResults(index: LineIndex, path: string, diagnostics: readonly Diagnostic[], ruleIndex: ReadonlyMap<string, number>): SarifResult[] {
  const uri = sarifUri(path);
  return diagnostics.map((d) => {
    const r: SarifResult = {
      ruleId: d.code,
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: sarifRegion(index, d.range) } }],
    };
    const i = ruleIndex.get(d.code);
    if (i !== undefined) r.ruleIndex = i;
    if (d.related && d.related.length > 0) {
      r.relatedLocations = d.related.map((rel, k) => ({
        id: k + 1,
        message: { text: rel.message },
        physicalLocation: { artifactLocation: { uri }, region: sarifRegion(index, rel.range) },
      }));
    }
    if (d.fix && d.fix.edits.length > 0) {
      r.fixes = [
        {
          description: { text: d.fix.title },
          artifactChanges: [
            {
              artifactLocation: { uri },
              replacements: d.fix.edits.map((e) => ({ deletedRegion: sarifRegion(index, e.range), insertedContent: { text: e.newText } })),
            },
          ],
        },
      ];
    }
    return r;
  });
}

/** One result without a source position (a file that cannot be read, a bad config). */
export function fileLevelResult(path: string, code: string, severity: Severity, message: string, ruleIndex: ReadonlyMap<string, number>): SarifResult {
  const r: SarifResult = {
    ruleId: code,
    level: sarifLevel(severity),
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(path) }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } } }],
  };
  const i = ruleIndex.get(code);
  if (i !== undefined) r.ruleIndex = i;
  return r;
}

/** Rule metadata: the registry's rules plus the codes the CLI itself emits. */
export function sarifRules(rules: readonly AnyRule[], lang: Lang) {
  const extra = [
    { code: 'io/unreadable', severity: 'error' as Severity, vi: 'Tệp không đọc hoặc không giải mã được', en: 'The file cannot be read or decoded' },
    { code: 'config/invalid', severity: 'warning' as Severity, vi: 'Tệp cấu hình .vanbanrc.json không hợp lệ', en: 'Invalid .vanbanrc.json configuration' },
    { code: 'io/encoding', severity: 'info' as Severity, vi: 'Tệp không phải UTF-8 đã được giải mã (UTF-16, Windows-1258…)', en: 'A file not in UTF-8 was decoded (UTF-16, Windows-1258…)' },
    { code: 'io/empty', severity: 'warning' as Severity, vi: 'Tệp rỗng', en: 'Empty file' },
    { code: 'io/unwritable', severity: 'error' as Severity, vi: 'Không ghi được sửa đổi vào tệp (tệp đã thay đổi, bảng mã không ghi được, lỗi ghi)', en: 'Fixes could not be written (file changed, encoding not written, write error)' },
  ];
  const list = [
    ...rules.map((r) => ({ code: r.code, severity: r.severity, text: r.description[lang], fix: !!r.fixTitle })),
    ...extra.map((x) => ({ code: x.code, severity: x.severity, text: lang === 'en' ? x.en : x.vi, fix: false })),
  ];
  const index = new Map(list.map((r, i) => [r.code, i]));
  const descriptors = list.map((r) => ({
    id: r.code,
    name: r.code.replace(/[/-](\p{L})/gu, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: r.text },
    defaultConfiguration: { level: sarifLevel(r.severity) },
    properties: { severity: r.severity, fixable: r.fix },
  }));
  return { descriptors, index };
}

export function sarifLog(version: string, rules: ReturnType<typeof sarifRules>['descriptors'], results: SarifResult[], lang: Lang) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vanban', version, informationUri: 'https://github.com/vanban/vanban', rules } },
        language: lang === 'en' ? 'en-US' : 'vi-VN',
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
