// What must hold for ANY text, checked on the built core (dist/core.js) in
// the bounded worker (test/helpers/bounded.ts): the fuzz suite's oracle.
// Returns the list of violations (empty when all is well). Plain JS so the
// worker thread can import it without a TypeScript loader.

const validRange = (r, length) =>
  r && Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length;

/**
 * Parse (`depth` 'parse'), then check ('check'), then fix ('full') `text`;
 * report every broken promise of the core on the way.
 */
export function invariants(core, text, depth = 'full') {
  const out = [];
  const say = (what) => {
    if (out.length < 20) out.push(what);
  };

  // 1. The parse never throws and every range points into the original text.
  const parse = core.parseDocument(text);
  const stack = [parse.tree];
  let nodes = 0;
  while (stack.length) {
    const n = stack.pop();
    nodes++;
    if (!validRange(n.range, text.length)) say(`node ${n.kind} range ${JSON.stringify(n.range)} outside [0, ${text.length}]`);
    for (const c of n.children ?? []) stack.push(c);
  }

  if (depth === 'parse') return { violations: out, nodes, diagnostics: 0 };

  // 2. Checking never throws, no rule fails, diagnostics and fixes point into the text.
  const check = core.checkDocument(text);
  for (const f of check.failures) say(`rule ${f.code} threw: ${String(f.error)}`);
  for (const d of check.diagnostics) {
    if (!validRange(d.range, text.length)) say(`${d.code} range ${JSON.stringify(d.range)} outside the text`);
    if (typeof d.message !== 'string' || !d.message) say(`${d.code} has no message`);
    for (const r of d.related ?? []) if (!validRange(r.range, text.length)) say(`${d.code} related range outside the text`);
    const edits = d.fix?.edits ?? [];
    const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
    for (let i = 0; i < sorted.length; i++) {
      if (!validRange(sorted[i].range, text.length)) say(`${d.code} fix edit outside the text`);
      if (i > 0 && sorted[i].range.start < sorted[i - 1].range.end) say(`${d.code} fix edits overlap`);
    }
  }

  // 3. The fixes applied together change nothing outside their edits: an
  //    independent splice gives the same text, and every gap is kept.
  const edits = core.collectFixEdits(check.diagnostics);
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  let spliced = '';
  let at = 0;
  for (const e of sorted) {
    if (e.range.start < at) {
      say('collectFixEdits returned overlapping edits');
      break;
    }
    spliced += text.slice(at, e.range.start) + e.newText;
    at = e.range.end;
  }
  spliced += text.slice(at);
  if (out.length === 0) {
    const applied = core.applyEdits(text, edits);
    if (applied !== spliced) say('applyEdits differs from an independent splice of the same edits');
  }

  if (depth === 'check') return { violations: out, nodes, diagnostics: check.diagnostics.length };

  // 4. fixAll terminates with a text that parses and checks again.
  const fixed = core.fixAll(text);
  if (typeof fixed.text !== 'string') say('fixAll returned no text');
  else {
    const again = core.checkDocument(fixed.text);
    for (const f of again.failures) say(`after fixAll, rule ${f.code} threw: ${String(f.error)}`);
  }
  return { violations: out, nodes, diagnostics: check.diagnostics.length };
}
