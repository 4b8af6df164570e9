import type { Rect } from './crop';

/** An encoded crop of a screenshot. */
export interface EncodedImage {
  blob: Blob;
  mime: string;
  width: number;
  height: number;
}

/**
 * Cuts `crop` (image pixels) out of a screenshot and encodes it as JPEG, with
 * `createImageBitmap` and an `OffscreenCanvas` (both available in a service worker).
 */
export async function cropToJpeg(
  screenshot: Blob,
  crop: Rect,
  quality = 0.85,
): Promise<EncodedImage> {
  const bitmap = await createImageBitmap(screenshot, crop.x, crop.y, crop.width, crop.height);
  try {
    const canvas = new OffscreenCanvas(crop.width, crop.height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    return { blob, mime: 'image/jpeg', width: crop.width, height: crop.height };
  } finally {
    bitmap.close();
  }
}

/** Lower-case hex SHA-256 of some bytes (crypto.subtle). */
export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The size of an encoded image, read by decoding it. */
export async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}
