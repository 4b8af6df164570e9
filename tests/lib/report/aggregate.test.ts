import { describe, expect, it } from 'vitest';
import type { ScoreValue } from '../../../lib/model';
import {
  applyContribution,
  contributionOf,
  tallyTouchpoints,
  type Tally,
} from '../../../lib/report';
import { makeRubric } from '../rubric/make-rubric';
import { deepFreeze } from './tally-helpers';

const rubric = makeRubric([
  { id: 'speed' },
  { id: 'safe', critical: true, weight: 2 },
  { id: 'chat', appliesTo: ['live_chat'] },
]);
const tp = (category: string, stage: string, scores: Record<string, ScoreValue>) => ({
  category,
  stage,
  scores,
});

describe('contributionOf', () => {
  it.each([
    [
      'a scored cart',
      tp('cart', 'purchase', { speed: 5, safe: 3 }),
      {
        pct: (100 * (1 + 2 * 0.5)) / 3,
        criticalFail: false,
        criteria: [
          { id: 'speed', pct: 100, criticalFail: false },
          { id: 'safe', pct: 50, criticalFail: false },
        ],
      },
    ],
    [
      'a critical failure keeps criterion figures',
      tp('live_chat', 'consideration', { speed: 5, safe: 1, chat: 'NA' }),
      {
        pct: 0,
        criticalFail: true,
        criteria: [
          { id: 'speed', pct: 100, criticalFail: false },
          { id: 'safe', pct: 0, criticalFail: true },
          { id: 'chat', pct: null, criticalFail: false },
        ],
      },
    ],
    [
      'nothing scored',
      tp('cart', 'purchase', {}),
      {
        pct: null,
        criticalFail: false,
        criteria: [
          { id: 'speed', pct: null, criticalFail: false },
          { id: 'safe', pct: null, criticalFail: false },
        ],
      },
    ],
  ])('%s', (_name, touchpoint, expected) => {
    expect(contributionOf(touchpoint, rubric)).toEqual({
      category: touchpoint.category,
      stage: touchpoint.stage,
      ...expected,
      pct: expected.pct === null ? null : expect.closeTo(expected.pct, 9),
    });
  });
});

describe('tallyTouchpoints', () => {
  it('adds up touchpoints per brand, category, stage and criterion', () => {
    const tally = tallyTouchpoints(
      [
        { brandId: 'own', touchpoint: tp('cart', 'purchase', { speed: 5, safe: 5 }) },
        { brandId: 'own', touchpoint: tp('cart', 'purchase', {}) },
        { brandId: 'own', touchpoint: tp('live_chat', 'purchase', { safe: 1, chat: 4 }) },
        { brandId: 'rival', touchpoint: tp('cart', 'consideration', { speed: 'NA' }) },
      ],
      rubric,
    );
    expect(tally).toEqual({
      own: {
        categories: {
          cart: { n: 2, scoredN: 1, sumPct: 100, criticalFails: 0 },
          live_chat: { n: 1, scoredN: 1, sumPct: 0, criticalFails: 1 },
        },
        stages: { purchase: { n: 3, scoredN: 2, sumPct: 100, criticalFails: 1 } },
        criteria: {
          speed: { n: 3, scoredN: 1, sumPct: 100, criticalFails: 0 },
          safe: { n: 3, scoredN: 2, sumPct: 100, criticalFails: 1 },
          chat: { n: 1, scoredN: 1, sumPct: 75, criticalFails: 0 },
        },
      },
      rival: {
        categories: { cart: { n: 1, scoredN: 0, sumPct: 0, criticalFails: 0 } },
        stages: { consideration: { n: 1, scoredN: 0, sumPct: 0, criticalFails: 0 } },
        criteria: {
          speed: { n: 1, scoredN: 0, sumPct: 0, criticalFails: 0 },
          safe: { n: 1, scoredN: 0, sumPct: 0, criticalFails: 0 },
        },
      },
    } satisfies Tally);
  });

  it('is empty without touchpoints', () => {
    expect(tallyTouchpoints([], rubric)).toEqual({});
  });

  it.each(['__proto__', 'constructor', 'toString'])('keeps the id %s as plain data', (id) => {
    const tally = tallyTouchpoints([{ brandId: id, touchpoint: tp(id, id, { speed: 5 }) }], rubric);
    expect(Object.getPrototypeOf(tally)).toBe(Object.prototype);
    expect(Object.keys(tally)).toEqual([id]);
    expect(Object.keys(tally[id]!.categories)).toEqual([id]);
    expect(JSON.parse(JSON.stringify(tally))).toEqual(tally);
    const emptied = applyContribution(
      tally,
      id,
      contributionOf(tp(id, id, { speed: 5 }), rubric),
      -1,
    );
    expect(emptied).toEqual({});
  });
});

describe('applyContribution', () => {
  const first = contributionOf(tp('cart', 'purchase', { speed: 4 }), rubric);
  const second = contributionOf(tp('cart', 'purchase', { speed: 2, safe: 1 }), rubric);

  it('adds and removes back to nothing, cell by cell', () => {
    const one = applyContribution({}, 'own', first, 1);
    const two = applyContribution(one, 'own', second, 1);
    expect(two.own?.categories.cart).toEqual({ n: 2, scoredN: 2, sumPct: 75, criticalFails: 1 });
    const back = applyContribution(two, 'own', second, -1);
    expect(back).toEqual(one);
    expect(applyContribution(back, 'own', first, -1)).toEqual({});
  });

  it('leaves its input untouched and returns a new object', () => {
    const base = deepFreeze(applyContribution({}, 'own', first, 1));
    const snapshot = structuredClone(base);
    const added = applyContribution(base, 'own', second, 1);
    const removed = applyContribution(base, 'own', first, -1);
    expect(added).not.toBe(base);
    expect(removed).toEqual({});
    expect(base).toEqual(snapshot);
  });

  it('shares other brands instead of copying them', () => {
    const base = applyContribution({}, 'rival', first, 1);
    expect(applyContribution(base, 'own', first, 1).rival).toBe(base.rival);
  });

  it.each([
    ['a brand with nothing', {} as Tally, first],
    ['a contribution never added', applyContribution({}, 'own', first, 1), second],
  ])('throws on removing from %s', (_name, tally, contribution) => {
    expect(() => applyContribution(tally, 'own', contribution, -1)).toThrow(RangeError);
  });

  it('models an edit as removing the old contribution and adding the new', () => {
    const before = tallyTouchpoints(
      [{ brandId: 'own', touchpoint: tp('cart', 'purchase', { speed: 4 }) }],
      rubric,
    );
    const edited = tp('live_chat', 'consideration', { speed: 1, chat: 5 });
    const after = applyContribution(
      applyContribution(before, 'own', first, -1),
      'own',
      contributionOf(edited, rubric),
      1,
    );
    expect(after).toEqual(tallyTouchpoints([{ brandId: 'own', touchpoint: edited }], rubric));
  });
});
