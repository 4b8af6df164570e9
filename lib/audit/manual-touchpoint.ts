import {
  createTouchpointWithEvidence,
  getActiveAudit,
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

/**
 * Records an off-page touchpoint (a phone call, a store visit, a parcel) in the running
 * audit, with source `manual`, no page anchor, and the picked file as its evidence, in one
 * transaction. Fails with `no-active-audit` when no audit runs, or with the file's problem
 * (`backup.image.*`); nothing is stored then. The file is hashed before the transaction opens
 * (an IndexedDB transaction does not survive awaiting anything else).
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
  );
  return ok(saved);
}
