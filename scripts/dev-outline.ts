// Developer aid: prints a compact outline of a file (not the CLI).
import { readFileSync } from 'node:fs';
import { parseDocument } from '../language-server/src/core/syntax/parse.ts';
import type { Node } from '../language-server/src/core/syntax/tree.ts';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const t0 = performance.now();
const { tree, problems } = parseDocument(text);
const ms = performance.now() - t0;
const depthMax = Number(process.argv[3] ?? 99);
const lineOf = (o: number) => text.slice(0, o).split(/\r\n|\r|\n/).length;
function show(n: Node, d: number) {
  if (d > depthMax) return;
  const extra = n.header ? ' ' + JSON.stringify(Object.fromEntries(Object.entries(n.header).map(([k, v]) => [k, (v as any).text]))) : '';
  const lines = n.lines ? ` lines=${n.lines.length}` : '';
  const iw = n.issuedWith ? ` iw=${n.issuedWith.text.slice(0, 40)}` : '';
  const en = n.enactment ? ` enact=${n.enactment.text}` : '';
  const cols = n.columns ? ` cols=${JSON.stringify(n.columns)}` : '';
  console.log(`${'  '.repeat(d)}${n.kind}${n.number !== undefined ? ' ' + n.number : ''} [${n.id}] L${lineOf(n.range.start)}-${lineOf(n.range.end)}${n.title ? ' «' + n.title.slice(0, 70) + '»' : ''}${extra}${lines}${iw}${en}${cols}${n.column !== undefined ? ' col=' + n.column : ''}`);
  for (const c of n.children) show(c, d + 1);
}
show(tree, 0);
console.log(`docType=${tree.docType} hasArticles=${tree.hasArticles} noise=${tree.noise.length} problems=${JSON.stringify(problems)} ${ms.toFixed(1)}ms`);
