/**
 * Zod compiles fast validators with `new Function` when it may. Extension
 * pages, workers and content scripts forbid eval (the manifest's CSP), so
 * zod would only probe, fail and fall back — and the probe is a CSP
 * violation report on every page. Jitless from the start: no probe.
 * The setting is the core's (zod/v4/core's globalConfig), which zod classic
 * and zod/mini share: set here through mini, it holds for both, so the
 * content script (mini only) does not bundle classic for it.
 */
import { config } from 'zod/mini';

config({ jitless: true });
