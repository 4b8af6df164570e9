import type { ComponentChildren } from 'preact';
import { describeProblem } from '@/lib/i18n';
import type { Problem } from '@/lib/result';

/**
 * What is wrong with one form field, right under it; the field points here with
 * `aria-describedby={id}`. Used by every form of the options page.
 */
export function FieldError({
  id,
  testId,
  children,
}: {
  id: string;
  testId: string;
  children: ComponentChildren;
}) {
  return (
    <p class="field-error" id={id} data-testid={testId} role="alert">
      {children}
    </p>
  );
}

/** A field's first problem, in words, as a {@link FieldError} whose id is also its test id; nothing when it has none. */
export function FieldProblem({ id, problem }: { id: string; problem: Problem | undefined }) {
  return problem ? (
    <FieldError id={id} testId={id}>
      {describeProblem(problem)}
    </FieldError>
  ) : null;
}
