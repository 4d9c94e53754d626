/**
 * Learn while reading: the facts a vbpl.vn page states about its own document
 * (the "Thuộc tính" table, or the full-text page's header and status box),
 * read as text and handed to the background, which validates them and adds
 * them to the local registry.
 */
import type { Analysis, PortalFacts } from '../lib/messages.ts';

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** "27/11/2015" → "2015-11-27"; anything else → undefined. */
export function isoDate(s: string | undefined): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(clean(s));
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lower(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi');
}

/** The value cells after each label cell of the vbProperties table. */
function propertyCells(table: Element): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of table.querySelectorAll('tr')) {
    const cells = [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    for (let i = 0; i < cells.length; i++) {
      if (!cells[i].classList.contains('label')) continue;
      const values: string[] = [];
      for (let j = i + 1; j < cells.length && !cells[j].classList.contains('label'); j++) values.push(clean(cells[j].textContent));
      out.set(lower(clean(cells[i].textContent)), values);
    }
  }
  return out;
}

function find(cells: Map<string, string[]>, label: string): string[] | undefined {
  const want = lower(label);
  for (const [k, v] of cells) if (k.startsWith(want)) return v;
  return undefined;
}

/** The "Thuộc tính" page of a vbpl.vn document. */
export function readVbplProperties(doc: Document, url: string): PortalFacts | undefined {
  const box = doc.querySelector('div.vbProperties');
  if (!box) return undefined;
  const cells = propertyCells(box);
  const number = find(cells, 'Số ký hiệu')?.[0];
  if (!number) return undefined;
  const facts: PortalFacts = { number, url };
  const type = find(cells, 'Loại văn bản')?.[0];
  if (type) facts.type = type;
  const issued = isoDate(find(cells, 'Ngày ban hành')?.[0]);
  if (issued) facts.issued = issued;
  const effective = isoDate(find(cells, 'Ngày có hiệu lực')?.[0]);
  if (effective) facts.effective = effective;
  const [issuer, signerTitle, signer] = find(cells, 'Cơ quan ban hành') ?? [];
  if (issuer) facts.issuer = issuer;
  if (signerTitle) facts.signerTitle = signerTitle;
  if (signer) facts.signer = signer;
  for (const td of box.querySelectorAll('td.title')) {
    const t = clean(td.textContent);
    const status = /^Tình trạng hiệu lực:\s*(.+)$/u.exec(t);
    if (status) facts.status = status[1];
    else if (!facts.title && t) facts.title = t;
  }
  if (!facts.status) {
    const info = vbInfo(doc);
    if (info.status) facts.status = info.status;
  }
  return facts;
}

/** The status box of a vbpl.vn page: "Hiệu lực: Còn hiệu lực", "Ngày có hiệu lực: 01/01/2018". */
function vbInfo(doc: Document): { status?: string; effective?: string } {
  const out: { status?: string; effective?: string } = {};
  for (const li of doc.querySelectorAll('div.vbInfo li')) {
    const t = clean(li.textContent);
    const m = /^(Hiệu lực|Ngày có hiệu lực):\s*(.+)$/u.exec(t);
    if (!m) continue;
    if (m[1] === 'Hiệu lực') out.status = m[2];
    else out.effective = isoDate(m[2]);
  }
  return out;
}

/**
 * The full-text page of a vbpl.vn document: the number and date from the
 * analysed header, the status from the box above the text.
 */
export function readVbplFullText(doc: Document, url: string, header: Analysis['document']): PortalFacts | undefined {
  if (!header.number) return undefined;
  const facts: PortalFacts = { number: header.number, url };
  if (header.type) facts.type = header.type;
  if (header.title) facts.title = header.title;
  if (header.issuer) facts.issuer = header.issuer;
  if (header.issued) facts.issued = header.issued;
  const info = vbInfo(doc);
  if (info.status) facts.status = info.status;
  if (info.effective) facts.effective = info.effective;
  return facts;
}
