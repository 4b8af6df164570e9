import { sanitizeImage } from '../backup/image-check';
import { canvasReencoder, type Reencode } from '../capture/reencode';
import type { NewEvidence } from '../db';
import { ok, type Result } from '../result';

/** The largest file a shopper may attach as evidence: the limit backups are imported with. */
export { MAX_EVIDENCE_BYTES } from '../backup/limits';

/** Lower-case hex SHA-256 of a blob's bytes. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Evidence from a file the shopper picked (a photo of a parcel, a screenshot of an e-mail),
 * stored like a screenshot. Only a JPEG, PNG or WebP image is taken, known by its bytes, not
 * its declared type or name; it is always re-encoded where a canvas is available (its metadata,
 * such as a phone photo's location, left behind), and its type, size in pixels and SHA-256 come
 * from the stored bytes. Any other file fails with its problem (`backup.image.*`); the popup
 * checks first with `checkImageBytes`, so this is left for images that cannot be decoded.
 */
export async function evidenceFromFile(
  file: Blob,
  url: string | null = null,
  reencode: Reencode | undefined = canvasReencoder(),
): Promise<Result<NewEvidence>> {
  const picked = new Uint8Array(await file.arrayBuffer());
  const checked = await sanitizeImage(picked, reencode, undefined, true);
  if (!checked.ok) return checked;
  const { bytes, mime, width, height, sha256 } = checked.value;
  return ok({ blob: new Blob([bytes], { type: mime }), mime, width, height, sha256, url });
}
