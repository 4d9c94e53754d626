// The regular-expression audit as a CI check (issue 10 §2), in seconds: every literal of the core
// and io/ must have a recheck verdict cached in scripts/regex-audit-cache.json (a new or changed
// pattern has none until `npm run audit:regex` runs), and no pattern may be unexplained beyond the
// OPEN list of the script (the ones waiting for their owners). recheck itself does not run here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (root = ROOT) => spawnSync(process.execPath, [path.join(root, 'scripts/regex-audit.mjs'), '--ci'], { cwd: root, encoding: 'utf8' });

describe('regex audit (cached verdicts)', () => {
  it('every pattern of the core and io/ has a cached verdict; none is newly unexplained', () => {
    const r = run();
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('(open, for ')), 'run `npm run audit:regex`, then fix or explain what it lists').toEqual([]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/regex-audit: \d+ patterns, \d+ unexplained, 0 not audited/u);
  });

  it('fails on a pattern added without an audit, and on a cached vulnerable one not explained', () => {
    // A copy of the script, the cache and the audited folders, with one change each.
    const dir = mkdtempSync(path.join(tmpdir(), 'vanban-regex-audit-'));
    try {
      for (const p of ['scripts/regex-audit.mjs', 'scripts/regex-audit-cache.json', 'language-server/src/core', 'language-server/src/io']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
      const file = path.join(dir, 'language-server/src/core/added.ts');
      writeFileSync(file, 'export const X = /(a+)+b/u;\n');
      const unaudited = run(dir);
      expect(unaudited.status).toBe(1);
      expect(unaudited.stderr).toMatch(/core\/added\.ts:1: \/\(a\+\)\+b\/u — not audited/u);
      // Its verdict cached as vulnerable (what a full run would record): still a failure until fixed or explained.
      const cacheFile = path.join(dir, 'scripts/regex-audit-cache.json');
      const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
      cache.verdicts['u/(a+)+b'] = { status: 'vulnerable', risk: 'exponential (test)' };
      writeFileSync(cacheFile, JSON.stringify(cache));
      const vulnerable = run(dir);
      expect(vulnerable.status).toBe(1);
      expect(vulnerable.stderr).toMatch(/core\/added\.ts:1: \/\(a\+\)\+b\/u — exponential \(test\)/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
