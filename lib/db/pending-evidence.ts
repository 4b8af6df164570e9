import type { AuditorDb } from './schema';

/**
 * The screenshots an archive import has written but not yet made live (`PendingEvidence`):
 * readers of the whole `evidence` table skip them. Empty unless an import is under way or was
 * cut short.
 */
export async function pendingEvidenceIds(db: AuditorDb): Promise<Set<string>> {
  return new Set((await db.pendingEvidence.toCollection().primaryKeys()) as string[]);
}

/**
 * Deletes the not-yet-live screenshots of the imports `which` selects, and their pending rows,
 * in one transaction (deletions are not queued for sync: the records never were).
 */
export async function dropPendingEvidence(
  db: AuditorDb,
  which: (pending: AuditorDb['pendingEvidence']) => Promise<string[]>,
): Promise<number> {
  return db.transaction('rw', db.evidence, db.pendingEvidence, async () => {
    const ids = await which(db.pendingEvidence);
    await db.evidence.bulkDelete(ids);
    await db.pendingEvidence.bulkDelete(ids);
    return ids.length;
  });
}
