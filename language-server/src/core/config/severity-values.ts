/**
 * The values a rule takes in a config: the four severities, or "off". A
 * module of its own, free of zod: the browser extension's content script
 * reads it for its settings, and importing config.ts would bundle the
 * config's zod schema (and zod classic) into every portal page.
 */
export const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint', 'off'] as const;
