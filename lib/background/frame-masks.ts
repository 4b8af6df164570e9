import type { KindCount } from '../capture/redact/kinds';
import { sendToFrame, type ContentRequestOf } from '../messaging';
import type { SensitiveKind } from '../model';
import type { ShowAnchorIo, TabFrame } from './show-anchor';

/** How long a frame may take to draw its masks before the frame around it covers it. */
export const MASK_FRAME_TIMEOUT_MS = 400;

/**
 * How long the top frame may take. It answers only once the tagger's own panel and highlight
 * are off the screen, which a page that keeps its thread busy delays by several of its frames
 * (the capture is asked for as the hiding starts, not once it is drawn); and nothing can cover
 * it instead, so giving up early only loses the screenshot.
 */
export const MASK_TOP_FRAME_TIMEOUT_MS = 2_000;

/** How long each frame may take to answer a mask request. */
export interface MaskTimeouts {
  frame: number;
  top: number;
}

const MASK_TIMEOUTS: MaskTimeouts = {
  frame: MASK_FRAME_TIMEOUT_MS,
  top: MASK_TOP_FRAME_TIMEOUT_MS,
};

/** What every frame masks during one capture (see `setFieldMasks`). */
export interface MaskOptions {
  /** Cover form fields (the shopper did not include their values). */
  fields: boolean;
  /** Kinds of personal data left visible in this capture. */
  uncovered: readonly SensitiveKind[];
}

/**
 * A frame neither drew its own masks nor could be covered from the frame around it (or it is
 * the top frame): a capture now could show its fields and personal data, so none is taken.
 */
export class FrameUnmaskedError extends Error {
  constructor(url: string) {
    super(`a frame did not mask its fields in time and could not be covered (${url})`);
    this.name = 'FrameUnmaskedError';
  }
}

/** What the frames of a tab masked for one capture. */
export interface FramesMasked {
  /** The counts of personal data each frame that answered found (one list per frame). */
  counts: KindCount[][];
  /**
   * Sub-frames that did not answer in time and that the frame around them covered whole: the
   * screenshot shows nothing of them (a silent frame inside a silent one goes with its parent's
   * cover and is not counted again).
   */
  coveredFrames: number;
}

/** One message to one frame, its answer or null when it fails or takes over `timeoutMs`. */
function ask<K extends 'setFieldMasks' | 'coverFrames'>(
  io: ShowAnchorIo,
  tabId: number,
  frameId: number,
  type: K,
  request: ContentRequestOf<K>,
  timeoutMs: number,
) {
  return Promise.race([
    sendToFrame({ tabId, frameId }, type, request, (tab, message) =>
      io.askFrame(tab, message, frameId),
    ).catch(() => null),
    new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
  ]);
}

/**
 * Asks every frame of a tab (each runs the content script) to draw (`mask`) or remove (null)
 * the masks over its own form fields and personal data, one message per frame so each answers
 * once its masks are painted. A sub-frame that does not answer within `timeouts.frame` (busy,
 * unreachable, not yet loaded) is covered whole by the frame around it, which is asked in
 * turn; where that cannot be done either, or the top frame says nothing within `timeouts.top`,
 * this throws {@link FrameUnmaskedError} (the masks drawn stay until the call that removes
 * them). Answers what was masked ({@link FramesMasked}).
 */
export async function setFrameMasks(
  io: ShowAnchorIo,
  tabId: number,
  mask: MaskOptions | null,
  timeouts: MaskTimeouts = MASK_TIMEOUTS,
): Promise<FramesMasked> {
  const listed = await io.listFrames(tabId).catch(() => []);
  const frames = listed.length > 0 ? listed : [{ frameId: 0, parentFrameId: -1, url: '' }];
  const request = mask
    ? { active: true, fields: mask.fields, uncovered: [...mask.uncovered] }
    : { active: false };
  const answers = await Promise.all(
    frames.map((f) => {
      const limit = f.parentFrameId < 0 ? timeouts.top : timeouts.frame;
      return ask(io, tabId, f.frameId, 'setFieldMasks', request, limit);
    }),
  );
  let coveredFrames = 0;
  if (mask) {
    const silent = frames.filter((_, i) => !answers[i]?.ok);
    coveredFrames = await coverSilentFrames(io, tabId, silent, timeouts.frame);
  }
  const counts = answers.flatMap((a) => (a?.ok && a.value.counts ? [a.value.counts] : []));
  return { counts, coveredFrames };
}

/**
 * Has each frame around a silent one cover it whole; a silent frame inside a silent frame goes
 * with its parent's cover. Answers how many covers were drawn; throws {@link FrameUnmaskedError}
 * for the first frame left uncovered.
 */
async function coverSilentFrames(
  io: ShowAnchorIo,
  tabId: number,
  silent: readonly TabFrame[],
  timeoutMs: number,
): Promise<number> {
  const ids = new Set(silent.map((f) => f.frameId));
  const byParent = new Map<number, TabFrame[]>();
  for (const frame of silent) {
    if (frame.parentFrameId < 0) throw new FrameUnmaskedError(frame.url);
    if (ids.has(frame.parentFrameId)) continue;
    byParent.set(frame.parentFrameId, [...(byParent.get(frame.parentFrameId) ?? []), frame]);
  }
  await Promise.all(
    [...byParent].map(async ([parent, children]) => {
      const frames = children.map(({ frameId, url }) => ({ frameId, url }));
      const answer = await ask(io, tabId, parent, 'coverFrames', { frames }, timeoutMs);
      if (!answer?.ok || answer.value.covered < children.length) {
        throw new FrameUnmaskedError(children[0]!.url);
      }
    }),
  );
  let covers = 0;
  for (const children of byParent.values()) covers += children.length;
  return covers;
}

/**
 * Runs `capture` with every frame's fields (per `mask.fields`) and personal data masked,
 * removing the masks right after, also when the capture fails. `onMasked` hears what the
 * frames covered, before the capture runs.
 */
export async function withFrameMasks<T>(
  io: ShowAnchorIo,
  tabId: number,
  mask: MaskOptions,
  capture: () => Promise<T>,
  onMasked: (masked: FramesMasked) => void = () => undefined,
  timeouts: MaskTimeouts = MASK_TIMEOUTS,
): Promise<T> {
  try {
    onMasked(await setFrameMasks(io, tabId, mask, timeouts));
    return await capture();
  } finally {
    await setFrameMasks(io, tabId, null, timeouts);
  }
}
