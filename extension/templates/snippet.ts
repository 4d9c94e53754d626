/**
 * Templates are written as VS Code snippets (`${1:TÊN CƠ QUAN}` tab stops,
 * the same number for linked copies) so the drafter tabs from blank to blank.
 * Surfaces without snippets (the browser editor, the CLI test that checks the
 * templates) take the text with every placeholder replaced by its default.
 */

/** Escapes text for use inside a snippet (`$`, `}` and `\` are special there). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/gu, (c) => `\\${c}`);
}

/** The text a snippet inserts when every placeholder keeps its default. */
export function snippetToText(snippet: string): string {
  let out = '';
  let i = 0;
  // Defaults may nest (`${1:a ${2:b}}`): walk with a small stack instead of one regex.
  const closers: number[] = [];
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (c === '$') {
      const open = /^\$\{(\d+):/u.exec(snippet.slice(i, i + 8));
      if (open) {
        closers.push(0);
        i += open[0].length;
        continue;
      }
      const bare = /^\$\{?(\d+)\}?/u.exec(snippet.slice(i, i + 8));
      if (bare) {
        i += bare[0].length; // an empty tab stop ($0, ${2}) inserts nothing
        continue;
      }
    }
    if (c === '}' && closers.length > 0) {
      closers.pop();
      i += 1;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}
