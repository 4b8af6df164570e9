import { FieldError } from '@/components/FieldError';
import { errorIdFor, type ErrorsAt } from './field-ids';

/**
 * Rubrics tab: the errors at one rubric path (`criteria[1].weight`), joined, shown through the
 * shared `FieldError` with the ids the rubric inputs point to; nothing when the path has none.
 */
export function RubricFieldError({ path, errors }: { path: string; errors: ErrorsAt }) {
  const messages = errors(path);
  if (messages.length === 0) return null;
  return (
    <FieldError id={errorIdFor(path)} testId={`rubric-error-${path}`}>
      {messages.join(' ')}
    </FieldError>
  );
}
