import { describe, expect, it } from 'vitest';
import { DEFAULT_SPOT, overlaps, panelSpotBeside, spotBox } from '../../../lib/tagger/panel-spot';

const viewport = { width: 1280, height: 800 };

describe('where the panel opens beside what was picked', () => {
  it('opens in its usual place, the right column, beside an element on the left', () => {
    const keep = { x: 20, y: 100, width: 400, height: 300 };
    const spot = panelSpotBeside(keep, viewport);
    expect(spot).toEqual(DEFAULT_SPOT);
    expect(spotBox(spot!, viewport)).toEqual({ x: 884, y: 16, width: 380, height: 768 });
  });

  it('opens in the left column beside an element on the right (a chat widget)', () => {
    const keep = { x: 900, y: 420, width: 360, height: 360 };
    const spot = panelSpotBeside(keep, viewport)!;
    expect(spot.side).toBe('left');
    expect(overlaps(spotBox(spot, viewport), keep)).toBe(false);
  });

  it('opens below a banner across the page, on the right, as tall as the room there', () => {
    const keep = { x: 0, y: 0, width: 1280, height: 120 };
    const spot = panelSpotBeside(keep, viewport)!;
    expect(spotBox(spot, viewport)).toEqual({ x: 884, y: 120, width: 380, height: 664 });
  });

  it('opens above a checkout step across the lower half of the page', () => {
    const keep = { x: 0, y: 420, width: 1280, height: 380 };
    const spot = panelSpotBeside(keep, viewport)!;
    expect(spotBox(spot, viewport)).toEqual({ x: 884, y: 16, width: 380, height: 404 });
  });

  it('takes the taller band when there is room both above and below', () => {
    const keep = { x: 0, y: 380, width: 1280, height: 20 };
    expect(spotBox(panelSpotBeside(keep, viewport)!, viewport).y).toBe(400);
    const higher = { x: 0, y: 390, width: 1280, height: 20 };
    expect(panelSpotBeside(higher, { ...viewport, height: 700 })!.bottom).toBe(390);
  });

  it('finds no place clear of an element that fills the viewport, nor beside a band too low for the panel', () => {
    expect(panelSpotBeside({ x: 0, y: 60, width: 1280, height: 680 }, viewport)).toBeNull();
    // 300 px above and below: less than the 360 the panel needs to be of use.
    expect(panelSpotBeside({ x: 0, y: 316, width: 1280, height: 168 }, viewport)).toBeNull();
  });

  it('asks a small window for half its height only', () => {
    const small = { width: 800, height: 500 };
    // 500 − 32 = 468: a band of 234 px will do.
    const spot = panelSpotBeside({ x: 0, y: 0, width: 800, height: 240 }, small)!;
    expect(spotBox(spot, small)).toEqual({ x: 404, y: 240, width: 380, height: 244 });
  });

  it('keeps the box of an element partly above the viewport from lifting the panel off it', () => {
    const spot = panelSpotBeside({ x: -10, y: -400, width: 1300, height: 500 }, viewport)!;
    expect(spotBox(spot, viewport)).toEqual({ x: 884, y: 100, width: 380, height: 684 });
  });
});
