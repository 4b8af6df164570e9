import { browser } from 'wxt/browser';

/** How long a page may take to load before whoever waits for it looks at it anyway. */
export const LOAD_TIMEOUT_MS = 30_000;

/**
 * Resolves once the tab has finished loading, or after `timeoutMs` (a page that never settles,
 * e.g. one that keeps a request open, is looked at anyway). For extension pages and the
 * background; the content script never reaches `wxt/browser`.
 */
export function whenTabLoaded(tabId: number, timeoutMs = LOAD_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    };
    const onUpdated = (id: number, change: { status?: string }) =>
      id === tabId && change.status === 'complete' && done();
    const timer = setTimeout(done, timeoutMs);
    browser.tabs.onUpdated.addListener(onUpdated);
    // It may have loaded before the listener was in place.
    void browser.tabs.get(tabId).then((tab) => tab.status === 'complete' && done(), done);
  });
}
