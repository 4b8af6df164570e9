import type { Brand, Rubric, Study } from '../model';
import type { AuditorDb } from './schema';
import { updateStamped } from './stamped-update';

/** Fields a lead provides to create a study. */
export type NewStudy = Pick<Study, 'name' | 'wave' | 'rubricId' | 'rubricVersion' | 'brandIds'>;

/** Creates a study with a fresh UUID. */
export async function createStudy(db: AuditorDb, input: NewStudy, now: Date): Promise<Study> {
  const at = now.toISOString();
  const study: Study = { ...input, id: crypto.randomUUID(), createdAt: at, updatedAt: at };
  await db.studies.add(study);
  return study;
}

/** Live (not deleted) studies, newest first. */
export async function listStudies(db: AuditorDb): Promise<Study[]> {
  const all = await db.studies.toArray();
  return all.filter((s) => !s.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Fields a lead provides to create a brand. */
export type NewBrand = Pick<Brand, 'name' | 'role' | 'domains'>;

/** Creates a brand with a fresh UUID. */
export async function createBrand(db: AuditorDb, input: NewBrand, now: Date): Promise<Brand> {
  const at = now.toISOString();
  const brand: Brand = { ...input, id: crypto.randomUUID(), createdAt: at, updatedAt: at };
  await db.brands.add(brand);
  return brand;
}

/** The live brands of a study, in the study's order. */
export async function brandsOfStudy(db: AuditorDb, study: Study): Promise<Brand[]> {
  const found = await db.brands.bulkGet(study.brandIds);
  return found.filter((b): b is Brand => !!b && !b.deleted);
}

/** One live study, or undefined. */
export async function getStudy(db: AuditorDb, id: string): Promise<Study | undefined> {
  const study = await db.studies.get(id);
  return study && !study.deleted ? study : undefined;
}

/**
 * The rubric version a study is pinned to (`rubricId` + `rubricVersion`), deleted study or
 * not; undefined when that version is missing. The one place a study's rubric is looked up.
 */
export function pinnedRubric(
  db: AuditorDb,
  study: Pick<Study, 'rubricId' | 'rubricVersion'>,
): Promise<Rubric | undefined> {
  // Returned as is (not awaited in an async function) so callers inside a transaction keep it.
  return db.rubrics.get([study.rubricId, study.rubricVersion]);
}

/** A live study with its pinned rubric; undefined when either is missing. */
export async function loadStudyWithRubric(
  db: AuditorDb,
  studyId: string,
): Promise<{ study: Study; rubric: Rubric } | undefined> {
  const study = await getStudy(db, studyId);
  const rubric = study && (await pinnedRubric(db, study));
  return study && rubric ? { study, rubric } : undefined;
}

/** Edits a study; `updatedAt` moves on. Undefined when it does not exist. */
export async function updateStudy(
  db: AuditorDb,
  id: string,
  changes: Partial<NewStudy>,
  now: Date,
): Promise<Study | undefined> {
  return updateStamped<Study>(db, db.studies, id, changes, now);
}

/** Every version of every rubric a study can pin, by name then newest version first. */
export async function listPinnableRubrics(db: AuditorDb): Promise<Rubric[]> {
  const all = await db.rubrics.toArray();
  return all.sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id) || b.version - a.version,
  );
}
