/**
 * The rehearsal of typing a fresh server runs on a built-in text (core/language-service/rehearsal.ts): it must
 * take the incremental paths it is there to warm — every edit answered from the version before, among them
 * citation edits (a number, a date, an issuer's name broken) and a table row's cell border — and those answers,
 * though thrown away, are the full check's.
 */
import { describe, expect, it } from 'vitest';
import { createLanguageService, type LanguageService } from '../../language-server/src/core/language-service.ts';
import { REHEARSAL_TEXT, rehearseTyping } from '../../language-server/src/core/language-service/rehearsal.ts';
import { findCitationsInText } from '../../language-server/src/core/citations/index.ts';
import { checkDocument, type CheckOptions } from '../../language-server/src/core/service.ts';

/** A language service that keeps each text it was asked about, with its answer. */
function recording(): { service: LanguageService; answers: { text: string; diagnostics: unknown }[] } {
  const inner = createLanguageService();
  const answers: { text: string; diagnostics: unknown }[] = [];
  const service: LanguageService = {
    ...inner,
    diagnostics: (doc, options) => {
      const r = inner.diagnostics(doc, options);
      answers.push({ text: doc.text, diagnostics: r.diagnostics });
      return r;
    },
  };
  return { service, answers };
}

function run(service: LanguageService, options: CheckOptions) {
  const steps = rehearseTyping(service, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const readings = (text: string) => JSON.stringify(findCitationsInText(text).map((c) => ({ ...c, range: undefined })));

describe('rehearsal of typing', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`answers every edit from the version before, as the full check does (${lang})`, () => {
      const { service, answers } = recording();
      const outcome = run(service, { lang });
      expect(outcome.edits).toBeGreaterThanOrEqual(60);
      expect(outcome.fast).toBe(outcome.edits);
      expect(answers).toHaveLength(outcome.edits + 1);
      for (const a of answers) expect(a.diagnostics).toEqual(checkDocument(a.text, { lang }).diagnostics);
    });
  }

  it('types into citations (changing how they read) and beside a table cell border', () => {
    const { service, answers } = recording();
    run(service, { lang: 'vi' });
    const typed = answers.slice(1).map((a) => a.text);
    const asWritten = readings(REHEARSAL_TEXT);
    expect(typed.filter((t) => readings(t) !== asWritten).length).toBeGreaterThanOrEqual(10);
    // An issuer's name broken: every issuer pattern starting with "Bộ" is tried.
    const named = (t: string) => t.split('của Bộ trưởng Bộ Nội vụ').length;
    expect(typed.some((t) => named(t) < named(REHEARSAL_TEXT))).toBe(true);
    // A space deleted before a cell border of a row.
    const firstDifference = (t: string) => [...t].findIndex((ch, i) => ch !== REHEARSAL_TEXT[i]);
    expect(typed.some((t) => REHEARSAL_TEXT.slice(firstDifference(t), firstDifference(t) + 2) === ' |' && t.slice(firstDifference(t)) === REHEARSAL_TEXT.slice(firstDifference(t) + 1))).toBe(true);
  });
});
