/**
 * The drafting page's highlighting comes from the TextMate grammar VS Code
 * uses: every scope the grammar names maps to a CodeMirror tag (or is a meta
 * scope that styles nothing), and the CodeMirror stream parser splits lines
 * exactly where the grammar's line tokenizer does.
 */
import { readFileSync } from 'node:fs';
import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import grammar from '../../../grammar/vanban.tmLanguage.json';
import { createLineTokenizer, type Grammar } from '../../../grammar/line-tokenizer.ts';
import { SCOPE_TAGS, tokenName, vanbanParser } from '../../../extension/browser/editor/highlight.ts';
import { hasCorpus, SEED_004 } from '../../helpers/corpus.ts';

function scopesOf(o: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(o)) for (const x of o) scopesOf(x, out);
  else if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'name' && typeof v === 'string' && v.endsWith('.vanban')) out.add(v);
      else scopesOf(v, out);
    }
  }
  return out;
}

/** Runs the stream parser over lines the way CodeMirror does: [line, start, end, token name]. */
function streamTokens(lines: string[]) {
  const parser = vanbanParser();
  const state = parser.startState!(4);
  const out: [number, number, number, string | null][] = [];
  lines.forEach((line, n) => {
    if (line === '') {
      parser.blankLine!(state, 4);
      return;
    }
    const stream = new StringStream(line, 4, 4);
    while (!stream.eol()) {
      const start = stream.pos;
      const name = parser.token(stream, state);
      out.push([n, start, stream.pos, name]);
    }
  });
  return out;
}

/** The same, from the grammar's line tokenizer directly (runs of one name merged). */
function grammarTokens(lines: string[]) {
  const tok = createLineTokenizer(grammar as Grammar);
  let state = tok.initialState;
  const out: [number, number, number, string | null][] = [];
  lines.forEach((line, n) => {
    const r = tok.tokenizeLine(line, state);
    state = r.state;
    if (line === '') return;
    for (const t of r.tokens) out.push([n, t.start, t.end, tokenName(t.scopes)]);
  });
  return out;
}

const SAMPLE = [
  'BỘ NỘI VỤ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Số: 971/QĐ-BNV',
  'Hà Nội, ngày 30 tháng 12 năm 2024',
  'QUYẾT ĐỊNH',
  'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;',
  'QUYẾT ĐỊNH:',
  'Điều 1. Phạm vi điều chỉnh',
  '1. Theo quy định tại khoản 2 Điều 3 và “điểm a”.',
  'a) Nội dung;',
  '',
  'Nơi nhận:',
  '- Như Điều 3;',
  '- Lưu: VT, CCHC.',
  'KT. BỘ TRƯỞNG',
  '<!-- vanban-disable text/spacing -->',
];

describe('grammar-driven highlighting', () => {
  it('maps every scope the grammar names to a tag, except meta scopes', () => {
    const unmapped = [...scopesOf(grammar)].filter((s) => tokenName([s]) === null);
    expect(unmapped.every((s) => s.startsWith('meta.'))).toBe(true);
    expect(unmapped.length).toBeLessThan(scopesOf(grammar).size / 4);
  });

  it('uses token names CodeMirror will not split (no dots)', () => {
    for (const p of Object.keys(SCOPE_TAGS)) expect(tokenName([`${p}.vanban`])).not.toContain('.');
  });

  it('picks the innermost scope that has a tag', () => {
    expect(tokenName(['text.vanban', 'meta.citation.vanban', 'constant.other.ky-hieu.vanban'])).toBe('constant-other');
    expect(tokenName(['text.vanban', 'constant.other.date.vanban'])).toBe('constant-other-date');
    expect(tokenName(['text.vanban'])).toBeNull();
  });

  it('colours the units of the sample as the grammar says', () => {
    const names = new Map(streamTokens(SAMPLE).map(([n, s, e, name]) => [SAMPLE[n].slice(s, e), name]));
    expect(names.get('Điều 1.')).toBe('entity-name-section');
    expect(names.get('QUYẾT ĐỊNH')).toBe('entity-name-type');
    expect(names.get('Căn cứ')).toBe('keyword-control');
    expect(names.get('63/2022/NĐ-CP')).toBe('constant-other');
    expect(names.get('khoản 2')).toBe('variable-other-reference');
  });

  it('splits lines exactly where the grammar tokenizer does', () => {
    expect(streamTokens(SAMPLE)).toEqual(grammarTokens(SAMPLE));
  });

  it.skipIf(!hasCorpus)('agrees with the grammar tokenizer on all of seed 004', () => {
    const lines = readFileSync(SEED_004, 'utf8').replace(/\r\n?/gu, '\n').split('\n');
    expect(streamTokens(lines)).toEqual(grammarTokens(lines));
  });
});
