import { FieldProblem } from './FieldError';
import type { Problem } from '@/lib/result';

/**
 * A labelled text input with its first problem under it (and its help, if any), as the options
 * page's brand and study forms show their fields.
 */
export function TextField({
  label,
  testId,
  value,
  onInput,
  problemId,
  problem,
  placeholder,
  help,
}: {
  label: string;
  testId: string;
  value: string;
  onInput: (value: string) => void;
  /** The id of the problem's line, which the input points to while there is a problem. */
  problemId: string;
  problem: Problem | undefined;
  placeholder?: string;
  /** A line under the field, which the input points to while there is no problem. */
  help?: { id: string; text: string };
}) {
  return (
    <>
      <label>
        {label}
        <input
          data-testid={testId}
          value={value}
          placeholder={placeholder}
          aria-invalid={!!problem}
          aria-describedby={problem ? problemId : help?.id}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      </label>
      {help && (
        <p class="muted small" id={help.id}>
          {help.text}
        </p>
      )}
      <FieldProblem id={problemId} problem={problem} />
    </>
  );
}
