/** The analysis a background answer carries, as the content script reads it (whole, without slices). */
import { AnalysisWireSchema, checkAnalysis } from '../../../extension/browser/lib/analysis-wire.ts';
import type { Analysis } from '../../../extension/browser/lib/messages.ts';
import { runToEnd } from '../../../extension/browser/page/text-map.ts';

export function readAnalysis(answer: unknown): Analysis {
  return runToEnd(checkAnalysis(AnalysisWireSchema.parse(answer)));
}
