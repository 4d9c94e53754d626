/**
 * Highlighting for the drafting page, driven by the same TextMate grammar
 * VS Code uses (grammar/vanban.tmLanguage.json, bundled at build time) through
 * the grammar's own JavaScript line tokenizer: one source of truth for both
 * editors. The scopes map to CodeMirror highlight tags the way a TextMate
 * theme maps them: the longest matching scope prefix wins.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { tags, type Tag } from '@lezer/highlight';
import grammarJson from '../../../grammar/vanban.tmLanguage.json';
import { createLineTokenizer, type Grammar, type LineToken, type TokenizerState } from '../../../grammar/line-tokenizer.ts';

/** TextMate scope prefix → CodeMirror tag (most specific first is not needed: the longest prefix wins). */
export const SCOPE_TAGS: Record<string, Tag> = {
  'markup.heading': tags.heading,
  'entity.name.section': tags.heading2,
  'entity.name.type': tags.typeName,
  'entity.name.function': tags.labelName,
  'entity.name.place': tags.special(tags.string),
  'keyword.control': tags.controlKeyword,
  'keyword.other': tags.keyword,
  'constant.numeric': tags.number,
  'constant.character': tags.atom,
  'constant.other': tags.literal,
  'constant.other.date': tags.special(tags.number),
  'variable.other.reference': tags.link,
  'string.quoted': tags.string,
  comment: tags.comment,
  'storage.modifier': tags.modifier,
  punctuation: tags.punctuation,
};

const PREFIXES = Object.keys(SCOPE_TAGS).sort((a, b) => b.length - a.length);

/** StreamLanguage splits token names at dots (its own tag syntax): ours have none. */
const key = (prefix: string) => prefix.replace(/\./gu, '-');

/** The token name of a scope list (innermost scope last, as the tokenizer gives them), or null for plain text. */
export function tokenName(scopes: readonly string[]): string | null {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i];
    const p = PREFIXES.find((x) => s === x || s.startsWith(`${x}.`));
    if (p) return key(p);
  }
  return null;
}

interface State {
  tm: TokenizerState;
  tokens: LineToken[] | null;
  after: TokenizerState;
}

export function vanbanParser(grammar: Grammar = grammarJson as Grammar): StreamParser<State> {
  const tok = createLineTokenizer(grammar);
  const tokenTable: Record<string, Tag> = Object.fromEntries(Object.entries(SCOPE_TAGS).map(([p, tag]) => [key(p), tag]));
  return {
    name: 'vanban',
    startState: () => ({ tm: tok.initialState, tokens: null, after: tok.initialState }),
    copyState: (s) => ({ ...s }),
    blankLine(state) {
      state.tm = tok.tokenizeLine('', state.tm).state;
    },
    token(stream, state) {
      if (stream.sol() || !state.tokens) {
        const r = tok.tokenizeLine(stream.string, state.tm);
        state.tokens = r.tokens;
        state.after = r.state;
      }
      const pos = stream.pos;
      const t = state.tokens.find((x) => x.start <= pos && pos < x.end);
      if (t) stream.pos = t.end;
      else stream.skipToEnd();
      if (stream.eol()) {
        state.tm = state.after;
        state.tokens = null;
      }
      return t ? tokenName(t.scopes) : null;
    },
    tokenTable,
  };
}

export const vanbanLanguage = StreamLanguage.define(vanbanParser());

const style = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '700', color: '#8b1a1a' },
  { tag: tags.heading2, fontWeight: '700', color: '#0b3d91' },
  { tag: tags.typeName, fontWeight: '700', color: '#6f42c1' },
  { tag: tags.labelName, fontWeight: '600', color: '#6f42c1' },
  { tag: tags.special(tags.string), fontStyle: 'italic', color: '#57606a' },
  { tag: tags.controlKeyword, fontStyle: 'italic', color: '#953800' },
  { tag: tags.keyword, fontWeight: '600', color: '#953800' },
  { tag: tags.number, fontWeight: '600', color: '#0550ae' },
  { tag: tags.atom, fontWeight: '600', color: '#0550ae' },
  { tag: tags.literal, color: '#116329' },
  { tag: tags.special(tags.number), color: '#116329' },
  { tag: tags.link, color: '#0969da', textDecoration: 'underline dotted' },
  { tag: tags.string, color: '#0a3069' },
  { tag: tags.comment, color: '#6e7781', fontStyle: 'italic' },
  { tag: tags.modifier, fontWeight: '600', color: '#8b1a1a' },
  { tag: tags.punctuation, color: '#57606a' },
]);

export function vanbanHighlighting() {
  return [vanbanLanguage, syntaxHighlighting(style)];
}
