import type { Rubric, Study, Touchpoint } from '../model';
import { isValidScore } from '../rubric/criteria';
import { diffRubrics, type RubricDiff } from '../rubric/diff';
import type { AuditorDb, StudyTally } from './schema';
import { getRubric } from './rubrics';
import { pinnedRubric } from './studies';
import { rebuildStudyTally, tallyTables } from './tallies';

/** A touchpoint of the study some of whose scores stop counting after a version move. */
export interface AffectedTouchpoint {
  touchpointId: string;
  auditId: string;
  /** Scored (not N/A) criteria the target version no longer has. */
  removedScores: string[];
  /** Kept criteria whose score lies outside the target version's scale. */
  outOfScale: string[];
}

/** Everything a lead should know before moving a study to another rubric version. */
export interface StudyRubricMovePlan {
  study: Study;
  from: Rubric;
  to: Rubric;
  diff: RubricDiff;
  affected: AffectedTouchpoint[];
  /** Live touchpoints of the study, affected or not. */
  touchpoints: number;
}

/** The live studies pinned to any version of a rubric, by name. */
export async function listStudiesOfRubric(db: AuditorDb, rubricId: string): Promise<Study[]> {
  const studies = await db.studies.filter((s) => !s.deleted && s.rubricId === rubricId).toArray();
  return studies.sort((a, b) => a.name.localeCompare(b.name));
}

/** The live touchpoints of the live audits of one study. */
async function touchpointsOfStudy(db: AuditorDb, studyId: string): Promise<Touchpoint[]> {
  const audits = await db.audits
    .where('studyId')
    .equals(studyId)
    .filter((a) => !a.deleted)
    .primaryKeys();
  const found: Touchpoint[] = [];
  for (const auditId of audits) {
    const tps = await db.touchpoints.where('auditId').equals(auditId).toArray();
    found.push(...tps.filter((tp) => !tp.deleted));
  }
  return found;
}

/** Which scores of one touchpoint stop counting under `to`. */
function affectedBy(tp: Touchpoint, diff: RubricDiff, to: Rubric): AffectedTouchpoint | undefined {
  const removed = new Set(diff.removed.map((c) => c.id));
  const kept = new Set(to.criteria.map((c) => c.id));
  const removedScores: string[] = [];
  const outOfScale: string[] = [];
  for (const [criterionId, value] of Object.entries(tp.scores)) {
    if (value === 'NA') continue;
    if (removed.has(criterionId)) removedScores.push(criterionId);
    else if (kept.has(criterionId) && !isValidScore(to, value)) outOfScale.push(criterionId);
  }
  if (removedScores.length === 0 && outOfScale.length === 0) return undefined;
  return { touchpointId: tp.id, auditId: tp.auditId, removedScores, outOfScale };
}

/**
 * What moving a study from its pinned rubric version to `version` would change: criteria
 * added, removed, reweighted or otherwise changed, and the touchpoints whose scores would no
 * longer count. Undefined when the study or either version is missing.
 */
export async function planStudyRubricMove(
  db: AuditorDb,
  studyId: string,
  version: number,
): Promise<StudyRubricMovePlan | undefined> {
  return db.transaction('r', [db.studies, db.rubrics, db.audits, db.touchpoints], async () => {
    const study = await db.studies.get(studyId);
    if (!study || study.deleted) return undefined;
    const from = await pinnedRubric(db, study);
    const to = await getRubric(db, study.rubricId, version);
    if (!from || !to) return undefined;
    const diff = diffRubrics(from, to);
    const touchpoints = await touchpointsOfStudy(db, studyId);
    const affected = touchpoints
      .map((tp) => affectedBy(tp, diff, to))
      .filter((a): a is AffectedTouchpoint => a !== undefined);
    return { study, from, to, diff, affected, touchpoints: touchpoints.length };
  });
}

/** What a version move did. */
export interface StudyRubricMoveResult {
  /** The study as now stored, pinned to the new version. */
  study: Study;
  /** The version it was pinned to before. */
  previousVersion: number;
  /** The study's report totals, rebuilt with the new version in the same transaction. */
  tally: StudyTally | undefined;
}

/**
 * Moves a study on purpose to another version of its rubric (a lead's decision after
 * reading `planStudyRubricMove`). Touchpoints and their scores are not changed: scores for
 * criteria the version lacks simply stop counting. The study's report totals are rebuilt. Undefined when the study or the version
 * does not exist.
 */
export async function moveStudyToRubricVersion(
  db: AuditorDb,
  studyId: string,
  version: number,
  now: Date,
): Promise<StudyRubricMoveResult | undefined> {
  return db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
    const study = await db.studies.get(studyId);
    if (!study || study.deleted) return undefined;
    if (!(await getRubric(db, study.rubricId, version))) return undefined;
    const moved: Study = { ...study, rubricVersion: version, updatedAt: now.toISOString() };
    await db.studies.put(moved);
    // The kept totals were computed with the old version: rebuild them now, not on next read.
    const tally = await rebuildStudyTally(db, studyId, now);
    return { study: moved, previousVersion: study.rubricVersion, tally };
  });
}
