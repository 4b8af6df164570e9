/**
 * A small picture of a tagged element's box: `side`×`side` RGBA pixels, the box downscaled
 * (each pixel the average of the area it covers), so two captures of the element compare the
 * same way whatever its size, the zoom or the device pixel ratio.
 */
export interface RegionSample {
  side: number;
  rgba: Uint8Array;
}

/** The side of a {@link RegionSample}, in pixels. */
export const SAMPLE_SIDE = 24;

/** How two samples differ: both measures run from 0 (identical) to 1. */
export interface RegionDifference {
  /** Mean absolute difference per colour channel (alpha aside), over all pixels, over 255. */
  mean: number;
  /** Share of pixels whose own mean channel difference is above `CHANGE_LIMITS.pixel`. */
  changedShare: number;
}

/**
 * When a difference counts as a change. Two captures of a still page are pixel-identical, so
 * these only leave room for resampling noise. The share catches a small part that changed a
 * lot (a price, a badge) that the mean of a large element would hide.
 */
export const CHANGE_LIMITS = { mean: 0.02, pixel: 0.15, share: 0.01 } as const;

/** How much two samples differ; samples of different sides differ entirely. */
export function regionDifference(a: RegionSample, b: RegionSample): RegionDifference {
  const n = a.side * a.side;
  if (a.side !== b.side || a.rgba.length < n * 4 || b.rgba.length < n * 4 || n === 0)
    return { mean: 1, changedShare: 1 };
  let total = 0;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    let pixel = 0;
    for (let c = 0; c < 3; c++) pixel += Math.abs(a.rgba[i * 4 + c]! - b.rgba[i * 4 + c]!);
    total += pixel;
    if (pixel / (3 * 255) > CHANGE_LIMITS.pixel) changed++;
  }
  return { mean: total / (n * 3 * 255), changedShare: changed / n };
}

/** Whether the element looks different in `b` than in `a` (see {@link CHANGE_LIMITS}). */
export function regionChanged(a: RegionSample, b: RegionSample): boolean {
  const d = regionDifference(a, b);
  return d.mean > CHANGE_LIMITS.mean || d.changedShare > CHANGE_LIMITS.share;
}
