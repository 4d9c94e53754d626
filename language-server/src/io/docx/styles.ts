/**
 * Effective formatting: what a run looks like after the document defaults,
 * the paragraph style (and the styles it is based on), the character style
 * and the run's own properties, with theme fonts resolved (styles.xml,
 * theme1.xml; ECMA-376 Part 1 §17.7). The nearest definition wins; Word's
 * XOR of toggle properties between style levels is rare enough in drafts to
 * be left out.
 */
import { child, descendant, elements, num, onOff, val, type XmlElement } from './package.ts';

export interface RunProps {
  /** Font for ASCII characters and for the other Latin ones (Vietnamese letters use the latter). */
  ascii?: string;
  hAnsi?: string;
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  hidden?: boolean;
}

export interface ParaProps {
  alignment?: string;
  numId?: string;
  ilvl?: number;
}

interface Style {
  basedOn?: string;
  run: RunProps;
  para: ParaProps;
}

export interface Styles {
  /** Run properties of a run in a paragraph of style `pStyle` with character style `rStyle` and its own `direct` ones. */
  run(pStyle: string | undefined, rStyle: string | undefined, ...direct: (RunProps | undefined)[]): RunProps;
  /** Paragraph properties from the style chain under the paragraph's own. */
  para(pStyle: string | undefined, direct: ParaProps): ParaProps;
}

export function readStyles(root: XmlElement | null, theme: XmlElement | null): Styles {
  const fonts = themeFonts(theme);
  const byId = new Map<string, Style>();
  let defaults: RunProps = {};
  let defaultPara: ParaProps = {};
  let defaultParaStyle: string | undefined;
  if (root) {
    const dd = child(root, 'w:docDefaults');
    defaults = readRunProps(child(child(dd, 'w:rPrDefault'), 'w:rPr'), fonts);
    defaultPara = readParaProps(child(child(dd, 'w:pPrDefault'), 'w:pPr'));
    for (const s of elements(root, 'w:style')) {
      const id = s.attributes['w:styleId'];
      if (!id) continue;
      byId.set(id, { basedOn: val(s, 'w:basedOn'), run: readRunProps(child(s, 'w:rPr'), fonts), para: readParaProps(child(s, 'w:pPr')) });
      if (s.attributes['w:type'] === 'paragraph' && onOffAttr(s.attributes['w:default'])) defaultParaStyle = id;
    }
  }
  const chain = (id: string | undefined): Style[] => {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let cur = id; cur && !seen.has(cur); cur = byId.get(cur)?.basedOn) {
      seen.add(cur);
      const s = byId.get(cur);
      if (s) out.push(s);
    }
    return out.reverse(); // most general first
  };
  // What the styles give a run, per (paragraph style, character style): thousands of runs share a few.
  const base = new Map<string, RunProps>();
  return {
    run(pStyle, rStyle, ...direct) {
      const key = `${pStyle ?? ''}\u0000${rStyle ?? ''}`;
      let b = base.get(key);
      if (!b) {
        const layers = [defaults, ...chain(pStyle ?? defaultParaStyle).map((s) => s.run), ...chain(rStyle).map((s) => s.run)];
        base.set(key, (b = Object.assign({}, ...layers.map(defined)) as RunProps));
      }
      return Object.assign({}, b, ...direct.map(defined)) as RunProps;
    },
    para(pStyle, direct) {
      const layers = [defaultPara, ...chain(pStyle ?? defaultParaStyle).map((s) => s.para), direct];
      return Object.assign({}, ...layers.map(defined)) as ParaProps;
    },
  };
}

/** Run properties of a w:rPr (direct formatting, a style's, a numbering level's). */
export function readRunProps(rPr: XmlElement | undefined, fonts: ThemeFonts = {}): RunProps {
  if (!rPr) return {};
  const f = child(rPr, 'w:rFonts');
  const size = num(val(rPr, 'w:sz'));
  return {
    // A theme font wins over the named one (ECMA-376 §17.3.2.26).
    ascii: themeFont(fonts, f?.attributes['w:asciiTheme']) ?? f?.attributes['w:ascii'],
    hAnsi: themeFont(fonts, f?.attributes['w:hAnsiTheme']) ?? f?.attributes['w:hAnsi'],
    sizePt: size !== undefined ? size / 2 : undefined,
    bold: onOff(rPr, 'w:b'),
    italic: onOff(rPr, 'w:i'),
    caps: onOff(rPr, 'w:caps'),
    hidden: onOff(rPr, 'w:vanish'),
  };
}

export function readParaProps(pPr: XmlElement | undefined): ParaProps {
  if (!pPr) return {};
  const numPr = child(pPr, 'w:numPr');
  return { alignment: val(pPr, 'w:jc'), numId: val(numPr, 'w:numId'), ilvl: num(val(numPr, 'w:ilvl')) };
}

type ThemeFonts = Partial<Record<'major' | 'minor', string>>;

function themeFont(fonts: ThemeFonts, theme: string | undefined): string | undefined {
  if (!theme) return undefined;
  return fonts[theme.startsWith('major') ? 'major' : 'minor'];
}

function themeFonts(theme: XmlElement | null): ThemeFonts {
  if (!theme) return {};
  const scheme = descendant(theme, 'a:fontScheme');
  const latin = (name: string) => {
    const f = scheme && child(child(scheme, name), 'a:latin')?.attributes.typeface;
    return f || undefined;
  };
  return { major: latin('a:majorFont'), minor: latin('a:minorFont') };
}

function onOffAttr(v: string | undefined): boolean {
  return v !== undefined && /^(?:1|true|on)$/iu.test(v);
}

/** Drops undefined fields so that Object.assign lets the layer below show through. */
function defined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
