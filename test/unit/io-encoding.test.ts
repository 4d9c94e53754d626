// io/encoding: every encoding case, each hostile kind of file, and no false
// alarm on real UTF-8 documents. Fixtures: test/fixtures/encoding (made by
// scripts/make-encoding-fixtures.mjs with glibc iconv from source.txt).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeDocument,
  detectLegacyText,
  encodeText,
  firstInvalidUtf8,
  MAX_DOCUMENT_BYTES,
  type Decoded,
} from '../../language-server/src/io/encoding.ts';
import { decodeTcvn3, decodeVni } from '../../language-server/src/io/legacy-vietnamese.ts';
import { isVietnameseSyllable, scoreVietnamese } from '../../language-server/src/io/syllable.ts';
import { corpusFiles, hasCorpus } from '../helpers/corpus.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/encoding');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const source = readFileSync(path.join(dir, 'source.txt'), 'utf8');
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

function expectText(r: Decoded): Extract<Decoded, { ok: true }> {
  if (!r.ok) throw new Error(`refused (${r.kind}): ${r.message.en}`);
  return r;
}
function expectRefusal(r: Decoded): Extract<Decoded, { ok: false }> {
  if (r.ok) throw new Error(`decoded as ${r.encoding}`);
  return r;
}

describe('decodeDocument: decoded and checked', () => {
  it.each([
    ['source.txt', 'utf-8', false, false],
    ['utf8-bom.txt', 'utf-8', true, false],
    ['utf16le-bom.txt', 'utf-16le', true, false],
    ['utf16be-bom.txt', 'utf-16be', true, false],
    ['utf16le-nobom.txt', 'utf-16le', false, true],
    ['utf16be-nobom.txt', 'utf-16be', false, true],
    ['utf32le-bom.txt', 'utf-32le', true, true],
    ['cp1258.txt', 'windows-1258', false, true],
  ] as const)('%s → %s (BOM %s, notice %s), text identical to the source', (name, encoding, bom, notice) => {
    const r = expectText(decodeDocument(fixture(name)));
    expect(r.encoding).toBe(encoding);
    expect(r.bom).toBe(bom);
    expect(r.text).toBe(source);
    expect(r.notice !== undefined).toBe(notice);
  });

  it('a Windows-1258 file is precomposed (NFC) once decoded, though CP1258 writes tones as combining marks', () => {
    const bytes = fixture('cp1258.txt');
    expect(bytes).toContain(0xf2); // dot below as a separate byte (e.g. "ạ" = a + 0xF2)
    const r = expectText(decodeDocument(bytes));
    expect(r.text.normalize('NFC')).toBe(r.text);
    expect(r.notice?.vi).toMatch(/Windows-1258/u);
    expect(r.notice?.en).toMatch(/UTF-8/u);
  });

  it('the empty file and a lone BOM decode to empty text', () => {
    expect(expectText(decodeDocument(new Uint8Array())).text).toBe('');
    expect(expectText(decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf]))).text).toBe('');
    expect(expectText(decodeDocument(new Uint8Array([0xff, 0xfe]))).text).toBe('');
  });

  it('plain ASCII and a one-byte file are UTF-8', () => {
    expect(expectText(decodeDocument(new TextEncoder().encode('Điều 1. Phạm vi'))).encoding).toBe('utf-8');
    expect(expectText(decodeDocument(new Uint8Array([0x41]))).text).toBe('A');
  });
});

