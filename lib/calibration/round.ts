// Calibration rounds in storage: the workflow that ties the database to the agreement engine
// (docs/ARCHITECTURE.md#calibration). A round is a calibration audit whose touchpoints are the
// items, unscored, each with its own `calibrationKey`; every shopper scores the items in a
// calibration audit of their own, one touchpoint per item carrying the item's key. Calibration
// audits never count in the comparison, the trend or touchpoints.csv.
import { listAuditsOfStudy, loadStudyWithRubric, putTouchpoints, type AuditorDb } from '../db';
import type { Audit, Evidence, Rubric, ScoreValue, Study, Touchpoint } from '../model';
import { measureAgreement, type Agreement, type CalibrationScoring } from './agreement';

/** One item of a study's calibration rounds: what the shoppers score. */
export interface CalibrationItem {
  key: string;
  /** The item as the round holds it (category, page, anchor, the lead's note), unscored. */
  touchpoint: Touchpoint;
  evidence: Evidence[];
}

/** Everything the calibration page shows for a study. */
export interface CalibrationView {
  study: Study;
  rubric: Rubric;
  items: CalibrationItem[];
  /** Every shopper's scoring of every item. */
  scorings: (CalibrationScoring & { touchpointId: string })[];
  agreement: Agreement;
}

const hasScores = (tp: Touchpoint) => Object.keys(tp.scores).length > 0;

/** The live calibration audits of a study and their live touchpoints that carry a key. */
async function calibrationWork(db: AuditorDb, studyId: string) {
  const audits = (await listAuditsOfStudy(db, studyId)).filter((a) => a.purpose === 'calibration');
  const work: { audit: Audit; touchpoint: Touchpoint }[] = [];
  for (const audit of audits) {
    const tps = await db.touchpoints.where('auditId').equals(audit.id).toArray();
    for (const tp of tps) {
      if (!tp.deleted && tp.calibrationKey) work.push({ audit, touchpoint: tp });
    }
  }
  work.sort((a, b) => a.touchpoint.createdAt.localeCompare(b.touchpoint.createdAt));
  return work;
}

/**
 * A study's calibration: its items (the first unscored touchpoint of each key, in the order
 * they were made), every scoring (a touchpoint with a score in a calibration audit; the rater
 * is the audit's shopper) and the agreement among shoppers per criterion of the pinned rubric.
 * Undefined when the study or its rubric is missing.
 */
export async function loadCalibration(
  db: AuditorDb,
  studyId: string,
): Promise<CalibrationView | undefined> {
  const pinned = await loadStudyWithRubric(db, studyId);
  if (!pinned) return undefined;
  const work = await calibrationWork(db, studyId);
  const items: CalibrationItem[] = [];
  const seen = new Set<string>();
  for (const { touchpoint } of work) {
    const key = touchpoint.calibrationKey!;
    if (seen.has(key) || hasScores(touchpoint)) continue;
    seen.add(key);
    const evidence = await db.evidence.where('touchpointId').equals(touchpoint.id).toArray();
    items.push({ key, touchpoint, evidence });
  }
  const scorings = work
    .filter(({ touchpoint }) => hasScores(touchpoint))
    .map(({ audit, touchpoint }) => ({
      item: touchpoint.calibrationKey!,
      shopper: audit.shopper,
      scores: touchpoint.scores,
      touchpointId: touchpoint.id,
    }));
  const agreement = measureAgreement(
    scorings,
    pinned.rubric.criteria.map((c) => c.id),
  );
  return { ...pinned, items, scorings, agreement };
}

/** What a lead gives to start a round. */
export interface NewRound {
  studyId: string;
  /** The touchpoints to calibrate on, in the order the shoppers see them. */
  touchpointIds: string[];
  /** The lead's name: the round's audit is theirs. */
  lead: string;
  /** The round's description, e.g. "Calibration round, December". */
  scenario: string;
}

/**
 * Starts a round: a calibration audit of the lead in the study's open wave, holding a copy of
 * each chosen touchpoint without its scores and notes (so nobody is steered), with a new key and
 * a copy of its screenshots. The shoppers get it through a backup. Returns the item keys.
 */
