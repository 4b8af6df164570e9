import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMaskLayer, LAYER_IDLE_MS } from '@/lib/tagger/mask-layer';
import { capturePristine } from '@/lib/tagger/pristine';

// Without layout every box is empty: say there is one field to mask.
vi.mock('@/lib/tagger/fields', () => ({
  fieldMasks: () => [{ x: 10, y: 20, width: 200, height: 30 }],
}));
// Nor is there text to measure: say the page shows an e-mail address and two phone numbers.
const found = vi.hoisted(() => ({
  boxes: [] as { kind: string; rect: { x: number; y: number; width: number; height: number } }[],
  counts: [] as { kind: string; count: number }[],
}));
vi.mock('@/lib/capture/redact', () => ({ sensitiveBoxes: () => found }));

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

    expect(await masks.show({ fields: true, uncovered: [] })).toEqual({ masks: 1, counts: [] });
    const first = masks.ownLayer();
    masks.hide();
    expect(await masks.show({ fields: true, uncovered: [] })).toEqual({ masks: 1, counts: [] });
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

describe('createMaskLayer covering personal data', () => {
  afterEach(() => {
    found.boxes = [];
    found.counts = [];
  });
  const drawn = (layer: ReturnType<typeof createMaskLayer>) =>
    Array.from(layer.ownLayer()!.container.querySelectorAll<HTMLElement>('.mask')).map(
      (m) => m.style.top,
    );

  it('covers every kind found unless uncovered, and counts them all', async () => {
    found.boxes = [
      { kind: 'email', rect: { x: 0, y: 100, width: 80, height: 14 } },
      { kind: 'phone', rect: { x: 0, y: 200, width: 80, height: 14 } },
      { kind: 'phone', rect: { x: 0, y: 300, width: 80, height: 14 } },
    ];
    found.counts = [
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 2 },
    ];
    const layer = createMaskLayer('', () => null);

    const all = await layer.show({ fields: true, uncovered: [] });
    expect(all).toEqual({ masks: 4, counts: found.counts });
    expect(drawn(layer)).toEqual(['20px', '100px', '200px', '300px']);

    const shown = await layer.show({ fields: false, uncovered: ['phone'] });
    // The phone numbers stay visible, the field values too; the e-mail address is covered.
    expect(shown).toEqual({ masks: 1, counts: found.counts });
    expect(drawn(layer)).toEqual(['100px']);
    layer.hide();
  });

  it('adds nothing to the page when there is nothing to cover', async () => {
    const layer = createMaskLayer('', () => null);
    expect(await layer.show({ fields: false, uncovered: [] })).toEqual({ masks: 0, counts: [] });
    expect(layer.ownLayer()).toBeNull();
    expect(extra()).toEqual([]);
  });
});

describe('createMaskLayer covering frames that did not mask themselves', () => {
  it("adds the frames' boxes to the capture's masks, and takes them away with them", async () => {
    const masks = createMaskLayer('', () => null);
    await masks.show({ fields: true, uncovered: [] });
    await masks.cover([
      { x: 40, y: 300, width: 300, height: 250 },
      { x: 400, y: 300, width: 120, height: 60 },
    ]);
    const drawn = Array.from(masks.ownLayer()!.container.querySelectorAll<HTMLElement>('.mask'));
    expect(drawn.map((m) => [m.style.left, m.style.top, m.style.width, m.style.height])).toEqual([
      ['10px', '20px', '200px', '30px'],
      ['40px', '300px', '300px', '250px'],
      ['400px', '300px', '120px', '60px'],
    ]);
    masks.hide();
    expect(masks.ownLayer()!.container.querySelectorAll('.mask')).toHaveLength(0);
  });
});
