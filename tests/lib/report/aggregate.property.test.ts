import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../lib/model';
import {
  applyContribution,
  buildComparison,
  contributionOf,
  tallyTouchpoints,
  type BrandTouchpoint,
  type Tally,
} from '../../../lib/report';
import { arbRubric, arbTouchpoint } from '../scoring/arbitraries';
import { expectRowsClose, expectTallyClose } from './tally-helpers';

const numRuns = 200;
const BRAND_IDS = ['own', 'c1', 'c2'] as const;
const brands = BRAND_IDS.map((id) => ({
  id,
  role: id === 'own' ? ('own' as const) : ('competitor' as const),
}));

const arbItems = (rubric: Rubric, maxLength: number): fc.Arbitrary<BrandTouchpoint[]> =>
  fc.array(
    fc.record({ brandId: fc.constantFrom(...BRAND_IDS), touchpoint: arbTouchpoint(rubric) }),
    { maxLength },
  );

const arbStudy = arbRubric.chain((rubric) =>
  arbItems(rubric, 25).chain((items) =>
    fc.shuffledSubarray(items, { minLength: items.length }).map((shuffled) => ({
      rubric,
      items,
      shuffled,
    })),
  ),
);

describe('aggregate properties', () => {
  it('does not depend on the order of the touchpoints', () => {
    fc.assert(
      fc.property(arbStudy, ({ rubric, items, shuffled }) => {
        const a = tallyTouchpoints(items, rubric);
        const b = tallyTouchpoints(shuffled, rubric);
        expectTallyClose(b, a);
        expectRowsClose(
          buildComparison(b, { brands, rubric }),
          buildComparison(a, { brands, rubric }),
        );
      }),
      { numRuns },
    );
  });

  it('kept on write by adding and removing equals a fresh tally of what remains', () => {
    const arbCase = arbRubric.chain((rubric) =>
      arbItems(rubric, 12).chain((pool) =>
        fc
          .array(fc.nat({ max: Math.max(0, pool.length - 1) }), { maxLength: 40 })
          .map((toggles) => ({ rubric, pool, toggles })),
      ),
    );
    fc.assert(
      fc.property(arbCase, ({ rubric, pool, toggles }) => {
        const present = new Set<number>();
        let tally: Tally = {};
        for (const i of pool.length === 0 ? [] : toggles) {
          const { brandId, touchpoint } = pool[i]!;
          const sign = present.has(i) ? -1 : 1;
          tally = applyContribution(tally, brandId, contributionOf(touchpoint, rubric), sign);
          if (sign === 1) present.add(i);
          else present.delete(i);
        }
        const remaining = pool.filter((_, i) => present.has(i));
        expectTallyClose(tally, tallyTouchpoints(remaining, rubric));
      }),
      { numRuns },
    );
  });

  it('keeps every comparison score within 0–100 and ranks from 1', () => {
    fc.assert(
      fc.property(arbStudy, ({ rubric, items }) => {
        for (const row of buildComparison(tallyTouchpoints(items, rubric), { brands, rubric })) {
          if (row.scorePct === null) expect(row.rank).toBeNull();
          else {
            expect(row.scorePct).toBeGreaterThanOrEqual(-1e-9);
            expect(row.scorePct).toBeLessThanOrEqual(100 + 1e-9);
            expect(row.rank).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns },
    );
  });
});
