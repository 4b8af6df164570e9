import type { CategoryId, Rubric, Scale, ScoreValue } from '../model';
import { criteriaFor, isValidScore } from '../rubric/criteria';

/** What scoring needs of a touchpoint. */
export interface ScorableTouchpoint {
  /** The touchpoint's category: decides which criteria apply. */
  category: CategoryId;
  /** Scores by criterion id; a missing key means not yet scored. */
  scores: Record<string, ScoreValue>;
}

/** A touchpoint's score, as defined on {@link scoreTouchpoint}. */
export interface TouchpointScore {
  /** 0–100, or null when nothing that counts is scored. */
  pct: number | null;
  /** A critical criterion was scored at the scale minimum (then `pct` is 0). */
  criticalFail: boolean;
}

/** One applicable criterion of one touchpoint, as scoring sees it. */
export interface CriterionScore {
  /** The criterion id. */
  id: string;
  /** Weight used in the touchpoint score: the criterion's weight, or 0 if not finite and > 0. */
  weight: number;
  /** 100 × (s − min)/(max − min), or null when N/A, unscored or not a valid score. */
  pct: number | null;
  /** Critical criterion scored at the scale minimum. */
  criticalFail: boolean;
}

/**
 * A single value as a percentage of the scale: 100 × (s − min)/(max − min). Null for `NA`,
 * `undefined` (unscored) and a scale whose max is not above its min. Plain arithmetic: the
 * caller checks the value is on the scale.
 */
export function criterionPct(value: ScoreValue | undefined, scale: Scale): number | null {
  if (value === undefined || value === 'NA' || !(scale.max > scale.min)) return null;
  return (100 * (value - scale.min)) / (scale.max - scale.min);
}

/**
 * The criteria of the rubric that apply to the touchpoint's category, in rubric order, each
 * with its percentage and critical-failure flag. Scores for criteria not in the rubric or not
 * applying to the category are ignored; a value that is not valid on the scale counts as
 * unscored; if two criteria share an id, only the first counts.
 */
export function scoreCriteria(tp: ScorableTouchpoint, rubric: Rubric): CriterionScore[] {
  const seen = new Set<string>();
  const result: CriterionScore[] = [];
  for (const criterion of criteriaFor(rubric, tp.category)) {
    if (seen.has(criterion.id)) continue;
    seen.add(criterion.id);
    const raw = Object.hasOwn(tp.scores, criterion.id) ? tp.scores[criterion.id] : undefined;
    const value = isValidScore(rubric, raw) ? raw : undefined;
    const pct = criterionPct(value, rubric.scale);
    result.push({
      id: criterion.id,
      weight: Number.isFinite(criterion.weight) && criterion.weight > 0 ? criterion.weight : 0,
      pct,
      criticalFail: criterion.critical && pct !== null && value === rubric.scale.min,
    });
  }
  return result;
}

/**
 * A touchpoint's score: 100 × Σ w·(s − min)/(max − min) / Σ w over the criteria
 * that apply to its category, have weight > 0 and are scored; null when there are none.
 * A critical criterion that applies to the category and is scored at the minimum makes it a
 * critical failure with score 0 — whatever that criterion's weight, 0 included.
 */
export function scoreTouchpoint(tp: ScorableTouchpoint, rubric: Rubric): TouchpointScore {
  const criteria = scoreCriteria(tp, rubric);
  if (criteria.some((c) => c.criticalFail)) return { pct: 0, criticalFail: true };
  const counted = criteria.filter((c) => c.pct !== null && c.weight > 0);
  if (counted.length === 0) return { pct: null, criticalFail: false };
  // Weights relative to the largest keep huge or tiny weights from overflowing.
  const maxWeight = Math.max(...counted.map((c) => c.weight));
  let sumWeights = 0;
  let sumWeighted = 0;
  for (const c of counted) {
    const w = c.weight / maxWeight;
    sumWeights += w;
    sumWeighted += w * (c.pct ?? 0);
  }
  // Clamped: float noise must not put a perfect score at 100.00000000000001.
  return { pct: Math.min(100, Math.max(0, sumWeighted / sumWeights)), criticalFail: false };
}
