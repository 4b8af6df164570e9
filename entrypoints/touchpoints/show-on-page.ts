import { browser } from 'wxt/browser';
import { whenTabLoaded } from '@/lib/util/tab-loaded';
import { describeProblem, t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import type { MatchedBy } from '@/lib/anchoring';
import type { Anchor } from '@/lib/model';

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
  await whenTabLoaded(tab.id);
  const answer = await sendToBackground('showAnchorInTab', { tabId: tab.id, anchor });
  if (!answer.ok)
    return {
      matched: null,
      text: t('touchpoints.show.failed', { message: describeProblem(answer.error) }),
    };
  const matched = answer.value.matchedBy;
  return { matched, text: t(`touchpoints.show.${matched}`) };
}
