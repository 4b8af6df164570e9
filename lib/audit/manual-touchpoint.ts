import {
  createTouchpointWithEvidence,
  discardDraft,
  getActiveAudit,
  getDraft,
  saveDraft,
  type AuditorDb,
  type NewTouchpoint,
} from '../db';
import type { Evidence, Touchpoint } from '../model';
import { fail, ok, type Result } from '../result';
import { evidenceFromFile } from './evidence-file';

/** What the popup's off-page form provides. */
export type ManualTouchpointInput = Pick<
  NewTouchpoint,
  'category' | 'stage' | 'channel' | 'scores' | 'notes'
>;

/** The draft key of the popup's off-page form (the tagger's drafts are `tab:<id>`). */
export const MANUAL_DRAFT_KEY = 'manual';

/**
 * Keeps the popup's off-page form as it is being filled in. The popup closes whenever the
 * shopper clicks outside it (to look something up in another window, mid-call): the form is
 * written at every change, for the running audit, so opening the popup again brings it back.
 * Fails with `no-active-audit` when no audit runs.
 */
export async function keepManualDraft(
  db: AuditorDb,
  form: ManualTouchpointInput,
  now: Date,
): Promise<Result<void>> {
  const audit = await getActiveAudit(db);
  if (!audit) return fail('no-active-audit');
  const { category, stage, channel, scores, notes } = form;
  await saveDraft(db, {
    tabKey: MANUAL_DRAFT_KEY,
    auditId: audit.id,
    category,
    stage,
    channel,
    scores,
    notes,
    includeFieldValues: false,
    url: null,
    pageTitle: null,
    anchor: null,
    updatedAt: now.toISOString(),
  });
  return ok(undefined);
}

/**
 * The off-page form kept for the running audit, if any. A form kept for another audit (one
 * since handed in or ended) is not this audit's to record, and is forgotten.
 */
export async function manualDraftOf(db: AuditorDb): Promise<ManualTouchpointInput | undefined> {
  const draft = await getDraft(db, MANUAL_DRAFT_KEY);
  if (!draft) return undefined;
  const audit = await getActiveAudit(db);
  if (draft.auditId !== audit?.id) {
    await discardDraft(db, MANUAL_DRAFT_KEY);
    return undefined;
  }
  const { category, stage, channel, scores, notes } = draft;
  return { category, stage, channel, scores, notes };
}

/** Forgets the off-page form (the shopper cancelled it). */
export const discardManualDraft = (db: AuditorDb) => discardDraft(db, MANUAL_DRAFT_KEY);

/**
 * Records an off-page touchpoint (a phone call, a store visit, a parcel) in the running
 * audit, with source `manual`, no page anchor, and the picked file as its evidence, in one
 * transaction. Fails with `no-active-audit` when no audit runs, or with the file's problem
 * (`backup.image.*`); nothing is stored then. The file is hashed before the transaction opens
 * (an IndexedDB transaction does not survive awaiting anything else). The kept form
 * ({@link keepManualDraft}) is forgotten in the same transaction: a recorded touchpoint never
 * comes back as a form to record again.
 */
export async function createManualTouchpoint(
  db: AuditorDb,
  input: ManualTouchpointInput,
  file: Blob | null,
  now: Date,
): Promise<Result<{ touchpoint: Touchpoint; evidence: Evidence | null }>> {
  const audit = await getActiveAudit(db);
  if (!audit) return fail('no-active-audit');
  const evidence = file ? await evidenceFromFile(file) : ok(null);
  if (!evidence.ok) return evidence;
  const saved = await createTouchpointWithEvidence(
    db,
    { ...input, auditId: audit.id, source: 'manual', url: null, pageTitle: null, anchor: null },
    evidence.value,
    now,
    { draftKey: MANUAL_DRAFT_KEY },
  );
  return ok(saved);
}
