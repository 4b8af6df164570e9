import { describe, expect, it } from 'vitest';
import type { Brand, ScoreValue } from '../../../lib/model';
import {
  buildComparison,
  tallyTouchpoints,
  type BrandTouchpoint,
  type ComparisonRow,
  type Dimension,
} from '../../../lib/report';
import { makeRubric } from '../rubric/make-rubric';

const rubric = makeRubric([
  { id: 'speed' },
  { id: 'safe', critical: true },
  { id: 'chat', appliesTo: ['live_chat'] },
]);
const brands: Pick<Brand, 'id' | 'role'>[] = [
  { id: 'own', role: 'own' },
  { id: 'c1', role: 'competitor' },
  { id: 'c2', role: 'competitor' },
];
const item = (
  brandId: string,
  category: string,
  stage: string,
  scores: Record<string, ScoreValue>,
): BrandTouchpoint => ({ brandId, touchpoint: { category, stage, scores } });

const items: BrandTouchpoint[] = [
  // own: ten ads at 100 % and one checkout at 0 %: overall 50, not ≈ 91.
  ...Array.from({ length: 10 }, () => item('own', 'online_ad', 'awareness', { speed: 5, safe: 5 })),
  item('own', 'checkout_step', 'purchase', { speed: 1, safe: 'NA' }),
  item('own', 'zz_custom', 'purchase', {}),
  // c1: a critical failure in chat and an unscored checkout.
  item('c1', 'live_chat', 'consideration', { speed: 5, safe: 1, chat: 5 }),
  item('c1', 'online_ad', 'awareness', { speed: 5, safe: 5 }),
  item('c1', 'checkout_step', 'purchase', {}),
  item('c1', 'aa_custom', 'retention', { speed: 3 }),
  // c2: scores level with the own brand's ads.
  item('c2', 'online_ad', 'awareness', { speed: 5, safe: 'NA' }),
];
const rows = buildComparison(tallyTouchpoints(items, rubric), { brands, rubric });
const rowOf = (dimension: Dimension, key: string, brandId: string): ComparisonRow | undefined =>
  rows.find((r) => r.dimension === dimension && r.key === key && r.brandId === brandId);

