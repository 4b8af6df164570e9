import type { Rubric } from '../model';
import { isMessageKey, t } from '../i18n';
import type { RubricIssue } from './validate';

/** The criterion index a path such as `criteria[2].weight` points into, if any. */
export function criterionIndexOf(path: string): number | undefined {
  const m = /^criteria\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/**
 * The field an issue belongs next to: `criteria[1].appliesTo[3]` is shown at
 * `criteria[1].appliesTo`; every other path is its own field.
 */
export function fieldOf(path: string): string {
  return path.replace(/^(criteria\[\d+\]\.appliesTo)\[\d+\]$/, '$1');
}

/** An issue from `validateRubric` in the user's language (the issue keeps English for logs). */
export function describeRubricIssue(issue: RubricIssue, rubric: Rubric): string {
  const key = `rubric.issue.${issue.code}`;
  if (!isMessageKey(key)) return issue.message;
  const index = criterionIndexOf(issue.path);
  const criterion = index === undefined ? undefined : rubric.criteria[index];
  return t(key, {
    min: rubric.scale.min,
    max: rubric.scale.max,
    id: criterion?.id ?? '',
  });
}
