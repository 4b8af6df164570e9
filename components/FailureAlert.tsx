import { describeProblem, t, type MessageKey } from '@/lib/i18n';
import type { Problem } from '@/lib/result';

/**
 * Why an action failed, as an alert under its form or buttons; nothing when it did not. Shown
 * by every page's forms (options, popup, touchpoints).
 */
export function FailureAlert({
  failure,
  testId,
  message = 'form.saveFailed',
}: {
  failure: Problem | undefined;
  testId: string;
  /** The sentence around the reason; it takes `{reason}`. */
  message?: MessageKey;
}) {
  if (!failure) return null;
  return (
    <p class="field-error" role="alert" data-testid={testId}>
      {t(message, { reason: describeProblem(failure) })}
    </p>
  );
}
