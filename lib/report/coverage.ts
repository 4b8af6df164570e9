import { sortCategoryIds } from './order';
import { getOwn } from './own-keys';
import type { ComparisonRow, ScoreboardEntry, Tally } from './types';

/** The categories a brand was seen to have (≥ 1 touchpoint), in report order. */
export function coverageOf(tally: Tally, brandId: string): string[] {
  const brand = getOwn(tally, brandId);
  if (!brand) return [];
  return sortCategoryIds(Object.keys(brand.categories));
}

/**
 * One entry per brand with an `overall` row, in the rows' brand order, for the report page's
 * headline: overall score and rank, touchpoints, critical failures and categories seen.
 */
export function scoreboard(rows: readonly ComparisonRow[]): ScoreboardEntry[] {
  return rows
    .filter((row) => row.dimension === 'overall')
    .map((overall) => ({
      brandId: overall.brandId,
      overallPct: overall.scorePct,
      rank: overall.rank,
      touchpoints: overall.touchpoints,
      criticalFails: overall.criticalFails,
      categoriesSeen: rows
        .filter(
          (row) =>
            row.dimension === 'category' && row.brandId === overall.brandId && row.touchpoints > 0,
        )
        .map((row) => row.key),
    }));
}
