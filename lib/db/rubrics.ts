import type { Rubric } from '../model';
import type { AuditorDb } from './schema';

/** One version of a rubric. */
export function getRubric(db: AuditorDb, id: string, version: number): Promise<Rubric | undefined> {
  return db.rubrics.get([id, version]);
}

/** The newest version of every rubric, by name. */
export async function listLatestRubrics(db: AuditorDb): Promise<Rubric[]> {
  const latest = new Map<string, Rubric>();
  for (const r of await db.rubrics.toArray()) {
    const seen = latest.get(r.id);
    if (!seen || seen.version < r.version) latest.set(r.id, r);
  }
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every version of one rubric, oldest first. */
export function listRubricVersions(db: AuditorDb, id: string): Promise<Rubric[]> {
  return db.rubrics.where('id').equals(id).sortBy('version');
}
