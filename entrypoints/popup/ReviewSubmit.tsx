import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { reviewStateLabel, t } from '@/lib/i18n';
import type { Audit } from '@/lib/model';
import { describeCheck } from './review-text';
import { isCheckProblem, useSubmit, type Submitter } from './use-submit';

/** Props of {@link ReviewSubmit}. */
export interface ReviewSubmitProps {
  audit: Audit;
  /** The popup's hand-in, shared with End audit; without it the panel keeps its own. */
  submitter?: Submitter;
}

/**
 * Popup, under the running audit: its review state, and "Submit for review", which runs the
 * checks and lists what to fix, with "Submit anyway" and a required reason.
 */
export function ReviewSubmit({ audit, submitter }: ReviewSubmitProps) {
  // Given the popup's, the panel's own stays idle (no audit: it reads and keeps nothing).
  const own = useSubmit(submitter ? undefined : audit.id);
  const { refused, busy, failure, submit, reason, changeReason } = submitter ?? own;
  const [reasonMissing, setReasonMissing] = useState(false);
  const submitAnyway = () => {
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    void submit(reason);
  };
  const state = reviewStateLabel(audit.review);
  // The checks' problems carry a touchpoint; any other refusal (a move not allowed) has none.
  const checks = refused?.problems.filter(isCheckProblem) ?? [];
  const other = refused?.problems.find((p) => !checks.includes(p));

  return (
    <section class="stack" data-testid="review-panel" aria-label={t('popup.review.submit')}>
      <p class="small" data-testid="review-state" data-state={audit.review}>
        {audit.review === 'returned' && audit.reviewedBy
          ? t('popup.review.stateBy', { state, by: audit.reviewedBy })
          : t('popup.review.state', { state })}
      </p>
      <button data-testid="review-submit" disabled={busy} onClick={() => void submit('')}>
        {t('popup.review.submit')}
      </button>
      {checks.length > 0 && (
        <div class="stack" role="alert" data-testid="review-problems">
          <p class="small">{t('popup.review.problems')}</p>
          <ul class="problems small">
            {checks.map((p, i) => (
              <li key={i} data-testid="review-problem" data-code={p.code}>
                {describeCheck(p, refused?.touchpoints ?? [])}
              </li>
            ))}
          </ul>
          <label>
            {t('popup.review.reason')}
            <textarea
              data-testid="review-reason"
              rows={2}
              value={reason}
              aria-invalid={reasonMissing || undefined}
              aria-describedby={reasonMissing ? 'review-reason-error' : undefined}
              onInput={(e) => changeReason(e.currentTarget.value)}
            />
          </label>
          {reasonMissing && (
            <p class="field-error" id="review-reason-error" data-testid="review-reason-error">
              {t('popup.review.reasonRequired')}
            </p>
          )}
          <button data-testid="review-submit-anyway" disabled={busy} onClick={submitAnyway}>
            {t('popup.review.submitAnyway')}
          </button>
        </div>
      )}
      <FailureAlert
        failure={other}
        testId="review-submit-refused"
        message="touchpoints.actionFailed"
      />
      <FailureAlert
        failure={failure}
        testId="review-submit-failed"
        message="touchpoints.actionFailed"
      />
    </section>
  );
}
