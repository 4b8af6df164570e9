import type { Evidence, Touchpoint } from '../model';
import type { AuditorDb } from './schema';
import { tallyTables } from './tallies';
import { createTouchpoint, type NewTouchpoint } from './touchpoints';

/** A screenshot ready to store; ids and times are made here. */
export type NewEvidence = Omit<Evidence, 'id' | 'touchpointId' | 'capturedAt'>;

/**
 * Stores a new touchpoint and, when given, its evidence in one transaction: a touchpoint is
 * never left pointing at a half-written screenshot.
 */
export async function createTouchpointWithEvidence(
  db: AuditorDb,
  input: NewTouchpoint,
  evidence: NewEvidence | null,
  now: Date,
): Promise<{ touchpoint: Touchpoint; evidence: Evidence | null }> {
  // The study's kept totals move with every touchpoint write (lib/db/tallies.ts).
  return db.transaction(
    'rw',
    [db.touchpoints, db.auditStats, db.evidence, ...tallyTables(db)],
    async () => {
      const touchpoint = await createTouchpoint(db, input, now);
      if (!evidence) return { touchpoint, evidence: null };
      const stored: Evidence = {
        ...evidence,
        id: crypto.randomUUID(),
        touchpointId: touchpoint.id,
        capturedAt: now.toISOString(),
      };
      await db.evidence.add(stored);
      return { touchpoint, evidence: stored };
    },
  );
}

/** The evidence of one touchpoint, oldest first. */
export async function listEvidenceOf(db: AuditorDb, touchpointId: string): Promise<Evidence[]> {
  const all = await db.evidence.where('touchpointId').equals(touchpointId).toArray();
  return all.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
}
