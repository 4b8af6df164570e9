import { buildComparison, type ComparisonOptions } from './comparison';
import type { ComparisonRow, Dimension, WaveTally } from './types';

/** A change backed by fewer scored touchpoints than this, on either side, is a small sample. */
export const SMALL_SAMPLE = 3;

/** Where a row's change is measured from: the brand's figure in an earlier wave. */
export interface PreviousFigure {
  wave: string;
  scorePct: number;
  scored: number;
}

/** A comparison row of one wave, with its change since the brand's previous figure. */
export interface TrendRow extends ComparisonRow {
  wave: string;
  /** The nearest earlier wave where the brand has a score in this (dimension, key); else null. */
  previous: PreviousFigure | null;
  /** scorePct minus `previous.scorePct`, unrounded; null without either. */
  deltaVsPrevWave: number | null;
  /** A change is shown and either side has fewer than {@link SMALL_SAMPLE} scored touchpoints. */
  smallSample: boolean;
}

/** One wave's comparison rows, in comparison order. */
export interface WaveComparison {
  wave: string;
  rows: TrendRow[];
}

const rowKey = (dimension: Dimension, key: string, brandId: string): string =>
  `${dimension}\u0000${key}\u0000${brandId}`;

/**
 * The comparison of every wave (docs/ARCHITECTURE.md#waves-and-trends; the rows of
 * `trend.csv`, docs/FILES.md#trendcsv): {@link buildComparison} on each wave's tally alone,
 * waves in the given (oldest first) order, each row with its change since the nearest earlier
 * wave where the same brand has a score for the same dimension and key.
 */
export function buildTrend(
  waves: readonly WaveTally[],
  options: ComparisonOptions,
): WaveComparison[] {
  const last = new Map<string, PreviousFigure>();
  return waves.map(({ wave, tally }) => {
    const rows = buildComparison(tally, options).map((row): TrendRow => {
      const previous = last.get(rowKey(row.dimension, row.key, row.brandId)) ?? null;
      const deltaVsPrevWave =
        previous && row.scorePct !== null ? row.scorePct - previous.scorePct : null;
      return {
        ...row,
        wave,
        previous,
        deltaVsPrevWave,
        smallSample:
          deltaVsPrevWave !== null && Math.min(row.scored, previous!.scored) < SMALL_SAMPLE,
      };
    });
    for (const row of rows) {
      if (row.scorePct !== null) {
        last.set(rowKey(row.dimension, row.key, row.brandId), {
          wave,
          scorePct: row.scorePct,
          scored: row.scored,
        });
      }
    }
    return { wave, rows };
  });
}

/** Whether any brand has a touchpoint in the wave. */
function hasData({ tally }: WaveTally): boolean {
  return Object.values(tally).some((b) => Object.keys(b.categories).length > 0);
}

/** The label of the latest wave with a touchpoint in it; undefined when none has one. */
export function latestWaveWithData(waves: readonly WaveTally[]): string | undefined {
  return [...waves].reverse().find(hasData)?.wave;
}

/** One brand's overall score in each wave, for the trend chart. */
export interface BrandSeries {
  brandId: string;
  /** One point per wave, in wave order; `scorePct` null where the brand has no score. */
  points: { wave: string; scorePct: number | null; scored: number; touchpoints: number }[];
}

/** Each brand's overall line across the waves of {@link buildTrend}, brands in row order. */
export function overallSeries(trend: readonly WaveComparison[]): BrandSeries[] {
  const series = new Map<string, BrandSeries>();
  for (const { wave, rows } of trend) {
    for (const row of rows) {
      if (row.dimension !== 'overall') continue;
      const line = series.get(row.brandId) ?? { brandId: row.brandId, points: [] };
      line.points.push({
        wave,
        scorePct: row.scorePct,
        scored: row.scored,
        touchpoints: row.touchpoints,
      });
      series.set(row.brandId, line);
    }
  }
  return [...series.values()];
}
