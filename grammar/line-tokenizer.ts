/**
 * A small JavaScript reader of `vanban.tmLanguage.json`, for surfaces without
 * a TextMate engine (the browser editor's CodeMirror highlighting). It
 * understands exactly the subset the grammar is written in — `match` rules
 * with `name`/`captures`, `begin`/`end` regions with `beginCaptures`/
 * `endCaptures`/`patterns`, and `include: "#name"` — with TextMate's
 * semantics: on each line, from the current position, the rule whose match
 * starts first wins, ties go to the rule listed first, and the end of an open
 * region is tried before its inner rules. test/unit/grammar.test.ts checks
 * that it gives the same scopes as vscode-textmate + Oniguruma on every
 * fixture. Pure: no DOM, no Node.
 */

export interface GrammarRule {
  include?: string;
  match?: string;
  name?: string;
  captures?: Record<string, { name?: string }>;
  begin?: string;
  end?: string;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: GrammarRule[];
}

export interface Grammar {
  scopeName: string;
  patterns: GrammarRule[];
  repository?: Record<string, GrammarRule>;
}

export interface LineToken {
  /** UTF-16 offsets into the line. */
  start: number;
  end: number;
  /** Outermost first, the grammar's scopeName included (as vscode-textmate reports them). */
  scopes: string[];
}

interface Compiled {
  re: RegExp;
  rule: GrammarRule;
  /** For a region: its end pattern and the rules inside it. */
  end?: RegExp;
  inner?: Compiled[];
}

/** The regions open at the end of a line (outermost first). Immutable: safe to keep per line. */
export type TokenizerState = readonly Compiled[];

export interface LineTokenizer {
  initialState: TokenizerState;
  tokenizeLine(line: string, state: TokenizerState): { tokens: LineToken[]; state: TokenizerState };
}

/** Compiles a grammar regex for JavaScript: `d` gives capture offsets, `u` the \p{…} classes. */
export function compilePattern(source: string): RegExp {
  return new RegExp(source, 'dgu');
}

export function createLineTokenizer(grammar: Grammar): LineTokenizer {
  const repo = grammar.repository ?? {};
  const cache = new Map<GrammarRule[], Compiled[]>();

  function compileList(rules: GrammarRule[], seen: Set<string> = new Set()): Compiled[] {
    const hit = cache.get(rules);
    if (hit) return hit;
    const out: Compiled[] = [];
    for (const rule of rules) {
      if (rule.include) {
        const key = rule.include.replace(/^#/u, '');
        const target = repo[key];
        if (!target || seen.has(key)) continue;
        const next = new Set(seen).add(key);
        if (target.patterns && !target.match && !target.begin) out.push(...compileList(target.patterns, next));
        else out.push(...compileList([target], next));
      } else if (rule.match !== undefined) {
        out.push({ re: compilePattern(rule.match), rule });
      } else if (rule.begin !== undefined && rule.end !== undefined) {
        const region: Compiled = { re: compilePattern(rule.begin), rule, end: compilePattern(rule.end) };
        // Filled lazily: a region may include a rule list that includes it back.
        Object.defineProperty(region, 'inner', { get: () => compileList(rule.patterns ?? [], seen), enumerable: true });
        out.push(region);
      }
    }
    cache.set(rules, out);
    return out;
  }

  const root = compileList(grammar.patterns);

  function tokenizeLine(line: string, state: TokenizerState) {
    const stack = [...state];
    const tokens: LineToken[] = [];
    const scopesOf = () => [grammar.scopeName, ...stack.map((c) => c.rule.name).filter((n): n is string => !!n)];
    const emit = (start: number, end: number, scopes: string[]) => {
      if (end <= start) return;
      const last = tokens[tokens.length - 1];
      if (last && last.end === start && sameScopes(last.scopes, scopes)) last.end = end;
      else tokens.push({ start, end, scopes });
    };

    let pos = 0;
    // An empty line still gets one pass: a region's end (`^(?!…)`) may close there.
    for (let guard = 0; (pos < line.length || (pos === 0 && guard === 0)) && guard <= 2 * line.length + 8; guard++) {
      const region = stack[stack.length - 1];
      let best: { m: RegExpExecArray; compiled?: Compiled; isEnd?: boolean } | undefined;
      const consider = (re: RegExp, compiled?: Compiled, isEnd?: boolean) => {
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { m, compiled, isEnd };
      };
      if (region?.end) consider(region.end, undefined, true);
      for (const c of region ? region.inner ?? [] : root) consider(c.re, c);
      if (!best) break;
      const { m, compiled, isEnd } = best;
      const start = m.index;
      const end = start + m[0].length;
      emit(pos, start, scopesOf());

      if (isEnd) {
        const closing = stack.pop() as Compiled;
        emitCaptures(m, [...scopesOf(), ...(closing.rule.name ? [closing.rule.name] : [])], closing.rule.endCaptures, emit);
      } else if (compiled?.end) {
        stack.push(compiled);
        emitCaptures(m, scopesOf(), compiled.rule.beginCaptures, emit);
      } else if (compiled) {
        const base = scopesOf();
        if (compiled.rule.name) base.push(compiled.rule.name);
        emitCaptures(m, base, compiled.rule.captures, emit);
      }
      // A closed region lets the rules around it look at the same place again;
      // any other empty match moves on by one character (it is text of the context).
      if (end > start) pos = end;
      else if (!isEnd) {
        emit(start, start + 1, scopesOf());
        pos = start + 1;
      } else pos = start;
    }
    emit(pos, line.length, scopesOf());
    return { tokens, state: stack as TokenizerState };
  }

  return { initialState: [], tokenizeLine };
}

function sameScopes(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Splits a match into tokens: each character gets `base` plus the names of the capture groups around it. */
function emitCaptures(
  m: RegExpExecArray,
  base: string[],
  captures: Record<string, { name?: string }> | undefined,
  emit: (start: number, end: number, scopes: string[]) => void,
): void {
  const start = m.index;
  const end = start + m[0].length;
  const groups: { s: number; e: number; name: string }[] = [];
  const indices = m.indices ?? [];
  for (const [k, v] of Object.entries(captures ?? {})) {
    const span = indices[Number(k)];
    if (v.name && span && span[1] > span[0]) groups.push({ s: span[0], e: span[1], name: v.name });
  }
  if (groups.length === 0) {
    emit(start, end, base);
    return;
  }
  const cuts = [...new Set([start, end, ...groups.flatMap((g) => [g.s, g.e])])].filter((x) => x >= start && x <= end).sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i];
    const e = cuts[i + 1];
    const names = groups
      .filter((g) => g.s <= s && e <= g.e)
      // Outer groups first: the wider span, then the lower group number (as written).
      .sort((a, b) => b.e - b.s - (a.e - a.s))
      .map((g) => g.name);
    emit(s, e, [...base, ...names]);
  }
}
