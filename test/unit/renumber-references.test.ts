/**
 * Renumbering keeps meaning: the numbering fixes and "renumber this scope"
 * rewrite every reference to a unit whose number changes (lists and range
 * ends included) and no other text. Table tests insert, delete and move units
 * and check the text of every reference afterwards; property tests check that
 * a consistently numbered document is left alone and that every written
 * number that named a unit before names the same unit after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, checkDocument, fixAll, RULES } from '../../language-server/src/core/service.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { referencesOf } from '../../language-server/src/core/references/index.ts';
import { referenceEdits, writeLike } from '../../language-server/src/core/fixes/reference-edits.ts';
import { renumberScopeAt } from '../../language-server/src/core/features/renumber-scope.ts';
import { DIEM_LETTERS } from '../../language-server/src/core/fixes/renumber.ts';
import type { Node, ParseResult } from '../../language-server/src/core/syntax/tree.ts';

/** fixAll with the numbering rules only: what the numbering quick fixes do together. */
const NUMBERING_ONLY = Object.fromEntries(RULES.filter((r) => !r.code.startsWith('numbering/')).map((r) => [r.code, 'off' as const]));
const renumber = (text: string) => fixAll(text, { rules: NUMBERING_ONLY });

/** The text of every reference, in order. */
function referenceTexts(text: string): string[] {
  const parse = parseDocument(text);
  return referencesOf(parse).map((r) => text.slice(r.reference.range.start, r.reference.range.end).replace(/\s+/g, ' '));
}

