import { MAX_ID_LENGTH, type Criterion, type Rubric } from '../model';
import { MAX_SCALE_STEPS, SCALE_BOUND, scaleProblem } from './scale';

/** One thing wrong with a rubric, pointing at where it is. */
export interface RubricIssue {
  /** Where, in JS-path form: `scale.min`, `criteria`, `criteria[2].weight`… */
  path: string;
  /**
   * Stable machine code: `empty-id`, `id-too-long`, `empty-name`, `invalid-version`,
   * `non-integer-scale`, `min-not-below-max`, `scale-out-of-bounds`, `scale-too-many-steps`,
   * `no-criteria`, `all-weights-zero`,
   * `duplicate-id`, `empty-label`, `invalid-weight`, `negative-weight`, `empty-applies-to`.
   */
  code: string;
  /** English sentence saying what is wrong. */
  message: string;
}

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

function checkId(value: unknown, path: string, what: string): RubricIssue[] {
  if (isBlank(value)) {
    return [{ path, code: 'empty-id', message: `${what} must be a non-empty string.` }];
  }
  if ((value as string).length > MAX_ID_LENGTH) {
    return [
      {
        path,
        code: 'id-too-long',
        message: `${what} is longer than ${MAX_ID_LENGTH} characters.`,
      },
    ];
  }
  return [];
}

function checkScale(rubric: Rubric): RubricIssue[] {
  const { min, max } = rubric.scale;
  const issues: RubricIssue[] = [];
  for (const [name, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (!Number.isInteger(value)) {
      issues.push({
        path: `scale.${name}`,
        code: 'non-integer-scale',
        message: `The scale's ${name} must be an integer (got ${String(value)}).`,
      });
    }
  }
  if (issues.length > 0) return issues;
  const problem = scaleProblem(rubric.scale);
  if (problem === 'min-not-below-max') {
    issues.push({
      path: 'scale.min',
      code: 'min-not-below-max',
      message: `The scale's min (${min}) must be below its max (${max}).`,
    });
  } else if (problem === 'out-of-bounds' || problem === 'non-integer') {
    issues.push({
      path: min < -SCALE_BOUND || !Number.isSafeInteger(min) ? 'scale.min' : 'scale.max',
      code: 'scale-out-of-bounds',
      message: `The scale's ends must lie between -${SCALE_BOUND} and ${SCALE_BOUND} (got ${min}–${max}).`,
    });
  } else if (problem === 'too-many-steps') {
    issues.push({
      path: 'scale.max',
      code: 'scale-too-many-steps',
      message: `The scale may span at most ${MAX_SCALE_STEPS} steps (got ${min}–${max}).`,
    });
  }
  return issues;
}

function checkCriterion(criterion: Criterion, index: number, seen: Set<string>): RubricIssue[] {
  const at = `criteria[${index}]`;
  const issues = checkId(criterion.id, `${at}.id`, 'A criterion id');
  if (issues.length === 0) {
    if (seen.has(criterion.id)) {
      issues.push({
        path: `${at}.id`,
        code: 'duplicate-id',
        message: `Criterion id "${criterion.id}" is used by an earlier criterion.`,
      });
    }
    seen.add(criterion.id);
  }
  if (isBlank(criterion.label)) {
    issues.push({
      path: `${at}.label`,
      code: 'empty-label',
      message: 'A criterion needs a label.',
    });
  }
  if (typeof criterion.weight !== 'number' || !Number.isFinite(criterion.weight)) {
    issues.push({
      path: `${at}.weight`,
      code: 'invalid-weight',
      message: `A criterion's weight must be a finite number (got ${String(criterion.weight)}).`,
    });
  } else if (criterion.weight < 0) {
    issues.push({
      path: `${at}.weight`,
      code: 'negative-weight',
      message: `A criterion's weight must be 0 or more (got ${criterion.weight}).`,
    });
  }
  if (criterion.appliesTo !== 'all') {
    if (criterion.appliesTo.length === 0) {
      issues.push({
        path: `${at}.appliesTo`,
        code: 'empty-applies-to',
        message: 'The criterion applies to no category: list at least one, or use "all".',
      });
    }
    criterion.appliesTo.forEach((categoryId, j) => {
      issues.push(...checkId(categoryId, `${at}.appliesTo[${j}]`, 'A category id'));
    });
  }
  return issues;
}

/**
 * Everything wrong with a rubric, in document order; an empty list means it is usable.
 * A rubric whose weights are all 0 is flagged (`all-weights-zero`) because no touchpoint
 * could then get a score other than a critical failure.
 */
export function validateRubric(rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [
    ...checkId(rubric.id, 'id', 'The rubric id'),
    ...(Number.isInteger(rubric.version) && rubric.version >= 1
      ? []
      : [
          {
            path: 'version',
            code: 'invalid-version',
            message: `The version must be an integer from 1 (got ${String(rubric.version)}).`,
          },
        ]),
    ...(isBlank(rubric.name)
      ? [{ path: 'name', code: 'empty-name', message: 'The rubric needs a name.' }]
      : []),
    ...checkScale(rubric),
  ];
  if (rubric.criteria.length === 0) {
    issues.push({
      path: 'criteria',
      code: 'no-criteria',
      message: 'The rubric has no criteria: add at least one.',
    });
    return issues;
  }
  const seen = new Set<string>();
  rubric.criteria.forEach((criterion, index) => {
    issues.push(...checkCriterion(criterion, index, seen));
  });
  if (!rubric.criteria.some((c) => Number.isFinite(c.weight) && c.weight > 0)) {
    issues.push({
      path: 'criteria',
      code: 'all-weights-zero',
      message: 'No criterion has a weight above 0, so no touchpoint could get a score.',
    });
  }
  return issues;
}
