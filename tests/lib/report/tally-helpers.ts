import { expect } from 'vitest';
import type { ComparisonRow, Tally, TallyCell } from '../../../lib/report';

type Counts = Omit<TallyCell, 'sumPct'>;
const SECTIONS = ['categories', 'stages', 'criteria'] as const;

function countsOf(tally: Tally): Record<string, Record<string, Record<string, Counts>>> {
  return Object.fromEntries(
    Object.entries(tally).map(([brandId, brand]) => [
      brandId,
      Object.fromEntries(
        SECTIONS.map((section) => [
          section,
          Object.fromEntries(
            Object.entries(brand[section]).map(([key, { n, scoredN, criticalFails }]) => [
              key,
              { n, scoredN, criticalFails },
            ]),
          ),
        ]),
      ),
    ]),
  );
}

/** Same structure and counts exactly; sums within `tolerance`. */
export function expectTallyClose(actual: Tally, expected: Tally, tolerance = 1e-6): void {
  expect(countsOf(actual)).toEqual(countsOf(expected));
  for (const [brandId, brand] of Object.entries(expected)) {
    for (const section of SECTIONS) {
      for (const [key, cell] of Object.entries(brand[section])) {
        const got = actual[brandId]![section][key]!.sumPct;
        expect(Math.abs(got - cell.sumPct)).toBeLessThanOrEqual(tolerance);
      }
    }
  }
}

const close = (a: number | null, b: number | null, tolerance: number): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tolerance;

/** Same rows in the same order; scores and deltas within `tolerance`. */
export function expectRowsClose(
  actual: ComparisonRow[],
  expected: ComparisonRow[],
  tolerance = 1e-6,
): void {
  const strip = (rows: ComparisonRow[]) =>
    rows.map(({ scorePct: _s, deltaVsOwn: _d, ...rest }) => rest);
  expect(strip(actual)).toEqual(strip(expected));
  expected.forEach((row, i) => {
    const got = actual[i]!;
    expect(close(got.scorePct, row.scorePct, tolerance)).toBe(true);
    expect(close(got.deltaVsOwn, row.deltaVsOwn, tolerance)).toBe(true);
  });
}

/** Deep-freezes plain data so any mutation throws (modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
