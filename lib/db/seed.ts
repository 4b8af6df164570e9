import { makeDefaultRubric } from '../rubric/default-rubric';
import { DEFAULT_CATEGORIES } from '../taxonomy';
import type { AuditorDb } from './schema';

/**
 * Seeds the default taxonomy and rubric (lib/taxonomy, lib/rubric). Idempotent: runs on
 * every install and
 * update event, adds only what is missing and never touches a record a lead has edited.
 * Returns how many records it added.
 */
export async function seedDefaults(db: AuditorDb, now: Date): Promise<number> {
  return db.transaction('rw', db.rubrics, db.categories, async () => {
    let added = 0;
    if (!(await db.rubrics.get(['default', 1]))) {
      await db.rubrics.add(makeDefaultRubric(now.toISOString()));
      added++;
    }
    const have = new Set(await db.categories.toCollection().primaryKeys());
    const missing = DEFAULT_CATEGORIES.filter((c) => !have.has(c.id));
    await db.categories.bulkAdd(missing);
    return added + missing.length;
  });
}
