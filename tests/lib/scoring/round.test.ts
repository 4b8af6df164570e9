import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from '../../../lib/scoring';

describe('roundHalfAwayFromZero', () => {
  it.each<[number, number | undefined, number]>([
    [62.25, undefined, 62.3],
    [62.24999999999, undefined, 62.3],
    [(62 + 62.5) / 2, undefined, 62.3],
    [-62.25, undefined, -62.3],
    [-62.24999999999, undefined, -62.3],
    [62.24, undefined, 62.2],
    [62.2499, undefined, 62.2],
    [0.05, undefined, 0.1],
    [-0.05, undefined, -0.1],
    [0.15, undefined, 0.2],
    [1.45, undefined, 1.5],
    [100 / 3, undefined, 33.3],
    [200 / 3, undefined, 66.7],
    [100, undefined, 100],
    [0, undefined, 0],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1.005, 2, 1.01],
    [8.345, 2, 8.35],
    [1234.5, 0, 1235],
  ])('%s to %s decimals → %s', (x, decimals, expected) => {
    expect(roundHalfAwayFromZero(x, decimals)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.04), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0), 0)).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity])('passes %s through', (x) => {
    expect(roundHalfAwayFromZero(x)).toBe(x);
  });
});
