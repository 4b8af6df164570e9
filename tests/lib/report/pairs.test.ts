import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../../../lib/model';
import { driftOf, orderPairs, pairTouchpoints, type DriftStatus } from '../../../lib/report';
import { makeRubric } from '../rubric/make-rubric';

const rubric = makeRubric([
  { id: 'speed' },
  { id: 'safe', critical: true },
  { id: 'chat', appliesTo: ['live_chat'] },
]);

const T = '2026-11-22T10:00:00.000Z';
const tp = (id: string, fields: Partial<Touchpoint> = {}): Touchpoint => ({
  id,
  auditId: 'a',
  category: 'cart',
  stage: 'purchase',
  channel: 'web',
  source: 'page',
  url: null,
  pageTitle: null,
  anchor: null,
  scores: {},
  notes: '',
  createdAt: T,
  updatedAt: T,
  ...fields,
});

describe('driftOf', () => {
  it.each<[Touchpoint['relocatedBy'], boolean | undefined, DriftStatus]>([
    ['css', false, 'same'],
    ['css', undefined, 'same'],
    ['css', true, 'text_changed'],
    ['text', false, 'moved'],
    ['position', undefined, 'moved'],
    ['text', true, 'text_changed'],
    ['position', true, 'text_changed'],
    ['none', false, 'gone'],
    ['none', true, 'gone'],
    [undefined, undefined, 'same'],
  ])('relocatedBy %s, textChanged %s: %s', (relocatedBy, textChanged, drift) => {
    expect(driftOf({ relocatedBy, textChanged })).toBe(drift);
  });
});

describe('pairTouchpoints', () => {
  it('gives the overall and per-criterion changes in points, criteria in rubric order', () => {
    const pair = pairTouchpoints(
      {
        brandId: 'c1',
        before: tp('old', { scores: { speed: 1, safe: 3 } }),
        after: tp('new', {
          previousId: 'old',
          relocatedBy: 'css',
          scores: { speed: 5, safe: 'NA' },
        }),
      },
      rubric,
    );
    expect(pair.drift).toBe('same');
    expect(pair.beforeScore).toEqual({ pct: 25, criticalFail: false });
    expect(pair.afterScore).toEqual({ pct: 100, criticalFail: false });
    expect(pair.delta).toBe(75);
    expect(pair.criteria).toEqual([
      { id: 'speed', before: 0, after: 100, delta: 100 },
      { id: 'safe', before: 50, after: null, delta: null },
    ]);
  });

  it('lists the criteria scored on either side, and has no change without both scores', () => {
    const pair = pairTouchpoints(
      {
        brandId: 'own',
        before: tp('old', { category: 'live_chat', scores: { chat: 4 } }),
        after: tp('new', { relocatedBy: 'none', scores: {} }),
      },
      rubric,
    );
    expect(pair.drift).toBe('gone');
    expect(pair.delta).toBeNull();
    expect(pair.criteria.map((c) => [c.id, c.before, c.after, c.delta])).toEqual([
      ['chat', 75, null, null],
    ]);
  });

  it('a critical failure in the later wave is a drop to 0', () => {
    const pair = pairTouchpoints(
      {
        brandId: 'own',
        before: tp('old', { scores: { speed: 5 } }),
        after: tp('new', { scores: { speed: 5, safe: 1 } }),
      },
      rubric,
    );
    expect(pair.afterScore).toEqual({ pct: 0, criticalFail: true });
    expect(pair.delta).toBe(-100);
  });
});

describe('orderPairs', () => {
  const p = (brandId: string, id: string, delta: number | null) => ({
    brandId,
    delta,
    after: { id },
  });

  it('groups by brand in study order, largest absolute change first, no change figure last', () => {
    const ordered = orderPairs(
      [
        p('zz', 'z1', 90),
        p('c1', 'a', 10),
        p('own', 'b', -5),
        p('c1', 'b', -40),
        p('own', 'a', null),
        p('own', 'c', 20),
        p('c1', 'c', 40),
      ],
      ['own', 'c1'],
    );
    expect(ordered.map((x) => `${x.brandId}:${x.after.id}`)).toEqual([
      'own:c',
      'own:b',
      'own:a',
      'c1:b',
      'c1:c',
      'c1:a',
      'zz:z1',
    ]);
  });
});
