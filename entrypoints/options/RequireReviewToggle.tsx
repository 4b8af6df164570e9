import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { t } from '@/lib/i18n';
import type { Study } from '@/lib/model';

/** Props of {@link RequireReviewToggle}. */
export interface RequireReviewToggleProps {
  study: Study;
  onChange: (on: boolean) => Promise<unknown>;
}

/** Options page, a study's row: "Count approved audits only" (docs/ARCHITECTURE.md#review). */
export function RequireReviewToggle({ study, onChange }: RequireReviewToggleProps) {
  const { busy, failure, run } = useAction();
  return (
    <div>
      <label class="check small">
        <input
          type="checkbox"
          data-testid="study-require-review"
          checked={study.requireReview}
          disabled={busy}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void run(async () => void (await onChange(on)));
          }}
        />{' '}
        {t('studies.requireReview')}
      </label>
      <FailureAlert failure={failure} testId="study-require-review-failed" />
    </div>
  );
}
