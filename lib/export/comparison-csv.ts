import type { Brand, Study } from '../model';
import type { ComparisonRow, Dimension } from '../report/types';
import { roundHalfAwayFromZero } from '../scoring';
import { toCsv, type CsvCell, type CsvOptions } from './csv';

/** Everything needed to write one study's `comparison.csv`. */
export interface ComparisonCsvInput {
  study: Study;
  /** The brands the rows refer to (by id). */
  brands: Brand[];
  /** The comparison, unrounded, in the order the file should list it. */
  rows: ComparisonRow[];
  /** The key's name in the user's language, e.g. (`stage`, `post_purchase`) → "Post-purchase". */
  labelOf: (dimension: Dimension, key: string) => string;
}

/** The columns of `comparison.csv` (docs/FILES.md#comparisoncsv), in order. */
export const COMPARISON_COLUMNS = [
  'study',
  'dimension',
  'key',
  'label',
  'brand',
  'brand_role',
  'touchpoints',
  'score_pct',
  'rank',
  'delta_vs_own',
  'critical_fails',
] as const;

function round1(value: number | null): number | null {
  return value === null ? null : roundHalfAwayFromZero(value, 1);
}

/**
 * One comparison row as CSV cells. `score_pct` and `delta_vs_own` are rounded here, at the very
 * end, to one decimal half away from zero (so a delta is the rounded difference of the
 * unrounded scores); missing figures are empty cells. A brand that is not in `brands` gets empty
 * name and role cells rather than dropping the row.
 */
export function comparisonRow(
  input: Omit<ComparisonCsvInput, 'rows'>,
  row: ComparisonRow,
): CsvCell[] {
  const brand = input.brands.find((b) => b.id === row.brandId);
  return [
    input.study.name,
    row.dimension,
    row.key,
    input.labelOf(row.dimension, row.key),
    brand?.name ?? null,
    brand?.role ?? null,
    row.touchpoints,
    round1(row.scorePct),
    row.rank,
    round1(row.deltaVsOwn),
    row.criticalFails,
  ];
}

/** The whole `comparison.csv` of a study: header, then one line per row, in order. */
export function buildComparisonCsv(input: ComparisonCsvInput, opts: CsvOptions): string {
  return toCsv([[...COMPARISON_COLUMNS], ...input.rows.map((r) => comparisonRow(input, r))], opts);
}
