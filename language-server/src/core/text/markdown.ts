/**
 * Hovers are Markdown, and the text they quote (titles, issuers, page text)
 * is the user's: a "*" or "_" in a trích yếu must stay a character, not turn
 * the rest of the card italic.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/gu, '\\$1');
}
