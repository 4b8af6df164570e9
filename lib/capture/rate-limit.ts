/** Chrome allows `captureVisibleTab` twice a second; this spacing keeps a little slack. */
export const MIN_CAPTURE_INTERVAL_MS = 510;

/** Runs tasks one at a time, starting each at least `minIntervalMs` after the previous one. */
export interface CaptureQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * A queue that spaces captures out. It keeps only a timestamp in memory: losing it when the
 * service worker stops is harmless (a stopped worker has made no capture for a while).
 */
export function createCaptureQueue(
  opts: { minIntervalMs?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): CaptureQueue {
  const minInterval = opts.minIntervalMs ?? MIN_CAPTURE_INTERVAL_MS;
  const now = opts.now ?? (() => Date.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last = -Infinity;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const next = tail.then(async () => {
        const wait = last + minInterval - now();
        if (wait > 0) await sleep(wait);
        last = now();
        return task();
      });
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
