import type { ImageMime } from './image-header';

/**
 * Decodes an image and encodes it again as `mime`: whatever rode along in the file (metadata,
 * trailing bytes, a second file format hidden in the first) is left behind. Rejects when the
 * bytes do not decode.
 */
export type Reencode = (bytes: Uint8Array<ArrayBuffer>, mime: ImageMime) => Promise<Blob>;

/** JPEG and WebP quality for a re-encoded image: close to the source, not much bigger. */
const QUALITY = 0.92;

/** {@link Reencode} with `createImageBitmap` and an `OffscreenCanvas` (pages and workers). */
export async function reencodeWithCanvas(
  bytes: Uint8Array<ArrayBuffer>,
  mime: ImageMime,
): Promise<Blob> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: mime, quality: QUALITY });
  } finally {
    bitmap.close();
  }
}

/** The canvas re-encoder where this context has a canvas; none elsewhere (Node, tests). */
export function canvasReencoder(): Reencode | undefined {
  return typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function'
    ? reencodeWithCanvas
    : undefined;
}
