import type { Evidence, Touchpoint } from '../model';
import type { AuditorDb } from './schema';
import { tallyTables } from './tallies';
import { createTouchpoint, type NewTouchpoint } from './touchpoints';

/** A screenshot ready to store; ids are made here, and the time unless it was taken earlier. */
export type NewEvidence = Omit<Evidence, 'id' | 'touchpointId' | 'capturedAt'> & {
  capturedAt?: string;
};

/** What a save may also do in its transaction: use the client's id, forget the tab's draft. */
export interface SaveOptions {
  /** The touchpoint's id, made by the client so a retried save can be recognised. */
  id?: string;
  /** The draft to delete with the write, so a saved tag never comes back as a draft. */
  draftKey?: string;
  /** The capture taken at the pick, stored before `evidence` when the element changed since. */
  pickEvidence?: NewEvidence;
}

/**
 * Stores a new touchpoint and, when given, its evidence in one transaction: a touchpoint is
 * never left pointing at a half-written screenshot. With `opts.id`, a save whose id is already
 * stored writes nothing and answers the stored touchpoint and its first evidence
 * (`existed: true`): a retry after a lost reply does not make a second touchpoint. The draft
 * named by `opts.draftKey` is deleted in the same transaction either way.
 */
export async function createTouchpointWithEvidence(
  db: AuditorDb,
  input: NewTouchpoint,
  evidence: NewEvidence | null,
  now: Date,
  opts: SaveOptions = {},
): Promise<{ touchpoint: Touchpoint; evidence: Evidence | null; existed: boolean }> {
  // The study's kept totals move with every touchpoint write (lib/db/tallies.ts).
  return db.transaction(
    'rw',
    [db.touchpoints, db.auditStats, db.evidence, db.drafts, ...tallyTables(db)],
    async () => {
      if (opts.draftKey !== undefined) await db.drafts.delete(opts.draftKey);
      const stored = opts.id === undefined ? undefined : await db.touchpoints.get(opts.id);
      if (stored) {
        const [first] = await listEvidenceOf(db, stored.id);
        return { touchpoint: stored, evidence: first ?? null, existed: true };
      }
      const touchpoint = await createTouchpoint(db, input, now, opts.id);
      if (opts.pickEvidence) await addEvidence(db, touchpoint.id, opts.pickEvidence, now);
      if (!evidence) return { touchpoint, evidence: null, existed: false };
      const added = await addEvidence(db, touchpoint.id, evidence, now);
      return { touchpoint, evidence: added, existed: false };
    },
  );
}

async function addEvidence(
  db: AuditorDb,
  touchpointId: string,
  evidence: NewEvidence,
  now: Date,
): Promise<Evidence> {
  const stored: Evidence = {
    ...evidence,
    id: crypto.randomUUID(),
    touchpointId,
    capturedAt: evidence.capturedAt ?? now.toISOString(),
  };
  await db.evidence.add(stored);
  return stored;
}

/**
 * Attaches a screenshot to a stored touchpoint that has none (a retake after a save without
 * one). Idempotent: a touchpoint that already has evidence keeps it, and its first evidence is
 * answered. Undefined when the touchpoint does not exist (or is deleted).
 */
export async function attachEvidence(
  db: AuditorDb,
  touchpointId: string,
  evidence: NewEvidence,
  now: Date,
  redactions?: Touchpoint['redactions'],
): Promise<Evidence | undefined> {
  return db.transaction('rw', [db.touchpoints, db.evidence], async () => {
    const tp = await db.touchpoints.get(touchpointId);
    if (!tp || tp.deleted) return undefined;
    const [first] = await listEvidenceOf(db, touchpointId);
    if (first) return first;
    // What the new screenshot covered replaces what the touchpoint said of none.
    if (redactions) await db.touchpoints.put({ ...tp, redactions, updatedAt: now.toISOString() });
    return addEvidence(db, touchpointId, evidence, now);
  });
}

/** The evidence of one touchpoint, oldest first. */
export async function listEvidenceOf(db: AuditorDb, touchpointId: string): Promise<Evidence[]> {
  const all = await db.evidence.where('touchpointId').equals(touchpointId).toArray();
  return all.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
}
