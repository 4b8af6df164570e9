import {
  describeNonImage,
  readImageHeader,
  type ImageHeader,
  type ImageMime,
} from '../capture/image-header';
import type { Reencode } from '../capture/reencode';
import { MAX_EVIDENCE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';
import type { Result } from './types';

/** Why some bytes are not acceptable evidence. */
export type ImageProblem =
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'not-an-image'; found: string }
  | { code: 'too-many-pixels'; width: number; height: number }
  | { code: 'undecodable'; reason: string };

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

const mb = (bytes: number): string => {
  const x = bytes / (1024 * 1024);
  return `${Number.isInteger(x) ? x : x.toFixed(1)} MB`;
};

/** A problem in English, for backup messages and logs. */
export function describeImageProblem(p: ImageProblem): string {
  switch (p.code) {
    case 'too-large':
      return `the image is ${mb(p.bytes)}, larger than the ${mb(p.limit)} limit per item`;
    case 'not-an-image':
      return `not a JPEG, PNG or WebP image (the bytes are ${p.found})`;
    case 'too-many-pixels':
      return `the image is ${p.width} × ${p.height} pixels, larger than ${MAX_IMAGE_SIDE} pixels a side or ${MAX_IMAGE_PIXELS / 1024 / 1024} megapixels`;
    case 'undecodable':
      return `the image cannot be decoded (${p.reason})`;
  }
}

/**
 * Checks an evidence file by its bytes alone (the declared type and name are ignored): within
 * the size limit, a JPEG, PNG or WebP by its magic bytes, with a readable size in pixels
 * within the limits. Synchronous and cheap: it reads headers, it does not decode.
 */
export function checkImageBytes(
  bytes: Uint8Array,
  maxBytes = MAX_EVIDENCE_BYTES,
): Result<ImageHeader, ImageProblem> {
  if (bytes.length > maxBytes) {
    return { ok: false, error: { code: 'too-large', bytes: bytes.length, limit: maxBytes } };
  }
  const header = readImageHeader(bytes);
  if (!header)
    return { ok: false, error: { code: 'not-an-image', found: describeNonImage(bytes) } };
  const { width, height } = header;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return { ok: false, error: { code: 'too-many-pixels', width, height } };
  }
  return { ok: true, value: header };
}

/**
 * Makes evidence bytes safe to store: {@link checkImageBytes}, then, with `reencode`, decoded
 * and encoded again in the same type (as JPEG if that comes out over the size limit), and
 * the type, size in pixels and SHA-256 taken from the bytes that will be stored.
 */
export async function sanitizeImage(
  bytes: Uint8Array<ArrayBuffer>,
  reencode?: Reencode,
  maxBytes = MAX_EVIDENCE_BYTES,
): Promise<Result<CheckedImage, ImageProblem>> {
  const checked = checkImageBytes(bytes, maxBytes);
  if (!checked.ok) return checked;
  let out = bytes;
  let header = checked.value;
  if (reencode) {
    try {
      out = new Uint8Array(await (await reencode(bytes, header.mime)).arrayBuffer());
      if (out.length > maxBytes && header.mime !== 'image/jpeg') {
        out = new Uint8Array(await (await reencode(bytes, 'image/jpeg')).arrayBuffer());
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message || error.name : String(error);
      return { ok: false, error: { code: 'undecodable', reason } };
    }
    const again = checkImageBytes(out, maxBytes);
    if (!again.ok) return again;
    header = again.value;
  }
  return { ok: true, value: { bytes: out, ...header, sha256: await sha256Of(out) } };
}
