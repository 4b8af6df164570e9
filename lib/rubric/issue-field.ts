/**
 * The field a problem of `validateRubric` belongs next to: `criteria[1].appliesTo[3]` is shown
 * at `criteria[1].appliesTo`; every other path is its own field.
 */
export function fieldOf(path: string): string {
  return path.replace(/^(criteria\[\d+\]\.appliesTo)\[\d+\]$/, '$1');
}
