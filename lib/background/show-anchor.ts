import type { Anchor } from '../model';
import {
  ok,
  sendToFrame,
  type ContentEnvelope,
  type Result,
  type ShowAnchorResult,
} from '../messaging';

/** A frame of a tab, as `webNavigation.getAllFrames` lists it. */
export interface TabFrame {
  frameId: number;
  parentFrameId: number;
  url: string;
}

/** What "show on page" needs from the browser, injected so tests need none. */
export interface ShowAnchorIo {
  /** Sends a message to one frame of a tab and returns its raw answer. */
  askFrame: (tabId: number, message: ContentEnvelope, frameId: number) => Promise<unknown>;
  /** The frames of a tab. */
  listFrames: (tabId: number) => Promise<TabFrame[]>;
}

/** Frames nested deeper than this are not followed (a page could nest them without end). */
const MAX_DEPTH = 4;

const sameDoc = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/**
 * Asks a tab to outline an anchor: its top frame first; when the anchor lies in a sub-frame,
 * the top frame names the iframe's URL and the request goes on to that child frame with the
 * rest of the frame path. `unreachable` when no content script answers (a page the extension
 * may not run in, or a tab closed meanwhile).
 */
export async function showAnchorInTab(
  io: ShowAnchorIo,
  tabId: number,
  anchor: Anchor,
): Promise<Result<ShowAnchorResult>> {
  let frameId = 0;
  let rest = anchor;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const answer = await sendToFrame(
      { tabId, frameId },
      'highlightAnchor',
      { anchor: rest },
      (tab, message) => io.askFrame(tab, message, frameId),
    );
    if (!answer.ok) return answer;
    const value = answer.value;
    if ('matchedBy' in value) return ok({ matchedBy: value.matchedBy });
    const frames = await io.listFrames(tabId);
    const parent = frameId;
    const child = frames.find(
      (f) => f.parentFrameId === parent && sameDoc(f.url, value.forwardTo.frameUrl),
    );
    if (!child) return ok({ matchedBy: 'none' });
    frameId = child.frameId;
    rest = { ...rest, framePath: rest.framePath.slice(1) };
  }
  return ok({ matchedBy: 'none' });
}
