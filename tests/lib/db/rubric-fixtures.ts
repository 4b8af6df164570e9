import type { AuditorDb } from '../../../lib/db';
import type { Audit, ScoreValue, Study, Touchpoint } from '../../../lib/model';

const at = '2026-11-01T09:00:00.000Z';

/** Writes a study pinned to a rubric version (raw, as an import or another tab would). */
export async function addStudy(
  db: AuditorDb,
  id: string,
  rubricId: string,
  rubricVersion: number,
): Promise<Study> {
  const study: Study = {
    id,
    name: `Study ${id}`,
    wave: 'W1',
    waves: ['W1'],
    requireReview: false,
    rubricId,
    rubricVersion,
    brandIds: ['b1'],
    createdAt: at,
    updatedAt: at,
  };
  await db.studies.add(study);
  return study;
}

/** Writes an audit of a study. */
export async function addAudit(
  db: AuditorDb,
  id: string,
  studyId: string,
  deleted = false,
): Promise<Audit> {
  const audit: Audit = {
    id,
    studyId,
    brandId: 'b1',
    shopper: 'Ana',
    scenario: 'x',
    startedAt: at,
    endedAt: null,
    wave: 'W1',
    purpose: 'audit',
    review: 'in_progress',
    createdAt: at,
    updatedAt: at,
    ...(deleted ? { deleted } : {}),
  };
  await db.audits.add(audit);
  return audit;
}

/** Writes a touchpoint of an audit with some scores. */
export async function addTouchpoint(
  db: AuditorDb,
  id: string,
  auditId: string,
  scores: Record<string, ScoreValue>,
  deleted = false,
): Promise<Touchpoint> {
  const tp: Touchpoint = {
    id,
    auditId,
    category: 'cart',
    stage: 'purchase',
    channel: 'web',
    source: 'manual',
    url: null,
    pageTitle: null,
    anchor: null,
    scores,
    notes: '',
    createdAt: at,
    updatedAt: at,
    ...(deleted ? { deleted } : {}),
  };
  await db.touchpoints.add(tp);
  return tp;
}
