import { isStorageFull } from '../result';

/** Room left below which a failed write is taken for a full disk. */
const LOW_BYTES = 16 * 1024 * 1024;

/** The kinds of IndexedDB error a full disk shows as in Chromium, past its quota errors. */
const IO_ERRORS = new Set(['UnknownError', 'DataError']);

function isIoError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (typeof name === 'string' && IO_ERRORS.has(name)) return true;
    e = inner;
  }
  return false;
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
  if (isStorageFull(error)) return true;
  if (!isIoError(error)) return false;
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return quota !== undefined && usage !== undefined && quota - usage < LOW_BYTES;
  } catch {
    return false;
  }
}
