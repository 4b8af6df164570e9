import { browser } from 'wxt/browser';
import { whenTabLoaded } from '../util/tab-loaded';
import { thumbnailDataUrl } from '../capture/thumbnail';
import type { FrameTransport } from '../messaging';
import type { ShowAnchorIo } from './show-anchor';
import type { VisitIo } from './visit-again';

const withoutFragment = (url: string) => url.split('#')[0];

/** "Visit again" through the browser's tabs API. */
export function browserVisitIo(frames: ShowAnchorIo, sendToTab: FrameTransport): VisitIo {
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
      await whenTabLoaded(tabId);
      const tab = await browser.tabs.get(tabId);
      return { url: tab.url ?? '', title: tab.title ?? '' };
    },
    frames,
    sendToTab,
    thumbnail: thumbnailDataUrl,
  };
}
