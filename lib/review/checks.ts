import type { Rubric, Touchpoint } from '../model';
import { problem, type Problem } from '../result';
import { criteriaFor, isValidScore } from '../rubric/criteria';

/** What the checks need of a touchpoint: the record and whether it has a screenshot. */
export interface CheckedTouchpoint {
  touchpoint: Touchpoint;
  hasEvidence: boolean;
}

/**
 * What a shopper should fix before handing an audit in (docs/ARCHITECTURE.md#review), each a
 * problem whose `path` is the touchpoint's id and whose params name it (`label`: its category,
 * `criterion`, `other` for a duplicate):
 * - `review.knockout-without-note`: a critical criterion scored at the minimum, no note;
 * - `review.lowest-without-note`: any criterion scored at the minimum, no note;
 * - `review.no-screenshot`: a page touchpoint without a screenshot;
 * - `review.unscored`: a criterion that applies was left unscored (N/A is an answer);
 * - `review.duplicate-anchor`: two touchpoints with the same page and anchor.
 * Live touchpoints only, in the given order. The shopper may submit anyway with a reason.
 */
export function checkBeforeSubmit(items: readonly CheckedTouchpoint[], rubric: Rubric): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, Touchpoint>();
  for (const { touchpoint: tp, hasEvidence } of items) {
    if (tp.deleted) continue;
    const at = (code: string, params: Record<string, string> = {}) =>
      out.push(problem(code, { label: tp.category, ...params }, tp.id));
    const noNote = tp.notes.trim() === '';
    let knockout = false;
    let lowest = false;
    for (const c of criteriaFor(rubric, tp.category)) {
      const raw = Object.hasOwn(tp.scores, c.id) ? tp.scores[c.id] : undefined;
      if (raw === undefined || !isValidScore(rubric, raw)) {
        at('review.unscored', { criterion: c.label || c.id });
        continue;
      }
      if (raw === rubric.scale.min) {
        if (c.critical) knockout = true;
        else lowest = true;
      }
    }
    if (noNote && knockout) at('review.knockout-without-note');
    else if (noNote && lowest) at('review.lowest-without-note');
    if (tp.source === 'page' && !hasEvidence) at('review.no-screenshot');
    if (tp.source === 'page' && tp.anchor && tp.url) {
      const key = JSON.stringify([tp.url, tp.anchor.framePath, tp.anchor.css, tp.anchor.kind]);
      const first = seen.get(key);
      if (first) at('review.duplicate-anchor', { other: first.id });
      else seen.set(key, tp);
    }
  }
  return out;
}
