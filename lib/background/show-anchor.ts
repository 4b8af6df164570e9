import type { Anchor } from '../model';
import {
  ok,
  sendToFrame,
  type ContentEnvelope,
  type ContentRequestOf,
  type ContentResponseOf,
  type ForwardToFrame,
  type RefindResult,
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

/** The messages that look for an anchor frame by frame. */
type FrameSearch = 'highlightAnchor' | 'refindAnchor';
/** What a frame answers when it looked itself (rather than naming a sub-frame). */
type Looked<K extends FrameSearch> = Exclude<ContentResponseOf<K>, ForwardToFrame>;

/**
 * Asks a tab's frames about an anchor, frame by frame: its top frame first; when the anchor
 * lies in a sub-frame, the top frame names the iframe's URL and the request goes on to that
 * child frame with the rest of the frame path. Answers the frame's own answer and the frame
 * path steps followed to reach it; null when a named frame is not there. `unreachable` when no
 * content script answers (a page the extension may not run in, or a tab closed meanwhile).
 */
async function askAlongFramePath<K extends FrameSearch>(
  io: ShowAnchorIo,
  tabId: number,
  anchor: Anchor,
  type: K,
): Promise<Result<{ answer: Looked<K>; steps: string[] } | null>> {
  let frameId = 0;
  let rest = anchor;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const answer = await sendToFrame(
      { tabId, frameId },
      type,
      { anchor: rest } as ContentRequestOf<K>,
      (tab, message) => io.askFrame(tab, message, frameId),
    );
    if (!answer.ok) return answer;
    const value: ContentResponseOf<K> = answer.value;
    if (!('forwardTo' in value))
      return ok({ answer: value as Looked<K>, steps: anchor.framePath.slice(0, depth) });
    const frames = await io.listFrames(tabId);
    const parent = frameId;
    const child = frames.find(
      (f) => f.parentFrameId === parent && sameDoc(f.url, value.forwardTo.frameUrl),
    );
    if (!child) return ok(null);
    frameId = child.frameId;
    rest = { ...rest, framePath: rest.framePath.slice(1) };
  }
  return ok(null);
}

/**
 * Asks a tab to outline an anchor ("show on page"), frame by frame, and answers which
 * selector found it, or `none`.
 */
export async function showAnchorInTab(
  io: ShowAnchorIo,
  tabId: number,
  anchor: Anchor,
): Promise<Result<ShowAnchorResult>> {
  const found = await askAlongFramePath(io, tabId, anchor, 'highlightAnchor');
  if (!found.ok) return found;
  return ok({ matchedBy: found.value?.answer.matchedBy ?? 'none' });
}

/**
 * Finds an anchor's element again for a re-audit, frame by frame, outlining it as "show on
 * page" does: how it was found, and its anchor as the page is now, with the frame path from
 * the top document (null when it is gone).
 */
export async function refindAnchorInTab(
  io: ShowAnchorIo,
  tabId: number,
  anchor: Anchor,
): Promise<Result<RefindResult>> {
  const found = await askAlongFramePath(io, tabId, anchor, 'refindAnchor');
  if (!found.ok) return found;
  const { answer, steps } = found.value ?? { answer: null, steps: [] };
  if (!answer?.anchor) return ok({ matchedBy: 'none', anchor: null });
  return ok({
    matchedBy: answer.matchedBy,
    anchor: { ...answer.anchor, framePath: [...steps, ...answer.anchor.framePath] },
  });
}
