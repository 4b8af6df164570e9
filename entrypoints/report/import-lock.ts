/**
 * The Web Lock an import holds while it runs (in the report's import worker), so a report page
 * opened meanwhile can tell a running import from one cut short (docs/RECOVERY.md). The
 * browser releases it when the worker or its page goes away.
 */
const IMPORT_LOCK = 'touchpoint-auditor-import';

/** Runs `task` holding the import lock (without it where Web Locks are missing). */
export function withImportLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(IMPORT_LOCK, task) as Promise<T>) : task();
}

/** Whether an import runs now in some page of the extension. */
export async function importRunning(): Promise<boolean> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === IMPORT_LOCK);
}
