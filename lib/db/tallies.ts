import type { Audit, Rubric, Study, Touchpoint } from '../model';
import {
  applyContribution,
  auditCounts,
  contributionOf,
  tallyTouchpoints,
  type Tally,
} from '../report';
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

/** Recomputes a study's totals, wave by wave, from its counted touchpoints (read by audit). */
export async function rebuildStudyTally(
  db: AuditorDb,
  studyId: string,
  now: Date,
): Promise<StudyTally | undefined> {
  const study = await db.studies.get(studyId);
  if (!study) return undefined;
  const rubric = await pinnedRubric(db, study);
  if (!rubric) return undefined;
  const audits = (await db.audits.where('studyId').equals(studyId).toArray()).filter((a) =>
    auditCounts(a, study),
  );
  const byWave = new Map<string, { brandId: string; touchpoint: Touchpoint }[]>();
  for (const wave of study.waves) byWave.set(wave, []);
  for (const audit of audits) {
    let items = byWave.get(audit.wave);
    if (!items) byWave.set(audit.wave, (items = []));
    const tps = await db.touchpoints.where('auditId').equals(audit.id).toArray();
    for (const tp of tps) if (live(tp)) items.push({ brandId: audit.brandId, touchpoint: tp });
  }
  const waves: Record<string, Tally> = {};
  for (const [wave, items] of byWave) waves[wave] = tallyTouchpoints(items, rubric);
  const kept: StudyTally = {
    studyId,
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    waves,
    updatedAt: now.toISOString(),
  };
  await db.studyTallies.put(kept);
  return kept;
}

/** One touchpoint's share to add (1) or take away (−1) in a brand's totals of one wave. */
interface Move {
  brandId: string;
  wave: string;
  tp: Touchpoint;
  sign: 1 | -1;
}

/** The counted moves of `changes` grouped by the study of their audit. */
async function movesByStudy(
  db: AuditorDb,
  changes: readonly TouchpointChange[],
): Promise<Map<string, Move[]>> {
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
  const byStudy = new Map<string, Move[]>();
  const studies = new Map<string, Study | undefined>();
  for (const [auditId, moves] of byAudit) {
    const audit = await db.audits.get(auditId);
    if (!audit) continue;
    if (!studies.has(audit.studyId))
      studies.set(audit.studyId, await db.studies.get(audit.studyId));
    if (!auditCounts(audit, studies.get(audit.studyId))) continue;
    let list = byStudy.get(audit.studyId);
    if (!list) byStudy.set(audit.studyId, (list = []));
    for (const m of moves) list.push({ ...m, brandId: audit.brandId, wave: audit.wave });
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

/** `moves` applied to kept per-wave totals; throws RangeError when they do not add up. */
function applyMoves(kept: StudyTally, moves: readonly Move[], rubric: Rubric): StudyTally {
  const waves = { ...kept.waves };
  for (const m of moves) {
    const tally = Object.hasOwn(waves, m.wave) ? waves[m.wave]! : {};
    waves[m.wave] = applyContribution(tally, m.brandId, contributionOf(m.tp, rubric), m.sign);
  }
  return { ...kept, waves };
}

/** Moves a study's kept totals by `moves`, or rebuilds them when missing, stale or off. */
async function moveStudyTally(
  db: AuditorDb,
  studyId: string,
  moves: readonly Move[],
  now: Date,
): Promise<void> {
  const found = await keptWithRubric(db, studyId);
  if (!found) return;
  const { kept, rubric } = found;
  if (!kept) {
    await rebuildStudyTally(db, studyId, now);
    return;
  }
  try {
    await db.studyTallies.put({ ...applyMoves(kept, moves, rubric), updatedAt: now.toISOString() });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    await rebuildStudyTally(db, studyId, now);
  }
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
    await moveStudyTally(db, studyId, moves, now);
  }
}

/**
 * After an audit changed in a way that moves its touchpoints in the figures (another wave, its
 * review state under "approved only", deleted or restored): takes its touchpoints out as they
 * counted before and adds them as they count now. Call inside a transaction over
 * {@link tallyTables} and touchpoints, with the audit already written.
 */
export async function moveAuditInTallies(
  db: AuditorDb,
  prev: Audit | undefined,
  next: Audit,
  now: Date,
): Promise<void> {
  const study = await db.studies.get(next.studyId);
  const before = auditCounts(prev, study) && prev.studyId === next.studyId;
  const after = auditCounts(next, study);
  const sameShare =
    before === after && (!after || (prev!.wave === next.wave && prev!.brandId === next.brandId));
  if (sameShare) return;
  const tps = (await db.touchpoints.where('auditId').equals(next.id).toArray()).filter(live);
  const moves: Move[] = [];
  for (const tp of tps) {
    if (before) moves.push({ brandId: prev!.brandId, wave: prev!.wave, tp, sign: -1 });
    if (after) moves.push({ brandId: next.brandId, wave: next.wave, tp, sign: 1 });
  }
  if (moves.length > 0) await moveStudyTally(db, next.studyId, moves, now);
}

/**
 * A study's kept totals, rebuilt first when missing, made with another rubric version, or
 * missing one of the study's waves.
 */
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
    ) {
      // A wave opened since the totals were kept has nothing in it yet.
      const missing = study.waves.filter((w) => !Object.hasOwn(kept.waves, w));
      if (missing.length === 0) return kept;
      return {
        ...kept,
        waves: { ...kept.waves, ...Object.fromEntries(missing.map((w) => [w, {}])) },
      };
    }
    return rebuildStudyTally(db, studyId, now);
  });
}

/** One wave's totals from kept ones: empty when the wave has none. */
export function waveTally(kept: StudyTally | undefined, wave: string): Tally {
  return kept && Object.hasOwn(kept.waves, wave) ? kept.waves[wave]! : {};
}
