import type { NewEvidence } from '../db';

/** The largest file a shopper may attach as evidence. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** Lower-case hex SHA-256 of a blob's bytes. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An image's size in pixels; 0 × 0 for other files or where images cannot be decoded. */
async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  if (!blob.type.startsWith('image/') || typeof createImageBitmap !== 'function')
    return { width: 0, height: 0 };
  try {
    const bitmap = await createImageBitmap(blob);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return { width: 0, height: 0 };
  }
}

/**
 * Evidence from a file the shopper picked (a photo of a parcel, a saved e-mail), stored like
 * a screenshot: its bytes, type, size in pixels (0 × 0 when not an image) and SHA-256.
 */
export async function evidenceFromFile(
  file: Blob,
  url: string | null = null,
): Promise<NewEvidence> {
  const [size, sha256] = await Promise.all([imageSize(file), sha256Hex(file)]);
  return { blob: file, mime: file.type || 'application/octet-stream', ...size, sha256, url };
}
