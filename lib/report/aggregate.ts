import type { CategoryId, Rubric, ScoreValue } from '../model';
import { scoreCriteria, scoreTouchpoint } from '../scoring';
import { getOwn, setOwn } from './own-keys';
import type { BrandTally, Contribution, Tally, TallyCell } from './types';

/** What aggregation needs of a touchpoint. */
export interface TalliedTouchpoint {
  category: CategoryId;
  /** The stage id the shopper chose. */
  stage: string;
  /** Scores by criterion id; a missing key means not yet scored. */
  scores: Record<string, ScoreValue>;
}

/** A touchpoint with the brand its audit belongs to. */
export interface BrandTouchpoint {
  brandId: string;
  touchpoint: TalliedTouchpoint;
}

/**
 * What one touchpoint adds to its brand's tally under `rubric`: its score and critical flag,
 * and each applicable criterion's percentage. Keep on write by subtracting the old touchpoint's
 * contribution and adding the new one's.
 */
export function contributionOf(tp: TalliedTouchpoint, rubric: Rubric): Contribution {
  const { pct, criticalFail } = scoreTouchpoint(tp, rubric);
  return {
    category: tp.category,
    stage: tp.stage,
    pct,
    criticalFail,
    criteria: scoreCriteria(tp, rubric).map((c) => ({
      id: c.id,
      pct: c.pct,
      criticalFail: c.criticalFail,
    })),
  };
}

function emptyBrand(): BrandTally {
  return { categories: {}, stages: {}, criteria: {} };
}

/** Adds `sign` × one touchpoint's share to `cells[key]`, replacing (never mutating) the cell. */
function addToCell(
  cells: Record<string, TallyCell>,
  key: string,
  share: { pct: number | null; criticalFail: boolean },
  sign: 1 | -1,
): void {
  const old = getOwn(cells, key) ?? { n: 0, scoredN: 0, sumPct: 0, criticalFails: 0 };
  const scoredN = old.scoredN + (share.pct === null ? 0 : sign);
  const cell: TallyCell = {
    n: old.n + sign,
    scoredN,
    // Reset when nothing is scored so float residue from subtracting does not linger.
    sumPct: scoredN === 0 ? 0 : old.sumPct + sign * (share.pct ?? 0),
    criticalFails: old.criticalFails + (share.criticalFail ? sign : 0),
  };
  if (cell.n < 0 || cell.scoredN < 0 || cell.criticalFails < 0 || cell.scoredN > cell.n) {
    throw new RangeError(
      `Tally cell "${key}" would go negative: the contribution was never added.`,
    );
  }
  if (cell.n === 0) {
    delete cells[key];
  } else {
    setOwn(cells, key, cell);
  }
}

/** Adds `sign` × `contribution` to `tally` in place; the brand's records must be its own. */
function addInPlace(tally: Tally, brandId: string, contribution: Contribution, sign: 1 | -1): void {
  const brand = getOwn(tally, brandId) ?? emptyBrand();
  addToCell(brand.categories, contribution.category, contribution, sign);
  addToCell(brand.stages, contribution.stage, contribution, sign);
  for (const criterion of contribution.criteria) {
    addToCell(brand.criteria, criterion.id, criterion, sign);
  }
  if (Object.keys(brand.categories).length === 0 && Object.keys(brand.stages).length === 0) {
    delete tally[brandId];
  } else {
    setOwn(tally, brandId, brand);
  }
}

/**
 * Adds (`sign` 1) or removes (`sign` −1) one touchpoint's contribution to a brand's totals.
 * Pure: returns a new tally and leaves `tally` untouched (other brands and unchanged cells are
 * shared, not copied). Cells whose count returns to 0 are removed, and a brand with no
 * touchpoint left disappears, so the result equals a fresh {@link tallyTouchpoints} in
 * structure. Throws a RangeError when removing what was never added (a count would go below
 * 0); the caller should then recompute from scratch.
 */
export function applyContribution(
  tally: Tally,
  brandId: string,
  contribution: Contribution,
  sign: 1 | -1,
): Tally {
  const next: Tally = { ...tally };
  const brand = getOwn(tally, brandId);
  if (brand) {
    setOwn(next, brandId, {
      categories: { ...brand.categories },
      stages: { ...brand.stages },
      criteria: { ...brand.criteria },
    });
  }
  addInPlace(next, brandId, contribution, sign);
  return next;
}

/**
 * A study's totals computed from scratch: the fold of {@link applyContribution} (sign 1) over
 * `items`, whose order does not matter beyond float noise in `sumPct`.
 */
export function tallyTouchpoints(items: Iterable<BrandTouchpoint>, rubric: Rubric): Tally {
  const tally: Tally = {};
  for (const { brandId, touchpoint } of items) {
    addInPlace(tally, brandId, contributionOf(touchpoint, rubric), 1);
  }
  return tally;
}
