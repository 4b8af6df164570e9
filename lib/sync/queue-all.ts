import type { AuditorDb } from '../db';
import { pendingEvidenceIds } from '../db/pending-evidence';
import { getSetting, setSetting } from '../db/settings';
import { docIdOf, SYNCED_TABLES, type RecordKey, type SyncedTable } from '../db/sync-outbox';

/**
 * Starts sync with a server afresh (turned on, or pointed at another server or database):
 * forgets the old server's revisions, refusals and checkpoint, and queues every stored record
 * once, so the first push sends everything this profile holds. Reads keys only.
 */
export async function queueEverything(db: AuditorDb): Promise<number> {
  let queued = 0;
  await db.transaction(
    'rw',
    [
      db.syncOutbox,
      db.syncRevs,
      db.syncRefusals,
      db.settings,
      db.pendingEvidence,
      ...Object.keys(SYNCED_TABLES),
    ],
    async () => {
      // Screenshots of an archive import not yet live: its swap queues them.
      const pending = await pendingEvidenceIds(db);
      await db.syncRevs.clear();
      await db.syncRefusals.clear();
      await db.settings.delete('syncCheckpoint');
      for (const table of Object.keys(SYNCED_TABLES) as SyncedTable[]) {
        const keys = ((await db.table(table).toCollection().primaryKeys()) as RecordKey[]).filter(
          (key) => table !== 'evidence' || !pending.has(key as string),
        );
        await db.syncOutbox.bulkPut(
          keys.map((key) => ({
            docId: docIdOf(table, key),
            table,
            key,
            stamp: crypto.randomUUID(),
          })),
        );
        queued += keys.length;
      }
    },
  );
  return queued;
}

/**
 * Before a round: when `target` (server, database, user) is not the one this profile last
 * synced with, starts afresh with it (`queueEverything`). Answers whether it did.
 */
export async function enterTarget(db: AuditorDb, target: string): Promise<boolean> {
  if ((await getSetting(db, 'syncTarget')) === target) return false;
  await queueEverything(db);
  await setSetting(db, 'syncTarget', target);
  return true;
}