describe('buildComparison', () => {
  it('orders rows: overall, stages, categories (seeded then custom A–Z), criteria; brands as given', () => {
    const keys = [...new Set(rows.map((r) => `${r.dimension}:${r.key}`))];
    expect(keys).toEqual([
      'overall:overall',
      'stage:awareness',
      'stage:consideration',
      'stage:purchase',
      'stage:retention',
      'category:online_ad',
      'category:live_chat',
      'category:checkout_step',
      'category:aa_custom',
      'category:zz_custom',
      'criterion:speed',
      'criterion:safe',
      'criterion:chat',
    ]);
    expect(rows).toHaveLength(keys.length * brands.length);
    rows.forEach((row, i) => expect(row.brandId).toBe(brands[i % 3]!.id));
  });

  it.each<[Dimension, string, string, Partial<ComparisonRow>]>([
    ['overall', 'overall', 'own', { touchpoints: 12, scorePct: 50, rank: 2, deltaVsOwn: null }],
    [
      'overall',
      'overall',
      'c1',
      { touchpoints: 4, scorePct: 50, rank: 2, deltaVsOwn: 0, criticalFails: 1 },
    ],
    ['overall', 'overall', 'c2', { touchpoints: 1, scorePct: 100, rank: 1, deltaVsOwn: 50 }],
    ['stage', 'purchase', 'own', { touchpoints: 2, scorePct: 0, rank: 1 }],
    ['stage', 'purchase', 'c1', { touchpoints: 1, scorePct: null, rank: null, deltaVsOwn: null }],
    ['stage', 'purchase', 'c2', { touchpoints: 0, scorePct: null, rank: null, criticalFails: 0 }],
    ['stage', 'consideration', 'c1', { touchpoints: 1, scorePct: 0, criticalFails: 1, rank: 1 }],
    ['category', 'online_ad', 'own', { touchpoints: 10, scorePct: 100, rank: 1, gap: false }],
    ['category', 'online_ad', 'c1', { touchpoints: 1, scorePct: 100, rank: 1, deltaVsOwn: 0 }],
    ['category', 'online_ad', 'c2', { touchpoints: 1, scorePct: 100, rank: 1, deltaVsOwn: 0 }],
    ['category', 'live_chat', 'own', { touchpoints: 0, scorePct: null, rank: null, gap: true }],
    [
      'category',
      'live_chat',
      'c1',
      { touchpoints: 1, scorePct: 0, criticalFails: 1, deltaVsOwn: null, gap: false },
    ],
    ['category', 'live_chat', 'c2', { touchpoints: 0, scorePct: null, rank: null, gap: false }],
    ['category', 'checkout_step', 'own', { touchpoints: 1, scorePct: 0, gap: false }],
    ['category', 'checkout_step', 'c1', { touchpoints: 1, scorePct: null, rank: null, gap: false }],
    ['category', 'zz_custom', 'own', { touchpoints: 1, scorePct: null, gap: false }],
    ['category', 'aa_custom', 'own', { touchpoints: 0, scorePct: null, gap: true }],
    ['criterion', 'speed', 'own', { touchpoints: 12, scorePct: (100 * 10) / 11, rank: 2 }],
    [
      'criterion',
      'speed',
      'c1',
      { touchpoints: 4, scorePct: 250 / 3, rank: 3, deltaVsOwn: 250 / 3 - 1000 / 11 },
    ],
    ['criterion', 'safe', 'c1', { touchpoints: 4, scorePct: 50, criticalFails: 1, rank: 2 }],
    ['criterion', 'safe', 'own', { touchpoints: 12, scorePct: 100, criticalFails: 0, rank: 1 }],
    ['criterion', 'chat', 'c1', { touchpoints: 1, scorePct: 100, rank: 1 }],
    ['criterion', 'chat', 'own', { touchpoints: 0, scorePct: null, rank: null, gap: false }],
  ])('%s %s %s', (dimension, key, brandId, expected) => {
    const row = rowOf(dimension, key, brandId);
    expect(row).toBeDefined();
    for (const [field, value] of Object.entries(expected)) {
      const got = row?.[field as keyof ComparisonRow];
      if (typeof value === 'number' && !Number.isInteger(value)) expect(got).toBeCloseTo(value, 9);
      else expect(got).toBe(value);
    }
  });

  it('has no deltas and no gaps in a study without an own brand', () => {
    const noOwn = brands.map((b) => ({ ...b, role: 'competitor' as const }));
    const result = buildComparison(tallyTouchpoints(items, rubric), { brands: noOwn, rubric });
    expect(result.every((r) => r.deltaVsOwn === null && !r.gap)).toBe(true);
    expect(result.find((r) => r.dimension === 'overall' && r.brandId === 'c2')?.rank).toBe(1);
  });

  it('gives a brand without touchpoints an overall and criterion rows with 0 and no score', () => {
    const result = buildComparison(tallyTouchpoints(items, rubric), {
      brands: [...brands, { id: 'nobody', role: 'competitor' }],
      rubric,
    });
    const mine = result.filter((r) => r.brandId === 'nobody');
    expect(mine).toHaveLength(13);
    expect(mine.every((r) => r.touchpoints === 0 && r.scorePct === null && r.rank === null)).toBe(
      true,
    );
  });

  it('ignores brands outside the study, and rows only come from the study brands', () => {
    const onlyC2 = buildComparison(tallyTouchpoints(items, rubric), {
      brands: [{ id: 'c2', role: 'competitor' }],
      rubric,
    });
    expect(onlyC2.map((r) => `${r.dimension}:${r.key}`)).toEqual([
      'overall:overall',
      'stage:awareness',
      'category:online_ad',
      'criterion:speed',
      'criterion:safe',
      'criterion:chat',
    ]);
  });

  it('lists every criterion even for an empty study', () => {
    const empty = buildComparison({}, { brands, rubric });
    expect(empty.map((r) => r.dimension)).toEqual([
      ...Array<Dimension>(3).fill('overall'),
      ...Array<Dimension>(9).fill('criterion'),
    ]);
    expect(empty.every((r) => r.scorePct === null && r.touchpoints === 0)).toBe(true);
  });

  it('shares ranks on ties: 1, 2, 2, 4', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => ({ id, role: 'competitor' as const }));
    const scores: Record<string, number> = { a: 5, b: 3, c: 3, d: 2 };
    const tally = tallyTouchpoints(
      four.map((b) => item(b.id, 'cart', 'purchase', { speed: scores[b.id]! })),
      rubric,
    );
    const overall = buildComparison(tally, { brands: four, rubric }).filter(
      (r) => r.dimension === 'overall',
    );
    expect(overall.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});
