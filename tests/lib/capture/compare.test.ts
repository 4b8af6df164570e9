import { describe, expect, it } from 'vitest';
import { CHANGE_LIMITS, regionChanged, regionDifference, type RegionSample } from '@/lib/capture';

const SIDE = 24;

/** A synthetic sample: `paint(x, y)` gives each pixel's [r, g, b]. */
function sample(paint: (x: number, y: number) => [number, number, number], side = SIDE) {
  const rgba = new Uint8Array(side * side * 4);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const [r, g, b] = paint(x, y);
      rgba.set([r, g, b, 255], (y * side + x) * 4);
    }
  return { side, rgba } satisfies RegionSample;
}

const solid = (rgb: [number, number, number]) => sample(() => rgb);
const green = solid([22, 163, 74]);
const red = solid([220, 38, 38]);
/** A white card with dark "text" rows, like a price block. */
const card = sample((x, y) => (y % 6 < 2 && x > 2 && x < 20 ? [30, 30, 30] : [255, 255, 255]));
/** The same card with one "glyph" (3 × 3 pixels) recoloured. */
const cardEdited = sample((x, y) =>
  x >= 10 && x < 13 && y >= 6 && y < 9
    ? [200, 0, 0]
    : y % 6 < 2 && x > 2 && x < 20
      ? [30, 30, 30]
      : [255, 255, 255],
);
/** Resampling noise: every channel ±2. */
const noisy = sample((x, y) => {
  const [r, g, b] = [22, 163, 74];
  const d = (x + y) % 2 === 0 ? 2 : -2;
  return [r + d, g + d, b + d];
});

describe('regionDifference', () => {
  it('is zero for identical samples', () => {
    expect(regionDifference(green, green)).toEqual({ mean: 0, changedShare: 0 });
  });

  it('measures a recolour over the whole box', () => {
    const d = regionDifference(green, red);
    // |220−22| + |38−163| + |38−74| = 359 over 3 × 255 per pixel.
    expect(d.mean).toBeCloseTo(359 / 765, 6);
    expect(d.changedShare).toBe(1);
  });

  it('treats samples of different sides as entirely different', () => {
    const small = sample(() => [22, 163, 74], 12);
    expect(regionDifference(green, small)).toEqual({ mean: 1, changedShare: 1 });
  });
});

describe('regionChanged', () => {
  it.each([
    ['the same picture', green, green, false],
    ['resampling noise (±2 per channel)', green, noisy, false],
    ['green recoloured red', green, red, true],
    ['one small glyph of a text block recoloured', card, cardEdited, true],
    ['a text block against itself', card, card, false],
  ])('%s → %s', (_what, a, b, expected) => {
    expect(regionChanged(a, b)).toBe(expected);
  });

  it('catches a small change through the share when the mean stays low', () => {
    const d = regionDifference(card, cardEdited);
    expect(d.mean).toBeLessThan(CHANGE_LIMITS.mean);
    expect(d.changedShare).toBeGreaterThan(CHANGE_LIMITS.share);
  });
});
