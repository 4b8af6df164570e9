import type { ComponentChildren } from 'preact';

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
