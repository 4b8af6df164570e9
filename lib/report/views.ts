import { SCORE_TIE_TOLERANCE } from './rank';
import type { ComparisonRow, Dimension } from './types';

/** One (dimension, key) of the comparison with each brand's row, brands in the rows' order. */
export interface ComparisonLine {
  key: string;
  /** The rows of this key, one per brand, in brand order. */
  cells: ComparisonRow[];
}

/** The comparison's lines for one dimension, keys in the rows' (report) order. */
export function linesOf(rows: readonly ComparisonRow[], dimension: Dimension): ComparisonLine[] {
  const lines = new Map<string, ComparisonRow[]>();
  for (const row of rows) {
    if (row.dimension !== dimension) continue;
    const cells = lines.get(row.key) ?? [];
    cells.push(row);
    lines.set(row.key, cells);
  }
  return [...lines].map(([key, cells]) => ({ key, cells }));
}

/** A row where the own brand scores below a competitor. */
export interface TrailRow {
  dimension: Exclude<Dimension, 'overall'>;
  key: string;
  /** The own brand's row. */
  own: ComparisonRow;
  /** The best-scoring competitor's row (the first one when several tie). */
  best: ComparisonRow;
  /** How far behind: the best competitor's `deltaVsOwn`, in points (> 0). */
  behindBy: number;
}

/**
 * "Where we trail": the stage, category and criterion rows where the own brand scores below
 * its best competitor, furthest behind first (ties keep report order), at most `limit`.
 * Uses the comparison's own `deltaVsOwn`: no figure is computed here.
 */
export function whereWeTrail(
  rows: readonly ComparisonRow[],
  ownBrandId: string,
  limit = 8,
): TrailRow[] {
  const found: TrailRow[] = [];
  for (const dimension of ['stage', 'category', 'criterion'] as const) {
    for (const { key, cells } of linesOf(rows, dimension)) {
      const own = cells.find((c) => c.brandId === ownBrandId);
      if (!own || own.scorePct === null) continue;
      let best: ComparisonRow | undefined;
      for (const c of cells) {
        if (c.brandId === ownBrandId || c.deltaVsOwn === null) continue;
        if (!best || c.deltaVsOwn > (best.deltaVsOwn ?? 0)) best = c;
      }
      if (best?.deltaVsOwn != null && best.deltaVsOwn > SCORE_TIE_TOLERANCE) {
        found.push({ dimension, key, own, best, behindBy: best.deltaVsOwn });
      }
    }
  }
  return found
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row.behindBy - a.row.behindBy || a.i - b.i)
    .slice(0, limit)
    .map(({ row }) => row);
}