describe('decodeDocument: legacy Vietnamese encodings are recognised and explained', () => {
  it.each([
    ['tcvn3.txt', 'tcvn3', /TCVN3 \(ABC/u, /iconv -f TCVN5712-1/u],
    ['tcvn3-as-utf8.txt', 'tcvn3', /TCVN3 \(ABC/u, /Unikey/u],
    ['vni.txt', 'vni', /VNI/u, /Unikey/u],
    ['vni-as-utf8.txt', 'vni', /VNI/u, /Unikey/u],
    ['utf8-as-cp1252.txt', 'utf8-as-cp1252', /Windows-1252/u, /iconv -f UTF-8 -t WINDOWS-1252/u],
  ] as const)('%s → %s with how to convert it, in Vietnamese and English', (name, kind, what, how) => {
    const r = expectRefusal(decodeDocument(fixture(name)));
    expect(r.kind).toBe(kind);
    expect(r.message.vi).toMatch(what);
    expect(r.message.vi).toMatch(how);
    expect(r.message.en).toMatch(what);
    expect(r.message.vi).toMatch(/chưa kiểm tra/u);
    expect(r.message.en).toMatch(/not checked/u);
  });

  it('the message shows a line as read and as it should read', () => {
    expect(expectRefusal(decodeDocument(fixture('tcvn3.txt'))).message.vi).toContain('“§éc lËp - Tù do - H¹nh phóc” là “Độc lập - Tự do - Hạnh phúc”');
    expect(expectRefusal(decodeDocument(fixture('vni.txt'))).message.en).toContain('reads “ỦY BAN NHÂN DÂN”');
  });

  it('the raw-byte TCVN3 message gives the iconv command; the already-Unicode one does not (iconv would not apply)', () => {
    expect(expectRefusal(decodeDocument(fixture('tcvn3-as-utf8.txt'))).message.vi).not.toMatch(/iconv/u);
  });

  it('decodes the classic look-alikes (independent of the fixtures)', () => {
    expect(decodeTcvn3(latin1('Céng hoµ x· héi chñ nghÜa ViÖt Nam'))).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3(latin1('§éc lËp - Tù do - H¹nh phóc'))).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeTcvn3(latin1('®iÒu ¨n ¬n'))).toBe('điều ăn ơn');
    expect(decodeVni(latin1('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'))).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni(latin1('Ñoäc laäp - Töï do - Haïnh phuùc'))).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni(latin1('ÑIEÀU 1. Ngöôøi ñöôïc ôû'))).toBe('ĐIỀU 1. Người được ở');
  });

  it('detectLegacyText works on text that is already decoded (an editor buffer)', () => {
    expect(detectLegacyText('Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nQuyÕt ®Þnh vÒ viÖc')?.kind).toBe('tcvn3');
    expect(detectLegacyText('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc')?.kind).toBe('vni');
    expect(detectLegacyText(source)).toBeUndefined();
  });
});

