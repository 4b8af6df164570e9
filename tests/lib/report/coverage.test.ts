import { describe, expect, it } from 'vitest';
import type { ScoreValue } from '../../../lib/model';
import { buildComparison, coverageOf, scoreboard, tallyTouchpoints } from '../../../lib/report';
import { makeRubric } from '../rubric/make-rubric';

const rubric = makeRubric([{ id: 'speed' }, { id: 'safe', critical: true }]);
const item = (brandId: string, category: string, scores: Record<string, ScoreValue>) => ({
  brandId,
  touchpoint: { category, stage: 'purchase', scores },
});
const tally = tallyTouchpoints(
  [
    item('own', 'my_custom', { speed: 5 }),
    item('own', 'cart', { speed: 3 }),
    item('own', 'online_ad', {}),
    item('rival', 'cart', { speed: 5, safe: 1 }),
    item('rival', 'cart', { speed: 5 }),
  ],
  rubric,
);
const brands = [
  { id: 'own', role: 'own' as const },
  { id: 'rival', role: 'competitor' as const },
  { id: 'absent', role: 'competitor' as const },
];

describe('coverageOf', () => {
  it.each([
    ['own', ['online_ad', 'cart', 'my_custom']],
    ['rival', ['cart']],
    ['absent', []],
    ['constructor', []],
  ])('%s → %j', (brandId, categories) => {
    expect(coverageOf(tally, brandId)).toEqual(categories);
  });
});

describe('scoreboard', () => {
  it('summarises each brand from the overall and category rows, in the study order', () => {
    expect(scoreboard(buildComparison(tally, { brands, rubric }))).toEqual([
      {
        brandId: 'own',
        overallPct: 75,
        rank: 1,
        touchpoints: 3,
        criticalFails: 0,
        categoriesSeen: ['online_ad', 'cart', 'my_custom'],
      },
      {
        brandId: 'rival',
        overallPct: 50,
        rank: 2,
        touchpoints: 2,
        criticalFails: 1,
        categoriesSeen: ['cart'],
      },
      {
        brandId: 'absent',
        overallPct: null,
        rank: null,
        touchpoints: 0,
        criticalFails: 0,
        categoriesSeen: [],
      },
    ]);
  });

  it('is empty without rows', () => {
    expect(scoreboard([])).toEqual([]);
  });
});
