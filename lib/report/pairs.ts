import type { Rubric, Touchpoint } from '../model';
import { scoreCriteria, scoreTouchpoint, type TouchpointScore } from '../scoring';

/**
 * How a re-audited element looked to the later wave: found by its CSS path with the same text
 * (`same`), found with other text (`text_changed`), found only by its text or position
 * (`moved`), or not found at all (`gone`).
 */
export type DriftStatus = 'same' | 'text_changed' | 'moved' | 'gone';

/**
 * The drift status of a re-audit, read from the later touchpoint: `relocatedBy` `none` is
 * gone; otherwise a text change wins; `text` or `position` is moved; `css` is the same. A
 * re-audit without `relocatedBy` (an off-page touchpoint has nothing to find) counts as the same.
 */
export function driftOf(later: Pick<Touchpoint, 'relocatedBy' | 'textChanged'>): DriftStatus {
  if (later.relocatedBy === 'none') return 'gone';
  if (later.textChanged) return 'text_changed';
  if (later.relocatedBy === 'text' || later.relocatedBy === 'position') return 'moved';
  return 'same';
}

/** One criterion of a pair: its percentage before and after, and the change in points. */
export interface CriterionChange {
  /** The criterion id. */
  id: string;
  /** Percentage in the earlier wave; null when N/A, unscored or not applying there. */
  before: number | null;
  /** Percentage in the later wave; null likewise. */
  after: number | null;
  /** `after − before` in points; null unless both are scored. */
  delta: number | null;
}

/** A touchpoint and the earlier wave's touchpoint it re-audits, with what changed. */
export interface TouchpointPair {
  brandId: string;
  /** The earlier wave's touchpoint. */
  before: Touchpoint;
  /** The selected wave's touchpoint (its `previousId` is `before.id`). */
  after: Touchpoint;
  drift: DriftStatus;
  beforeScore: TouchpointScore;
  afterScore: TouchpointScore;
  /** Overall score change in points (`after − before`); null unless both have a score. */
  delta: number | null;
  /** The criteria scored on either side (N/A counts as not scored), in rubric order. */
  criteria: CriterionChange[];
}

/** A re-audit as read from storage: the later touchpoint, its brand and the one it re-audits. */
export interface PairInput {
  brandId: string;
  before: Touchpoint;
  after: Touchpoint;
}

/** The scores and changes of one re-audit under the study's pinned rubric. */
export function pairTouchpoints(
  { brandId, before, after }: PairInput,
  rubric: Rubric,
): TouchpointPair {
  const beforeScore = scoreTouchpoint(before, rubric);
  const afterScore = scoreTouchpoint(after, rubric);
  const was = new Map(scoreCriteria(before, rubric).map((c) => [c.id, c.pct]));
  const now = new Map(scoreCriteria(after, rubric).map((c) => [c.id, c.pct]));
  const criteria: CriterionChange[] = [];
  for (const { id } of rubric.criteria) {
    if (!was.has(id) && !now.has(id)) continue;
    if (criteria.some((c) => c.id === id)) continue;
    const b = was.get(id) ?? null;
    const a = now.get(id) ?? null;
    if (a === null && b === null) continue;
    criteria.push({ id, before: b, after: a, delta: a !== null && b !== null ? a - b : null });
  }
  return {
    brandId,
    before,
    after,
    drift: driftOf(after),
    beforeScore,
    afterScore,
    delta:
      afterScore.pct !== null && beforeScore.pct !== null ? afterScore.pct - beforeScore.pct : null,
    criteria,
  };
}

/**
 * Pairs in the report's order: grouped by brand in `brandIds` order (brands not listed after,
 * by id), within a brand the largest absolute overall change first, pairs without a change
 * figure last; ties by the later touchpoint's id, so the order is stable.
 */
export function orderPairs<
  P extends { brandId: string; delta: number | null; after: { id: string } },
>(pairs: readonly P[], brandIds: readonly string[]): P[] {
  const place = (brandId: string) => {
    const i = brandIds.indexOf(brandId);
    return i === -1 ? brandIds.length : i;
  };
  const size = (p: P) => (p.delta === null ? -1 : Math.abs(p.delta));
  return [...pairs].sort(
    (x, y) =>
      place(x.brandId) - place(y.brandId) ||
      (x.brandId < y.brandId ? -1 : x.brandId > y.brandId ? 1 : 0) ||
      size(y) - size(x) ||
      (x.after.id < y.after.id ? -1 : x.after.id > y.after.id ? 1 : 0),
  );
}