describe('decodeDocument: no false alarm', () => {
  const others: [string, string][] = [
    ['French', 'Les élèves ont été très contents de la réunion. À côté de l’école, on a décidé de créer une bibliothèque où chacun pourra lire des œuvres françaises, même pendant les fêtes de Noël.'],
    ['German', 'Die Gemeinde hat beschlossen, über die Änderung der Straßenordnung zu berichten. Für die Bürger ist das Ergebnis schön; größere Maßnahmen folgen später.'],
    ['Spanish', 'El señor Muñoz explicó que la niña había leído la información en la biblioteca pública después de la reunión del año pasado.'],
    ['Vietnamese without marks beyond Latin-1', 'Ông Tô Hà Lê là cán bộ tài chính; bà Võ Thị Mơ là kế toán. Cơ quan họp vào thứ Hai. Thành phố Hà Nội.'],
    ['Vietnamese in NFD', 'Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Quyết định về việc thành lập Tổ công tác.'.normalize('NFD')],
  ];
  it.each(others)('%s UTF-8 text is read as it is', (_name, text) => {
    const r = expectText(decodeDocument(new TextEncoder().encode(text)));
    expect(r.text).toBe(text);
  });

  it.skipIf(!hasCorpus)('every document of ../shared/corpus decodes as the UTF-8 it is', () => {
    const files = [...corpusFiles('real'), ...corpusFiles('seeds'), ...corpusFiles('bulk-tvpl'), ...corpusFiles('portal')];
    expect(files.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(f));
      const r = decodeDocument(bytes);
      if (!r.ok || r.encoding !== 'utf-8') wrong.push(`${path.basename(f)}: ${r.ok ? r.encoding : r.kind}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('decodeDocument: hostile files get a clear refusal', () => {
  const enc = new TextEncoder();
  it.each([
    ['PDF', enc.encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf', /PDF/u],
    ['ZIP (a .docx named .txt)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), 'zip', /\.docx/u],
    ['Word 97–2003', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ole', /\.doc\)/u],
    ['RTF', enc.encode('{\\rtf1\\ansi\\deff0 {\\fonttbl}'), 'rtf', /RTF/u],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png', /OCR/u],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpeg', /OCR/u],
  ] as const)('%s', (_name, bytes, detail, message) => {
    const r = expectRefusal(decodeDocument(bytes));
    expect(r.kind).toBe('binary');
    expect(r.detail).toBe(detail);
    expect(r.message.vi).toMatch(message);
  });

  it('random bytes with NUL are binary; control characters too', () => {
    const noise = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    noise[100] = 0;
    expect(expectRefusal(decodeDocument(noise)).kind).toBe('binary');
    const controls = new Uint8Array(1000).fill(0x41);
    for (let i = 0; i < 1000; i += 10) controls[i] = 0x01;
    expect(expectRefusal(decodeDocument(controls)).kind).toBe('binary');
  });

  it('invalid UTF-8 in no known code page names the byte and its line', () => {
    const bytes = new Uint8Array([...enc.encode('Dòng một\nDòng hai\nxx'), 0xc3, 0x28, 0x41]);
    const r = expectRefusal(decodeDocument(bytes));
    expect(r.kind).toBe('invalid-utf8');
    expect(r.message.vi).toContain('byte C3 28 ở dòng 3');
    expect(r.message.en).toContain('line 3');
  });

  it('firstInvalidUtf8 agrees with the strict decoder on overlongs, surrogates, truncation', () => {
    const cases: [number[], number][] = [
      [[0x41, 0xc0, 0x80], 1], // overlong
      [[0xe0, 0x80, 0x80], 0], // overlong 3-byte
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // > U+10FFFF
      [[0x41, 0x42, 0xe1, 0xba], 2], // truncated
      [[0xe1, 0xba, 0xa1], 3], // valid "ạ"
    ];
    for (const [bytes, at] of cases) expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
  });

  it('a broken UTF-16 file (odd length, lone surrogate) is refused, not garbled', () => {
    const r = expectRefusal(decodeDocument(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00])));
    expect(r.kind).toBe('invalid-utf16');
  });

  it('over MAX_DOCUMENT_BYTES is refused unread, with the size', () => {
    const r = expectRefusal(decodeDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1)));
    expect(r.kind).toBe('too-large');
    expect(r.message.vi).toMatch(/Tệp quá lớn \(16 MB/u);
  });
});

describe('encodeText writes a fixed text back in the file’s own encoding', () => {
  it.each(['source.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf16le-nobom.txt', 'utf16be-nobom.txt'])('%s round-trips byte for byte', (name) => {
    const bytes = fixture(name);
    const r = expectText(decodeDocument(bytes));
    const back = encodeText(r.text, r.encoding, r.bom);
    expect(back && Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });

  it('Windows-1258 is not written back (the user converts it)', () => {
    const r = expectText(decodeDocument(fixture('cp1258.txt')));
    expect(encodeText(r.text, r.encoding, r.bom)).toBeUndefined();
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['nghiêng', 'khuyếch', 'người', 'quyết', 'gì', 'được', 'ĐIỀU', 'Ủy', 'hoà', 'hòa', 'khuya', 'oẳn'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['héi', 'chñ', 'nghÜa', 'viÖt', 'élèves', 'straße', 'größere', 'Ngöôøi', 'aáá', ''])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
  it('scores a sample by its non-ASCII words only', () => {
    expect(scoreVietnamese('Điều 1. Phạm vi điều chỉnh (abc)')).toEqual({ syllables: 4, foreign: 0 });
  });
});

describe('io/encoding is portable (the language server in a Web Worker and the browser use it)', () => {
  it('imports nothing from Node and uses no Node or DOM globals', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const tmp = mkdtempSync(path.join(tmpdir(), 'vanban-io-pure-'));
    try {
      for (const f of ['encoding.ts', 'legacy-vietnamese.ts', 'syllable.ts', 'file-kind.ts', 'message.ts']) {
        copyFileSync(path.join(root, 'language-server/src/io', f), path.join(tmp, f));
      }
      const r = spawnSync(process.execPath, [path.join(root, 'scripts/check-core-imports.mjs'), tmp], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).not.toMatch(/\.ts:\d+:/u);
      expect(r.status).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
