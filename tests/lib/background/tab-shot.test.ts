import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CAPTURE_TIMEOUT_MS,
  CaptureTimeoutError,
  checkedCapture,
  TabChangedError,
  type ActiveTab,
} from '@/lib/background/tab-shot';
import { createCaptureQueue } from '@/lib/capture';

const PAGE = 'http://northwind.localhost/checkout.html';
const tagged: ActiveTab = { id: 7, url: PAGE };

/** A window whose active tab is `before` until the shot is taken, then `after`. */
function windowOf(before: ActiveTab | undefined, after: ActiveTab | undefined) {
  let shot = false;
  return {
    activeTabOf: async () => (shot ? after : before),
    capture: async () => {
      shot = true;
      return 'data:image/png;base64,AA==';
    },
  };
}

describe('a screenshot of the tagged tab only', () => {
  it('passes the shot through when the same tab shows the same page before and after', async () => {
    const w = windowOf(tagged, tagged);
    await expect(checkedCapture(w.activeTabOf, w.capture, 7)(1)).resolves.toMatch(/^data:/);
  });

  it.each([
    ['another tab was in front', { id: 8, url: PAGE }, tagged, 'before'],
    ['no tab was in front', undefined, tagged, 'before'],
    ['another tab came in front during the shot', tagged, { id: 8, url: PAGE }, 'after'],
    ['the page changed during the shot', tagged, { id: 7, url: `${PAGE}#paid` }, 'after'],
  ])('drops it when %s', async (_name, before, after, when) => {
    const w = windowOf(before, after);
    const error = await checkedCapture(w.activeTabOf, w.capture, 7)(1).catch((e) => e);
    expect(error).toBeInstanceOf(TabChangedError);
    expect(String(error)).toContain(when);
  });
});

describe('a screenshot the browser never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is given up after the time limit, and the next shot of the queue is taken', async () => {
    vi.useFakeTimers();
    const queue = createCaptureQueue();
    let answer: (shot: string) => void = () => undefined;
    let calls = 0;
    const capture = (): Promise<string> => {
      calls++;
      // The first call hangs (answered only much later), the next ones answer at once.
      if (calls === 1) return new Promise((resolve) => (answer = resolve));
      return Promise.resolve('data:image/jpeg;base64,BB==');
    };
    const shoot = checkedCapture(async () => tagged, capture, 7);
    const first = queue.run(() => shoot(1)).catch((e: unknown) => e);
    const second = queue.run(() => shoot(1));
    await vi.advanceTimersByTimeAsync(CAPTURE_TIMEOUT_MS - 1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await first;
    expect(error).toBeInstanceOf(CaptureTimeoutError);
    expect(String(error)).toContain(`${CAPTURE_TIMEOUT_MS} ms`);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(second).resolves.toBe('data:image/jpeg;base64,BB==');
    // The stuck shot's image arriving afterwards changes nothing.
    answer('data:image/jpeg;base64,AA==');
    await expect(first).resolves.toBeInstanceOf(CaptureTimeoutError);
  });

  it('keeps a slow shot that answers within the limit', async () => {
    vi.useFakeTimers();
    const slow = () =>
      new Promise<string>((resolve) =>
        setTimeout(() => resolve('data:image/jpeg;base64,CC=='), CAPTURE_TIMEOUT_MS - 100),
      );
    const shot = checkedCapture(async () => tagged, slow, 7)(1);
    await vi.advanceTimersByTimeAsync(CAPTURE_TIMEOUT_MS);
    await expect(shot).resolves.toBe('data:image/jpeg;base64,CC==');
  });
});
