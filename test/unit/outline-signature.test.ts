// The outline's name of the signature block (core/language-service/symbols.ts): the thẩm quyền prefix
// ("KT.", "TM.", "Q.", "TL.", "TUQ.", "K/T") written once — VS Code's outline once read "Chữ ký: KT. KT. BỘ TRƯỞNG …".
import { describe, expect, it } from 'vitest';
import { createLanguageService, type OutlineSymbol } from '../../language-server/src/core/language-service.ts';
import { documentSymbols } from '../../language-server/src/core/language-service/symbols.ts';
import type { Document, Node } from '../../language-server/src/core/syntax/tree.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { corpusFiles, readCorpus } from '../helpers/corpus.ts';
import { QD } from '../helpers/documents.ts';

const HEAD = QD.slice(0, QD.indexOf('KT. BỘ TRƯỞNG'));
const signatures = (symbols: readonly OutlineSymbol[]): OutlineSymbol[] => symbols.flatMap((s) => [...(s.kind === 'chu-ky' ? [s] : []), ...signatures(s.children)]);
const ls = createLanguageService();
let version = 0;
const namesOf = (text: string, lang: 'vi' | 'en' = 'vi') => signatures(ls.documentSymbols({ uri: `untitled:${++version}`, version: 1, text }, lang)).map((s) => s.name);

describe('the signature in the outline', () => {
  it.each([
    ['KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A', 'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A'],
    ['KT BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A', 'Chữ ký: KT BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A'],
    ['K/T BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A', 'Chữ ký: K/T BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A'],
    ['KT.  BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A', 'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A'],
    // Flattened onto one line by a converter, or run into the "Lưu:" line.
    ['KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A', 'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A'],
    ['(Đã ký)\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A', 'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A'],
    // Two prefixes: each once, in order.
    ['TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn B', 'Chữ ký: TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn B'],
    ['Q. GIÁM ĐỐC\nNguyễn Văn A', 'Chữ ký: Q. GIÁM ĐỐC Nguyễn Văn A'],
    ['TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\nNguyễn Văn A', 'Chữ ký: TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ Nguyễn Văn A'],
  ])('%j → %s', (signature, name) => {
    expect(namesOf(`${HEAD}${signature}\n`)).toEqual([name]);
    expect(namesOf(`${HEAD}${signature}\n`, 'en')).toEqual([name.replace('Chữ ký', 'Signature')]);
  });

  // The tree's contract (SignatureInfo) allows titles without the prefix: it is then written in front.
  const tree = (signature: NonNullable<Node['signature']>): Document => ({
    kind: 'document', id: '', range: { start: 0, end: 40 }, docType: 'unknown', hasArticles: false, consolidated: false, noise: [],
    children: [{ kind: 'chu-ky', id: 'chu_ky', range: { start: 0, end: 40 }, children: [], signature }],
  });
  const field = (text: string, start: number) => ({ text, range: { start, end: start + text.length } });
  it.each([
    ['titles without the prefix', { prefix: field('KT.', 0), titles: [field('BỘ TRƯỞNG', 4), field('THỨ TRƯỞNG', 14)] }, 'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG'],
    ['the first title holds the prefix', { prefix: field('KT.', 0), titles: [field('KT. BỘ TRƯỞNG', 0), field('THỨ TRƯỞNG', 14)] }, 'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG'],
    // A title whose text does not start with the prefix as written, though it spans it.
    ['prefix "KT" inside "KT . BỘ TRƯỞNG"', { prefix: field('KT', 0), titles: [field('KT . BỘ TRƯỞNG', 0)] }, 'Chữ ký: KT . BỘ TRƯỞNG'],
    ['no titles', { prefix: field('TM.', 0), titles: [], name: field('Trần Văn B', 4) }, 'Chữ ký: TM. Trần Văn B'],
    ['nothing read', { titles: [] }, 'Chữ ký'],
  ])('%s', (_what, signature, name) => {
    expect(signatures(documentSymbols(tree(signature), ' '.repeat(40), 'vi')).map((s) => s.name)).toEqual([name]);
  });

  // Every real document: a prefix appears in the name no more often than in the signature as written.
  const files = [...corpusFiles('seeds'), ...corpusFiles('real')];
  it.skipIf(files.length === 0)('corpus: no prefix written twice (%i files)', () => {
    let seen = 0;
    for (const file of files) {
      const text = readCorpus(file);
      const parse = parseDocument(text);
      const chuKy: Node[] = [];
      const visit = (n: Node) => (n.kind === 'chu-ky' ? chuKy.push(n) : n.children.forEach(visit));
      parse.tree.children.forEach(visit);
      const names = signatures(documentSymbols(parse.tree, text, 'vi')).map((s) => s.name);
      expect(names.length, file).toBe(chuKy.length);
      chuKy.forEach((n, i) => {
        const written = text.slice(n.range.start, n.range.end);
        for (const prefix of ['KT.', 'TM.', 'TL.', 'TUQ.', 'Q.', 'K/T']) {
          const count = (s: string) => s.split(prefix).length - 1;
          expect(count(names[i]), `${file}: ${names[i]}`).toBeLessThanOrEqual(count(written));
        }
        seen++;
      });
    }
    expect(seen).toBeGreaterThan(0);
  });
});
