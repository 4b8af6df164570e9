import { sendToFrame } from '../messaging';
import type { ShowAnchorIo } from './show-anchor';

/** How long a frame may take to draw its masks before the capture goes on without it. */
export const MASK_FRAME_TIMEOUT_MS = 400;

/**
 * Asks every frame of a tab (each runs the content script) to draw (`active`) or remove the
 * masks over its own form fields, one message per frame so each answers once its masks are
 * painted. A frame that cannot be reached or is slow is not waited for beyond
 * {@link MASK_FRAME_TIMEOUT_MS}; failures never stop the capture.
 */
export async function setFrameMasks(
  io: ShowAnchorIo,
  tabId: number,
  active: boolean,
  timeoutMs = MASK_FRAME_TIMEOUT_MS,
): Promise<void> {
  const frames = await io.listFrames(tabId).catch(() => []);
  const ids = frames.length > 0 ? frames.map((f) => f.frameId) : [0];
  await Promise.all(
    ids.map((frameId) =>
      Promise.race([
        sendToFrame({ tabId, frameId }, 'setFieldMasks', { active }, (tab, message) =>
          io.askFrame(tab, message, frameId),
        ),
        new Promise((r) => setTimeout(r, timeoutMs)),
      ]),
    ),
  );
}

/**
 * Runs `capture` with every frame's fields masked (unless `maskFields` is false), removing the
 * masks right after, also when the capture fails.
 */
export async function withFrameMasks<T>(
  io: ShowAnchorIo,
  tabId: number,
  maskFields: boolean,
  capture: () => Promise<T>,
): Promise<T> {
  if (!maskFields) return capture();
  try {
    await setFrameMasks(io, tabId, true);
    return await capture();
  } finally {
    await setFrameMasks(io, tabId, false);
  }
}
