import { getSetting, setSetting } from './settings';
import type { AuditorDb } from './schema';

/** The live touchpoints the database holds: the sum of the audits' counters kept on write. */
async function touchpointTotal(db: AuditorDb): Promise<number> {
  let total = 0;
  await db.auditStats.each((s) => {
    total += s.total;
  });
  return total;
}

/**
 * How many touchpoints were added since the last backup (all of them before the first), read
 * from the counters kept on write, so the popup can ask cheaply at any size.
 */
export async function touchpointsSinceBackup(db: AuditorDb): Promise<number> {
  const [total, atBackup] = await Promise.all([touchpointTotal(db), getSetting(db, 'backupTotal')]);
  return Math.max(0, total - (atBackup ?? 0));
}

/** Whether the shopper should be reminded to back up: more added than the chosen number. */
export async function backupDue(db: AuditorDb): Promise<number | null> {
  const [since, every] = await Promise.all([
    touchpointsSinceBackup(db),
    getSetting(db, 'backupEvery'),
  ]);
  return every > 0 && since >= every ? since : null;
}

/** Records that a backup of everything was just written. */
export async function noteBackup(db: AuditorDb, now: Date): Promise<void> {
  await setSetting(db, 'backupTotal', await touchpointTotal(db));
  await setSetting(db, 'lastBackupAt', now.toISOString());
}
