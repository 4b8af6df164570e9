import { describe, expect, it } from 'vitest';
import type { Rubric, Scale, ScoreValue } from '../../../lib/model';
import { criterionPct, scoreCriteria, scoreTouchpoint } from '../../../lib/scoring';
import { makeRubric } from '../rubric/make-rubric';

const threeEqual = makeRubric([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
const mixed = makeRubric([
  { id: 'a', weight: 3 },
  { id: 'b', weight: 1 },
]);
const withZero = makeRubric([{ id: 'a' }, { id: 'b', weight: 0 }]);
const oneToTen = makeRubric([{ id: 'a' }, { id: 'b' }], { min: 1, max: 10 });
const passFail = makeRubric([{ id: 'a' }, { id: 'b' }], { min: 0, max: 1 });
const partial = makeRubric([{ id: 'a', appliesTo: ['cart'] }, { id: 'b' }]);
const critical = makeRubric([
  { id: 'k', critical: true },
  { id: 'b' },
  { id: 'z', critical: true, weight: 0 },
  { id: 'cartk', critical: true, appliesTo: ['cart'] },
]);
const criticalPassFail = makeRubric([{ id: 'k', critical: true }, { id: 'b' }], { min: 0, max: 1 });

type Row = [string, Rubric, string, Record<string, ScoreValue>, number | null, boolean];

describe('scoreTouchpoint', () => {
  it.each<Row>([
    ['nothing scored', threeEqual, 'cart', {}, null, false],
    ['all N/A', threeEqual, 'cart', { a: 'NA', b: 'NA', c: 'NA' }, null, false],
    ['one at max', threeEqual, 'cart', { a: 5 }, 100, false],
    ['one at min', threeEqual, 'cart', { a: 1 }, 0, false],
    ['one in the middle', threeEqual, 'cart', { a: 3 }, 50, false],
    ['max and min', threeEqual, 'cart', { a: 5, b: 1 }, 50, false],
    ['N/A leaves both sums', threeEqual, 'cart', { a: 5, b: 'NA', c: 4 }, 87.5, false],
    ['unknown criterion ignored', threeEqual, 'cart', { a: 4, zzz: 1 }, 75, false],
    ['only unknown criteria', threeEqual, 'cart', { zzz: 5 }, null, false],
    ['off-scale value ignored', threeEqual, 'cart', { a: 6, b: 5 }, 100, false],
    ['below-scale value ignored', threeEqual, 'cart', { a: 0 }, null, false],
    ['fractional value ignored', threeEqual, 'cart', { a: 2.5, b: 2 }, 25, false],
    ['mixed weights 3:1', mixed, 'cart', { a: 5, b: 1 }, 75, false],
    ['mixed weights 3:1 reversed', mixed, 'cart', { a: 1, b: 5 }, 25, false],
    ['mixed weights, one N/A', mixed, 'cart', { a: 'NA', b: 4 }, 75, false],
    ['weight 0 left out', withZero, 'cart', { a: 5, b: 1 }, 100, false],
    ['only weight 0 scored', withZero, 'cart', { b: 5 }, null, false],
    ['scale 1–10 max', oneToTen, 'cart', { a: 10 }, 100, false],
    ['scale 1–10 thirds', oneToTen, 'cart', { a: 4 }, 100 / 3, false],
    ['scale 1–10 mix', oneToTen, 'cart', { a: 10, b: 4 }, 200 / 3, false],
    ['pass/fail all pass', passFail, 'cart', { a: 1, b: 1 }, 100, false],
    ['pass/fail half', passFail, 'cart', { a: 1, b: 0 }, 50, false],
    ['pass/fail fail', passFail, 'cart', { a: 0 }, 0, false],
    ['criterion applies to category', partial, 'cart', { a: 1, b: 5 }, 50, false],
    ['criterion does not apply', partial, 'product_page', { a: 1, b: 5 }, 100, false],
    ['only a non-applying criterion', partial, 'live_chat', { a: 5 }, null, false],
    ['critical at min', critical, 'cart', { k: 1, b: 5 }, 0, true],
    ['critical at min, nothing else', critical, 'cart', { k: 1 }, 0, true],
    ['critical above min', critical, 'cart', { k: 2, b: 5 }, 62.5, false],
    ['critical N/A', critical, 'cart', { k: 'NA', b: 5 }, 100, false],
    ['critical weight 0 at min', critical, 'cart', { z: 1, b: 5 }, 0, true],
    ['critical weight 0 above min', critical, 'cart', { z: 2, b: 5 }, 100, false],
    ['critical for cart, at min on cart', critical, 'cart', { cartk: 1, b: 5 }, 0, true],
    ['critical for cart, at min elsewhere', critical, 'live_chat', { cartk: 1, b: 5 }, 100, false],
    ['critical pass/fail failed', criticalPassFail, 'cart', { k: 0, b: 1 }, 0, true],
    ['critical pass/fail passed', criticalPassFail, 'cart', { k: 1, b: 0 }, 50, false],
  ])('%s', (_name, rubric, category, scores, pct, criticalFail) => {
    const result = scoreTouchpoint({ category, scores }, rubric);
    expect(result.criticalFail).toBe(criticalFail);
    if (pct === null) expect(result.pct).toBeNull();
    else expect(result.pct).toBeCloseTo(pct, 9);
  });

  it('does not read inherited properties as scores', () => {
    const rubric = makeRubric([{ id: 'constructor' }, { id: 'toString' }]);
    expect(scoreTouchpoint({ category: 'cart', scores: {} }, rubric).pct).toBeNull();
  });
});

describe('scoreCriteria', () => {
  it('lists applicable criteria with their figures; a critical failure keeps its own 0', () => {
    expect(
      scoreCriteria({ category: 'live_chat', scores: { k: 1, b: 4, cartk: 1 } }, critical),
    ).toEqual([
      { id: 'k', weight: 1, pct: 0, criticalFail: true },
      { id: 'b', weight: 1, pct: 75, criticalFail: false },
      { id: 'z', weight: 0, pct: null, criticalFail: false },
    ]);
  });

  it('counts only the first of two criteria sharing an id', () => {
    const dup = makeRubric([{ id: 'a' }, { id: 'a', weight: 5 }]);
    expect(scoreCriteria({ category: 'cart', scores: { a: 5 } }, dup)).toHaveLength(1);
  });
});

describe('criterionPct', () => {
  it.each<[ScoreValue | undefined, Scale, number | null]>([
    [1, { min: 1, max: 5 }, 0],
    [5, { min: 1, max: 5 }, 100],
    [2, { min: 1, max: 5 }, 25],
    [7, { min: 1, max: 10 }, 200 / 3],
    [0, { min: 0, max: 1 }, 0],
    [1, { min: 0, max: 1 }, 100],
    [0, { min: -2, max: 2 }, 50],
    ['NA', { min: 1, max: 5 }, null],
    [undefined, { min: 1, max: 5 }, null],
    [3, { min: 3, max: 3 }, null],
  ])('%s on %j → %s', (value, scale, expected) => {
    expect(criterionPct(value, scale)).toBe(expected);
  });
});