describe('numbering fixes rewrite the references', () => {
  const HEAD = 'QUYẾT ĐỊNH:\n';
  const cases: { name: string; text: string; refs: string[]; body?: string }[] = [
    {
      name: 'a new khoản 2 inserted in Điều 5: "khoản 3 Điều 5" elsewhere reads "khoản 4 Điều 5"',
      text: `${HEAD}Điều 1. Theo khoản 3 Điều 5; khoản 2 Điều 5 và khoản 1 Điều 5.\nĐiều 2. Hai\nĐiều 3. Ba\nĐiều 4. Bốn\nĐiều 5. Năm\n1. Một.\n2. Mới chèn.\n2. Hai.\n3. Ba.\n`,
      refs: ['khoản 4 Điều 5', 'khoản 3 Điều 5 và khoản 1 Điều 5'],
    },
    {
      name: 'lists and both ends of a range follow',
      text: `${HEAD}Điều 1. Theo các khoản 2, 3 và từ khoản 2 đến khoản 4 Điều 2.\nĐiều 2. Hai\n1. Một.\n2. Mới.\n2. Hai.\n3. Ba.\n4. Bốn.\n`,
      refs: ['các khoản 3, 4 và từ khoản 3 đến khoản 5 Điều 2'],
    },
    {
      name: 'a deleted khoản: the ones after it move up, and so do their references',
      text: `${HEAD}Điều 1. Theo khoản 3 Điều 2 và điểm b khoản 4 Điều 2.\nĐiều 2. Hai\n1. Một.\n3. Ba.\n4. Bốn:\na) A.\nb) B.\n`,
      refs: ['khoản 2 Điều 2 và điểm b khoản 3 Điều 2'],
    },
    {
      name: 'moved khoản swap their numbers, and their references swap too',
      text: `${HEAD}Điều 1. Theo khoản 2 Điều 2; theo khoản 3 Điều 2.\nĐiều 2. Hai\n1. Một.\n3. Ba.\n2. Hai.\n`,
      refs: ['khoản 3 Điều 2', 'khoản 2 Điều 2'],
    },
    {
      name: 'an inserted Điều: Điều numbers and "Như Điều" in Nơi nhận follow; implicit "khoản 1" needs nothing',
      text: `${HEAD}Điều 1. Một, theo Điều 3 và khoản 1 Điều 2.\nĐiều 2. Mới\n1. Theo khoản 1.\nĐiều 2. Hai\n1. Khoản một.\nĐiều 3. Tổ chức thực hiện\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n`,
      refs: ['Điều 4 và khoản 1 Điều 3', 'khoản 1', 'Như Điều 4'],
    },
    {
      name: 'an inserted điểm: letters follow the Vietnamese order (d, đ, e)',
      text: `${HEAD}Điều 1. Theo điểm d và điểm đ khoản 1 Điều 2.\nĐiều 2. Hai\n1. Các trường hợp:\na) A;\nb) B;\nc) C;\nc) Mới;\nd) D;\nđ) Đ.\n`,
      refs: ['điểm đ và điểm e khoản 1 Điều 2'],
    },
    {
      name: 'sub-khoản "2.3" renumbered to "2.2" and its references',
      text: `${HEAD}Điều 1. Một\n1. Một.\n2. Hai:\n2.1. Hai một.\n2.3. Hai ba.\nĐiều 2. Theo khoản 2.3 Điều 1.\n`,
      refs: ['khoản 2.2 Điều 1'],
    },
    {
      name: 'references in an attached Kế hoạch to its roman sections',
      text: `${HEAD}Điều 1. Ban hành Kế hoạch, thực hiện mục III của Kế hoạch này.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A\nKẾ HOẠCH\nNăm 2025\n(Ban hành kèm theo Quyết định số 12/QĐ-BNV)\nI. MỤC ĐÍCH\n1. Một.\nIII. NHIỆM VỤ\n1. Theo khoản 1 mục III của Kế hoạch này.\n`,
      refs: ['mục II của Kế hoạch này', 'khoản 1 mục II của Kế hoạch này'],
    },
    {
      name: 'external and quoted amendment references are never touched',
      text: `${HEAD}Điều 1. Sửa đổi khoản 3 Điều 2 của Nghị định số 10/2020/NĐ-CP như sau:\n“3. Theo khoản 2 Điều 3.”\nĐiều 3. Theo khoản 3 Điều 2 Nghị định số 10/2020/NĐ-CP.\n`,
      refs: ['khoản 3 Điều 2 của Nghị định số 10/2020/NĐ-CP', 'khoản 2 Điều 3', 'khoản 3 Điều 2 Nghị định số 10/2020/NĐ-CP'],
      body: 'Điều 2. Theo khoản 3 Điều 2 Nghị định số 10/2020/NĐ-CP.',
    },
  ];
  it.each(cases)('$name', ({ text, refs, body }) => {
    const out = renumber(text).text;
    expect(referenceTexts(out)).toEqual(refs);
    if (body) expect(out).toContain(body);
    // Nothing else than numbers changed: same text once every run of digits/letters after a keyword is blanked.
    const shape = (t: string) => t.replace(/\d+/gu, '#').replace(/(điểm|mục) [a-zđIVX]+/gu, '$1 #').replace(/^(?:[a-zđ]\)|[IVX]+\.)/gmu, '#');
    expect(shape(out)).toBe(shape(text));
    // And fix-all is idempotent.
    expect(renumber(out)).toEqual({ text: out, applied: 0 });
  });
});

describe('the quick fix says it rewrites references', () => {
  it.each([
    ['vi', 'Đánh số lại các khoản cho liên tiếp (2 → 3, 3 → 4) và sửa 2 dẫn chiếu theo'],
    ['en', 'Renumber the clauses consecutively (2 → 3, 3 → 4) and update 2 references to them'],
  ] as const)('%s', (lang, title) => {
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Theo khoản 3 Điều 2; khoản 2 Điều 2.\nĐiều 2. Hai\n1. Một.\n2. Mới.\n2. Hai.\n3. Ba.\n';
    const fixes = checkDocument(text, { lang }).diagnostics.filter((d) => d.code === 'numbering/khoan').map((d) => d.fix?.title);
    expect(fixes).toEqual([title]);
  });
});

