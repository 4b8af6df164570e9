import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, type Unit } from '../../../lib/calibration/alpha';

// The worked example of Krippendorff (2011): 4 observers, 12 units, values 1–5, with gaps
// (`null`: the observer gave no value). Rows are observers, columns units.
const _ = null;
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS: Unit[] = OBSERVERS[0]!.map((_v, u) =>
  OBSERVERS.map((row) => row[u]).filter((v): v is number => v !== null),
);

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

describe("Krippendorff's alpha", () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('gives the published %s figure of the worked example (%s)', (metric, alpha) => {
    const result = krippendorffAlpha(UNITS, metric);
    expect(round3(result.alpha)).toBe(alpha);
    // Unit 12 has one value: it does not count.
    expect(result).toMatchObject({ units: 11, values: 40 });
  });

  const value = fc.integer({ min: 1, max: 5 });
  const unit = fc.array(value, { minLength: 0, maxLength: 6 });

  it('is 1 when every rater gives every unit the same value (and values vary)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.integer({ min: 2, max: 6 })), { minLength: 2, maxLength: 20 }),
        (units) => {
          fc.pre(new Set(units.map(([v]) => v)).size >= 2);
          const agreed = units.map(([v, raters]) => Array<number>(raters).fill(v));
          expect(krippendorffAlpha(agreed, 'ordinal').alpha).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('does not depend on the order of units or of raters within a unit', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 15 }), fc.nat(), (units, seed) => {
        const shuffled = [...units].reverse().map((u, i) => {
          const r = [...u];
          const turn = r.length ? (seed + i) % r.length : 0;
          return [...r.slice(turn), ...r.slice(0, turn)];
        });
        for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
          const a = krippendorffAlpha(units, metric).alpha;
          const b = krippendorffAlpha(shuffled, metric).alpha;
          if (a === null) expect(b).toBeNull();
          else expect(b).toBeCloseTo(a, 9);
        }
      }),
    );
  });

  it('ignores units with a single value', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 10 }), value, (units, lone) => {
        const a = krippendorffAlpha(units, 'ordinal');
        const b = krippendorffAlpha([...units, [lone], []], 'ordinal');
        expect(b.units).toBe(a.units);
        if (a.alpha === null) expect(b.alpha).toBeNull();
        else expect(b.alpha).toBeCloseTo(a.alpha, 12);
      }),
    );
  });

  it('has nothing to say without a pair of values or without any variation', () => {
    expect(krippendorffAlpha([[3], [4]], 'ordinal')).toEqual({ alpha: null, units: 0, values: 0 });
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3, 3],
        ],
        'ordinal',
      ).alpha,
    ).toBeNull();
  });

  it('is below 0 when raters disagree systematically', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 5],
          [5, 1],
          [1, 5],
          [5, 1],
        ],
        'ordinal',
      ).alpha!,
    ).toBeLessThan(0);
  });
});
