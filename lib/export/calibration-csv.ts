import type { Agreement } from '../calibration/agreement';
import { roundHalfAwayFromZero } from '../scoring';
import { toCsv, type CsvCell, type CsvOptions } from './csv';

/** The columns of `calibration.csv` (docs/FILES.md#calibrationcsv), in order. */
export const CALIBRATION_COLUMNS = [
  'study',
  'scope',
  'key',
  'label',
  'items',
  'raters',
  'alpha_ordinal',
  'mean_deviation',
  'na_rate',
] as const;

/** Everything needed to write one study's `calibration.csv`. */
export interface CalibrationCsvInput {
  studyName: string;
  agreement: Agreement;
  /** A criterion's label in the user's language; `overall` for the overall row. */
  labelOf: (key: string) => string;
}

const round = (x: number | null, decimals: number): number | null =>
  x === null ? null : roundHalfAwayFromZero(x, decimals);

/**
 * `calibration.csv`: one row per criterion (in rubric order), one `overall` row, then one row
 * per shopper by name. Alpha has 3 decimals, deviation and N/A rate 2; a figure that cannot be
 * computed is an empty cell.
 */
export function buildCalibrationCsv(input: CalibrationCsvInput, opts: CsvOptions): string {
  const { studyName, agreement, labelOf } = input;
  const agreementRow = (scope: string, r: Agreement['overall']): CsvCell[] => [
    studyName,
    scope,
    r.key,
    labelOf(r.key),
    r.items,
    r.raters,
    round(r.alpha, 3),
    null,
    null,
  ];
  const rows: CsvCell[][] = [
    [...CALIBRATION_COLUMNS],
    ...agreement.criteria.map((r) => agreementRow('criterion', r)),
    agreementRow('overall', agreement.overall),
    ...agreement.shoppers.map((s): CsvCell[] => [
      studyName,
      'shopper',
      s.shopper,
      s.shopper,
      s.units,
      s.raters,
      null,
      round(s.meanDeviation, 2),
      round(s.naRate, 2),
    ]),
  ];
  return toCsv(rows, opts);
}
