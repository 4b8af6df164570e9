import fc from 'fast-check';
import type { Rubric, Scale, ScoreValue } from '../../../lib/model';
import { makeRubric } from '../rubric/make-rubric';

/** Categories the generated rubrics and touchpoints use (a seeded one, another, a custom). */
export const CATEGORIES = ['cart', 'live_chat', 'zz_custom'] as const;
/** Stages generated touchpoints use. */
export const STAGE_IDS = ['consideration', 'purchase', 'retention'] as const;

const arbScale: fc.Arbitrary<Scale> = fc
  .record({ min: fc.integer({ min: -3, max: 3 }), span: fc.integer({ min: 1, max: 9 }) })
  .map(({ min, span }) => ({ min, max: min + span }));

const arbWeight = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 5 }),
  fc.double({ min: 0.001, max: 1000, noNaN: true }),
);

/** Valid rubrics: 1–6 criteria with random weights, critical flags and categories. */
export const arbRubric: fc.Arbitrary<Rubric> = fc
  .tuple(
    arbScale,
    fc.array(
      fc.record({
        weight: arbWeight,
        critical: fc.boolean(),
        appliesTo: fc.oneof(fc.constant('all' as const), fc.subarray([...CATEGORIES])),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([scale, criteria]) =>
    makeRubric(
      criteria.map((c, i) => ({ ...c, id: `c${i}` })),
      scale,
    ),
  );

/** Scores for some of the rubric's criteria (integers on its scale or NA), plus a stray key. */
export function arbScores(rubric: Rubric): fc.Arbitrary<Record<string, ScoreValue>> {
  const value = fc.oneof(
    fc.integer({ min: rubric.scale.min, max: rubric.scale.max }),
    fc.constant('NA' as const),
  );
  return fc
    .tuple(
      fc.tuple(...rubric.criteria.map(() => fc.option(value, { nil: undefined }))),
      fc.option(value, { nil: undefined }),
    )
    .map(([values, stray]) => {
      const scores: Record<string, ScoreValue> = {};
      rubric.criteria.forEach((c, i) => {
        const v = values[i];
        if (v !== undefined) scores[c.id] = v;
      });
      if (stray !== undefined) scores['not_in_rubric'] = stray;
      return scores;
    });
}

/** A touchpoint as aggregation sees it, scored against `rubric`. */
export function arbTouchpoint(rubric: Rubric) {
  return fc.record({
    category: fc.constantFrom(...CATEGORIES),
    stage: fc.constantFrom(...STAGE_IDS),
    scores: arbScores(rubric),
  });
}
