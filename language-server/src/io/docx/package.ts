/// <reference path="./mammoth-xml.d.ts" />
/**
 * The .docx package: a zip of XML parts tied together by relationships
 * (ECMA-376 Part 2). Opens it with JSZip, finds the main document through
 * `_rels/.rels`, and reads parts as element trees through mammoth's XML
 * reader. A file that is not a usable .docx gets a DocxError with a message
 * a drafter can act on; nothing here throws anything else.
 */
import JSZip from 'jszip';
import { read as readOfficeXml, type XmlElement } from 'mammoth/lib/docx/office-xml-reader.js';

export type { XmlElement };

export class DocxError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Parts bigger than this are refused rather than inflated (a zip bomb, or not a document). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export interface DocxPackage {
  /** Path of the main document part, usually `word/document.xml`. */
  readonly mainPath: string;
  /** Reads a part as XML; null when the part does not exist. */
  xml(path: string): Promise<XmlElement | null>;
  /** The relationships of a part: id → target part path (external targets left out). */
  relationships(partPath: string): Promise<Map<string, { type: string; target: string }>>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function openDocx(bytes: Uint8Array): Promise<DocxPackage> {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new DocxError(
      'Tệp là tài liệu Word 97–2003 (.doc) hoặc .docx có đặt mật khẩu: hãy lưu lại dưới dạng .docx (Word: Tệp › Lưu thành) rồi kiểm tra lại',
      'The file is a Word 97–2003 (.doc) document or a password-protected .docx: save it as .docx (File › Save As) and check it again',
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxError('Tệp không phải .docx hợp lệ (không mở được tệp nén)', 'Not a valid .docx file (the zip container cannot be opened)');
  }
  const text = async (path: string): Promise<string | null> => {
    const f = zip.file(path);
    if (!f) return null;
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === 'number' && size > MAX_PART_BYTES) {
      throw new DocxError(`Phần ${path} của tệp .docx quá lớn (${Math.round(size / 1048576)} MB)`, `Part ${path} of the .docx is too large (${Math.round(size / 1048576)} MB)`);
    }
    try {
      return (await f.async('string')).replace(/^\uFEFF/u, '');
    } catch {
      throw new DocxError(`Tệp .docx bị hỏng: không giải nén được ${path}`, `The .docx is damaged: ${path} cannot be unpacked`);
    }
  };
  const xml = async (path: string): Promise<XmlElement | null> => {
    const s = await text(path);
    if (s === null) return null;
    let root: XmlElement | Error;
    try {
      root = await readOfficeXml(s);
    } catch (e) {
      root = e instanceof Error ? e : new Error(String(e));
    }
    if (root instanceof Error) throw new DocxError(`Tệp .docx bị hỏng: ${path} không phải XML hợp lệ`, `The .docx is damaged: ${path} is not valid XML`);
    return root;
  };
  const relationships = async (partPath: string) => {
    const slash = partPath.lastIndexOf('/');
    const dir = slash < 0 ? '' : partPath.slice(0, slash);
    const relsPath = `${dir ? `${dir}/` : ''}_rels/${partPath.slice(slash + 1)}.rels`;
    const out = new Map<string, { type: string; target: string }>();
    const root = await xml(relsPath);
    for (const r of root ? elements(root, 'relationships:Relationship') : []) {
      const id = r.attributes.Id;
      const target = r.attributes.Target;
      if (!id || !target || r.attributes.TargetMode === 'External') continue;
      out.set(id, { type: r.attributes.Type ?? '', target: resolvePath(dir, target) });
    }
    return out;
  };

  let mainPath = 'word/document.xml';
  for (const r of (await relationships('')).values()) {
    if (/\/officeDocument$/u.test(r.type)) mainPath = r.target;
  }
  if (!zip.file(mainPath)) {
    throw new DocxError('Tệp .docx không có phần nội dung chính (word/document.xml)', 'The .docx has no main document part (word/document.xml)');
  }
  return { mainPath, xml, relationships };
}

/** A relationship target relative to the part's folder ("../media/x.png", "/word/x.xml"). */
function resolvePath(dir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

// ------------------------------------------------------------ tree helpers

export function elements(e: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of e.children) if (c.type === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!e) return undefined;
  for (const c of e.children) if (c.type === 'element' && c.name === name) return c;
  return undefined;
}

/** The first descendant named `name`, depth first. */
export function descendant(e: XmlElement, name: string): XmlElement | undefined {
  for (const c of e.children) {
    if (c.type !== 'element') continue;
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

export function textOf(e: XmlElement): string {
  let s = '';
  for (const c of e.children) s += c.type === 'text' ? c.value : textOf(c);
  return s;
}

/** `w:val` of a child element, e.g. val(pPr, 'w:jc'). */
export function val(e: XmlElement | undefined, name: string): string | undefined {
  return child(e, name)?.attributes['w:val'];
}

/** An OOXML on/off property: present without w:val, or with true/1/on, is on. Undefined when absent. */
export function onOff(e: XmlElement | undefined, name: string): boolean | undefined {
  const c = child(e, name);
  if (!c) return undefined;
  const v = c.attributes['w:val'];
  return v === undefined || !/^(?:false|0|off)$/iu.test(v);
}

export function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
