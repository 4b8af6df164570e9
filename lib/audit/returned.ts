import { listTouchpointsOfAudit, type AuditorDb } from '../db';
import type { Audit, Brand, ReviewComment, Study, Touchpoint } from '../model';

/** A returned audit as the popup lists it: whose, and how many comments the lead left. */
export interface ReturnedAudit {
  audit: Audit;
  study: Study | undefined;
  brand: Brand | undefined;
  /** Review comments on its live touchpoints. */
  comments: number;
  /** Its live touchpoints with comments, in audit order, each with its comments oldest first. */
  commented: { touchpoint: Touchpoint; comments: ReviewComment[] }[];
}

/**
 * The audits the lead sent back that are not running, newest decision first, for the shopper
 * to resume. Reads every audit's review state (a small table); touchpoints only of those.
 */
export async function listReturnedAudits(db: AuditorDb): Promise<ReturnedAudit[]> {
  const audits = await db.audits
    .filter((a) => !a.deleted && a.review === 'returned' && a.endedAt !== null)
    .toArray();
  audits.sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''));
  const out: ReturnedAudit[] = [];
  for (const audit of audits) {
    const touchpoints = await listTouchpointsOfAudit(db, audit.id);
    out.push({
      audit,
      study: await db.studies.get(audit.studyId),
      brand: await db.brands.get(audit.brandId),
      comments: touchpoints.reduce((n, tp) => n + (tp.comments?.length ?? 0), 0),
      commented: touchpoints
        .filter((tp) => (tp.comments?.length ?? 0) > 0)
        .map((touchpoint) => ({ touchpoint, comments: touchpoint.comments ?? [] })),
    });
  }
  return out;
}
