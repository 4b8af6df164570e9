import type { Audit, ReviewState } from '../model';

/** The order of the lead's queue: waiting for a decision first, then sent back, then done. */
const QUEUE_ORDER: readonly ReviewState[] = ['submitted', 'returned', 'approved'];

/**
 * The audits the lead reviews, in queue order (submitted, returned, approved; oldest handed in
 * first within a state). Running audits and calibration work are not in the queue.
 */
export function reviewQueue(audits: readonly Audit[]): Audit[] {
  const rank = (a: Audit) => QUEUE_ORDER.indexOf(a.review);
  return audits
    .filter((a) => !a.deleted && a.purpose !== 'calibration' && rank(a) >= 0)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.reviewedAt ?? a.startedAt).localeCompare(b.reviewedAt ?? b.startedAt),
    );
}
