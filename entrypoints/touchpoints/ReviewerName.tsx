import { useState } from 'preact/hooks';
import { FailureAlert } from '@/components/FailureAlert';
import { useAction } from '@/hooks/use-action';
import { getDb, setSetting } from '@/lib/db';
import { t } from '@/lib/i18n';

/** Touchpoints page, review queue: asks the lead's name once (kept in the settings). */
export function ReviewerName() {
  const [name, setName] = useState('');
  const { busy, failure, run } = useAction();
  const save = (e: Event) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed) void run(() => setSetting(getDb(), 'reviewerName', trimmed));
  };
  return (
    <form class="reviewer" data-testid="review-reviewer-form" onSubmit={save}>
      <p>{t('review.reviewer.ask')}</p>
      <label>
        {t('review.reviewer.label')}{' '}
        <input
          data-testid="review-reviewer-name"
          value={name}
          required
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit" class="primary" data-testid="review-reviewer-save" disabled={busy}>
        {t('review.reviewer.save')}
      </button>
      <FailureAlert failure={failure} testId="review-reviewer-failed" />
    </form>
  );
}
