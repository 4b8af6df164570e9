/** How the browser keeps the extension's data: for good or until space runs low, and how much. */
export interface StorageState {
  /** True when the browser promised not to clear it under storage pressure. */
  persisted: boolean;
  /** Bytes used and the bytes the browser would allow, when it says. */
  usage: number | null;
  quota: number | null;
}

const storage = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

/** What the browser says of this origin's storage now. */
export async function storageState(): Promise<StorageState> {
  const s = storage();
  const [persisted, estimate] = await Promise.all([
    s?.persisted?.().catch(() => false) ?? false,
    s?.estimate?.().catch(() => undefined),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/**
 * Asks the browser to keep the data for good (`navigator.storage.persist()`), once it is worth
 * keeping: when an audit starts. Whether it was granted; false where the browser cannot say.
 */
export async function askToPersist(): Promise<boolean> {
  const s = storage();
  if (!s?.persist) return false;
  if (await s.persisted().catch(() => false)) return true;
  return s.persist().catch(() => false);
}
