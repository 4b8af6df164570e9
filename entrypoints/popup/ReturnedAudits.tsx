import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import type { ReturnedAudit } from '@/lib/audit';
import { getDb, resumeAudit } from '@/lib/db';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import { touchpointName } from './review-text';

/** Props of {@link ReturnedAudits}. */
export interface ReturnedAuditsProps {
  returned: readonly ReturnedAudit[];
}

/**
 * Popup, when no audit runs: the audits the lead sent back ("Returned by Lea: 2 comments"),
 * each lead's comment under the touchpoint it is on, and a button that makes the audit the
 * running one again so the shopper can fix it.
 */
export function ReturnedAudits({ returned }: ReturnedAuditsProps) {
  const { busy, failure, setFailure, run } = useAction();
  if (returned.length === 0) return null;
  const resume = (id: string) =>
    run(async () => {
      const done = await resumeAudit(getDb(), id, new Date());
      if (!done.ok) setFailure(done.error);
      else await sendToBackground('auditChanged', {});
    });
  return (
    <section class="stack" data-testid="review-returned" aria-labelledby="review-returned-title">
      <h2 id="review-returned-title">{t('popup.review.returnedTitle')}</h2>
      <ul class="returned">
        {returned.map(({ audit, brand, study, comments, commented }) => (
          <li key={audit.id} data-testid="review-returned-audit" data-id={audit.id}>
            <p class="small">
              {t('popup.review.returnedBy', { lead: audit.reviewedBy ?? '?', count: comments })}
            </p>
            {commented.length > 0 && (
              <ul class="small" data-testid="review-returned-comments">
                {commented.flatMap(({ touchpoint, comments: list }) =>
                  list.map((c) => (
                    <li
                      key={c.id}
                      data-testid="review-returned-comment"
                      data-touchpoint-id={touchpoint.id}
                    >
                      {t('popup.review.returnedComment', {
                        touchpoint: touchpointName(touchpoint, touchpoint.category),
                        by: c.by,
                        text: c.text,
                      })}
                    </li>
                  )),
                )}
              </ul>
            )}
            <button
              data-testid="review-resume"
              disabled={busy}
              onClick={() => void resume(audit.id)}
            >
              {t('popup.review.resume', { brand: brand?.name ?? '?', study: study?.name ?? '?' })}
            </button>
          </li>
        ))}
      </ul>
      <FailureAlert
        failure={failure}
        testId="review-resume-failed"
        message="touchpoints.actionFailed"
      />
    </section>
  );
}
