import { IMAGE_MIMES, type ImageMime } from '../capture/image-header';
import type { Evidence } from '../model';

const EXTENSIONS: Record<ImageMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** Whether evidence may be shown in an `<img>`: one of the three image types, nothing else. */
export function isImageMime(mime: string): mime is ImageMime {
  return (IMAGE_MIMES as readonly string[]).includes(mime);
}

/**
 * The name evidence is saved under, made here rather than taken from the data: `touchpoint-`
 * and its touchpoint's id, the `touchpoint_id` of touchpoints.csv (with anything but letters,
 * digits, `-` and `_` dropped, at most 64 characters), then `-pick` or `-save` when the
 * touchpoint kept both captures, and the extension of its image type (`.bin` for anything
 * else, so nothing saved opens as a page).
 */
export function evidenceFileName(
  evidence: Pick<Evidence, 'touchpointId' | 'mime' | 'moment'>,
): string {
  const id = evidence.touchpointId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'file';
  const moment = evidence.moment ? `-${evidence.moment}` : '';
  const ext = isImageMime(evidence.mime) ? EXTENSIONS[evidence.mime] : 'bin';
  return `touchpoint-${id}${moment}.${ext}`;
}

/** The bytes to save: typed as their image type, or as opaque bytes that no browser renders. */
export function evidenceDownloadBlob(evidence: Pick<Evidence, 'blob' | 'mime'>): Blob {
  const type = isImageMime(evidence.mime) ? evidence.mime : 'application/octet-stream';
  return new Blob([evidence.blob], { type });
}
