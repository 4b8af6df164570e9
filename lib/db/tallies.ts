import type { Rubric, Touchpoint } from '../model';
import { applyContribution, contributionOf, tallyTouchpoints } from '../report';
import type { AuditorDb, StudyTally } from './schema';
import { pinnedRubric } from './studies';

/** The tables a touchpoint write must list so its study's totals move with it. */
export const tallyTables = (db: AuditorDb) => [db.audits, db.studies, db.rubrics, db.studyTallies];

/** A touchpoint before and after one write (undefined: it did not exist / was removed). */
export interface TouchpointChange {
  prev: Touchpoint | undefined;
  next: Touchpoint | undefined;
}

const live = (tp: Touchpoint | undefined): tp is Touchpoint => !!tp && !tp.deleted;

/** Recomputes a study's totals from its live touchpoints (reads them by audit). */
export async function rebuildStudyTally(
  db: AuditorDb,
  studyId: string,
  now: Date,
): Promise<StudyTally | undefined> {
  const study = await db.studies.get(studyId);
  if (!study) return undefined;
  const rubric = await pinnedRubric(db, study);
  if (!rubric) return undefined;
  const audits = (await db.audits.where('studyId').equals(studyId).toArray()).filter(
    (a) => !a.deleted,
  );
  const items = [];
  for (const audit of audits) {
    const tps = await db.touchpoints.where('auditId').equals(audit.id).toArray();
    for (const tp of tps) if (live(tp)) items.push({ brandId: audit.brandId, touchpoint: tp });
  }
  const kept: StudyTally = {
    studyId,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    tally: tallyTouchpoints(items, rubric),
    updatedAt: now.toISOString(),
  };
  await db.studyTallies.put(kept);
  return kept;
}

/** The live moves of `changes` grouped by the study of their (live) audit, with its brand. */
async function movesByStudy(
  db: AuditorDb,
  changes: readonly TouchpointChange[],
): Promise<Map<string, { brandId: string; tp: Touchpoint; sign: 1 | -1 }[]>> {
  const byAudit = new Map<string, { tp: Touchpoint; sign: 1 | -1 }[]>();
  const add = (tp: Touchpoint | undefined, sign: 1 | -1) => {
    if (!live(tp)) return;
    let list = byAudit.get(tp.auditId);
    if (!list) byAudit.set(tp.auditId, (list = []));
    list.push({ tp, sign });
  };
  for (const c of changes) {
    add(c.prev, -1);
    add(c.next, 1);
  }
  const byStudy = new Map<string, { brandId: string; tp: Touchpoint; sign: 1 | -1 }[]>();
  for (const [auditId, moves] of byAudit) {
    const audit = await db.audits.get(auditId);
    if (!audit || audit.deleted) continue;
    let list = byStudy.get(audit.studyId);
    if (!list) byStudy.set(audit.studyId, (list = []));
    for (const m of moves) list.push({ ...m, brandId: audit.brandId });
  }
  return byStudy;
}

/**
 * A study's pinned rubric and its kept totals if they were made with that very rubric
 * (undefined when missing or stale); undefined when the study or its rubric is gone, as there
 * is nothing to total then.
 */
async function keptWithRubric(
  db: AuditorDb,
  studyId: string,
): Promise<{ kept: StudyTally | undefined; rubric: Rubric } | undefined> {
  const study = await db.studies.get(studyId);
  const kept = await db.studyTallies.get(studyId);
  const rubric = study && (await pinnedRubric(db, study));
  if (!study || !rubric) return undefined;
  const fresh = kept && kept.rubricId === rubric.id && kept.rubricVersion === rubric.version;
  return { kept: fresh ? kept : undefined, rubric };
}

/**
 * Before a big write of `changes` (not yet written): rebuilds now, from what is stored, the
 * totals of every study they touch that has none kept (or stale ones), so that
 * {@link applyToTallies} afterwards only moves them by the changes instead of re-reading the
 * study's touchpoints with the new ones. Call in the same transaction as the write.
 */
export function prepareTallies(
  db: AuditorDb,
  changes: readonly TouchpointChange[],
  now: Date,
): PromiseLike<void> {
  // A sub-transaction of the caller's: its promise is Dexie's, so awaiting it keeps the
  // caller's transaction (a plain async helper here made it commit too early under test).
  return db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
    for (const studyId of (await movesByStudy(db, changes)).keys()) {
      const found = await keptWithRubric(db, studyId);
      if (found && !found.kept) await rebuildStudyTally(db, studyId, now);
    }
  });
}

/**
 * Moves the kept totals of every study touched by `changes` (already written). Call inside a
 * transaction over {@link tallyTables} and touchpoints. A missing, stale or inconsistent
 * tally is rebuilt from scratch instead.
 */
export async function applyToTallies(
  db: AuditorDb,
  changes: readonly TouchpointChange[],
  now: Date,
): Promise<void> {
  for (const [studyId, moves] of await movesByStudy(db, changes)) {
    const found = await keptWithRubric(db, studyId);
    if (!found) continue;
    const { kept, rubric } = found;
    if (!kept) {
      await rebuildStudyTally(db, studyId, now);
      continue;
    }
    try {
      let tally = kept.tally;
      for (const m of moves)
        tally = applyContribution(tally, m.brandId, contributionOf(m.tp, rubric), m.sign);
      await db.studyTallies.put({ ...kept, tally, updatedAt: now.toISOString() });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      await rebuildStudyTally(db, studyId, now);
    }
  }
}

/** A study's kept totals, rebuilt first when missing or made with another rubric version. */
export async function getStudyTally(
  db: AuditorDb,
  studyId: string,
  now: Date,
): Promise<StudyTally | undefined> {
  return db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
    const study = await db.studies.get(studyId);
    const kept = await db.studyTallies.get(studyId);
    if (
      study &&
      kept &&
      kept.rubricId === study.rubricId &&
      kept.rubricVersion === study.rubricVersion
    )
      return kept;
    return rebuildStudyTally(db, studyId, now);
  });
}
