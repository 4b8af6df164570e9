import { describeProblem, t, type MessageKey } from '@/lib/i18n';
import type { Problem } from '@/lib/result';

/**
 * Why an action failed, as an alert under its form or buttons; nothing when it did not. Shown
 * by every page's forms and file controls (options, popup, report, touchpoints).
 */
export function FailureAlert({
  failure,
  testId,
  message = 'form.saveFailed',
  text,
  class: className = 'field-error',
}: {
  failure: Problem | undefined;
  testId: string;
  /** The sentence around the reason; it takes `{reason}`. */
  message?: MessageKey;
  /** The whole sentence, for a page that words some problems its own way (then no `message`). */
  text?: (failure: Problem) => string;
  class?: string;
}) {
  if (!failure) return null;
  return (
    <p class={className} role="alert" data-testid={testId}>
      {text ? text(failure) : t(message, { reason: describeProblem(failure) })}
    </p>
  );
}
