import type { Reencode } from '../capture/reencode';
import { ok, problem, type Problem, type Result } from '../result';
import { base64ToBytes } from './base64';
import { sanitizeImage, sha256Of, type CheckedImage } from './image-check';
import type { BackupEvidence } from './types';

/** The evidence of a backup made safe to store, and what was repaired on the way. */
export interface CheckedEvidence {
  /** The image to store for each evidence id. */
  images: Map<string, CheckedImage>;
  /** Things the file had wrong that the import put right, e.g. a SHA-256 that did not match. */
  notes: Problem[];
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/**
 * Checks every image of a backup by its bytes (JPEG, PNG or WebP by magic bytes, sizes within
 * the limits), re-encodes it when `reencode` is given and bytes ride past the image's end,
 * and takes its type, size in pixels and SHA-256 from the bytes rather than from the file. A hash that does not match the file's
 * image is not trusted: it is recomputed and noted (`backup.hash-recomputed`). The first image
 * that cannot be stored fails the whole check, with its path.
 */
export async function checkEvidenceImages(
  evidence: readonly BackupEvidence[],
  reencode?: Reencode,
  maxBytes?: number,
): Promise<Result<CheckedEvidence>> {
  const images = new Map<string, CheckedImage>();
  const notes: Problem[] = [];
  for (const [i, e] of evidence.entries()) {
    const bytes = base64ToBytes(e.dataBase64);
    const [actual, checked] = await Promise.all([
      sha256Of(bytes),
      sanitizeImage(bytes, reencode, maxBytes),
    ]);
    if (!checked.ok) {
      return { ok: false, error: { ...checked.error, path: `evidence[${i}].dataBase64` } };
    }
    if (actual !== e.sha256.toLowerCase()) {
      notes.push(
        problem(
          'backup.hash-recomputed',
          { declared: short(e.sha256), actual: short(actual) },
          `evidence[${i}].sha256`,
        ),
      );
    }
    images.set(e.id, checked.value);
  }
  return ok({ images, notes });
}
