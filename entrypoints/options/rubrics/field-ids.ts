/** The id of the element holding a field's errors, for `aria-describedby`. */
export function errorIdFor(path: string): string {
  return `rubric-err-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/** The id of a field's input, for `<label for>`. */
export function inputIdFor(path: string): string {
  return `rubric-in-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/** The error messages shown next to each field, by field path (`criteria[1].weight`). */
export type ErrorsAt = (field: string) => string[];

/** Props an input gets so screen readers read its errors with it. */
export function describedBy(
  path: string,
  errors: ErrorsAt,
): Record<string, string | boolean | undefined> {
  const has = errors(path).length > 0;
  return {
    'aria-describedby': has ? errorIdFor(path) : undefined,
    'aria-invalid': has || undefined,
  };
}
