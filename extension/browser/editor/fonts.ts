/**
 * Tinos (metric-compatible with Times New Roman, the font Nghị định 30/2020
 * prescribes) bundled with the extension — its Latin and Vietnamese subsets,
 * regular and bold — so tone marks render the same on every machine and no
 * font is ever fetched from the network.
 */
import latin400 from '@fontsource/tinos/files/tinos-latin-400-normal.woff2?url';
import latin700 from '@fontsource/tinos/files/tinos-latin-700-normal.woff2?url';
import viet400 from '@fontsource/tinos/files/tinos-vietnamese-400-normal.woff2?url';
import viet700 from '@fontsource/tinos/files/tinos-vietnamese-700-normal.woff2?url';

const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const VIETNAMESE = 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';

export const EDITOR_FONT = '"Tinos", "Times New Roman", "Liberation Serif", "Noto Serif", serif';

export async function loadEditorFonts(doc: Document = document): Promise<void> {
  const faces = [
    new FontFace('Tinos', `url(${latin400}) format("woff2")`, { weight: '400', unicodeRange: LATIN }),
    new FontFace('Tinos', `url(${latin700}) format("woff2")`, { weight: '700', unicodeRange: LATIN }),
    new FontFace('Tinos', `url(${viet400}) format("woff2")`, { weight: '400', unicodeRange: VIETNAMESE }),
    new FontFace('Tinos', `url(${viet700}) format("woff2")`, { weight: '700', unicodeRange: VIETNAMESE }),
  ];
  for (const f of faces) doc.fonts.add(f);
  await Promise.all(faces.map((f) => f.load().catch(() => undefined)));
}
