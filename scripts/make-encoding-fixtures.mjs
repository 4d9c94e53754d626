#!/usr/bin/env node
// Writes test/fixtures/encoding/* from test/fixtures/encoding/source.txt (a
// made-up Quyết định of a commune, 2003). Run once by hand; the outputs are
// committed. Independent of the decoders under test:
//   - Windows-1258 and TCVN3 come from glibc's iconv (WINDOWS-1258,
//     TCVN5712-1). TCVN3 text typed in the caps fonts (.VnTimeH) uses the
//     lower-case codes, so capitals with diacritics (other than Ă Â Ê Ô Ơ Ư Đ,
//     which have codes of their own) are lower-cased first, as such a file has them.
//   - VNI comes from the letter → key-sequence table below (VNI-Windows, as in
//     the Vietnamese keyboard drivers), not from the decoder's byte → mark table.
// Usage: node scripts/make-encoding-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/encoding');
const source = readFileSync(path.join(dir, 'source.txt'), 'utf8').normalize('NFC');
const iconv = (from, to, input) => execFileSync('iconv', ['-f', from, '-t', to], { input });
const write = (name, bytes) => writeFileSync(path.join(dir, name), bytes);

// UTF-8, UTF-16, UTF-32
write('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source, 'utf8')]));
write('utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]));
write('utf16le-nobom.txt', Buffer.from(source, 'utf16le'));
const be = Buffer.from(source, 'utf16le').swap16();
write('utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
write('utf16be-nobom.txt', be);
write('utf32le-bom.txt', iconv('UTF-8', 'UTF-32LE', Buffer.from('\ufeff' + source, 'utf8')));

// Windows-1258: iconv writes base letter + combining tone where CP1258 has no precomposed letter.
write('cp1258.txt', iconv('UTF-8', 'WINDOWS-1258', Buffer.from(source, 'utf8')));

// TCVN3 (ABC)
const OWN_CODES = new Set([...'ĂÂÊÔƠƯĐ']);
const abc = [...source].map((c) => (OWN_CODES.has(c) || c.toLowerCase() === c || /[A-Z]/u.test(c) ? c : c.toLowerCase())).join('');
const tcvn3 = iconv('UTF-8', 'TCVN5712-1', Buffer.from(abc, 'utf8'));
write('tcvn3.txt', tcvn3);
// The same bytes once read as Windows-1252 and saved as UTF-8 (a converter that did not know the font).
write('tcvn3-as-utf8.txt', iconv('WINDOWS-1252', 'UTF-8', tcvn3));

// VNI-Windows: each letter as its key sequence (base letter + mark byte), lower case; capitals are 0x20 lower.
const VNI = {
  á: 'aù', à: 'aø', ả: 'aû', ã: 'aõ', ạ: 'aï', â: 'aâ', ấ: 'aá', ầ: 'aà', ẩ: 'aå', ẫ: 'aã', ậ: 'aä',
  ă: 'aê', ắ: 'aé', ằ: 'aè', ẳ: 'aú', ẵ: 'aü', ặ: 'aë',
  é: 'eù', è: 'eø', ẻ: 'eû', ẽ: 'eõ', ẹ: 'eï', ê: 'eâ', ế: 'eá', ề: 'eà', ể: 'eå', ễ: 'eã', ệ: 'eä',
  ó: 'où', ò: 'oø', ỏ: 'oû', õ: 'oõ', ọ: 'oï', ô: 'oâ', ố: 'oá', ồ: 'oà', ổ: 'oå', ỗ: 'oã', ộ: 'oä',
  ơ: 'ô', ớ: 'ôù', ờ: 'ôø', ở: 'ôû', ỡ: 'ôõ', ợ: 'ôï',
  ú: 'uù', ù: 'uø', ủ: 'uû', ũ: 'uõ', ụ: 'uï', ư: 'ö', ứ: 'öù', ừ: 'öø', ử: 'öû', ữ: 'öõ', ự: 'öï',
  í: 'í', ì: 'ì', ỉ: 'æ', ĩ: 'ó', ị: 'ò', ý: 'yù', ỳ: 'yø', ỷ: 'yû', ỹ: 'yõ', ỵ: 'î', đ: 'ñ',
};
const upper = (s) => [...s].map((c) => (c.charCodeAt(0) >= 0xe0 ? String.fromCharCode(c.charCodeAt(0) - 0x20) : c.toUpperCase())).join('');
const vni = [...source]
  .map((c) => {
    const lower = c.toLowerCase();
    const seq = VNI[lower];
    if (!seq) return c;
    return c === lower ? seq : upper(seq);
  })
  .join('');
const vniBytes = Buffer.from(vni, 'latin1');
write('vni.txt', vniBytes);
write('vni-as-utf8.txt', Buffer.from(vni, 'utf8'));

// UTF-8 read as Windows-1252 and saved again as UTF-8 ("Cá»™ng").
const utf8 = Buffer.from(source, 'utf8');
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
write('utf8-as-cp1252.txt', Buffer.from([...utf8].map((b) => (b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80] : String.fromCharCode(b))).join(''), 'utf8'));

console.log('written to', dir);
