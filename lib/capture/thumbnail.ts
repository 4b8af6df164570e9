import { bytesToBase64 } from '../backup/base64';

/** The longest side of a thumbnail, in pixels: small enough to pass in a message. */
export const THUMBNAIL_SIDE = 240;

/**
 * A screenshot downscaled to at most {@link THUMBNAIL_SIDE} pixels a side, as a JPEG data
 * URL (`createImageBitmap` and an `OffscreenCanvas`, both available in a service worker).
 */
export async function thumbnailDataUrl(image: Blob, quality = 0.7): Promise<string> {
  const bitmap = await createImageBitmap(image);
  try {
    const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(bitmap.width, bitmap.height, 1));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(bitmap, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return `data:image/jpeg;base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
  } finally {
    bitmap.close();
  }
}
