import { FieldError as Message } from '@/components/FieldError';
import { errorIdFor, type ErrorsAt } from './field-ids';

/** Rubrics tab: what is wrong with one field, right under it (its input points here). */
export function FieldError({ path, errors }: { path: string; errors: ErrorsAt }) {
  const messages = errors(path);
  if (messages.length === 0) return null;
  return (
    <Message id={errorIdFor(path)} testId={`rubric-error-${path}`}>
      {messages.join(' ')}
    </Message>
  );
}
