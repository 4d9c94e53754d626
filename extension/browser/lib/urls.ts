import { browser } from 'wxt/browser';

/**
 * The URL of one of the extension's own files. (WXT types `getURL` with the
 * paths `wxt prepare` generates; the lint runs without that step.)
 */
export function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(p: string): string }).getURL(path);
}
