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

/** The browser did not answer a screenshot in time. */
export class CaptureTimeoutError extends Error {
  constructor(ms: number) {
    super(`the browser took more than ${ms} ms to take the screenshot`);
    this.name = 'CaptureTimeoutError';
  }
}

/**
 * How long a screenshot may take before it is given up: `captureVisibleTab` answers in tens of
 * milliseconds (the encoding of a 1280 × 720 shot takes 25–33 ms), but nothing bounds it, and everything of the tab waits behind it (the
 * capture queue of every tab, and the tab's draft while the pick's shot is being kept).
 */
export const CAPTURE_TIMEOUT_MS = 5_000;

/**
 * `captureVisibleTab` shoots whatever tab is active in the window when it runs, so this checks
 * right before and right after it that the window's active tab is `tabId` and that its URL did
 * not change during the shot. Either check failing drops the image: rather no screenshot than
 * another page's. A shot that takes longer than `timeoutMs` is given up the same way (the image,
 * should it come later, is dropped: the page may have changed since, the panel shown on it). (The URL is not compared with the message sender's: a single-page app's route
 * may legitimately have moved on since the tagger sent it.)
 */
export function checkedCapture(
  activeTabOf: ActiveTabOf,
  capture: CaptureVisibleTab,
  tabId: number,
  timeoutMs = CAPTURE_TIMEOUT_MS,
): CaptureVisibleTab {
  return async (windowId) => {
    const before = await activeTabOf(windowId);
    if (before?.id !== tabId) throw new TabChangedError('before');
    const shot = await withinTime(capture(windowId), timeoutMs);
    const after = await activeTabOf(windowId);
    if (after?.id !== tabId || after.url !== before.url) throw new TabChangedError('after');
    return shot;
  };
}

/** `work`'s answer, or a {@link CaptureTimeoutError} once `ms` have passed without one. */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaptureTimeoutError(ms)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
