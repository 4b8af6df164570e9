import { browser } from 'wxt/browser';
import { webHostOf } from '@/lib/util/url';

/** The tab the popup acts on. */
export interface CurrentTab {
  id: number;
  url: string;
  /** The URL's host name; empty for pages other than http(s) ones (see `webHostOf`). */
  host: string;
}

/**
 * The tab the popup was opened over: `?tab=<id>` when given (tests open the popup as a page
 * of its own), else the active tab of the last focused normal window.
 */
export async function findCurrentTab(search: string = location.search): Promise<CurrentTab | null> {
  try {
    const param = Number(new URLSearchParams(search).get('tab'));
    let tab;
    if (Number.isInteger(param) && param > 0) {
      tab = await browser.tabs.get(param);
    } else {
      const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
      [tab] = await browser.tabs.query({ active: true, windowId: win.id });
    }
    if (tab?.id === undefined) return null;
    const url = tab.url ?? '';
    return { id: tab.id, url, host: webHostOf(url) };
  } catch {
    return null;
  }
}
