import type { Brand, Study } from '../model';
import type { Dimension, WaveComparison } from '../report';
import { roundHalfAwayFromZero } from '../scoring';
import { COMPARISON_COLUMNS, comparisonRow } from './comparison-csv';
import { toCsv, type CsvCell, type CsvOptions } from './csv';

/** Everything needed to write one study's `trend.csv`. */
export interface TrendCsvInput {
  study: Study;
  /** The brands the rows refer to (by id). */
  brands: Brand[];
  /** Every wave's comparison with its changes (`buildTrend`), oldest wave first. */
  waves: readonly WaveComparison[];
  /** The key's name in the user's language. */
  labelOf: (dimension: Dimension, key: string) => string;
}

/**
 * The columns of `trend.csv` (docs/FILES.md#trendcsv), in order: comparison.csv's, with `wave`
 * after `study` and `delta_vs_prev_wave` before `critical_fails`.
 */
export const TREND_COLUMNS = [
  'study',
  'wave',
  ...COMPARISON_COLUMNS.slice(1, -1),
  'delta_vs_prev_wave',
  'critical_fails',
] as const;

/**
 * The whole `trend.csv`: header, then every wave's rows in wave order, each wave's in
 * comparison order. The cells are comparison.csv's ({@link comparisonRow}) with `wave` after
 * `study` and `delta_vs_prev_wave` (rounded at the very end, like `delta_vs_own`) before
 * `critical_fails`.
 */
export function buildTrendCsv(input: TrendCsvInput, opts: CsvOptions): string {
  const lines = input.waves.flatMap(({ wave, rows }) =>
    rows.map((row): CsvCell[] => {
      const [study, ...rest] = comparisonRow(input, row);
      const criticalFails = rest.pop() ?? null;
      const delta =
        row.deltaVsPrevWave === null ? null : roundHalfAwayFromZero(row.deltaVsPrevWave, 1);
      return [study ?? null, wave, ...rest, delta, criticalFails];
    }),
  );
  return toCsv([[...TREND_COLUMNS], ...lines], opts);
}
