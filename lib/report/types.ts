/** What the comparison is broken down by (`comparison.csv`'s `dimension`, docs/FILES.md). */
export type Dimension = 'overall' | 'stage' | 'category' | 'criterion';

/**
 * One row of the comparison: one brand in one (dimension, key) cell. Figures are unrounded;
 * files round them at the very end.
 */
export interface ComparisonRow {
  dimension: Dimension;
  /** `overall`, a stage id, a category id or a criterion id. */
  key: string;
  brandId: string;
  /** The brand's touchpoints in the row, scored or not (for `criterion`: where it applies). */
  touchpoints: number;
  /** Mean score in %, or null when the brand has nothing scored in the row. */
  scorePct: number | null;
  /**
   * The scored touchpoints behind `scorePct` (for `criterion`: where it is scored, not N/A;
   * for `overall`: the sum over the brand's categories).
   */
  scored: number;
  /** 1 is best; equal scores share a rank; null without a score. */
  rank: number | null;
  /** scorePct minus the own brand's in the same row; null for the own brand or missing scores. */
  deltaVsOwn: number | null;
  /** Touchpoints in the row with a critical failure. */
  criticalFails: number;
  /** Category rows only: a competitor has touchpoints here and the own brand has none. */
  gap: boolean;
}

/**
 * Running totals for one cell (a brand × category, stage or criterion). Plain JSON, so it can
 * be stored and kept on write: adding or removing a touchpoint adds or subtracts its share.
 */
export interface TallyCell {
  /** Touchpoints in the cell (for a criterion: touchpoints where it applies), scored or not. */
  n: number;
  /** Of those, the ones with a score (for a criterion: scored, not N/A). */
  scoredN: number;
  /** Sum of the scored ones' percentages (unrounded); exactly 0 when `scoredN` is 0. */
  sumPct: number;
  /**
   * Touchpoints with a critical failure; for a criterion, those where this very criterion was
   * scored at the scale minimum while critical.
   */
  criticalFails: number;
}

/** One brand's cells; a cell exists only while its `n` is above 0. */
export interface BrandTally {
  /** By category id. */
  categories: Record<string, TallyCell>;
  /** By stage id. */
  stages: Record<string, TallyCell>;
  /** By criterion id. */
  criteria: Record<string, TallyCell>;
}

/**
 * A study's running totals by brand id. A brand appears only while it has a touchpoint, so a
 * tally kept on write equals a fresh recomputation in structure.
 */
export type Tally = Record<string, BrandTally>;

/** One criterion's share in a {@link Contribution}. */
export interface CriterionContribution {
  /** The criterion id. */
  id: string;
  /** Its percentage, or null when N/A or unscored. */
  pct: number | null;
  /** Critical and scored at the scale minimum. */
  criticalFail: boolean;
}

/** What one touchpoint adds to (or, subtracted, removes from) its brand's tally. */
export interface Contribution {
  /** The touchpoint's category id. */
  category: string;
  /** The touchpoint's stage id. */
  stage: string;
  /** The touchpoint's score, or null without one. */
  pct: number | null;
  /** Whether it is a critical failure. */
  criticalFail: boolean;
  /** Every criterion that applies to the category, in rubric order. */
  criteria: CriterionContribution[];
}

/** One brand's line on the report page's scoreboard, taken from comparison rows. */
export interface ScoreboardEntry {
  /** The brand's id. */
  brandId: string;
  /** Overall score (mean of category means), unrounded; null without one. */
  overallPct: number | null;
  /** Overall rank; null without a score. */
  rank: number | null;
  /** All the brand's touchpoints, scored or not. */
  touchpoints: number;
  /** Its touchpoints with a critical failure. */
  criticalFails: number;
  /** Category ids where it has at least one touchpoint, in report order. */
  categoriesSeen: string[];
}

/** One wave of a study with its kept totals (`{}` when nothing was audited in it). */
export interface WaveTally {
  /** The wave's label, e.g. `2026-Q4`. */
  wave: string;
  tally: Tally;
}
