import { browser } from 'wxt/browser';
import { describeProblem, t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import type { MatchedBy } from '@/lib/anchoring';
import type { Anchor } from '@/lib/model';

/** How long a page may take to load before "show on page" gives up waiting. */
const LOAD_TIMEOUT_MS = 30_000;

/** Resolves once the tab has finished loading (or the wait timed out). */
function whenLoaded(tabId: number): Promise<void> {
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

/** What "show on page" found: which of the anchor's selectors matched (or none), and the words for it. */
export interface ShownOnPage {
  matched: MatchedBy | 'none' | null;
  text: string;
}

/**
 * Opens a touchpoint's URL in a new tab and, once it has loaded, asks the page to outline the
 * anchor. Returns what was found, or null when there is no anchor to look for; `matched` is
 * null when the page could not be asked.
 */
export async function showOnPage(url: string, anchor: Anchor | null): Promise<ShownOnPage | null> {
  const tab = await browser.tabs.create({ url });
  if (!anchor || tab.id === undefined) return null;
  await whenLoaded(tab.id);
  const answer = await sendToBackground('showAnchorInTab', { tabId: tab.id, anchor });
  if (!answer.ok)
    return {
      matched: null,
      text: t('touchpoints.show.failed', { message: describeProblem(answer.error) }),
    };
  const matched = answer.value.matchedBy;
  return { matched, text: t(`touchpoints.show.${matched}`) };
}
