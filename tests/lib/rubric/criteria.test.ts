import { describe, expect, it } from 'vitest';
import { criteriaFor, isValidScore } from '../../../lib/rubric';
import { makeRubric } from './make-rubric';

const rubric = makeRubric([
  { id: 'all' },
  { id: 'cart-only', appliesTo: ['cart'] },
  { id: 'chat-or-cart', appliesTo: ['live_chat', 'cart'] },
  { id: 'nothing', appliesTo: [] },
]);

describe('criteriaFor', () => {
  it.each([
    ['cart', ['all', 'cart-only', 'chat-or-cart']],
    ['live_chat', ['all', 'chat-or-cart']],
    ['product_page', ['all']],
    ['my_custom', ['all']],
  ])('%s → %j', (category, ids) => {
    expect(criteriaFor(rubric, category).map((c) => c.id)).toEqual(ids);
  });
});

describe('isValidScore', () => {
  const pass = makeRubric([{ id: 'a' }], { min: 0, max: 1 });
  it.each<[string, typeof rubric, unknown, boolean]>([
    ['NA', rubric, 'NA', true],
    ['min', rubric, 1, true],
    ['max', rubric, 5, true],
    ['middle', rubric, 3, true],
    ['below min', rubric, 0, false],
    ['above max', rubric, 6, false],
    ['fraction', rubric, 2.5, false],
    ['NaN', rubric, NaN, false],
    ['numeric string', rubric, '3', false],
    ['lower-case na', rubric, 'na', false],
    ['null', rubric, null, false],
    ['undefined', rubric, undefined, false],
    ['pass/fail 0', pass, 0, true],
    ['pass/fail 1', pass, 1, true],
    ['pass/fail 2', pass, 2, false],
  ])('%s', (_name, r, value, expected) => {
    expect(isValidScore(r, value)).toBe(expected);
  });
});
