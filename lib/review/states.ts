import type { Audit, IsoTime, ReviewState } from '../model';
import { problem, type Problem } from '../result';

/** What a shopper or the lead does to an audit's review state. */
export type ReviewAction = 'submit' | 'return' | 'approve' | 'reopen';

/**
 * The review states each action leaves from, and where it goes: the shopper submits a running
 * or returned audit; the lead returns or approves a submitted one, and reopens an approved one
 * (back to `submitted`, so it is reviewed again).
 */
const MOVES: Record<ReviewAction, { from: readonly ReviewState[]; to: ReviewState }> = {
  submit: { from: ['in_progress', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  reopen: { from: ['approved'], to: 'submitted' },
};

/**
 * The audit after `action` by `by` at `at`: its new state with who and when, or the problem
 * `review.not-allowed` (params: action, state) when the action does not apply to its state.
 */
export function moveReview(
  audit: Audit,
  action: ReviewAction,
  by: string,
  at: IsoTime,
): { ok: true; value: Audit } | { ok: false; error: Problem } {
  const move = MOVES[action];
  if (!move.from.includes(audit.review)) {
    return { ok: false, error: problem('review.not-allowed', { action, state: audit.review }) };
  }
  return {
    ok: true,
    value: {
      ...audit,
      review: move.to,
      reviewedBy: by,
      reviewedAt: at,
      // Handing an audit in ends it; sending it back leaves it ended until the shopper resumes.
      endedAt: action === 'submit' ? (audit.endedAt ?? at) : audit.endedAt,
      updatedAt: at,
    },
  };
}

/** Whether the audit's touchpoints may be changed: not while it is approved. */
export const isEditable = (audit: Pick<Audit, 'review'>): boolean => audit.review !== 'approved';
