import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../lib/i18n';
import type { Rubric } from '../../../lib/model';
import { makeDefaultRubric, validateRubric } from '../../../lib/rubric';
import { makeRubric } from './make-rubric';

const valid = makeRubric([{ id: 'a' }, { id: 'b', weight: 2, appliesTo: ['cart'] }]);
const withCriteria = (criteria: Partial<Rubric['criteria'][number]>[]): Rubric => ({
  ...valid,
  criteria: criteria.map((c, i) => ({ ...valid.criteria[0]!, id: `c${i}`, ...c })),
});

describe('validateRubric', () => {
  it.each([
    ['the default rubric', makeDefaultRubric('2026-01-01T00:00:00.000Z')],
    ['a small valid rubric', valid],
    ['a pass/fail 0–1 scale', { ...valid, scale: { min: 0, max: 1 } }],
    ['a negative minimum', { ...valid, scale: { min: -2, max: 2 } }],
    ['some weights 0', withCriteria([{ weight: 0 }, { weight: 1 }])],
  ])('accepts %s', (_name, rubric) => {
    expect(validateRubric(rubric)).toEqual([]);
  });

  it.each<[string, Rubric, string, string]>([
    ['no criteria', { ...valid, criteria: [] }, 'criteria', 'no-criteria'],
    ['all weights 0', withCriteria([{ weight: 0 }, { weight: 0 }]), 'criteria', 'all-weights-zero'],
    ['min equal to max', { ...valid, scale: { min: 3, max: 3 } }, 'scale.min', 'min-not-below-max'],
    ['min above max', { ...valid, scale: { min: 5, max: 1 } }, 'scale.min', 'min-not-below-max'],
    ['fractional min', { ...valid, scale: { min: 0.5, max: 5 } }, 'scale.min', 'non-integer-scale'],
    [
      'infinite max',
      { ...valid, scale: { min: 1, max: Infinity } },
      'scale.max',
      'non-integer-scale',
    ],
    [
      'a negative weight',
      withCriteria([{ weight: 1 }, { weight: -1 }]),
      'criteria[1].weight',
      'negative-weight',
    ],
    [
      'a NaN weight',
      withCriteria([{ weight: 1 }, { weight: NaN }]),
      'criteria[1].weight',
      'invalid-weight',
    ],
    ['an empty label', withCriteria([{ label: '  ' }]), 'criteria[0].label', 'empty-label'],
    ['an empty criterion id', withCriteria([{ id: '' }]), 'criteria[0].id', 'empty-id'],
    ['a too long id', withCriteria([{ id: 'x'.repeat(201) }]), 'criteria[0].id', 'id-too-long'],
    [
      'a duplicate id',
      withCriteria([{ id: 'a' }, { id: 'b' }, { id: 'a' }]),
      'criteria[2].id',
      'duplicate-id',
    ],
    [
      'empty appliesTo',
      withCriteria([{ appliesTo: [] }]),
      'criteria[0].appliesTo',
      'empty-applies-to',
    ],
    [
      'an empty category id',
      withCriteria([{ appliesTo: ['cart', ''] }]),
      'criteria[0].appliesTo[1]',
      'empty-id',
    ],
    ['an empty rubric id', { ...valid, id: '' }, 'id', 'empty-id'],
    ['an empty name', { ...valid, name: '' }, 'name', 'empty-name'],
    ['version 0', { ...valid, version: 0 }, 'version', 'invalid-version'],
  ])('flags %s', (_name, rubric, path, code) => {
    const issues = validateRubric(rubric);
    expect(issues).toContainEqual(expect.objectContaining({ path, code }));
    for (const issue of issues) expect(describeProblem(issue)).toMatch(/\S.*/);
  });

  it('reports every issue, in document order', () => {
    const rubric: Rubric = {
      ...withCriteria([
        { weight: -1, label: '' },
        { id: 'c0', weight: 0 },
      ]),
      scale: { min: 2, max: 1 },
    };
    expect(validateRubric(rubric).map((i) => `${i.path}:${i.code}`)).toEqual([
      'scale.min:min-not-below-max',
      'criteria[0].label:empty-label',
      'criteria[0].weight:negative-weight',
      'criteria[1].id:duplicate-id',
      'criteria:all-weights-zero',
    ]);
  });

  it('says what is wrong in the message', () => {
    const [issue] = validateRubric({ ...valid, scale: { min: 5, max: 1 } });
    expect(describeProblem(issue!)).toBe('The minimum (5) must be below the maximum (1).');
  });
});
