/** grammar/language-configuration.json: what a double-click selects, and the pairs VS Code closes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'grammar/language-configuration.json'), 'utf8')) as {
  wordPattern: { pattern: string; flags: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  onEnterRules: { beforeText: string; action: { appendText?: string } }[];
};

// VS Code adds the `g` flag and keeps `u` (ensureValidWordDefinition).
const words = (text: string) => text.match(new RegExp(config.wordPattern.pattern, `g${config.wordPattern.flags}`)) ?? [];

describe('language configuration', () => {
  it.each([
    ['đ) Căn cứ Nghị định số 63/2022/NĐ-CP;', ['đ)', 'Căn', 'cứ', 'Nghị', 'định', 'số', '63/2022/NĐ-CP']],
    ['a1) theo NĐ-CP và V/v', ['a1)', 'theo', 'NĐ-CP', 'và', 'V/v']],
    ['tỷ lệ 80,5% ngày 15/7/2021 E-learning', ['tỷ', 'lệ', '80,5', 'ngày', '15/7/2021', 'E-learning']],
    ['Bộ Lao động - Thương binh', ['Bộ', 'Lao', 'động', 'Thương', 'binh']],
    // Decomposed (NFD) text keeps its combining marks inside the word.
    ['Cô\u0323ng', ['Cô\u0323ng']],
  ])('words of %s', (text, expected) => expect(words(text)).toEqual(expected));

  it('keeps a closing bracket that follows a word out of the word', () => {
    expect(words('(Nghị định số 30/2020/NĐ-CP)')).toEqual(['Nghị', 'định', 'số', '30/2020/NĐ-CP']);
  });

  it('pairs Vietnamese quotes', () => {
    expect(config.brackets).toContainEqual(['“', '”']);
    expect(config.autoClosingPairs).toContainEqual({ open: '“', close: '”' });
  });

  it('continues a Nơi nhận list on Enter, not an ordinary dash line', () => {
    const rule = config.onEnterRules[0];
    expect(new RegExp(rule.beforeText, 'u').test('- Bộ trưởng (để b/c);')).toBe(true);
    expect(new RegExp(rule.beforeText, 'u').test('- Nâng cao kỷ luật, kỷ cương')).toBe(false);
    expect(rule.action.appendText).toBe('- ');
  });
});
