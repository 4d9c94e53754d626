// Fuzz target over the `vanban` command, in process (program.ts in a worker
// killed after a safety timeout): random commands, options, paths (files of
// test/fuzz/nasty copied to a scratch folder, folders, missing files, stdin)
// and stdin bytes in any encoding. Whatever the input: an exit status of 0,
// 1 or 2, never an exception, and `--format json` output that parses.
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedCli } from '../helpers/bounded.ts';
import { anyText } from './arbitraries.ts';
import { CASE_TIMEOUT_MS, FUZZ_RUNS, FUZZ_SEED, TARGET_TIMEOUT_MS } from './fuzz-config.ts';

const nastyDir = path.resolve(import.meta.dirname, 'nasty');
const scratch = mkdtempSync(path.join(tmpdir(), 'vanban-cli-fuzz-'));
// The small nasty files (a case should cost milliseconds; the big ones have their own tests), and a folder of three.
const docs = path.join(scratch, 'docs');
mkdirSync(docs);
for (const f of readdirSync(nastyDir)) if (statSync(path.join(nastyDir, f)).size <= 8192) cpSync(path.join(nastyDir, f), path.join(docs, f));
const files = readdirSync(docs).map((f) => path.join(docs, f));
const folder = path.join(scratch, 'folder');
mkdirSync(path.join(folder, 'sub'), { recursive: true });
for (const [i, f] of files.slice(0, 3).entries()) cpSync(f, path.join(folder, i === 2 ? 'sub' : '', path.basename(f)));
mkdirSync(path.join(scratch, 'empty-folder'));
writeFileSync(path.join(scratch, 'bad-config.json'), '{"rules": {"__proto__": {"x": 1}}, "lang": 5}');

const cli = new BoundedCli();
afterAll(async () => {
  await cli.close();
  rmSync(scratch, { recursive: true, force: true });
});

// Every path is absolute and inside the scratch folder: the worker shares this process's working folder (the
// repository), and `check --fix` with a relative "." would rewrite the repository's own files.
const inScratch = (s: string) => path.join(scratch, 'random', s.replace(/\.\.|\0/gu, '_'));
const pathArg = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...files) },
  { weight: 1, arbitrary: fc.constantFrom(folder, path.join(scratch, 'empty-folder'), path.join(scratch, 'missing.txt'), '-', '/dev/null', path.join(scratch, 'bad-config.json')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(inScratch) },
);
const option = fc.oneof(
  fc.tuple(fc.constant('--format'), fc.constantFrom('text', 'json', 'sarif', 'xml', '')),
  fc.tuple(fc.constant('--lang'), fc.constantFrom('vi', 'en', 'fr', '')),
  fc.tuple(fc.constant('--config'), fc.constantFrom(path.join(scratch, 'bad-config.json'), path.join(scratch, 'missing.json'), folder)),
  fc.tuple(fc.constant('--registry'), fc.constantFrom(path.join(scratch, 'missing.json'), files[0])),
  fc.tuple(fc.constant('--date'), fc.constantFrom('2024-02-30', '2025-01-01', 'hôm qua', '')),
  fc.constantFrom(['--fix'], ['--stdout'], ['-h'], ['--help'], ['-V'], ['--'], ['--frobnicate'], ['--format'], ['--lang=en'], ['--format=json']),
);
const command = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('check', 'outline') }, { weight: 1, arbitrary: fc.constantFrom('citations', 'index', 'help', '--help', '-V', 'Check', '') });
const argv = fc
  .tuple(command, fc.array(option, { maxLength: 4 }), fc.array(pathArg, { minLength: 0, maxLength: 3 }), fc.boolean())
  .map(([c, opts, paths, optsFirst]) => (optsFirst ? [c, ...opts.flat(), ...paths] : [c, ...paths, ...opts.flat()]));

const stdinBytes = fc.oneof(
  { weight: 4, arbitrary: anyText(8).map((t) => new TextEncoder().encode(t)) },
  { weight: 1, arbitrary: anyText(8).map((t) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]))) },
  { weight: 1, arbitrary: anyText(8).map((t) => new Uint8Array(Buffer.from(t, 'latin1'))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);

describe('fuzz: CLI in process', () => {
  it(`${FUZZ_RUNS} random command lines and inputs: exit 0, 1 or 2, never an exception, JSON that parses`, async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(argv, stdinBytes, async (args, stdin) => {
        // Never a relative path (see inScratch): only option words, "-" and absolute paths reach the command.
        expect(args.slice(1).filter((a) => !a.startsWith('-') && !path.isAbsolute(a) && !/^(?:text|json|sarif|xml|vi|en|fr|2024-02-30|2025-01-01|hôm qua|)$/u.test(a))).toEqual([]);
        const r = await cli.run(args, stdin, CASE_TIMEOUT_MS);
        if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
        const { code, stdout, stderr } = r.value;
        expect([0, 1, 2]).toContain(code);
        expect(stderr).not.toMatch(/internal error|TypeError|RangeError/u);
        // Options end at "--": what follows is a path, whatever it looks like.
        const opts = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
        let format = 'text'; // the last --format wins
        opts.forEach((a, i) => {
          if (a.startsWith('--format=')) format = a.slice('--format='.length);
          else if (opts[i - 1] === '--format') format = a;
        });
        const json = format === 'json';
        if (json && code !== 2 && args[0] === 'check' && !opts.includes('--stdout') && !opts.includes('-h') && !opts.includes('--help')) {
          const parsed = JSON.parse(stdout) as { version: number; files: unknown[] };
          expect(parsed.version).toBe(1);
        }
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    if (process.env.FUZZ_REPORT) console.log(`[fuzz] cli: ${FUZZ_RUNS} cases in ${Math.round(performance.now() - started)} ms`);
  }, TARGET_TIMEOUT_MS);
});
