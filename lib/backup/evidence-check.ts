import type { Reencode } from '../capture/reencode';
import { base64ToBytes } from './base64';
import { describeImageProblem, sanitizeImage, sha256Of, type CheckedImage } from './image-check';
import type { BackupError, BackupEvidence, Result } from './types';

/** The evidence of a backup made safe to store, and what was repaired on the way. */
export interface CheckedEvidence {
  /** The image to store for each evidence id. */
  images: Map<string, CheckedImage>;
  /** Things the file had wrong that the import put right, e.g. a SHA-256 that did not match. */
  notes: BackupError[];
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/**
 * Checks every image of a backup by its bytes (JPEG, PNG or WebP by magic bytes, sizes within
 * the limits), re-encodes it when `reencode` is given, and takes its type, size in pixels and
 * SHA-256 from the bytes rather than from the file. A hash that does not match the file's
 * image is not trusted: it is recomputed and noted. The first image that cannot be stored
 * fails the whole check, with its path.
 */
export async function checkEvidenceImages(
  evidence: readonly BackupEvidence[],
  reencode?: Reencode,
  maxBytes?: number,
): Promise<Result<CheckedEvidence, BackupError>> {
  const images = new Map<string, CheckedImage>();
  const notes: BackupError[] = [];
  for (const [i, e] of evidence.entries()) {
    const bytes = base64ToBytes(e.dataBase64);
    const [actual, checked] = await Promise.all([
      sha256Of(bytes),
      sanitizeImage(bytes, reencode, maxBytes),
    ]);
    if (!checked.ok) {
      return {
        ok: false,
        error: { path: `evidence[${i}].dataBase64`, message: describeImageProblem(checked.error) },
      };
    }
    if (actual !== e.sha256.toLowerCase()) {
      notes.push({
        path: `evidence[${i}].sha256`,
        message: `the file's hash ${short(e.sha256)} does not match its image (${short(actual)}); recomputed`,
      });
    }
    images.set(e.id, checked.value);
  }
  return { ok: true, value: { images, notes } };
}
