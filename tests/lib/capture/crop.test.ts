import { describe, expect, it } from 'vitest';
import { cropRect } from '@/lib/capture';

describe('cropRect', () => {
  it.each([
    // [what, rect, viewport, image, expected]
    [
      '1× zoom, DPR 1',
      { x: 100, y: 50, width: 200, height: 40 },
      { width: 1280, height: 800 },
      { width: 1280, height: 800 },
      { x: 84, y: 34, width: 232, height: 72 },
    ],
    [
      'DPR 2 doubles everything',
      { x: 100, y: 50, width: 200, height: 40 },
      { width: 1280, height: 800 },
      { width: 2560, height: 1600 },
      { x: 168, y: 68, width: 464, height: 144 },
    ],
    [
      'page zoom 150 % on DPR 1 (viewport shrinks in CSS px)',
      { x: 100, y: 50, width: 200, height: 40 },
      { width: 853.33, height: 533.33 },
      { width: 1280, height: 800 },
      { x: 126, y: 51, width: 349, height: 109 },
    ],
    [
      'clamped at the top-left corner',
      { x: 4, y: 2, width: 50, height: 20 },
      { width: 800, height: 600 },
      { width: 800, height: 600 },
      { x: 0, y: 0, width: 70, height: 38 },
    ],
    [
      'clamped at the bottom-right corner',
      { x: 700, y: 560, width: 200, height: 100 },
      { width: 800, height: 600 },
      { width: 800, height: 600 },
      { x: 684, y: 544, width: 116, height: 56 },
    ],
  ])('%s', (_what, rect, viewport, image, expected) => {
    expect(cropRect({ rect, viewport, image })).toEqual(expected);
  });

  it('gives nothing for a box entirely outside the viewport', () => {
    expect(
      cropRect({
        rect: { x: 0, y: 900, width: 10, height: 10 },
        viewport: { width: 800, height: 600 },
        image: { width: 800, height: 600 },
      }),
    ).toBeNull();
  });

  it('honours a custom margin', () => {
    expect(
      cropRect({
        rect: { x: 10, y: 10, width: 10, height: 10 },
        viewport: { width: 100, height: 100 },
        image: { width: 100, height: 100 },
        margin: 0,
      }),
    ).toEqual({ x: 10, y: 10, width: 10, height: 10 });
  });
});
