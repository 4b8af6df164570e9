import {
  getSetting,
  listTouchpointsOfAudit,
  pinnedRubric,
  reviewAudit,
  setSetting,
  type AuditorDb,
} from '../db';
import type { Audit, Touchpoint } from '../model';
import { ok, problem, type Problem, type Result } from '../result';
import { checkBeforeSubmit, type CheckedTouchpoint } from '../review/checks';

/** What the checks found in one audit, with the touchpoints they name (by `path` = id). */
export interface SubmitCheck {
  problems: Problem[];
  touchpoints: Touchpoint[];
}

/**
 * Runs the checks before submit (lib/review/checks.ts) over one audit's live touchpoints, read
 * with whether each has a screenshot, against its study's pinned rubric. `not-found` when the
 * audit, its study or the rubric is gone.
 */
export async function checkAudit(db: AuditorDb, auditId: string): Promise<Result<SubmitCheck>> {
  const audit = await db.audits.get(auditId);
  const study = audit && !audit.deleted ? await db.studies.get(audit.studyId) : undefined;
  const rubric = study ? await pinnedRubric(db, study) : undefined;
  if (!audit || !rubric) return { ok: false, error: problem('not-found') };
  const touchpoints = await listTouchpointsOfAudit(db, auditId);
  const items: CheckedTouchpoint[] = [];
  for (const touchpoint of touchpoints) {
    const shots = await db.evidence.where('touchpointId').equals(touchpoint.id).count();
    items.push({ touchpoint, hasEvidence: shots > 0 });
  }
  return ok({ problems: checkBeforeSubmit(items, rubric), touchpoints });
}

/** Why a submit did not happen: the checks' problems (no reason given), or a refusal. */
export type SubmitRefused = SubmitCheck;

/** How a hand-in was asked for: the popup's Submit for review, or its End audit. */
export interface SubmitOptions {
  /**
   * The shopper pressed End audit: in a study that requires review the checks stop it as they
   * stop a submit; in one that does not, ending hands the audit in and the checks do not bind.
   */
  ending?: boolean;
}

/**
 * The shopper hands an audit in for review (the popup's Submit for review and End audit both
 * come here): the checks run first; when they find problems the audit is submitted only with a
 * `reason` (kept as the audit's `submitNote` for the lead), otherwise the problems come back to
 * be fixed. Submitting ends the audit; it stops being the active one and becomes the last one
 * (the popup lists what it did not re-audit). A move the review states refuse (already
 * submitted…) comes back as one problem.
 */
export async function submitAudit(
  db: AuditorDb,
  auditId: string,
  now: Date,
  reason = '',
  { ending = false }: SubmitOptions = {},
): Promise<Result<Audit, SubmitRefused>> {
  const checked = await checkAudit(db, auditId);
  if (!checked.ok) return refused([checked.error]);
  const { problems, touchpoints } = checked.value;
  const note = reason.trim();
  const binding = !ending || (await studyRequiresReview(db, auditId));
  if (binding && problems.length > 0 && !note) return refused(problems, touchpoints);
  const audit = await db.audits.get(auditId);
  const moved = await reviewAudit(
    db,
    auditId,
    'submit',
    audit?.shopper ?? '',
    now,
    problems.length > 0 && note ? note : undefined,
  );
  if (!moved.ok) return refused([moved.error], touchpoints);
  if ((await getSetting(db, 'activeAuditId')) === auditId) {
    await setSetting(db, 'activeAuditId', null);
  }
  await setSetting(db, 'lastAuditId', auditId);
  return ok(moved.value);
}

/** Whether the audit's study counts approved audits only. */
async function studyRequiresReview(db: AuditorDb, auditId: string): Promise<boolean> {
  const audit = await db.audits.get(auditId);
  const study = audit ? await db.studies.get(audit.studyId) : undefined;
  return study?.requireReview === true;
}

const refused = (
  problems: Problem[],
  touchpoints: Touchpoint[] = [],
): { ok: false; error: SubmitRefused } => ({ ok: false, error: { problems, touchpoints } });
