/**
 * The extension's message and storage schemas, value by value: what each
 * accepts and what it refuses. They are zod/mini (lib/messages.ts says why);
 * these rows pin the behaviour they had as zod classic — integers that must
 * be safe and non-negative, lengths at their limit and one past it, dates by
 * pattern, enums, optional fields, unknown keys dropped — and that the
 * schemas built on first use (`z.lazy`) check the same as built at once.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LearnedEntrySchema } from '../../../extension/browser/background/learned.ts';
import { AnalysisWireSchema, packAnalysis } from '../../../extension/browser/lib/analysis-wire.ts';
import {
  BackgroundRequest,
  FindingSchema,
  INVALID_ANSWER,
  LearnResponse,
  MAX_PAGE_CHARS,
  NoResponse,
  PageCitationSchema,
  PageStatusSchema,
  TabRequest,
  unwrapReply,
} from '../../../extension/browser/lib/messages.ts';
import { readSettings, SettingsSchema } from '../../../extension/browser/lib/settings.ts';
import { DraftSchema, MAX_DRAFT_CHARS } from '../../../extension/browser/lib/storage.ts';
import { readAnalysis } from './read-analysis.ts';

const FACTS = { number: '101/2015/QH13', issued: '2015-11-27', url: 'https://vbpl.vn/' };
const CITATION = { start: 0, end: 5, canonical: '63/2022/NĐ-CP', card: { heading: 'Nghị định 63', facts: [['Loại', 'Nghị định']], known: true, tone: 'ok' } };
const FINDING = { start: 1, end: 2, code: 'text/spacing', severity: 'warning', message: 'Thừa dấu cách' };
const STATUS = { state: 'done', citations: 1, references: 2, broken: 0, findings: 3 };
const SETTINGS = { lang: 'vi', rules: { 'text/spacing': 'off' }, disabledSites: ['vbpl.vn'], annotate: { citations: true, references: true, panel: false } };
const DRAFT = { text: 'Điều 1.', name: 'van-ban.txt', savedAt: 1_700_000_000_000 };

type Row = [string, { safeParse(v: unknown): { success: boolean } }, unknown, boolean];

const rows: Row[] = [
  // Requests from the popup to the content script.
  ['tab: status', TabRequest, { kind: 'status' }, true],
  ['tab: show-panel', TabRequest, { kind: 'show-panel' }, true],
  ['tab: rerun', TabRequest, { kind: 'rerun' }, true],
  ['tab: an unknown kind', TabRequest, { kind: 'eval' }, false],
  ['tab: no kind', TabRequest, {}, false],
  ['tab: a string', TabRequest, 'status', false],
  // Requests to the background: safe non-negative integers, bounded strings.
  ['text part', BackgroundRequest, { kind: 'text-part', run: 'abcdefgh', index: 0, text: '' }, true],
  ['text part: index at its limit', BackgroundRequest, { kind: 'text-part', run: 'abcdefgh', index: 100_000, text: '' }, true],
  ['text part: index past its limit', BackgroundRequest, { kind: 'text-part', run: 'abcdefgh', index: 100_001, text: '' }, false],
  ['text part: negative index', BackgroundRequest, { kind: 'text-part', run: 'abcdefgh', index: -1, text: '' }, false],
  ['text part: fractional index', BackgroundRequest, { kind: 'text-part', run: 'abcdefgh', index: 1.5, text: '' }, false],
  ['text part: NaN index', BackgroundRequest, { kind: 'text-part', run: 'abcdefgh', index: Number.NaN, text: '' }, false],
  ['text part: run id of 7', BackgroundRequest, { kind: 'text-part', run: 'abcdefg', index: 0, text: '' }, false],
  ['text part: run id of 64', BackgroundRequest, { kind: 'text-part', run: 'a'.repeat(64), index: 0, text: '' }, true],
  ['text part: run id of 65', BackgroundRequest, { kind: 'text-part', run: 'a'.repeat(65), index: 0, text: '' }, false],
  ['analyze: the whole text', BackgroundRequest, { kind: 'analyze', text: 'Điều 1.' }, true],
  ['analyze: a page at its limit', BackgroundRequest, { kind: 'analyze', text: 'x'.repeat(MAX_PAGE_CHARS) }, true],
  ['analyze: a page past its limit', BackgroundRequest, { kind: 'analyze', text: 'x'.repeat(MAX_PAGE_CHARS + 1) }, false],
  ['analyze: English', BackgroundRequest, { kind: 'analyze', text: '', lang: 'en' }, true],
  ['analyze: French', BackgroundRequest, { kind: 'analyze', text: '', lang: 'fr' }, false],
  ['analyze: parts after a run', BackgroundRequest, { kind: 'analyze', text: '', run: 'abcdefgh', parts: 5 }, true],
  ['analyze: parts of 2^53', BackgroundRequest, { kind: 'analyze', text: '', parts: 2 ** 53 }, false],
  ['learn', BackgroundRequest, { kind: 'learn', facts: FACTS }, true],
  ['learn: an empty number', BackgroundRequest, { kind: 'learn', facts: { ...FACTS, number: '' } }, false],
  ['learn: a date as the page writes it', BackgroundRequest, { kind: 'learn', facts: { ...FACTS, issued: '27/11/2015' } }, false],
  ['learn: an issuer of 301', BackgroundRequest, { kind: 'learn', facts: { ...FACTS, issuer: 'x'.repeat(301) } }, false],
  ['report', BackgroundRequest, { kind: 'report', problems: 0 }, true],
  ['report: the largest safe integer', BackgroundRequest, { kind: 'report', problems: Number.MAX_SAFE_INTEGER }, true],
  ['report: past the safe integers', BackgroundRequest, { kind: 'report', problems: 2 ** 53 }, false],
  ['report: infinitely many', BackgroundRequest, { kind: 'report', problems: Number.POSITIVE_INFINITY }, false],
  ['report: a number as a string', BackgroundRequest, { kind: 'report', problems: '3' }, false],
  // Answers.
  ['learn answer', LearnResponse, { added: true, number: '1/2020/NĐ-CP' }, true],
  ['learn answer: added missing', LearnResponse, { number: 'x' }, false],
  ['no answer', NoResponse, null, true],
  ['no answer: undefined', NoResponse, undefined, false],
  ['citation', PageCitationSchema, CITATION, true],
  ['citation: a tone it does not know', PageCitationSchema, { ...CITATION, card: { ...CITATION.card, tone: 'red' } }, false],
  ['citation: 40 facts', PageCitationSchema, { ...CITATION, card: { ...CITATION.card, facts: Array(40).fill(['a', 'b']) } }, true],
  ['citation: 41 facts', PageCitationSchema, { ...CITATION, card: { ...CITATION.card, facts: Array(41).fill(['a', 'b']) } }, false],
  ['citation: a fact of three', PageCitationSchema, { ...CITATION, card: { ...CITATION.card, facts: [['a', 'b', 'c']] } }, false],
  ['citation: a heading of 2,000', PageCitationSchema, { ...CITATION, card: { ...CITATION.card, heading: 'x'.repeat(2_000) } }, true],
  ['citation: a heading of 2,001', PageCitationSchema, { ...CITATION, card: { ...CITATION.card, heading: 'x'.repeat(2_001) } }, false],
  ['finding', FindingSchema, FINDING, true],
  ['finding: severity off', FindingSchema, { ...FINDING, severity: 'off' }, false],
  ['finding: a negative start', FindingSchema, { ...FINDING, start: -1 }, false],
  ['finding: minus zero', FindingSchema, { ...FINDING, start: -0 }, true],
  ['page status', PageStatusSchema, STATUS, true],
  ['page status: a state it does not know', PageStatusSchema, { ...STATUS, state: 'paused' }, false],
  ['page status: negative ms', PageStatusSchema, { ...STATUS, ms: -1 }, false],
  ['page status: fractional ms', PageStatusSchema, { ...STATUS, ms: 1.5 }, true],
  // Storage.
  ['settings', SettingsSchema, SETTINGS, true],
  ['settings: a rule code with a capital', SettingsSchema, { ...SETTINGS, rules: { 'text/Spacing': 'off' } }, false],
  ['settings: a severity it does not know', SettingsSchema, { ...SETTINGS, rules: { 'text/spacing': 'fatal' } }, false],
  ['settings: a host with a space', SettingsSchema, { ...SETTINGS, disabledSites: ['vbpl vn'] }, false],
  ['settings: 1,001 hosts', SettingsSchema, { ...SETTINGS, disabledSites: Array(1_001).fill('a.vn') }, false],
  ['settings: annotate without panel', SettingsSchema, { ...SETTINGS, annotate: { citations: true, references: true } }, false],
  ['draft', DraftSchema, DRAFT, true],
  ['draft: a name of 256', DraftSchema, { ...DRAFT, name: 'x'.repeat(256) }, false],
  ['draft: a fractional time', DraftSchema, { ...DRAFT, savedAt: 1.5 }, false],
  ['draft: text past its limit', DraftSchema, { ...DRAFT, text: 'x'.repeat(MAX_DRAFT_CHARS + 1) }, false],
  ['learned entry', LearnedEntrySchema, { ...FACTS, firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-02T00:00:00.000Z' }, true],
  ['learned entry: no reading time', LearnedEntrySchema, FACTS, false],
];

describe('the schemas accept and refuse as before', () => {
  it.each(rows)('%s', (_name, schema, value, accepted) => {
    expect(schema.safeParse(value).success).toBe(accepted);
  });

  it('drops keys a schema does not name, on the request and in the nested facts', () => {
    const r = BackgroundRequest.safeParse({ kind: 'learn', facts: { ...FACTS, extra: 1 }, extra: 2 });
    expect(r.success && r.data).toEqual({ kind: 'learn', facts: FACTS });
  });

  it('reads settings back field by field, each wrong field to its default and named', () => {
    const r = readSettings({ ...SETTINGS, lang: 'fr', rules: { 'text/spacing': 'off', 'Bad/Code': 'error' }, extra: true });
    expect(r.settings).toEqual({ ...SETTINGS, lang: 'vi' });
    expect(r.problems).toEqual(['lang', 'rules.Bad/Code', 'extra']);
    expect(readSettings({ ...SETTINGS, lang: 'en' })).toEqual({ settings: { ...SETTINGS, lang: 'en' }, problems: [] });
  });

  it("checks an answer wrapped in its reply, and refuses a malformed one in Vietnamese, not with zod's message", () => {
    const wire = packAnalysis({ document: { number: '1' }, citations: [CITATION as never], references: [], findings: [FINDING as never], ms: 2 });
    expect(unwrapReply({ ok: true, value: wire }, AnalysisWireSchema)).toEqual(wire);
    expect(() => unwrapReply({ ok: true, value: { ...wire, ms: -1 } }, AnalysisWireSchema)).toThrow(INVALID_ANSWER);
    expect(() => unwrapReply({ ok: false, error: 'x'.repeat(2_001) }, NoResponse)).toThrow(INVALID_ANSWER);
    expect(() => unwrapReply({ ok: false, error: 'Trang quá lớn' }, NoResponse)).toThrow('Trang quá lớn');
    // A citation or finding that does not validate (checked one by one after the columns) is refused with the same words.
    expect(() => readAnalysis({ ...wire, findings: [{ ...FINDING, severity: 'fatal' }] })).toThrow(INVALID_ANSWER);
    expect(() => readAnalysis({ ...wire, citations: [{ ...CITATION, start: -1 }] })).toThrow(INVALID_ANSWER);
    expect(INVALID_ANSWER).toBe('Câu trả lời không hợp lệ từ tiện ích');
  });

  it('builds a schema on first use once, and checks with it the same afterwards', () => {
    const built: unknown[] = [];
    const lazy = z.lazy(() => {
      const s = z.object({ n: z.number().check(z.int(), z.nonnegative()) });
      built.push(s);
      return s;
    });
    expect(built).toHaveLength(0);
    expect([lazy.safeParse({ n: 1 }).success, lazy.safeParse({ n: -1 }).success, lazy.safeParse({ n: 1 }).success]).toEqual([true, false, true]);
    expect(built).toHaveLength(1);
  });
});
