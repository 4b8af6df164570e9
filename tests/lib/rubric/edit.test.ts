import { describe, expect, it } from 'vitest';
import {
  addCriterion,
  moveCriterion,
  nextCriterionId,
  removeCriterion,
  sameRubricContent,
  scaleChoiceOf,
  updateCriterion,
} from '../../../lib/rubric';
import { makeRubric } from './make-rubric';

const r = makeRubric([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
const ids = (x: typeof r) => x.criteria.map((c) => c.id);

describe('editing a rubric draft', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 5, ['a', 'b', 'c']],
  ])('moves criterion %i by %i', (index, delta, expected) => {
    expect(ids(moveCriterion(r, index, delta))).toEqual(expected);
  });

  it('adds with a fresh id, removes and updates one criterion', () => {
    expect(addCriterion(r, 'New').criteria[3]).toMatchObject({
      id: 'criterion_4',
      label: 'New',
      weight: 1,
      appliesTo: 'all',
    });
    expect(ids(removeCriterion(r, 1))).toEqual(['a', 'c']);
    expect(updateCriterion(r, 2, { weight: 4 }).criteria[2]?.weight).toBe(4);
    expect(r.criteria[2]?.weight).toBe(1);
  });

  it('skips ids already taken', () => {
    expect(
      nextCriterionId(makeRubric([{ id: 'criterion_2' }, { id: 'criterion_3' }]).criteria),
    ).toBe('criterion_4');
  });

  it.each([
    [{ min: 1, max: 5 }, '1-5'],
    [{ min: 1, max: 10 }, '1-10'],
    [{ min: 0, max: 1 }, '0-1'],
    [{ min: 0, max: 4 }, 'custom'],
  ])('names scale %o as %s', (scale, choice) => {
    expect(scaleChoiceOf(scale)).toBe(choice);
  });

  it('compares content, not id, version or times', () => {
    expect(sameRubricContent(r, { ...r, id: 'x', version: 9, updatedAt: 'later' })).toBe(true);
    expect(sameRubricContent(r, updateCriterion(r, 0, { help: 'more' }))).toBe(false);
  });
});
