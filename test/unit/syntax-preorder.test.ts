/**
 * The node index of a parse takes the pre-order the parser wrote while building the tree (node-index.ts Preorder,
 * parse.ts adopt/closeTop/addTopLevel) instead of walking the finished tree. These check that those lists are
 * exactly a walk's — for documents with every kind of part, for parts in an order the parser cannot follow (body
 * units after the signature: the index walks then), for random documents and for the corpus — and that the walk
 * is really skipped when the order holds (no child of any node is read). Each kind's list (`ofKind`, all filled
 * in one pass at the first ask) holds the indexes of that kind's nodes, whichever kind is asked first.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { nodeIndex } from '../../language-server/src/core/syntax/node-index.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';
import { countWork } from '../helpers/work.ts';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

/** A walk of the finished tree: the lists the index must hold. */
function walked(root: Node): { kinds: string[]; parent: number[]; end: number[]; nodes: Node[] } {
  const nodes: Node[] = [];
  const parent: number[] = [];
  const end: number[] = [];
  const visit = (n: Node, up: number): void => {
    const i = nodes.length;
    nodes.push(n);
    parent.push(up);
    end.push(0);
    for (const c of n.children) visit(c, i);
    end[i] = nodes.length;
  };
  visit(root, -1);
  return { kinds: nodes.map((n) => n.kind), parent, end, nodes };
}

/** The parse's index, its children reads counted while it is built. */
function indexed(text: string): { tree: Node; lists: ReturnType<typeof walked>; childReads: number; index: ReturnType<typeof nodeIndex> } {
  const tree = parseDocument(text).tree;
  const { result: index, work } = countWork(() => nodeIndex(tree), [tree]);
  return {
    tree,
    lists: { kinds: index.nodes.map((n) => n.kind), parent: [...index.parent], end: [...index.end], nodes: [...index.nodes] },
    childReads: work.childVisits,
    index,
  };
}

function expectSameAsWalk(text: string): number {
  const { tree, lists, childReads, index } = indexed(text);
  const w = walked(tree);
  // Every kind's list, the last kind to appear asked first (and a kind the tree does not have).
  for (const kind of [...new Set(w.kinds)].reverse().concat('not-a-kind')) {
    expect([...index.ofKind(kind as Node['kind'])]).toEqual(w.kinds.flatMap((k, i) => (k === kind ? [i] : [])));
  }
  expect(lists.kinds).toEqual(w.kinds);
  expect(lists.parent).toEqual(w.parent);
  expect(lists.end).toEqual(w.end);
  // The same objects, not equal copies.
  expect(lists.nodes.every((n, i) => n === w.nodes[i])).toBe(true);
  return childReads;
}

const HEADER = ['BỘ TƯ PHÁP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/2024/QĐ-BTP', 'Hà Nội, ngày 5 tháng 3 năm 2024', '', 'QUYẾT ĐỊNH', 'Về việc ban hành Kế hoạch', ''];
const PREAMBLE = ['Căn cứ Luật Ban hành văn bản quy phạm pháp luật;', '', 'Căn cứ Nghị định số 30/2020/NĐ-CP;', '', 'QUYẾT ĐỊNH:', ''];
const BODY = [
  'Chương I',
  'QUY ĐỊNH CHUNG',
  '',
  'Điều 1. Phạm vi',
  '',
  '1. Quyết định này quy định:',
  'a) Việc thứ nhất;',
  'b) Việc thứ hai.',
  '- Ý thứ nhất;',
  '+ Ý nhỏ.',
  '2. Sửa đổi khoản 3 như sau:',
  '“3. Khoản được sửa đổi:',
  'a) Điểm được sửa đổi.”',
  '',
  '| STT | Nội dung |',
  '| 1 | Việc một |',
  '',
  'Điều 2. Hiệu lực',
  '',
  'Quyết định này có hiệu lực từ ngày ký.',
  '',
];
const CLOSING = ['Nơi nhận:', '- Như Điều 2;', '- Lưu: VT.', '', 'BỘ TRƯỞNG', '', 'Nguyễn Văn A', ''];
const ATTACHMENT = ['KẾ HOẠCH', 'Thực hiện Quyết định', '(Kèm theo Quyết định số 12/2024/QĐ-BTP)', '', 'I. MỤC ĐÍCH', '', '1. Bảo đảm thống nhất.', '', 'II. NHIỆM VỤ', '', '1. Rà soát văn bản.', ''];
const PHU_LUC = ['PHỤ LỤC I', 'DANH MỤC VĂN BẢN', '', '| STT | Tên |', '| 1 | Luật A |', ''];

describe('the node index from the parser’s pre-order', () => {
  it('is a walk’s lists for a decision with every kind of part, read without a walk', () => {
    const text = [...HEADER, ...PREAMBLE, ...BODY, ...CLOSING, ...ATTACHMENT, ...PHU_LUC].join('\n');
    const kinds = walked(parseDocument(text).tree).kinds;
    // The fixture has what it is meant to have.
    for (const k of ['header', 'preamble', 'can-cu', 'body', 'chuong', 'dieu', 'khoan', 'diem', 'item', 'quote', 'table', 'row', 'cell', 'noi-nhan', 'chu-ky', 'attachment', 'section', 'phu-luc']) expect(kinds).toContain(k);
    expect(expectSameAsWalk(text)).toBe(0);
  });

  it('is a walk’s lists when body units follow the signature (the index walks the tree then)', () => {
    const text = [...HEADER, ...PREAMBLE, ...BODY, ...CLOSING, 'Điều 3. Điều khoản chuyển tiếp', '', '1. Văn bản đang thực hiện.', ''].join('\n');
    const body = parseDocument(text).tree.children.find((c) => c.kind === 'body')!;
    expect(body.children.map((c) => c.kind)).toContain('dieu');
    expect(expectSameAsWalk(text)).toBeGreaterThan(0);
  });

  it('is a walk’s lists when text before the first căn cứ goes to the preamble', () => {
    const text = [...HEADER, 'Văn bản này được sửa đổi, bổ sung bởi: Luật số 1/2020/QH14.', '', ...PREAMBLE, ...BODY].join('\n');
    expect(expectSameAsWalk(text)).toBe(0);
  });

  it('is a walk’s lists for any document made of these lines', () => {
    const pool = [...HEADER, ...PREAMBLE, ...BODY, ...CLOSING, ...ATTACHMENT, ...PHU_LUC, 'Mục 1. CHUNG', 'Phần thứ nhất', '”', '"', '|', '2', 'STT'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 80 }), (lines) => {
        expectSameAsWalk(lines.join('\n'));
      }),
      { numRuns: 150 },
    );
  });

  it.skipIf(!hasCorpus)('is a walk’s lists for the corpus (real, seeds)', () => {
    const files = [...corpusFiles('real'), ...corpusFiles('seeds')];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expectSameAsWalk(readCorpus(f));
  });
});
