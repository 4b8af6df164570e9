import {
  createTouchpointWithEvidence,
  discardDraft,
  getActiveAudit,
  getDraft,
  getSetting,
  saveDraft,
  setSetting,
  type AuditorDb,
  type ManualPhoto,
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
 * Keeps the photo picked in the off-page form (null: none any more), for the running audit.
 * Fails with `no-active-audit` when no audit runs.
 */
export async function keepManualPhoto(
  db: AuditorDb,
  photo: { blob: Blob; name: string } | null,
): Promise<Result<void>> {
  const audit = await getActiveAudit(db);
  if (!audit) return fail('no-active-audit');
  await setSetting(db, 'manualPhoto', photo && { ...photo, auditId: audit.id });
  return ok(undefined);
}

/** The off-page form as it was kept, with the photo picked in it. */
export interface KeptManualTouchpoint {
  form: ManualTouchpointInput;
  photo: Pick<ManualPhoto, 'blob' | 'name'> | null;
}

/**
 * The off-page form kept for the running audit, if any. A form kept for another audit (one
 * since handed in or ended) is not this audit's to record, and is forgotten; so is a photo
 * without its form (the touchpoint was recorded, or the form cancelled).
 */
export async function manualDraftOf(db: AuditorDb): Promise<KeptManualTouchpoint | undefined> {
  const draft = await getDraft(db, MANUAL_DRAFT_KEY);
  const photo = await getSetting(db, 'manualPhoto');
  const audit = await getActiveAudit(db);
  if (!draft || draft.auditId !== audit?.id) {
    // Only what is there is forgotten: a popup opening on nothing kept writes nothing.
    if (draft) await discardDraft(db, MANUAL_DRAFT_KEY);
    if (photo) await setSetting(db, 'manualPhoto', null);
    return undefined;
  }
  const { category, stage, channel, scores, notes } = draft;
  return {
    form: { category, stage, channel, scores, notes },
    photo: photo?.auditId === audit.id ? { blob: photo.blob, name: photo.name } : null,
  };
}

/** Forgets the off-page form and its photo (the shopper cancelled it). */
export async function discardManualDraft(db: AuditorDb): Promise<void> {
  await discardDraft(db, MANUAL_DRAFT_KEY);
  await setSetting(db, 'manualPhoto', null);
}

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
  // Recorded: the photo is the touchpoint's evidence now. (Left behind by a popup closed at
  // this moment, it would be forgotten at the next opening: its form is gone.)
  await setSetting(db, 'manualPhoto', null);
  return ok(saved);
}
