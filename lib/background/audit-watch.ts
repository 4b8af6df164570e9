import Dexie from 'dexie';

/**
 * Calls `changed` whenever the audits table of database `dbName` is written: here, or in any
 * other context of the extension (its pages, their workers) — Dexie hands every write's changed
 * parts to every context of the same origin. This is how the background hears an audit ended
 * or started by anything but the popup (a backup merged in the report page, team sync) while it
 * runs; a worker started later reads the state at its start anyway. Returns the unsubscribe.
 */
export function onAuditsWritten(dbName: string, changed: () => void): () => void {
  const prefix = `idb://${dbName}/audits/`;
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) changed();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
