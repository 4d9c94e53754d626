/**
 * Zod compiles fast validators with `new Function` when it may. Extension
 * pages, workers and content scripts forbid eval (the manifest's CSP), so
 * zod would only probe, fail and fall back — and the probe is a CSP
 * violation report on every page. Jitless from the start: no probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
