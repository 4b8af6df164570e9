import { SAMPLE_SIDE, type RegionSample } from './compare';
import type { Rect } from './crop';

/**
 * The element's box `crop` (image pixels) of a screenshot, downscaled to a
 * {@link RegionSample} by the browser's resampling (`createImageBitmap` and an
 * `OffscreenCanvas`, both available in a service worker).
 */
export async function sampleRegion(screenshot: Blob, crop: Rect): Promise<RegionSample> {
  const side = SAMPLE_SIDE;
  const bitmap = await createImageBitmap(screenshot, crop.x, crop.y, crop.width, crop.height, {
    resizeWidth: side,
    resizeHeight: side,
    resizeQuality: 'medium',
  });
  try {
    const canvas = new OffscreenCanvas(side, side);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(bitmap, 0, 0);
    return { side, rgba: new Uint8Array(g.getImageData(0, 0, side, side).data) };
  } finally {
    bitmap.close();
  }
}
