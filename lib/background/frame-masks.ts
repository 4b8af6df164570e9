import type { KindCount } from '../capture/redact/kinds';
import { sendToFrame } from '../messaging';
import type { SensitiveKind } from '../model';
import type { ShowAnchorIo } from './show-anchor';

/** How long a frame may take to draw its masks before the capture goes on without it. */
export const MASK_FRAME_TIMEOUT_MS = 400;

/** What every frame masks during one capture (see `setFieldMasks`). */
export interface MaskOptions {
  /** Cover form fields (the shopper did not include their values). */
  fields: boolean;
  /** Kinds of personal data left visible in this capture. */
  uncovered: readonly SensitiveKind[];
}

/**
 * Asks every frame of a tab (each runs the content script) to draw (`mask`) or remove (null)
 * the masks over its own form fields and personal data, one message per frame so each answers
 * once its masks are painted. A frame that cannot be reached or is slow is not waited for beyond
 * {@link MASK_FRAME_TIMEOUT_MS}; failures never stop the capture. Answers the counts of personal
 * data each frame that answered found (one list per frame).
 */
export async function setFrameMasks(
  io: ShowAnchorIo,
  tabId: number,
  mask: MaskOptions | null,
  timeoutMs = MASK_FRAME_TIMEOUT_MS,
): Promise<KindCount[][]> {
  const frames = await io.listFrames(tabId).catch(() => []);
  const ids = frames.length > 0 ? frames.map((f) => f.frameId) : [0];
  const request = mask
    ? { active: true, fields: mask.fields, uncovered: [...mask.uncovered] }
    : { active: false };
  const answers = await Promise.all(
    ids.map((frameId) =>
      Promise.race([
        sendToFrame({ tabId, frameId }, 'setFieldMasks', request, (tab, message) =>
          io.askFrame(tab, message, frameId),
        ).catch(() => null),
        new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
      ]),
    ),
  );
  return answers.flatMap((a) => (a?.ok && a.value.counts ? [a.value.counts] : []));
}

/**
 * Runs `capture` with every frame's fields (per `mask.fields`) and personal data masked,
 * removing the masks right after, also when the capture fails. `onCounts` hears what the
 * frames covered, before the capture runs.
 */
export async function withFrameMasks<T>(
  io: ShowAnchorIo,
  tabId: number,
  mask: MaskOptions,
  capture: () => Promise<T>,
  onCounts: (counts: KindCount[][]) => void = () => undefined,
): Promise<T> {
  try {
    onCounts(await setFrameMasks(io, tabId, mask));
    return await capture();
  } finally {
    await setFrameMasks(io, tabId, null);
  }
}