describe('referenceEdits', () => {
  it('leaves a written number alone when the units it names move differently, and says so', () => {
    // "điểm a khoản 1, 2": the one "a" names two điểm; only khoản 2's điểm get new letters.
    const text = 'QUYẾT ĐỊNH:\nĐiều 1. Theo điểm b khoản 1, 2 Điều 2.\nĐiều 2. Hai\n1. Một:\na) A;\nb) B.\n2. Hai:\na) A;\nc) B.\n';
    const parse = parseDocument(text);
    const b = findNode(parse, (n) => n.id === 'dieu_2/khoan_2/diem_c')!;
    const out = referenceEdits(parse, new Map([[b.id, { from: 'c', to: 'b' }]]));
    expect(out.edits).toEqual([]);
    // "b" names dieu_2/khoan_1/diem_b only (khoản 2 has no b): nothing to do; now move khoản 1's b.
    const b1 = findNode(parse, (n) => n.id === 'dieu_2/khoan_1/diem_b')!;
    const both = referenceEdits(parse, new Map([[b1.id, { from: 'b', to: 'c' }]]));
    expect(both.edits.map((e) => [text.slice(e.range.start, e.range.end), e.newText])).toEqual([['b', 'c']]);
  });

  it.each([
    ['2', 'III', 'phu-luc', '3'],
    ['01', '2', 'phu-luc', '02'],
    ['thứ hai', 'THỨ BA', 'phan', 'thứ ba'],
    ['II', '3', 'chuong', 'III'],
    ['đ', 'e', 'diem', 'e'],
    ['2.1', '3.1', 'khoan', '3.1'],
  ] as const)('writes "%s" → %s (%s) as "%s"', (written, label, kind, want) => {
    expect(writeLike(written, label, kind)).toBe(want);
  });
});

function findNode(parse: ParseResult, pred: (n: Node) => boolean): Node | undefined {
  const stack: Node[] = [parse.tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (pred(n)) return n;
    stack.push(...n.children);
  }
  return undefined;
}

