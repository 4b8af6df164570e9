import type { Rubric } from '../model';
import { ok, refuse, type Problem, type Result } from '../result';
import { sameRubricContent } from '../rubric/edit';
import { validateRubric } from '../rubric/validate';
import type { AuditorDb } from './schema';
import { rebuildStudyTally, tallyTables } from './tallies';

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

/**
 * Whether touchpoints were scored with one rubric version: some live study pins it and some
 * live touchpoint of a live audit of that study exists. Such a version is never edited again.
 */
export async function isRubricUsed(db: AuditorDb, id: string, version: number): Promise<boolean> {
  return db.transaction('r', db.studies, db.audits, db.touchpoints, async () => {
    const studies = await db.studies
      .filter((s) => !s.deleted && s.rubricId === id && s.rubricVersion === version)
      .primaryKeys();
    if (studies.length === 0) return false;
    const audits = await db.audits
      .where('studyId')
      .anyOf(studies)
      .filter((a) => !a.deleted)
      .primaryKeys();
    for (const auditId of audits) {
      const live = await db.touchpoints
        .where('auditId')
        .equals(auditId)
        .filter((tp) => !tp.deleted)
        .first();
      if (live) return true;
    }
    return false;
  });
}

/** What a save wrote. */
export interface SavedRubric {
  /** The stored rubric as it now is. */
  rubric: Rubric;
  /**
   * `created` a first version, `updated` in place (the version was unused), made a new
   * `version` (the edited one was used, or is not the newest), or nothing `unchanged`.
   */
  outcome: 'created' | 'updated' | 'version' | 'unchanged';
}

/** What was written, or the problems of `validateRubric` that refused the save. */
export type SaveRubricResult = Result<SavedRubric, Problem[]>;

/**
 * Saves a lead's edit of a rubric; `rubric.id` and `rubric.version` say which version was
 * edited. A version touchpoints were scored with (see `isRubricUsed`), or one that is no
 * longer the newest, stays untouched: the edit becomes version newest + 1. Otherwise the
 * version is updated in place. Studies keep the version they pinned either way.
 */
export async function saveRubricEdit(
  db: AuditorDb,
  rubric: Rubric,
  now: Date,
): Promise<SaveRubricResult> {
  const issues = validateRubric(rubric);
  if (issues.length > 0) return refuse(issues);
  const at = now.toISOString();
  return db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
    const versions = await listRubricVersions(db, rubric.id);
    const stored = versions.find((r) => r.version === rubric.version);
    if (!stored) {
      const first: Rubric = { ...rubric, version: 1, createdAt: at, updatedAt: at };
      if (versions.length > 0) first.version = versions[versions.length - 1]!.version + 1;
      await db.rubrics.add(first);
      return ok({ rubric: first, outcome: 'created' as const });
    }
    if (sameRubricContent(stored, rubric))
      return ok({ rubric: stored, outcome: 'unchanged' as const });
    const newest = versions[versions.length - 1]!;
    if (newest.version === stored.version && !(await isRubricUsed(db, stored.id, stored.version))) {
      const updated: Rubric = { ...rubric, createdAt: stored.createdAt, updatedAt: at };
      await db.rubrics.put(updated);
      // Studies pinned to it have no live touchpoint, but keep their (empty) totals in step.
      const pinned = await db.studies
        .filter((st) => st.rubricId === stored.id && st.rubricVersion === stored.version)
        .primaryKeys();
      for (const studyId of pinned) await rebuildStudyTally(db, studyId, now);
      return ok({ rubric: updated, outcome: 'updated' as const });
    }
    const next: Rubric = { ...rubric, version: newest.version + 1, createdAt: at, updatedAt: at };
    await db.rubrics.add(next);
    return ok({ rubric: next, outcome: 'version' as const });
  });
}

/** Stores a new rubric under a fresh UUID, as version 1. Refused with issues when invalid. */
export function createRubric(
  db: AuditorDb,
  draft: Pick<Rubric, 'name' | 'scale' | 'criteria'>,
  now: Date,
): Promise<SaveRubricResult> {
  const at = now.toISOString();
  const rubric: Rubric = {
    ...draft,
    id: crypto.randomUUID(),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return saveRubricEdit(db, rubric, now);
}

/**
 * Copies one rubric version into a new rubric (fresh UUID, version 1) named `name`, so a lead
 * can change it freely. Undefined when the source does not exist.
 */
export async function duplicateRubric(
  db: AuditorDb,
  id: string,
  version: number,
  name: string,
  now: Date,
): Promise<Rubric | undefined> {
  const source = await getRubric(db, id, version);
  if (!source) return undefined;
  const result = await createRubric(
    db,
    { name, scale: source.scale, criteria: source.criteria },
    now,
  );
  return result.ok ? result.value.rubric : undefined;
}

/** What importing a shared rubric did (a file with problems was refused before). */
export interface ImportedRubric {
  /**
   * `added` under its own id and version; `unchanged`: that version is already here with the
   * same content; `copied`: a different rubric holds that id and version, so the file became
   * a new rubric (fresh UUID, version 1) and nothing stored was overwritten.
   */
  outcome: 'added' | 'unchanged' | 'copied';
  rubric: Rubric;
}

/** Stores a rubric parsed from a shared file (see `parseRubricJson`), never overwriting one. */
export async function importRubric(
  db: AuditorDb,
  rubric: Rubric,
  now: Date,
): Promise<ImportedRubric> {
  const at = now.toISOString();
  return db.transaction('rw', db.rubrics, async () => {
    const stored = await getRubric(db, rubric.id, rubric.version);
    if (!stored) {
      await db.rubrics.add(rubric);
      return { outcome: 'added', rubric };
    }
    if (sameRubricContent(stored, rubric)) return { outcome: 'unchanged', rubric: stored };
    const copy: Rubric = {
      ...rubric,
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await db.rubrics.add(copy);
    return { outcome: 'copied', rubric: copy };
  });
}
