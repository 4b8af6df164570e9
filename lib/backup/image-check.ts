import {
  bytesPastEnd,
  describeNonImage,
  readImageHeader,
  type ImageHeader,
  type ImageMime,
} from '../capture/image-header';
import type { Reencode } from '../capture/reencode';
import { MAX_EVIDENCE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';
import { fail, ok, type Result } from '../result';

/** An image fit to store: its bytes (re-encoded where possible) and what they say. */
export interface CheckedImage {
  bytes: Uint8Array<ArrayBuffer>;
  mime: ImageMime;
  width: number;
  height: number;
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
}

/** Lower-case hex SHA-256 of some bytes. */
export async function sha256Of(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Megabytes as a message shows them: `25`, `1.5`. */
export function megabytes(bytes: number): string {
  const x = bytes / (1024 * 1024);
  return String(Number.isInteger(x) ? x : x.toFixed(1));
}

/** An image over the size limit (`backup.image.too-large`), its sizes in megabytes. */
export const tooLarge = <T = never>(bytes: number, limit: number): Result<T> =>
  fail('backup.image.too-large', { size: megabytes(bytes), limit: megabytes(limit) });

/**
 * Checks an evidence file by its bytes alone (the declared type and name are ignored): within
 * the size limit, a JPEG, PNG or WebP by its magic bytes, with a readable size in pixels
 * within the limits. Synchronous and cheap: it reads headers, it does not decode.
 */
export function checkImageBytes(
  bytes: Uint8Array,
  maxBytes = MAX_EVIDENCE_BYTES,
): Result<ImageHeader> {
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  const header = readImageHeader(bytes);
  if (!header) return fail('backup.image.not-an-image', { found: describeNonImage(bytes) });
  const { width, height } = header;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return fail('backup.image.too-many-pixels', {
      width,
      height,
      side: MAX_IMAGE_SIDE,
      megapixels: MAX_IMAGE_PIXELS / 1024 / 1024,
    });
  }
  return ok(header);
}

/**
 * Makes evidence bytes safe to store: {@link checkImageBytes}, then, where the file carries
 * bytes past the image's end (see `bytesPastEnd`) and `reencode` is given, decoded and encoded
 * again in the same type (as JPEG if that comes out over the size limit); the type, size in
 * pixels and SHA-256 are taken from the bytes that will be stored. A clean image is kept byte
 * for byte, so export → wipe → import gives back the very same evidence. `always` re-encodes
 * a clean one too (a shopper's own photo: its metadata may say where it was taken).
 */
export async function sanitizeImage(
  bytes: Uint8Array<ArrayBuffer>,
  reencode?: Reencode,
  maxBytes = MAX_EVIDENCE_BYTES,
  always = false,
): Promise<Result<CheckedImage>> {
  const checked = checkImageBytes(bytes, maxBytes);
  if (!checked.ok) return checked;
  let out = bytes;
  let header = checked.value;
  if (reencode && (always || bytesPastEnd(bytes, header.mime) > 0)) {
    try {
      out = new Uint8Array(await (await reencode(bytes, header.mime)).arrayBuffer());
      if (out.length > maxBytes && header.mime !== 'image/jpeg') {
        out = new Uint8Array(await (await reencode(bytes, 'image/jpeg')).arrayBuffer());
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message || error.name : String(error);
      return fail('backup.image.undecodable', { reason });
    }
    const again = checkImageBytes(out, maxBytes);
    if (!again.ok) return again;
    header = again.value;
  }
  return ok({ bytes: out, ...header, sha256: await sha256Of(out) });
}
