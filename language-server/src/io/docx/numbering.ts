/**
 * Word's automatic numbering (numbering.xml, ECMA-376 Part 1 §17.9): a "1."
 * or "a)" that exists only as list numbering is still a khoản or an điểm, so
 * the reader writes the label Word would show into the text. Counters follow
 * Word: a list continues across every w:num of the same abstract definition
 * unless a w:num restarts it with a start override; numbering a level resets
 * the deeper ones.
 */
import { child, elements, num, val, type XmlElement } from './package.ts';
import { readRunProps, type RunProps } from './styles.ts';
import { toRoman } from '../../core/fixes/renumber.ts';

interface Level {
  format: string;
  text: string;
  start: number;
  /** Suffix after the number: a tab (shown as one space here), a space, or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  /** Legal numbering: every level shown in decimal. */
  legal: boolean;
  /** Restart after this (0-based) level, -1: never; undefined: after any higher level. */
  restartAfter?: number;
  run: RunProps;
}

interface NumDef {
  abstractId: string;
  /** Level overrides of this list instance. */
  levels: Map<number, Partial<Level>>;
  restarts: boolean;
}

export interface Label {
  text: string;
  run: RunProps;
}

export interface Numbering {
  /** The label of the next paragraph of list `numId` at level `ilvl`, advancing the counters; undefined for no list. */
  next(numId: string | undefined, ilvl: number | undefined): Label | undefined;
}

const MAX_LEVEL = 8;

export function readNumbering(root: XmlElement | null, styleNumIds: (styleId: string) => string | undefined = () => undefined): Numbering {
  const abstracts = new Map<string, { levels: Map<number, Level>; styleLink?: string }>();
  const nums = new Map<string, NumDef>();
  if (root) {
    for (const a of elements(root, 'w:abstractNum')) {
      const id = a.attributes['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const l of elements(a, 'w:lvl')) levels.set(num(l.attributes['w:ilvl']) ?? 0, { ...defaultLevel(), ...readLevel(l) });
      abstracts.set(id, { levels, styleLink: val(a, 'w:numStyleLink') });
    }
    for (const n of elements(root, 'w:num')) {
      const id = n.attributes['w:numId'];
      const abstractId = val(n, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const levels = new Map<number, Partial<Level>>();
      let restarts = false;
      for (const o of elements(n, 'w:lvlOverride')) {
        const ilvl = num(o.attributes['w:ilvl']) ?? 0;
        const start = num(val(o, 'w:startOverride'));
        const lvl = child(o, 'w:lvl');
        const over: Partial<Level> = lvl ? readLevel(lvl) : {};
        if (start !== undefined) {
          over.start = start;
          restarts = true;
        }
        levels.set(ilvl, over);
      }
      nums.set(id, { abstractId, levels, restarts });
    }
  }

  /** The abstract definition behind a list, following a numbering style link. */
  const abstractOf = (numId: string): { key: string; levels: Map<number, Level> } | undefined => {
    let n = nums.get(numId);
    for (let hops = 0; n && hops < 4; hops++) {
      const a = abstracts.get(n.abstractId);
      if (!a) return undefined;
      if (a.levels.size || !a.styleLink) return { key: n.abstractId, levels: a.levels };
      const linked = styleNumIds(a.styleLink);
      n = linked ? nums.get(linked) : undefined;
    }
    return undefined;
  };

  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  return {
    next(numId, ilvlRaw) {
      if (numId === undefined || numId === '0') return undefined;
      const def = nums.get(numId);
      const abs = abstractOf(numId);
      if (!def || !abs) return undefined;
      const ilvl = Math.max(0, Math.min(MAX_LEVEL, ilvlRaw ?? 0));
      const level = (l: number): Level => ({ ...defaultLevel(), ...abs.levels.get(l), ...def.levels.get(l) });
      // A list instance with a start override counts on its own; the others share the abstract list's counters.
      const key = def.restarts ? `num:${numId}` : `abs:${abs.key}`;
      let c = counters.get(key);
      if (!c || (def.restarts && !started.has(numId))) {
        c = Array.from({ length: MAX_LEVEL + 1 }, (_, l) => level(l).start - 1);
        counters.set(key, c);
        started.add(numId);
      }
      c[ilvl]++;
      for (let l = ilvl + 1; l <= MAX_LEVEL; l++) {
        const after = level(l).restartAfter;
        if (after === undefined || (after >= 0 && after >= ilvl)) c[l] = level(l).start - 1;
      }
      const lv = level(ilvl);
      if (lv.format === 'none') return lv.text.includes('%') ? undefined : labelOf(lv.text, lv);
      const text = lv.text.replace(/%([1-9])/gu, (_, d: string) => {
        const l = Number(d) - 1;
        const shown = Math.max(c![l], level(l).start);
        return formatNumber(shown, lv.legal && l !== ilvl ? 'decimal' : level(l).format);
      });
      return labelOf(text, lv);
    },
  };
}

function labelOf(text: string, lv: Level): Label | undefined {
  if (!text) return undefined;
  const bullet = lv.format === 'bullet' ? bulletChar(text) : text;
  return { text: bullet + (lv.suffix === 'nothing' ? '' : ' '), run: lv.run };
}

function defaultLevel(): Level {
  return { format: 'decimal', text: '', start: 1, suffix: 'tab', legal: false, run: {} };
}

function readLevel(l: XmlElement): Partial<Level> {
  const out: Partial<Level> = {};
  const format = val(l, 'w:numFmt');
  if (format) out.format = format;
  const text = child(l, 'w:lvlText')?.attributes['w:val'];
  if (text !== undefined) out.text = text;
  const start = num(val(l, 'w:start'));
  if (start !== undefined) out.start = start;
  const suffix = val(l, 'w:suff');
  if (suffix === 'tab' || suffix === 'space' || suffix === 'nothing') out.suffix = suffix;
  if (child(l, 'w:isLgl')) out.legal = true;
  const restart = num(val(l, 'w:lvlRestart'));
  if (restart !== undefined) out.restartAfter = restart - 1;
  const rPr = child(l, 'w:rPr');
  if (rPr) out.run = readRunProps(rPr);
  return out;
}

/** Bullets drawn from Symbol or Wingdings sit in the private use area: show a plain bullet. */
function bulletChar(text: string): string {
  const c = text.codePointAt(0) ?? 0;
  if (c >= 0xe000 && c <= 0xf8ff) return '•';
  return text;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      // Word: a … z, then aa … zz, aaa …
      if (n < 1) return String(n);
      const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
      const s = letter.repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      if (n < 1 || n > 3999) return String(n);
      const s = toRoman(n);
      return format === 'lowerRoman' ? s.toLowerCase() : s;
    }
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}
