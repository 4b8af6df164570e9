import { describe, expect, it } from 'vitest';
import type { Scale } from '../../../lib/model';
import {
  makeDefaultRubric,
  parseRubricJson,
  rubricToJson,
  scaleChoices,
  scaleProblem,
  validateRubric,
} from '../../../lib/rubric';
import { describeProblemAt } from '../../../lib/i18n';

const HUGE = Number.MAX_SAFE_INTEGER; // 2^53 − 1

describe('scaleProblem', () => {
  it.each<[string, Scale, ReturnType<typeof scaleProblem>]>([
    ['1–5', { min: 1, max: 5 }, null],
    ['0–100 (100 steps)', { min: 0, max: 100 }, null],
    ['-50–50 (100 steps)', { min: -50, max: 50 }, null],
    ['900–1000', { min: 900, max: 1000 }, null],
    ['0–101 (101 steps)', { min: 0, max: 101 }, 'too-many-steps'],
    ['±(2^53 − 1)', { min: -HUGE, max: HUGE }, 'out-of-bounds'],
    ['1001–1002', { min: 1001, max: 1002 }, 'out-of-bounds'],
    ['-1001–-1000', { min: -1001, max: -1000 }, 'out-of-bounds'],
    ['2^53 (not a safe integer)', { min: 0, max: 2 ** 53 }, 'non-integer'],
    ['fractional', { min: 0.5, max: 2 }, 'non-integer'],
    ['5–1', { min: 5, max: 1 }, 'min-not-below-max'],
  ])('%s', (_name, scale, problem) => {
    expect(scaleProblem(scale)).toBe(problem);
  });
});

describe('scaleChoices', () => {
  it('lists the choices of a sane scale', () => {
    expect(scaleChoices({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
  });

  it.each<[string, Scale]>([
    ['±(2^53 − 1)', { min: -HUGE, max: HUGE }],
    ['0–1,000,000', { min: 0, max: 1_000_000 }],
    ['NaN–Infinity', { min: Number.NaN, max: Infinity }],
  ])('never gives more than 101 choices for %s', (_name, scale) => {
    expect(scaleChoices(scale).length).toBeLessThanOrEqual(101);
  });
});

describe('the rubric editor and shared rubric files refuse huge scales', () => {
  const rubric = makeDefaultRubric('2026-01-01T00:00:00.000Z');

  it.each<[string, Scale, string, string]>([
    ['±(2^53 − 1)', { min: -HUGE, max: HUGE }, 'scale.min', 'scale-out-of-bounds'],
    ['0–5000', { min: 0, max: 5000 }, 'scale.max', 'scale-out-of-bounds'],
    ['0–101', { min: 0, max: 101 }, 'scale.max', 'scale-too-many-steps'],
  ])('validateRubric: %s', (_name, scale, path, code) => {
    expect(validateRubric({ ...rubric, scale })).toEqual([expect.objectContaining({ path, code })]);
  });

  it('a shared file with a ±(2^53 − 1) scale is refused at scale.min', () => {
    const text = rubricToJson({ ...rubric, scale: { min: -HUGE, max: HUGE } });
    const result = parseRubricJson(text, '2026-11-22T10:00:00.000Z');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map(describeProblemAt)).toEqual([
      expect.stringMatching(/^scale\.min: .*between −1,000 and 1,000/),
    ]);
  });

  it('a shared file with a 0–100 scale is taken', () => {
    const text = rubricToJson({ ...rubric, scale: { min: 0, max: 100 } });
    expect(parseRubricJson(text, '2026-11-22T10:00:00.000Z').ok).toBe(true);
  });
});
