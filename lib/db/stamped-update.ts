import type { Table } from 'dexie';
import type { AuditorDb } from './schema';

/**
 * Applies `changes` to record `id` of `table` in one transaction, `updatedAt` moved on to
 * `now`; undefined when there is no such record. For tables whose edits keep no totals.
 */
export async function updateStamped<T extends { id: string; updatedAt: string }>(
  db: AuditorDb,
  table: Table<T, string, Partial<T>>,
  id: string,
  changes: Partial<T>,
  now: Date,
): Promise<T | undefined> {
  return db.transaction('rw', table, async () => {
    const prev = await table.get(id);
    if (!prev) return undefined;
    const next: T = { ...prev, ...changes, updatedAt: now.toISOString() };
    await table.put(next);
    return next;
  });
}
