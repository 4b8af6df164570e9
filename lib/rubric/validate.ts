import { MAX_ID_LENGTH, type Criterion, type Rubric } from '../model';
import { problem, type Problem } from '../result';
import { MAX_SCALE_STEPS, SCALE_BOUND, scaleProblem } from './scale';

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

function checkId(value: unknown, path: string): Problem[] {
  if (isBlank(value)) return [{ code: 'empty-id', path }];
  if ((value as string).length > MAX_ID_LENGTH) return [{ code: 'id-too-long', path }];
  return [];
}

function checkScale(rubric: Rubric): Problem[] {
  const { min, max } = rubric.scale;
  const issues: Problem[] = [];
  for (const [name, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (!Number.isInteger(value)) {
      issues.push(problem('non-integer-scale', { value: String(value) }, `scale.${name}`));
    }
  }
  if (issues.length > 0) return issues;
  const wrong = scaleProblem(rubric.scale);
  if (wrong === 'min-not-below-max') {
    issues.push(problem('min-not-below-max', { min, max }, 'scale.min'));
  } else if (wrong === 'out-of-bounds' || wrong === 'non-integer') {
    const path = min < -SCALE_BOUND || !Number.isSafeInteger(min) ? 'scale.min' : 'scale.max';
    issues.push(problem('scale-out-of-bounds', { bound: SCALE_BOUND, min, max }, path));
  } else if (wrong === 'too-many-steps') {
    issues.push(problem('scale-too-many-steps', { steps: MAX_SCALE_STEPS, min, max }, 'scale.max'));
  }
  return issues;
}

function checkCriterion(criterion: Criterion, index: number, seen: Set<string>): Problem[] {
  const at = `criteria[${index}]`;
  const issues = checkId(criterion.id, `${at}.id`);
  if (issues.length === 0) {
    if (seen.has(criterion.id)) {
      issues.push(problem('duplicate-id', { id: criterion.id }, `${at}.id`));
    }
    seen.add(criterion.id);
  }
  if (isBlank(criterion.label)) issues.push({ code: 'empty-label', path: `${at}.label` });
  if (typeof criterion.weight !== 'number' || !Number.isFinite(criterion.weight)) {
    issues.push(problem('invalid-weight', { value: String(criterion.weight) }, `${at}.weight`));
  } else if (criterion.weight < 0) {
    issues.push(problem('negative-weight', { value: criterion.weight }, `${at}.weight`));
  }
  if (criterion.appliesTo !== 'all') {
    if (criterion.appliesTo.length === 0) {
      issues.push({ code: 'empty-applies-to', path: `${at}.appliesTo` });
    }
    criterion.appliesTo.forEach((categoryId, j) => {
      issues.push(...checkId(categoryId, `${at}.appliesTo[${j}]`));
    });
  }
  return issues;
}

/**
 * Everything wrong with a rubric, in document order, each problem with its `path` (`scale.min`,
 * `criteria[2].weight`…); an empty list means it is usable. Codes: `empty-id`, `id-too-long`,
 * `empty-name`, `invalid-version`, `non-integer-scale`, `min-not-below-max`, `no-criteria`,
 * `all-weights-zero`, `duplicate-id`, `empty-label`, `invalid-weight`, `negative-weight`,
 * `empty-applies-to`. A rubric whose weights are all 0 is flagged (`all-weights-zero`) because
 * no touchpoint could then get a score other than a critical failure.
 */
export function validateRubric(rubric: Rubric): Problem[] {
  const issues: Problem[] = [
    ...checkId(rubric.id, 'id'),
    ...(Number.isInteger(rubric.version) && rubric.version >= 1
      ? []
      : [problem('invalid-version', { value: String(rubric.version) }, 'version')]),
    ...(isBlank(rubric.name) ? [{ code: 'empty-name', path: 'name' }] : []),
    ...checkScale(rubric),
  ];
  if (rubric.criteria.length === 0) {
    issues.push({ code: 'no-criteria', path: 'criteria' });
    return issues;
  }
  const seen = new Set<string>();
  rubric.criteria.forEach((criterion, index) => {
    issues.push(...checkCriterion(criterion, index, seen));
  });
  if (!rubric.criteria.some((c) => Number.isFinite(c.weight) && c.weight > 0)) {
    issues.push({ code: 'all-weights-zero', path: 'criteria' });
  }
  return issues;
}