describe('renumberScopeAt ("renumber this scope")', () => {
  const text = 'QUYẾT ĐỊNH:\nĐiều 1. Theo khoản 3 Điều 2 và điểm c khoản 1 Điều 2.\nĐiều 2. Hai\n1. Một:\na) A;\nc) C.\n3. Ba.\n';
  const parse = parseDocument(text);

  it('renumbers the khoản of the Điều at the cursor, with their references', () => {
    const at = text.indexOf('3. Ba');
    const r = renumberScopeAt(parse, at)!;
    expect(r.scope).toEqual({ kind: 'khoan', ids: ['dieu_2/khoan_1', 'dieu_2/khoan_3'] });
    expect(r.changes).toEqual([{ id: 'dieu_2/khoan_3', from: '3', to: '2' }]);
    expect(r.title.vi).toBe('Đánh số lại 2 khoản (3 → 2)');
    expect(applyEdits(text, r.edits)).toContain('Theo khoản 2 Điều 2 và điểm c khoản 1 Điều 2.\n');
  });

  it('takes the innermost scope: on a điểm, the điểm of its khoản', () => {
    const r = renumberScopeAt(parse, text.indexOf('c) C'))!;
    expect(r.scope.kind).toBe('diem');
    expect(applyEdits(text, r.edits)).toContain('Theo khoản 3 Điều 2 và điểm b khoản 1 Điều 2.\nĐiều 2. Hai\n1. Một:\na) A;\nb) C.\n');
  });

  it('takes a node id as well, and gives the same edits as the numbering quick fix', () => {
    const byId = renumberScopeAt(parse, 'dieu_2/khoan_3')!;
    expect(byId.edits).toEqual(renumberScopeAt(parse, text.indexOf('3. Ba'))!.edits);
    const fix = fixAll(text, { rules: { ...NUMBERING_ONLY, 'numbering/diem': 'off' } }).text;
    expect(applyEdits(text, byId.edits)).toBe(fix);
  });

  it('a scope already in order gives no edit', () => {
    const r = renumberScopeAt(parse, text.indexOf('Điều 2'))!;
    expect(r.scope.kind).toBe('dieu');
    expect(r.edits).toEqual([]);
    expect(r.title.vi).toBe('2 điều đã được đánh số đúng thứ tự');
  });

  it('warns of a reference to a deleted unit that the renumbering would hand to another one', () => {
    // khoản 2 was deleted: "khoản 2 Điều 2" names nothing; after renumbering, khoản 3 becomes 2.
    const t = 'QUYẾT ĐỊNH:\nĐiều 1. Theo khoản 2 Điều 2; theo khoản 3 Điều 2.\nĐiều 2. Hai\n1. Một.\n3. Ba.\n';
    const r = renumberScopeAt(parseDocument(t), t.indexOf('3. Ba'))!;
    expect(applyEdits(t, r.edits)).toContain('Theo khoản 2 Điều 2; theo khoản 2 Điều 2.');
    expect(r.captured.map((x) => t.slice(x.start, x.end))).toEqual(['khoản 2 Điều 2']);
    expect(r.warning?.vi).toBe('1 dẫn chiếu hiện không chỉ tới đơn vị nào sẽ chỉ tới một đơn vị khác sau khi đánh số lại; hãy kiểm tra');
    expect(renumberScopeAt(parse, text.indexOf('3. Ba'))!.captured).toEqual([]);
  });

  it('outside any numbered unit there is no scope', () => {
    expect(renumberScopeAt(parse, 0)).toBeUndefined();
    expect(renumberScopeAt(parse, 'no_such_id')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Property tests over generated decisions
// ---------------------------------------------------------------------------

/** A unit of the generated document: its marker ("U7") identifies it whatever its number. */
interface GenUnit {
  marker: string;
  label: string;
  /** Reference phrases written in its line. */
  refs: string[];
  children: GenUnit[];
}

interface Model {
  dieus: GenUnit[];
}

const ARB_SHAPE = fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), { minLength: 1, maxLength: 4 });

/** A consistently numbered model: Điều 1…n, khoản 1…, điểm a…. */
function buildModel(shape: number[][]): Model {
  let m = 0;
  const unit = (label: string, children: GenUnit[] = []): GenUnit => ({ marker: `U${++m}`, label, refs: [], children });
  return {
    dieus: shape.map((khoans, d) => unit(String(d + 1), khoans.map((nd, k) => unit(String(k + 1), Array.from({ length: nd }, (_, x) => unit(DIEM_LETTERS[x])))))),
  };
}

/** Every unit with its path of labels, for writing references to it. */
function unitsOf(model: Model): { u: GenUnit; dieu: GenUnit; khoan?: GenUnit }[] {
  const out: { u: GenUnit; dieu: GenUnit; khoan?: GenUnit }[] = [];
  for (const d of model.dieus) {
    out.push({ u: d, dieu: d });
    for (const k of d.children) {
      out.push({ u: k, dieu: d });
      for (const x of k.children) out.push({ u: x, dieu: d, khoan: k });
    }
  }
  return out;
}

/** Writes references (full chains, lists, ranges and "Như Điều") into random units of a consistent model. */
function addReferences(model: Model, picks: [number, number, number, number][]): void {
  const all = unitsOf(model);
  for (const [from, to, form, to2] of picks) {
    const host = all[from % all.length].u;
    const t = all[to % all.length];
    const t2 = all[to2 % all.length];
    let phrase: string;
    if (t.u === t.dieu) {
      phrase = form % 2 === 0 || t2.u !== t2.dieu || Number(t2.u.label) <= Number(t.u.label) ? `Điều ${t.u.label}` : `từ Điều ${t.u.label} đến Điều ${t2.u.label}`;
    } else if (!t.khoan) {
      const sib = t.dieu.children.find((k) => k !== t.u && Number(k.label) > Number(t.u.label));
      phrase = form % 3 === 1 && sib ? `các khoản ${t.u.label}, ${sib.label} Điều ${t.dieu.label}` : form % 3 === 2 && sib ? `từ khoản ${t.u.label} đến khoản ${sib.label} Điều ${t.dieu.label}` : `khoản ${t.u.label} Điều ${t.dieu.label}`;
    } else {
      phrase = `điểm ${t.u.label} khoản ${t.khoan.label} Điều ${t.dieu.label}`;
    }
    host.refs.push(phrase);
  }
}

function render(model: Model): string {
  const line = (u: GenUnit) => `${u.marker}${u.refs.map((r) => `; theo ${r}`).join('')}.`;
  const out = ['QUYẾT ĐỊNH:'];
  for (const d of model.dieus) {
    out.push(`Điều ${d.label}. ${line(d)}`);
    for (const k of d.children) {
      out.push(`${k.label}. ${line(k)}`);
      for (const x of k.children) out.push(`${x.label}) ${line(x)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** What each written number names, as markers, in text order (only numbers that name something). */
function namedMarkers(text: string): string[][] {
  const parse = parseDocument(text);
  const marker = (id: string) => {
    const n = findNode(parse, (x) => x.id === id);
    return n ? /[UN]\d+/u.exec(text.slice(n.range.start, n.range.end))?.[0] ?? '?' : '?';
  };
  const out: string[][] = [];
  for (const r of referencesOf(parse)) {
    const seen = new Set<object>();
    for (const c of r.chains) {
      c.chain.parts.forEach((part, i) => {
        if (seen.has(part)) return;
        seen.add(part);
        // A part not reached (its chain broke below) still has its written numbers: they name nothing.
        part.numberRanges.forEach((_, j) => out.push(c.parts[i]?.numbers[j]?.ids.map(marker) ?? []));
      });
    }
  }
  return out;
}

/** One edit of the drafter's: insert a unit typed with the number of its place, delete one, or move one. */
type Change = { op: 'insert' | 'delete' | 'move'; level: 0 | 1 | 2; where: number; to: number };

function applyChange(model: Model, c: Change, fresh: () => string): void {
  const lists: GenUnit[][] = c.level === 0 ? [model.dieus] : c.level === 1 ? model.dieus.map((d) => d.children) : model.dieus.flatMap((d) => d.children.map((k) => k.children));
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return;
  const list = nonEmpty[c.where % nonEmpty.length];
  const i = c.to % list.length;
  const labelAt = (pos: number) => (c.level === 2 ? DIEM_LETTERS[pos] : String(pos + 1));
  if (c.op === 'insert') list.splice(i, 0, { marker: fresh(), label: labelAt(i), refs: [], children: [] });
  else if (c.op === 'delete' && (c.level > 0 || list.length > 1)) list.splice(i, 1);
  else if (c.op === 'move' && list.length > 1) {
    const [u] = list.splice(i, 1);
    list.splice((i + 1 + c.where) % (list.length + 1), 0, u);
  }
}

const ARB_PICKS = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 8 });
const ARB_CHANGE = fc.record({ op: fc.constantFrom<'insert' | 'delete' | 'move'>('insert', 'delete', 'move'), level: fc.constantFrom<0 | 1 | 2>(0, 1, 2), where: fc.nat(), to: fc.nat() });

describe('renumbering: properties', () => {
  it('a consistently numbered document is left exactly as it is', () => {
    fc.assert(
      fc.property(ARB_SHAPE, ARB_PICKS, (shape, picks) => {
        const model = buildModel(shape);
        addReferences(model, picks);
        const text = render(model);
        expect(renumber(text)).toEqual({ text, applied: 0 });
        const parse = parseDocument(text);
        expect(referencesOf(parse).every((r) => r.status === 'resolved')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('after inserting, deleting or moving units and renumbering, every number that named a unit names the same unit', () => {
    fc.assert(
      fc.property(ARB_SHAPE, ARB_PICKS, fc.array(ARB_CHANGE, { minLength: 1, maxLength: 2 }), (shape, picks, changes) => {
        const model = buildModel(shape);
        addReferences(model, picks);
        let extra = 0;
        for (const c of changes) applyChange(model, c, () => `N${++extra}`);
        const drafted = render(model);
        const before = namedMarkers(drafted);
        const { text } = renumber(drafted);
        const after = namedMarkers(text);
        expect(after).toHaveLength(before.length);
        before.forEach((m, i) => {
          if (m.length > 0) expect(after[i], `number #${i} of ${JSON.stringify(drafted)}`).toEqual(m);
        });
        // Renumbered once is renumbered for good.
        expect(renumber(text).applied).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
