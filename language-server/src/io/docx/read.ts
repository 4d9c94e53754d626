/**
 * Reads a .docx into what the checker works on: the text a drafter sees
 * (the text view: one line per paragraph, automatic numbers written out,
 * tables as rows, footnotes after the body) and the layout model the layout
 * rules need (page setup per section, each paragraph's runs with their
 * effective font, size, bold and italic). Ranges of both point into `text`.
 *
 * No Node API: the same reader runs in a browser or a Web Worker.
 */
import type { LayoutModel, LayoutSection } from '../../core/layout/model.ts';
import { BodyWalker } from './body.ts';
import { readNumbering } from './numbering.ts';
import { child, DocxError, elements, openDocx, val, type DocxPackage, type XmlElement } from './package.ts';
import { readSections } from './sections.ts';
import { readStyles } from './styles.ts';

export { DocxError };

export interface DocxText {
  text: string;
  layout: LayoutModel;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const pkg = await openDocx(bytes);
  const doc = await pkg.xml(pkg.mainPath);
  const body = doc && child(doc, 'w:body');
  if (!body) throw new DocxError('Tệp .docx không có phần thân văn bản (w:body)', 'The .docx has no document body (w:body)');
  const parts = await relatedParts(pkg);
  const stylesRoot = await part(pkg, parts, 'styles');
  const styles = readStyles(stylesRoot, await part(pkg, parts, 'theme'));
  const numbering = readNumbering(await part(pkg, parts, 'numbering'), numberingStyleLinks(stylesRoot));

  const walker = new BodyWalker(styles, numbering);
  const read = walker.read(body);
  walker.appendFootnotes(await footnotes(pkg, parts, read.footnoteRefs));
  const out = walker.result();

  const setups = await readSections(pkg, out.sections.map((s) => s.sectPr));
  const sections: LayoutSection[] = setups.map((s, k) => ({
    ...s,
    range: { start: k === 0 ? 0 : out.sections[k - 1].end, end: out.sections[k].end },
  }));
  return { text: out.text, layout: { sections, paragraphs: out.paragraphs } };
}

/** The parts the main document refers to, by relationship type (styles, numbering, theme, footnotes). */
async function relatedParts(pkg: DocxPackage): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of (await pkg.relationships(pkg.mainPath)).values()) {
    if (r.type.startsWith(REL)) out.set(r.type.slice(REL.length), r.target);
    else if (r.type.endsWith('/theme')) out.set('theme', r.target);
  }
  return out;
}

async function part(pkg: DocxPackage, parts: Map<string, string>, type: string): Promise<XmlElement | null> {
  const path = parts.get(type);
  return path ? pkg.xml(path) : null;
}

/** Numbering styles point at the list they stand for (w:numStyleLink → style → w:numPr/w:numId). */
function numberingStyleLinks(styles: XmlElement | null): (styleId: string) => string | undefined {
  const map = new Map<string, string>();
  for (const s of styles ? elements(styles, 'w:style') : []) {
    const numId = val(child(child(s, 'w:pPr'), 'w:numPr'), 'w:numId');
    if (s.attributes['w:type'] === 'numbering' && s.attributes['w:styleId'] && numId) map.set(s.attributes['w:styleId'], numId);
  }
  return (id) => map.get(id);
}

/** Footnotes in the order the body refers to them, numbered 1, 2, 3… as Word shows them. */
async function footnotes(pkg: DocxPackage, parts: Map<string, string>, refs: string[]) {
  if (!refs.length) return [];
  const root = await part(pkg, parts, 'footnotes');
  if (!root) return [];
  const byId = new Map<string, XmlElement>();
  for (const f of elements(root, 'w:footnote')) {
    const type = f.attributes['w:type'];
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    if (f.attributes['w:id']) byId.set(f.attributes['w:id'], f);
  }
  const out: { number: number; paragraphs: XmlElement[] }[] = [];
  refs.forEach((id, k) => {
    const f = byId.get(id);
    if (f) out.push({ number: k + 1, paragraphs: elements(f, 'w:p') });
  });
  return out;
}
