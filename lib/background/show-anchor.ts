import * as v from 'valibot';
import type { Anchor } from '../model';
import { fail, ok, type Result, type ShowAnchorResult } from '../messaging';

/** A frame of a tab, as `webNavigation.getAllFrames` lists it. */
export interface TabFrame {
  frameId: number;
  parentFrameId: number;
  url: string;
}

/** What "show on page" needs from the browser, injected so tests need none. */
export interface ShowAnchorIo {
  /** Sends a message to one frame of a tab and returns its answer. */
  askFrame: (tabId: number, message: unknown, frameId: number) => Promise<unknown>;
  /** The frames of a tab. */
  listFrames: (tabId: number) => Promise<TabFrame[]>;
}

/** Frames nested deeper than this are not followed (a page could nest them without end). */
const MAX_DEPTH = 4;

const answerSchema = v.object({
  ok: v.literal(true),
  value: v.union([
    v.object({ matchedBy: v.picklist(['css', 'text', 'position', 'none']) }),
    v.object({ forwardTo: v.object({ frameUrl: v.string() }) }),
  ]),
});

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
    const message = {
      channel: 'touchpoint-auditor',
      type: 'highlightAnchor',
      payload: { anchor: rest },
    };
    let raw: unknown;
    try {
      raw = await io.askFrame(tabId, message, frameId);
    } catch (error) {
      return fail('unreachable', error instanceof Error ? error.message : String(error));
    }
    const answer = v.safeParse(answerSchema, raw);
    if (!answer.success) return fail('unreachable', 'the page did not answer');
    const value = answer.output.value;
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