export async function createRound(db: AuditorDb, input: NewRound, now: Date): Promise<string[]> {
  const pinned = await loadStudyWithRubric(db, input.studyId);
  if (!pinned) throw new Error(`study ${input.studyId} not found`);
  const sources = (await db.touchpoints.bulkGet(input.touchpointIds)).filter(
    (tp): tp is Touchpoint => !!tp && !tp.deleted,
  );
  if (sources.length === 0) throw new Error('no touchpoints to calibrate on');
  const firstAudit = await db.audits.get(sources[0]!.auditId);
  const at = now.toISOString();
  const audit: Audit = {
    id: crypto.randomUUID(),
    studyId: input.studyId,
    brandId: firstAudit?.brandId ?? pinned.study.brandIds[0] ?? '',
    wave: pinned.study.wave,
    purpose: 'calibration',
    review: 'submitted',
    shopper: input.lead,
    scenario: input.scenario,
    startedAt: at,
    endedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  const items = sources.map((src, i): Touchpoint => {
    const stamp = new Date(now.getTime() + i).toISOString();
    return {
      id: crypto.randomUUID(),
      auditId: audit.id,
      category: src.category,
      stage: src.stage,
      channel: src.channel,
      source: src.source,
      url: src.url,
      pageTitle: src.pageTitle,
      anchor: src.anchor,
      scores: {},
      notes: '',
      calibrationKey: crypto.randomUUID(),
      createdAt: stamp,
      updatedAt: stamp,
    };
  });
  const evidence: Evidence[] = [];
  for (const [i, src] of sources.entries()) {
    for (const e of await db.evidence.where('touchpointId').equals(src.id).toArray()) {
      evidence.push({ ...e, id: crypto.randomUUID(), touchpointId: items[i]!.id });
    }
  }
  await db.transaction('rw', db.audits, db.evidence, async () => {
    await db.audits.add(audit);
    await db.evidence.bulkAdd(evidence);
  });
  await putTouchpoints(db, items);
  return items.map((tp) => tp.calibrationKey!);
}

/**
 * Stores one shopper's scores for one item: in the shopper's own calibration audit of the
 * study (made on first use, in the study's open wave), one touchpoint per item, replaced when
 * they score it again. Returns the stored touchpoint.
 */
export async function scoreItem(
  db: AuditorDb,
  item: CalibrationItem,
  shopper: string,
  scores: Record<string, ScoreValue>,
  now: Date,
): Promise<Touchpoint> {
  const name = shopper.trim();
  if (!name) throw new Error('a shopper name is needed to score');
  const itemAudit = await db.audits.get(item.touchpoint.auditId);
  if (!itemAudit) throw new Error('the round is gone');
  const at = now.toISOString();
  const audits = (await listAuditsOfStudy(db, itemAudit.studyId)).filter(
    (a) => a.purpose === 'calibration' && a.shopper === name,
  );
  let audit = audits[0];
  if (!audit) {
    const study = await db.studies.get(itemAudit.studyId);
    audit = {
      ...itemAudit,
      id: crypto.randomUUID(),
      wave: study?.wave ?? itemAudit.wave,
      review: 'in_progress',
      shopper: name,
      startedAt: at,
      endedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await db.audits.add(audit);
  }
  const mine = (await db.touchpoints.where('auditId').equals(audit.id).toArray()).find(
    (tp) => !tp.deleted && tp.calibrationKey === item.key && tp.id !== item.touchpoint.id,
  );
  const next: Touchpoint = {
    ...item.touchpoint,
    id: mine?.id ?? crypto.randomUUID(),
    auditId: audit.id,
    scores,
    createdAt: mine?.createdAt ?? at,
    updatedAt: at,
  };
  await putTouchpoints(db, [next]);
  return next;
}

/** A touchpoint a lead may put in a round, with the audit it was met in (brand, wave, shopper). */
export interface RoundCandidate {
  touchpoint: Touchpoint;
  audit: Audit;
}

/**
 * Touchpoints a lead may calibrate on: those of the study's real audits, live, newest first,
 * at most `limit` (read audit by audit through the audit index), each with its audit.
 */
export async function roundCandidates(
  db: AuditorDb,
  studyId: string,
  limit = 200,
): Promise<RoundCandidate[]> {
  const audits = (await listAuditsOfStudy(db, studyId)).filter((a) => a.purpose !== 'calibration');
  const out: RoundCandidate[] = [];
  for (const audit of audits) {
    const tps = await db.touchpoints.where('auditId').equals(audit.id).toArray();
    for (const touchpoint of tps) if (!touchpoint.deleted) out.push({ touchpoint, audit });
    if (out.length >= limit) break;
  }
  return out
    .sort((a, b) => b.touchpoint.createdAt.localeCompare(a.touchpoint.createdAt))
    .slice(0, limit);
}
