import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../lib/model';
import {
  buildComparison,
  buildTrend,
  latestWaveWithData,
  overallSeries,
  SMALL_SAMPLE,
  tallyTouchpoints,
  type BrandTouchpoint,
  type WaveTally,
} from '../../../lib/report';
import { arbRubric, arbTouchpoint } from '../scoring/arbitraries';

const numRuns = 150;
const BRAND_IDS = ['own', 'c1', 'c2'] as const;
const brands = BRAND_IDS.map((id) => ({
  id,
  role: id === 'own' ? ('own' as const) : ('competitor' as const),
}));

const arbItems = (rubric: Rubric): fc.Arbitrary<BrandTouchpoint[]> =>
  fc.array(
    fc.record({ brandId: fc.constantFrom(...BRAND_IDS), touchpoint: arbTouchpoint(rubric) }),
    { maxLength: 10 },
  );

/** A rubric and 1–4 waves, some of them empty. */
const arbWaves = arbRubric.chain((rubric) =>
  fc.array(arbItems(rubric), { minLength: 1, maxLength: 4 }).map((perWave) => ({
    rubric,
    waves: perWave.map((items, i): WaveTally => ({
      wave: `W${i + 1}`,
      tally: tallyTouchpoints(items, rubric),
    })),
  })),
);

const strip = <T extends object>(row: T) => {
  const {
    wave: _w,
    previous: _p,
    deltaVsPrevWave: _d,
    smallSample: _s,
    ...rest
  } = row as T & {
    wave: unknown;
    previous: unknown;
    deltaVsPrevWave: unknown;
    smallSample: unknown;
  };
  return rest;
};

describe('trend properties', () => {
  it('a one-wave study gives exactly the comparison, with no change', () => {
    fc.assert(
      fc.property(arbWaves, ({ rubric, waves }) => {
        const [only] = buildTrend(waves.slice(0, 1), { brands, rubric });
        expect(only!.rows.map(strip)).toEqual(buildComparison(waves[0]!.tally, { brands, rubric }));
        expect(only!.rows.every((r) => r.deltaVsPrevWave === null && !r.smallSample)).toBe(true);
      }),
      { numRuns },
    );
  });

  it("each wave's rows equal the comparison of that wave alone", () => {
    fc.assert(
      fc.property(arbWaves, ({ rubric, waves }) => {
        const trend = buildTrend(waves, { brands, rubric });
        expect(trend.map((w) => w.wave)).toEqual(waves.map((w) => w.wave));
        trend.forEach((w, i) => {
          expect(w.rows.map(strip)).toEqual(buildComparison(waves[i]!.tally, { brands, rubric }));
        });
      }),
      { numRuns },
    );
  });

  it('measures the change from the nearest earlier wave where the brand has a score', () => {
    fc.assert(
      fc.property(arbWaves, ({ rubric, waves }) => {
        const trend = buildTrend(waves, { brands, rubric });
        trend.forEach((w, i) => {
          for (const row of w.rows) {
            const earlier = trend
              .slice(0, i)
              .map((e) =>
                e.rows.find(
                  (r) =>
                    r.dimension === row.dimension &&
                    r.key === row.key &&
                    r.brandId === row.brandId &&
                    r.scorePct !== null,
                ),
              )
              .filter((r) => r !== undefined);
            const prev = earlier.at(-1);
            expect(row.previous?.wave ?? null).toBe(prev?.wave ?? null);
            if (prev && row.scorePct !== null) {
              expect(row.deltaVsPrevWave).toBe(row.scorePct - prev.scorePct!);
              expect(row.smallSample).toBe(Math.min(row.scored, prev.scored) < SMALL_SAMPLE);
            } else {
              expect(row.deltaVsPrevWave).toBeNull();
              expect(row.smallSample).toBe(false);
            }
          }
        });
      }),
      { numRuns },
    );
  });
});

describe('latestWaveWithData and overallSeries', () => {
  const rubric = fc.sample(arbRubric, { numRuns: 1, seed: 7 })[0]!;
  const filled = tallyTouchpoints(
    [{ brandId: 'own', touchpoint: { category: 'cart', stage: 'purchase', scores: {} } }],
    rubric,
  );
  it.each<[string, WaveTally[], string | undefined]>([
    ['no waves', [], undefined],
    ['only empty waves', [{ wave: 'A', tally: {} }], undefined],
    [
      'skips a later empty wave',
      [
        { wave: 'A', tally: filled },
        { wave: 'B', tally: {} },
      ],
      'A',
    ],
    [
      'the last one with data',
      [
        { wave: 'A', tally: filled },
        { wave: 'B', tally: filled },
      ],
      'B',
    ],
  ])('%s', (_name, waves, expected) => {
    expect(latestWaveWithData(waves)).toBe(expected);
  });

  it('gives each brand one point per wave', () => {
    const trend = buildTrend(
      [
        { wave: 'A', tally: filled },
        { wave: 'B', tally: {} },
      ],
      { brands, rubric },
    );
    const series = overallSeries(trend);
    expect(series.map((s) => s.brandId)).toEqual(['own', 'c1', 'c2']);
    expect(series[0]!.points.map((p) => [p.wave, p.touchpoints])).toEqual([
      ['A', 1],
      ['B', 0],
    ]);
  });
});
