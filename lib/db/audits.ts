import type { Audit } from '../model';
import { fail, ok, type Result } from '../result';
import { moveReview, type ReviewAction } from '../review/states';
import type { AuditorDb } from './schema';
import { getSetting, setSetting } from './settings';
import { moveAuditInTallies, tallyTables } from './tallies';

/** What a shopper provides to start an audit. */
export type NewAudit = Pick<Audit, 'studyId' | 'brandId' | 'shopper' | 'scenario'>;

/**
 * Starts an audit in its study's open wave and makes it the active one (one per browser
 * profile); an audit still running is ended first. Remembers the shopper's name for next time.
 */
export async function startAudit(db: AuditorDb, input: NewAudit, now: Date): Promise<Audit> {
  const at = now.toISOString();
  return db.transaction('rw', db.audits, db.settings, db.studies, async () => {
    const study = await db.studies.get(input.studyId);
    const audit: Audit = {
      ...input,
      id: crypto.randomUUID(),
      wave: study?.wave ?? '',
      purpose: 'audit',
      review: 'in_progress',
      startedAt: at,
      endedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await endActiveAudit(db, now);
    await db.audits.add(audit);
    await setSetting(db, 'activeAuditId', audit.id);
    await setSetting(db, 'shopperName', input.shopper);
    return audit;
  });
}

/** The running audit, if any. */
export async function getActiveAudit(db: AuditorDb): Promise<Audit | undefined> {
  const id = await getSetting(db, 'activeAuditId');
  if (!id) return undefined;
  const audit = await db.audits.get(id);
  return audit && !audit.deleted && audit.endedAt === null ? audit : undefined;
}

/**
 * Ends the running audit (records the time) when another one starts or is resumed; returns it,
 * or undefined when none ran. The popup's End audit does not come here: it hands the audit in
 * through the checks (`submitAudit` in lib/audit/submit.ts).
 */
export async function endActiveAudit(db: AuditorDb, now: Date): Promise<Audit | undefined> {
  return db.transaction('rw', db.audits, db.settings, async () => {
    const audit = await getActiveAudit(db);
    await setSetting(db, 'activeAuditId', null);
    if (!audit) return undefined;
    const at = now.toISOString();
    // An ended audit is a handed-in one (as a version-1 backup's ended audits import).
    const ended: Audit = {
      ...audit,
      endedAt: at,
      review: audit.review === 'in_progress' ? 'submitted' : audit.review,
      updatedAt: at,
    };
    await db.audits.put(ended);
    await setSetting(db, 'lastAuditId', ended.id);
    return ended;
  });
}

/** The live audits of a study, newest first (the `studyId` index: a small range). */
export async function listAuditsOfStudy(db: AuditorDb, studyId: string): Promise<Audit[]> {
  const all = await db.audits.where('studyId').equals(studyId).toArray();
  return all.filter((a) => !a.deleted).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** What may change on an audit after it started (the lead's corrections, review, deletion). */
export type AuditChanges = Partial<
  Pick<
    Audit,
    | 'wave'
    | 'brandId'
    | 'shopper'
    | 'scenario'
    | 'review'
    | 'reviewedBy'
    | 'reviewedAt'
    | 'submitNote'
    | 'deleted'
  >
>;

/**
 * Changes an audit; `updatedAt` moves on and the study's kept totals follow (its touchpoints
 * move to another wave or brand, or in or out of the figures). Undefined when it does not exist.
 */
export async function updateAudit(
  db: AuditorDb,
  id: string,
  changes: AuditChanges,
  now: Date,
): Promise<Audit | undefined> {
  return db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
    const prev = await db.audits.get(id);
    if (!prev) return undefined;
    const next: Audit = { ...prev, ...changes, updatedAt: now.toISOString() };
    await db.audits.put(next);
    await moveAuditInTallies(db, prev, next, now);
    return next;
  });
}

/**
 * Moves an audit's review state (`moveReview`): written with who and when, and the study's kept
 * totals follow when it counts approved audits only. A `submit` stores `submitNote` (the
 * shopper's reason for handing in with problems unfixed) or, without one, clears an earlier
 * one. The refusal when the action does not apply; `not-found` when there is no such audit.
 */
export async function reviewAudit(
  db: AuditorDb,
  id: string,
  action: ReviewAction,
  by: string,
  now: Date,
  submitNote?: string,
): Promise<Result<Audit>> {
  return db.transaction('rw', [db.touchpoints, ...tallyTables(db)], async () => {
    const prev = await db.audits.get(id);
    if (!prev || prev.deleted) return fail('not-found');
    const moved = moveReview(prev, action, by, now.toISOString());
    if (!moved.ok) return moved;
    if (action === 'submit') {
      if (submitNote) moved.value.submitNote = submitNote;
      else delete moved.value.submitNote;
    }
    await db.audits.put(moved.value);
    await moveAuditInTallies(db, prev, moved.value, now);
    return ok(moved.value);
  });
}

/**
 * Makes a returned audit the running one again so its shopper can fix it: it is no longer
 * ended and becomes the active audit (a running one is ended first). Its review state stays
 * `returned` until it is submitted again. `not-found`, or `review.not-allowed` when the audit
 * was not returned.
 */
export async function resumeAudit(db: AuditorDb, id: string, now: Date): Promise<Result<Audit>> {
  return db.transaction('rw', db.audits, db.settings, async () => {
    const prev = await db.audits.get(id);
    if (!prev || prev.deleted) return fail('not-found');
    if (prev.review !== 'returned') {
      return fail('review.not-allowed', { action: 'resume', state: prev.review });
    }
    const active = await getActiveAudit(db);
    if (active && active.id !== id) await endActiveAudit(db, now);
    const next: Audit = { ...prev, endedAt: null, updatedAt: now.toISOString() };
    await db.audits.put(next);
    await setSetting(db, 'activeAuditId', id);
    return ok(next);
  });
}
