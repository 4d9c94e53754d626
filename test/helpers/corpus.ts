/**
 * Access to the shared corpus of real documents (../shared/corpus). The files
 * live only there; when it is absent the tests that need it are skipped with
 * a message that says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
export const hasCorpus = existsSync(CORPUS_DIR);

if (!hasCorpus) {
  console.warn(`[vanban tests] ${CORPUS_DIR} not found: corpus tests are SKIPPED (they need ../shared/corpus beside the repo).`);
}

export function corpusFiles(sub: string): string[] {
  if (!hasCorpus) return [];
  const dir = join(CORPUS_DIR, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|html)$/u.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function readCorpus(path: string): string {
  return readFileSync(path, 'utf8');
}

export const SEED_004 = join(CORPUS_DIR, 'seeds', '004_52bceec2462771f4.txt');
