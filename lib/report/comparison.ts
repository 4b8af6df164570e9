import type { Brand, Rubric } from '../model';
import { sortCategoryIds, sortStageIds } from './order';
import { getOwn } from './own-keys';
import { rankScores } from './rank';
import type { BrandTally, ComparisonRow, Dimension, Tally, TallyCell } from './types';

/** What the comparison needs to know about the study. */
export interface ComparisonOptions {
  /** The study's brands, in display order; tally entries for other brands are ignored. */
  brands: readonly Pick<Brand, 'id' | 'role'>[];
  /** The study's pinned rubric: criterion rows follow its order. */
  rubric: Rubric;
}

/** A row's figures before ranking against the other brands. */
type Figures = Pick<ComparisonRow, 'touchpoints' | 'scorePct' | 'scored' | 'criticalFails'>;

/** One (dimension, key) with each brand's figures, in brand order. */
interface Group {
  dimension: Dimension;
  key: string;
  figures: Figures[];
}

const EMPTY: BrandTally = { categories: {}, stages: {}, criteria: {} };

function figuresOf(cell: TallyCell | undefined): Figures {
  if (!cell) return { touchpoints: 0, scorePct: null, scored: 0, criticalFails: 0 };
  return {
    touchpoints: cell.n,
    scorePct: cell.scoredN > 0 ? cell.sumPct / cell.scoredN : null,
    scored: cell.scoredN,
    criticalFails: cell.criticalFails,
  };
}

/** Overall: the mean of the brand's category means, over categories with a scored touchpoint. */
function overallOf(brand: BrandTally): Figures {
  const cells = sortCategoryIds(Object.keys(brand.categories)).flatMap((id) => {
    const cell = getOwn(brand.categories, id);
    return cell ? [cell] : [];
  });
  const means = cells.filter((c) => c.scoredN > 0).map((c) => c.sumPct / c.scoredN);
  return {
    touchpoints: cells.reduce((sum, c) => sum + c.n, 0),
    scorePct: means.length > 0 ? means.reduce((a, b) => a + b, 0) / means.length : null,
    scored: cells.reduce((sum, c) => sum + c.scoredN, 0),
    criticalFails: cells.reduce((sum, c) => sum + c.criticalFails, 0),
  };
}

/**
 * The comparison (docs/ARCHITECTURE.md#scoring-and-aggregation; the rows of `comparison.csv`,
 * docs/FILES.md#comparisoncsv), unrounded: one row per (dimension,
 * key, brand) for every brand in `brands`. Rows: `overall`; then every stage and every category
 * in which any of the brands has a touchpoint (stages in journey order, categories in taxonomy
 * order then custom ones alphabetically); then every criterion of the rubric, in rubric order.
 * Within a key, brands keep the given order. A brand without touchpoints in a key gets 0 and a
 * null score. Ranks are per row; `deltaVsOwn` is against the first `own` brand (null for it,
 * without one, or when a score is missing). `gap` is set on the own brand's category row when
 * it has no touchpoint there and a competitor has one; other rows never carry it.
 */
export function buildComparison(tally: Tally, options: ComparisonOptions): ComparisonRow[] {
  const { brands, rubric } = options;
  const tallies = brands.map((b) => getOwn(tally, b.id) ?? EMPTY);
  const ownIndex = brands.findIndex((b) => b.role === 'own');
  const section = (dimension: Dimension, of: keyof BrandTally, keys: string[]): Group[] =>
    keys.map((key) => ({
      dimension,
      key,
      figures: tallies.map((b) => figuresOf(getOwn(b[of], key))),
    }));
  const groups: Group[] = [
    { dimension: 'overall', key: 'overall', figures: tallies.map(overallOf) },
    ...section('stage', 'stages', sortStageIds(tallies.flatMap((b) => Object.keys(b.stages)))),
    ...section(
      'category',
      'categories',
      sortCategoryIds(tallies.flatMap((b) => Object.keys(b.categories))),
    ),
    ...section('criterion', 'criteria', [...new Set(rubric.criteria.map((c) => c.id))]),
  ];
  return groups.flatMap(({ dimension, key, figures }) => {
    const ranks = rankScores(figures.map((f) => f.scorePct));
    const own = ownIndex === -1 ? undefined : figures[ownIndex];
    const competitorHasIt = figures.some((f, i) => i !== ownIndex && f.touchpoints > 0);
    return figures.map((f, i): ComparisonRow => {
      const isOwn = i === ownIndex;
      const ownScore = own?.scorePct ?? null;
      return {
        dimension,
        key,
        brandId: brands[i]?.id ?? '',
        ...f,
        rank: ranks[i] ?? null,
        deltaVsOwn:
          !isOwn && f.scorePct !== null && ownScore !== null ? f.scorePct - ownScore : null,
        gap: dimension === 'category' && isOwn && f.touchpoints === 0 && competitorHasIt,
      };
    });
  });
}
