import type { CaptureVisibleTab } from '../capture';

/** What the background sees of a window's active tab. */
export interface ActiveTab {
  id?: number;
  url?: string;
}

/** The active tab of a window (`tabs.query({ active: true, windowId })`). */
export type ActiveTabOf = (windowId: number) => Promise<ActiveTab | undefined>;

/** The window's active tab changed (or moved to another page) around a screenshot. */
export class TabChangedError extends Error {
  constructor(when: 'before' | 'after') {
    super(`the tab is no longer the one tagged (${when} the screenshot)`);
    this.name = 'TabChangedError';
  }
}

/**
 * `captureVisibleTab` shoots whatever tab is active in the window when it runs, so this checks
 * right before and right after it that the window's active tab is `tabId` and that its URL did
 * not change during the shot. Either check failing drops the image: rather no screenshot than
 * another page's. (The URL is not compared with the message sender's: a single-page app's route
 * may legitimately have moved on since the tagger sent it.)
 */
export function checkedCapture(
  activeTabOf: ActiveTabOf,
  capture: CaptureVisibleTab,
  tabId: number,
): CaptureVisibleTab {
  return async (windowId) => {
    const before = await activeTabOf(windowId);
    if (before?.id !== tabId) throw new TabChangedError('before');
    const shot = await capture(windowId);
    const after = await activeTabOf(windowId);
    if (after?.id !== tabId || after.url !== before.url) throw new TabChangedError('after');
    return shot;
  };
}
