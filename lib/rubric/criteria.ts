import type { CategoryId, Criterion, Rubric, ScoreValue } from '../model';

/**
 * The criteria of `rubric` that apply to a touchpoint of `categoryId`: those whose `appliesTo`
 * is `all` or lists the category. Rubric order is kept; nothing is de-duplicated.
 */
export function criteriaFor(rubric: Rubric, categoryId: CategoryId): Criterion[] {
  return rubric.criteria.filter(
    (criterion) => criterion.appliesTo === 'all' || criterion.appliesTo.includes(categoryId),
  );
}

/**
 * Whether `value` is a score this rubric accepts: `NA`, or an integer from `scale.min` to
 * `scale.max` inclusive. Takes `unknown` so import validation can use it on raw data.
 */
export function isValidScore(rubric: Rubric, value: unknown): value is ScoreValue {
  if (value === 'NA') return true;
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= rubric.scale.min &&
    value <= rubric.scale.max
  );
}
