import { describe, expect, it } from 'vitest';
import { rankScores } from '../../../lib/report';

describe('rankScores', () => {
  it.each<[(number | null)[], (number | null)[]]>([
    [[], []],
    [[50], [1]],
    [[null], [null]],
    [
      [90, 80, 80, 70],
      [1, 2, 2, 4],
    ],
    [
      [70, 80, 90, 80],
      [4, 2, 1, 2],
    ],
    [
      [60, 60, 60],
      [1, 1, 1],
    ],
    [
      [null, 10, null, 20],
      [null, 2, null, 1],
    ],
    [
      [0, null, 0],
      [1, null, 1],
    ],
    [
      [100 / 3, (100 / 3) * (1 + 1e-15), 10],
      [1, 1, 3],
    ],
    [
      [50.0001, 50],
      [1, 2],
    ],
  ])('%j → %j', (scores, ranks) => {
    expect(rankScores(scores)).toEqual(ranks);
  });
});
