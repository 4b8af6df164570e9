import { useEffect, useRef, useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { useLiveQuery } from '@/hooks/use-live-query';
import { useUnsavedEdits, type UnsavedEdits } from '@/hooks/use-unsaved-edits';
import { getAuditStats, getDb, nthTouchpointOfAudit, reviewAudit } from '@/lib/db';
import { formatDateTime, reviewStateLabel, t } from '@/lib/i18n';
import type { Audit, Brand, Rubric } from '@/lib/model';
import { isEditable, type ReviewAction } from '@/lib/review';
import { CommentBox } from './CommentBox';
import { reviewKeyOf } from './review-keys';
import { ReviewTouchpoint } from './ReviewTouchpoint';

/** Props of {@link ReviewAudit}. */
export interface ReviewAuditProps {
  audit: Audit;
  brand: Brand | undefined;
  rubric: Rubric;
  /** The lead's name, written on comments and decisions. */
  reviewer: string;
  /**
   * Comments typed and not added yet, by touchpoint, kept by the queue: opening another audit
   * and coming back keeps them. Without it the audit keeps its own.
   */
  comments?: UnsavedEdits<string>;
  /** The touchpoint to open on (its place in the audit), and told each move. */
  start?: number;
  onMove?: (index: number) => void;
}

/**
 * Touchpoints page, review queue: the selected audit — its state, the shopper's reason if they
 * submitted with problems, one touchpoint at a time, the comment box and the decisions. Keys:
 * j/k or ↓/↑ move, c comments, a approves, r returns (never while typing in a field). The
 * touchpoints come in the touchpoints view's order (by category); each screen reads the one it
 * shows and the audit's kept count, never all of them (an audit may hold thousands).
 */
export function ReviewAudit(props: ReviewAuditProps) {
  const { audit, brand, rubric, reviewer, comments, start = 0, onMove } = props;
  const db = getDb();
  const [index, setIndex] = useState(start);
  // One query for the count and the touchpoint shown: the first screen waits for one answer.
  const screen = useLiveQuery(async () => {
    const { total } = await getAuditStats(db, audit.id);
    const n = Math.min(index, Math.max(0, total - 1));
    return { total, n, shown: total > 0 ? await nthTouchpointOfAudit(db, audit.id, n) : undefined };
  }, [audit.id, index]);
  const comment = useRef<HTMLTextAreaElement>(null);
  // Comments typed and not added yet, by touchpoint: j/k to another one and back keeps them.
  const own = useUnsavedEdits<string>();
  const unsaved = comments ?? own;
  const { busy, failure, setFailure, run } = useAction();
  const total = screen?.total;
  const count = total ?? 0;
  const at = screen?.n ?? 0;
  const shown = screen?.shown;
  const decidable = audit.review === 'submitted';
  const editable = isEditable(audit);

  const decide = (action: ReviewAction) =>
    run(async () => {
      const moved = await reviewAudit(db, audit.id, action, reviewer, new Date());
      if (!moved.ok) setFailure(moved.error);
    });
  const move = (by: number) => {
    const next = Math.min(Math.max(0, at + by), Math.max(0, count - 1));
    setIndex(next);
    onMove?.(next);
  };

  // Latest handlers for the document's key listener, which is added once.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e) => {
    const key = reviewKeyOf(e);
    if (!key) return;
    if (key === 'next') move(1);
    else if (key === 'previous') move(-1);
    else if (key === 'comment' && editable) comment.current?.focus();
    else if (key === 'approve' && decidable && !busy) void decide('approve');
    else if (key === 'return' && decidable && !busy) void decide('return');
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const state = reviewStateLabel(audit.review);
  return (
    <section class="review-audit" data-testid="review-audit" data-state={audit.review}>
      <h2>
        {t('review.audit', {
          brand: brand?.name ?? '?',
          shopper: audit.shopper,
          scenario: audit.scenario,
        })}
      </h2>
      <p data-testid="review-audit-state">
        {audit.reviewedBy && audit.reviewedAt
          ? t('review.stateBy', {
              state,
              by: audit.reviewedBy,
              at: formatDateTime(audit.reviewedAt),
            })
          : state}
      </p>
      {audit.submitNote && (
        <p class="notice" data-testid="review-submit-note">
          {t('review.submitNote', { note: audit.submitNote })}
        </p>
      )}
      {!editable && (
        <p class="notice" data-testid="review-read-only">
          {t('review.approvedReadOnly')}
        </p>
      )}
      <div class="actions">
        <button
          class="primary"
          data-testid="review-approve"
          aria-keyshortcuts="a"
          disabled={!decidable || busy}
          onClick={() => void decide('approve')}
        >
          {t('review.approve')}
        </button>
        <button
          data-testid="review-return"
          aria-keyshortcuts="r"
          disabled={!decidable || busy}
          onClick={() => void decide('return')}
        >
          {t('review.return')}
        </button>
        {audit.review === 'approved' && (
          <button data-testid="review-reopen" disabled={busy} onClick={() => void decide('reopen')}>
            {t('review.reopen')}
          </button>
        )}
      </div>
      <FailureAlert failure={failure} testId="review-failed" message="touchpoints.actionFailed" />
      <p class="muted small">{t('review.keys')}</p>
      {total === 0 && <p class="muted">{t('review.noTouchpoints')}</p>}
      {shown && (
        <>
          <div class="actions" role="group" aria-label={t('review.position', { n: at + 1, count })}>
            <button
              data-testid="review-previous"
              aria-keyshortcuts="k ArrowUp"
              disabled={at === 0}
              onClick={() => move(-1)}
            >
              {t('review.previous')}
            </button>
            <span data-testid="review-position" aria-live="polite">
              {t('review.position', { n: at + 1, count })}
            </span>
            <button
              data-testid="review-next"
              aria-keyshortcuts="j ArrowDown"
              disabled={at >= count - 1}
              onClick={() => move(1)}
            >
              {t('review.next')}
            </button>
          </div>
          <ReviewTouchpoint key={shown.id} touchpoint={shown} rubric={rubric} />
          <CommentBox
            key={`box-${shown.id}`}
            touchpointId={shown.id}
            by={reviewer}
            disabled={!editable}
            inputRef={comment}
            kept={unsaved.edits.get(shown.id)}
            onEdit={(text) => unsaved.keep(shown.id, text)}
          />
        </>
      )}
    </section>
  );
}
