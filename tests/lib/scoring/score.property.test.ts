import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../lib/model';
import { scoreTouchpoint } from '../../../lib/scoring';
import { arbRubric, arbTouchpoint } from './arbitraries';

const numRuns = 200;
const arbCase = arbRubric.chain((rubric) => arbTouchpoint(rubric).map((tp) => ({ rubric, tp })));

describe('scoreTouchpoint properties', () => {
  it('is within 0–100 or null, and 0 on a critical failure', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, tp }) => {
        const { pct, criticalFail } = scoreTouchpoint(tp, rubric);
        if (pct !== null) expect(pct >= 0 && pct <= 100).toBe(true);
        if (criticalFail) expect(pct).toBe(0);
      }),
      { numRuns },
    );
  });

  it('does not change when every weight is multiplied by the same positive number', () => {
    fc.assert(
      fc.property(arbCase, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ rubric, tp }, k) => {
        const scaled: Rubric = {
          ...rubric,
          criteria: rubric.criteria.map((c) => ({ ...c, weight: c.weight * k })),
        };
        const before = scoreTouchpoint(tp, rubric);
        const after = scoreTouchpoint(tp, scaled);
        expect(after.criticalFail).toBe(before.criticalFail);
        if (before.pct === null) expect(after.pct).toBeNull();
        else expect(Math.abs((after.pct ?? NaN) - before.pct)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns },
    );
  });

  it('does not change when an unscored criterion is marked N/A', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ rubric, tp }, pick) => {
        const unscored = rubric.criteria.filter((c) => !(c.id in tp.scores));
        fc.pre(unscored.length > 0);
        const id = unscored[pick % unscored.length]!.id;
        const marked = { ...tp, scores: { ...tp.scores, [id]: 'NA' as const } };
        expect(scoreTouchpoint(marked, rubric)).toEqual(scoreTouchpoint(tp, rubric));
      }),
      { numRuns },
    );
  });
});
