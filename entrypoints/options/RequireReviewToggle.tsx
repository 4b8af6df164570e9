import { useEffect, useState } from 'preact/hooks';
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
  // The box shows the choice at once; the stored study catches up through the live query.
  const [pending, setPending] = useState<boolean>();
  useEffect(() => setPending(undefined), [study.requireReview]);
  return (
    <div>
      <label class="check small">
        <input
          type="checkbox"
          data-testid="study-require-review"
          checked={pending ?? study.requireReview}
          disabled={busy}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setPending(on);
            void run(async () => {
              try {
                await onChange(on);
              } catch (error) {
                setPending(undefined);
                throw error;
              }
            });
          }}
        />{' '}
        {t('studies.requireReview')}
      </label>
      <FailureAlert failure={failure} testId="study-require-review-failed" />
    </div>
  );
}
