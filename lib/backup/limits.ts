/**
 * The limits files must keep to, shared by whatever accepts them: the popup's evidence upload
 * and the backup import use the same figures, so a file the extension accepted (and later
 * writes into a backup) is never refused when that backup comes back.
 */

/**
 * Largest evidence image, in bytes of the image itself. A backup stores the bytes unchanged
 * (as base64, a third longer: the check decodes first), so what was accepted once fits again.
 */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/**
 * Largest side of an evidence image in pixels, and largest area: a small file may announce a
 * huge picture, and decoding it to re-encode would take gigabytes. Screenshots of a 4K screen
 * at 2× (7680 × 4320) and 50-megapixel photos fit.
 */
export const MAX_IMAGE_SIDE = 16_384;
export const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

/** How far past the importing machine's clock a time in a file may lie (clocks drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Most records of each table in one backup: far above real use, far below an exhausted tab. */
export const MAX_RECORDS = {
  studies: 10_000,
  brands: 10_000,
  rubrics: 10_000,
  categories: 10_000,
  audits: 200_000,
  touchpoints: 2_000_000,
  evidence: 500_000,
} as const;

/** Most items of the lists inside one record (criteria, brand ids, domains, scores…). */
export const MAX_LIST_ITEMS = 1_000;

/** Longest free text of a record (names, notes, URLs…), in characters. */
export const MAX_TEXT_LENGTH = 100_000;

/** Caps on an anchor's fields: kept with the anchor's one schema. */
export { ANCHOR_LIMITS } from '../model/anchor-schema';
