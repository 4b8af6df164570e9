import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMaskLayer, LAYER_IDLE_MS } from '@/lib/tagger/mask-layer';
import { capturePristine } from '@/lib/tagger/pristine';

// Without layout every box is empty: say there is one field to mask.
vi.mock('@/lib/tagger/fields', () => ({
  fieldMasks: () => [{ x: 10, y: 20, width: 200, height: 30 }],
}));

/** What the page can see of us: elements after its own body. */
const extra = () =>
  Array.from(document.documentElement.children).filter(
    (el) => el.localName !== 'head' && el.localName !== 'body',
  );

capturePristine();
afterEach(() => {
  vi.useRealTimers();
  extra().forEach((el) => el.remove());
});

describe('createMaskLayer in a frame without the tagger', () => {
  it('mounts one layer for two captures and takes it down once idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const masks = createMaskLayer('', () => null);
    const seen: Element[] = [];
    const watcher = new MutationObserver((records) =>
      records.forEach((r) => r.addedNodes.forEach((n) => seen.push(n as Element))),
    );
    watcher.observe(document.documentElement, { childList: true });

    expect(await masks.show()).toEqual({ masks: 1 });
    const first = masks.ownLayer();
    masks.hide();
    expect(await masks.show()).toEqual({ masks: 1 });
    masks.hide();
    await Promise.resolve();

    expect(masks.ownLayer()).toBe(first);
    expect(extra()).toEqual([first!.host]);
    expect(seen.filter((n) => n !== document.body)).toEqual([first!.host]);
    // Only one set of masks at a time, inside the one layer.
    expect(first!.container.querySelectorAll('.mask')).toHaveLength(0);

    vi.advanceTimersByTime(LAYER_IDLE_MS);
    expect(masks.ownLayer()).toBeNull();
    expect(extra()).toEqual([]);
    watcher.disconnect();
  });
});
