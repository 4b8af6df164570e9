import { isStorageFull } from '../result';

/** Room left below which a failed write is taken for a full disk. */
const LOW_BYTES = 16 * 1024 * 1024;

/**
 * Room an import leaves free at all times. IndexedDB must never meet a full disk half-way
 * through a big write: measured on a full tmpfs, Chromium 156 then failed an archive import's
 * staging writes and deleted the extension's whole database (docs/RECOVERY.md).
 */
export const IMPORT_RESERVE_BYTES = 64 * 1024 * 1024;

/** Thrown by an import that stops before it would fill the disk (see `ensureRoom`). */
export class DiskNearlyFull extends Error {
  override name = 'DiskNearlyFull';
}

/** Bytes the extension can still store, by the browser's estimate (undefined if it gives none). */
export async function freeBytes(): Promise<number | undefined> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return quota === undefined || usage === undefined ? undefined : quota - usage;
  } catch {
    return undefined;
  }
}

/**
 * Throws `DiskNearlyFull` unless `bytes` more fit with {@link IMPORT_RESERVE_BYTES} to spare.
 * The extension holds `unlimitedStorage`, so the estimate's quota is its usage plus the
 * disk's free space.
 */
export async function ensureRoom(bytes: number): Promise<void> {
  const free = await freeBytes();
  if (free !== undefined && free < bytes + IMPORT_RESERVE_BYTES) {
    throw new DiskNearlyFull(`${bytes} bytes to write, ${free} free`);
  }
}

/**
 * The kinds of IndexedDB error a full disk shows as in Chromium, past its quota errors. A bulk
 * write's failures on a full disk come back as `ConstraintError`s that cannot be true
 * (measured, an archive import's staging on a full tmpfs: `Maximum key generator value
 * reached`, `Key already exists` for keys no row had). And Chromium may abort a transaction
 * for the disk between two of its requests: the next one then fails with `InvalidStateError`
 * ("the transaction has finished") before the abort's own `UnknownError` is heard (measured, a
 * Save on a full tmpfs: 3 times in 4 on a loaded machine).
 */
const IO_ERRORS = new Set(['UnknownError', 'DataError', 'ConstraintError', 'InvalidStateError']);

/** Whether `error`, what it wraps (`inner`) or a bulk write's failures are I/O errors. */
function isIoError(error: unknown, depth = 0): boolean {
  if (!error || depth > 4) return false;
  const { name, inner, failures } = error as {
    name?: unknown;
    inner?: unknown;
    failures?: unknown;
  };
  if (typeof name === 'string' && IO_ERRORS.has(name)) return true;
  if (Array.isArray(failures) && failures.some((f) => isIoError(f, depth + 1))) return true;
  return isIoError(inner, depth + 1);
}

/**
 * Whether a failed write met a full disk. A `QuotaExceededError` says so itself
 * (`isStorageFull`). On a really full disk Chromium 156 fails an extension's save with a bare
 * `UnknownError: Unknown error` in the service worker (measured: a profile on a full tmpfs,
 * docs/RECOVERY.md#the-disk-full-during-a-save), so an IndexedDB I/O error counts as a full
 * disk when the storage estimate leaves under 16 MB (on a full disk the quota it reports is
 * the usage itself).
 */
export async function metFullDisk(error: unknown): Promise<boolean> {
  if (isStorageFull(error) || error instanceof DiskNearlyFull) return true;
  if (!isIoError(error)) return false;
  const free = await freeBytes();
  return free !== undefined && free < LOW_BYTES;
}
