import type { AuditorDb } from '../../../lib/db';

/** Closes a test's database and deletes it, for `afterEach`. */
export async function dropDb(db: AuditorDb): Promise<void> {
  db.close();
  await db.delete();
}
