import { browser } from 'wxt/browser';
import { thumbnailDataUrl } from '../capture/thumbnail';
import { tabsTransport } from '../messaging';
import type { ShowAnchorIo } from './show-anchor';
import type { VisitIo } from './visit-again';

/** How long a page may take to load before "Visit again" looks for the element anyway. */
const LOAD_TIMEOUT_MS = 30_000;

const withoutFragment = (url: string) => url.split('#')[0];

/** Resolves once the tab has finished loading (or the wait timed out). */
function whenComplete(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve();
    };
    const onUpdated = (id: number, change: { status?: string }) =>
      id === tabId && change.status === 'complete' && done();
    const timer = setTimeout(done, LOAD_TIMEOUT_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    // It may have loaded before the listener was in place.
    void browser.tabs.get(tabId).then((tab) => tab.status === 'complete' && done(), done);
  });
}

/** "Visit again" through the browser's tabs API. */
export function browserVisitIo(frames: ShowAnchorIo): VisitIo {
  return {
    async tabsShowing(url) {
      const tabs = await browser.tabs.query({});
      return tabs
        .filter((t) => t.id !== undefined && withoutFragment(t.url ?? '') === withoutFragment(url))
        .map((t) => t.id!);
    },
    async openTab(url) {
      const tab = await browser.tabs.create({ url, active: true });
      if (tab.id === undefined) throw new Error('the new tab has no id');
      return tab.id;
    },
    async focusTab(tabId) {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab?.windowId !== undefined)
        await browser.windows.update(tab.windowId, { focused: true });
    },
    async whenLoaded(tabId) {
      await whenComplete(tabId);
      const tab = await browser.tabs.get(tabId);
      return { url: tab.url ?? '', title: tab.title ?? '' };
    },
    frames,
    sendToTab: tabsTransport,
    thumbnail: thumbnailDataUrl,
  };
}
