import type { Brand, Rubric, Study } from '../model';
import { fail, ok, problem, type Result } from '../result';
import type { AuditorDb } from './schema';

/** Fields a lead provides to create a study. */
export type NewStudy = Pick<Study, 'name' | 'wave' | 'rubricId' | 'rubricVersion' | 'brandIds'>;

/** Creates a study with a fresh UUID; its wave is its first. */
export async function createStudy(db: AuditorDb, input: NewStudy, now: Date): Promise<Study> {
  const at = now.toISOString();
  const study: Study = {
    ...input,
    waves: [input.wave],
    requireReview: false,
    id: crypto.randomUUID(),
    createdAt: at,
    updatedAt: at,
  };
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

/**
 * Edits a study; `updatedAt` moves on. A new `wave` renames the open wave, and its audits
 * move with it. Undefined when the study does not exist.
 */
export async function updateStudy(
  db: AuditorDb,
  id: string,
  changes: Partial<NewStudy>,
  now: Date,
): Promise<Study | undefined> {
  return db.transaction('rw', [db.studies, db.audits, db.studyTallies], async () => {
    const prev = await db.studies.get(id);
    if (!prev) return undefined;
    const at = now.toISOString();
    const next: Study = { ...prev, ...changes, updatedAt: at };
    if (changes.wave !== undefined && changes.wave !== prev.wave) {
      // Two waves under one label would merge their figures: refused (the form shows why).
      if (prev.waves.includes(changes.wave)) throw new Error(`wave "${changes.wave}" exists`);
      next.waves = prev.waves.map((w) => (w === prev.wave ? changes.wave! : w));
      await db.audits
        .where('studyId')
        .equals(id)
        .filter((a) => a.wave === prev.wave)
        .modify({ wave: changes.wave, updatedAt: at });
      // Kept by wave label: rebuilt under the new label on the next read.
      await db.studyTallies.delete(id);
    }
    await db.studies.put(next);
    return next;
  });
}

/**
 * Opens the study's next wave: `label` (trimmed) becomes the open wave, after the others, and
 * the audits started from now on belong to it. Refuses an empty label (`required`), one the
 * study has (`wave-taken`) and a missing study (`not-found`), at the path `wave`.
 */
export async function openNextWave(
  db: AuditorDb,
  id: string,
  label: string,
  now: Date,
): Promise<Result<Study>> {
  const wave = label.trim();
  return db.transaction('rw', db.studies, async () => {
    const prev = await db.studies.get(id);
    if (!prev || prev.deleted) return fail('not-found');
    if (!wave) return { ok: false, error: problem('required', undefined, 'wave') };
    if (prev.waves.includes(wave))
      return { ok: false, error: problem('wave-taken', { wave }, 'wave') };
    const next: Study = {
      ...prev,
      wave,
      waves: [...prev.waves, wave],
      updatedAt: now.toISOString(),
    };
    await db.studies.put(next);
    return ok(next);
  });
}

/**
 * Turns "count approved audits only" on or off for a study: the kept totals are rebuilt, as
 * every audit that is not approved moves in or out of them. Undefined when the study is gone.
 */
export async function setRequireReview(
  db: AuditorDb,
  id: string,
  on: boolean,
  now: Date,
): Promise<Study | undefined> {
  return db.transaction('rw', [db.studies, db.studyTallies], async () => {
    const prev = await db.studies.get(id);
    if (!prev) return undefined;
    const next: Study = { ...prev, requireReview: on, updatedAt: now.toISOString() };
    await db.studies.put(next);
    if (prev.requireReview !== on) await db.studyTallies.delete(id);
    return next;
  });
}

/** Every version of every rubric a study can pin, by name then newest version first. */
export async function listPinnableRubrics(db: AuditorDb): Promise<Rubric[]> {
  const all = await db.rubrics.toArray();
  return all.sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id) || b.version - a.version,
  );
}
