// `vanban check --format sarif`: SARIF 2.1.0 with rule metadata, levels, 1-based regions and fixes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sarifRegion, sarifUri } from '../../language-server/src/cli/sarif.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';

const root = path.resolve(import.meta.dirname, '../..');
function vanban(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/vanban.js', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const Region = z.strictObject({ startLine: z.number().int().min(1), startColumn: z.number().int().min(1), endLine: z.number().int().min(1), endColumn: z.number().int().min(1) });
const Location = z.strictObject({ physicalLocation: z.strictObject({ artifactLocation: z.strictObject({ uri: z.string() }), region: Region }) });
const Sarif = z.strictObject({
  $schema: z.string().includes('sarif-2.1.0'),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.strictObject({
        tool: z.strictObject({
          driver: z.strictObject({
            name: z.literal('vanban'),
            version: z.string(),
            informationUri: z.string(),
            rules: z.array(
              z.strictObject({
                id: z.string(),
                name: z.string(),
                shortDescription: z.strictObject({ text: z.string().min(1) }),
                defaultConfiguration: z.strictObject({ level: z.enum(['error', 'warning', 'note']) }),
                properties: z.strictObject({ severity: z.string(), fixable: z.boolean() }),
              }),
            ),
          }),
        }),
        language: z.string(),
        columnKind: z.literal('utf16CodeUnits'),
        results: z.array(
          z.strictObject({
            ruleId: z.string(),
            ruleIndex: z.number().int().min(0).optional(),
            level: z.enum(['error', 'warning', 'note']),
            message: z.strictObject({ text: z.string().min(1) }),
            locations: z.array(Location).length(1),
            relatedLocations: z.array(z.strictObject({ id: z.number(), message: z.strictObject({ text: z.string() }), physicalLocation: Location.shape.physicalLocation })).optional(),
            fixes: z
              .array(
                z.strictObject({
                  description: z.strictObject({ text: z.string() }),
                  artifactChanges: z.array(
                    z.strictObject({
                      artifactLocation: z.strictObject({ uri: z.string() }),
                      replacements: z.array(z.strictObject({ deletedRegion: Region, insertedContent: z.strictObject({ text: z.string() }) })),
                    }),
                  ),
                }),
              )
              .optional(),
          }),
        ),
      }),
    )
    .length(1),
});

const DOC = 'Điều 1. Quyết định  này có hiệu lực ,xong.\nĐiều 2. Văn bản được phát hành hành trong ngày.\n';

describe('check --format sarif', () => {
  const r = vanban(['check', '--format', 'sarif', '-'], DOC);
  const log = Sarif.parse(JSON.parse(r.stdout));
  const run = log.runs[0];

  it('is SARIF 2.1.0 with every rule of the registry described', () => {
    expect(r.code).toBe(0);
    const ids = run.tool.driver.rules.map((x) => x.id);
    for (const id of ['text/unicode', 'text/spacing', 'text/repeated-word', 'header/ky-hieu-loai', 'can-cu/punctuation', 'noi-nhan/format', 'chu-ky/tham-quyen', 'io/unreadable', 'config/invalid']) {
      expect(ids).toContain(id);
    }
    const kyHieu = run.tool.driver.rules.find((x) => x.id === 'header/ky-hieu-loai')!;
    expect(kyHieu.defaultConfiguration.level).toBe('error');
    expect(run.tool.driver.rules.find((x) => x.id === 'text/spacing')!.defaultConfiguration.level).toBe('note');
  });

  it('results carry levels, 1-based regions, rule indexes and fixes', () => {
    const byRule = run.results.map((x) => `${x.ruleId} ${x.level} ${JSON.stringify(x.locations[0].physicalLocation.region)}`);
    expect(byRule).toEqual([
      'text/spacing note {"startLine":1,"startColumn":19,"endLine":1,"endColumn":21}',
      'text/spacing note {"startLine":1,"startColumn":36,"endLine":1,"endColumn":37}',
      'text/repeated-word warning {"startLine":2,"startColumn":32,"endLine":2,"endColumn":36}',
    ]);
    for (const x of run.results) {
      expect(run.tool.driver.rules[x.ruleIndex!].id).toBe(x.ruleId);
      expect(x.locations[0].physicalLocation.artifactLocation.uri).toBe('%3Cstdin%3E');
    }
    const rep = run.results[2];
    expect(rep.fixes![0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 2, startColumn: 31, endLine: 2, endColumn: 36 }, insertedContent: { text: '' } },
    ]);
  });

  it('--lang en gives English messages and descriptions', () => {
    const en = Sarif.parse(JSON.parse(vanban(['check', '--format', 'sarif', '--lang', 'en', '-'], DOC).stdout)).runs[0];
    expect(en.results[0].message.text).toBe('Double space in “định  này”');
    expect(en.language).toBe('en-US');
    expect(en.tool.driver.rules.find((x) => x.id === 'text/spacing')!.shortDescription.text).toMatch(/^Space before/u);
  });

  it('an unreadable file is a result at 1:1', () => {
    const bad = Sarif.parse(JSON.parse(vanban(['check', '--format', 'sarif', 'test/fixtures/cli/invalid-utf8.txt']).stdout)).runs[0];
    expect(bad.results).toHaveLength(1);
    expect(bad.results[0]).toMatchObject({ ruleId: 'io/unreadable', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'test/fixtures/cli/invalid-utf8.txt' }, region: { startLine: 1, startColumn: 1 } } }] });
  });
});

describe('SARIF helpers', () => {
  it('regions are 1-based, in UTF-16 units, across CRLF', () => {
    const idx = createLineIndex('ab\r\nđường');
    expect(sarifRegion(idx, { start: 4, end: 9 })).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 6 });
  });
  it('URIs use forward slashes and percent-encoding', () => {
    expect(sarifUri('docs\\quyết định 1.txt')).toBe('docs/quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201.txt');
  });
});
