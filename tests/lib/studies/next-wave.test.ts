import { describe, expect, it } from 'vitest';
import { proposeNextWave } from '../../../lib/studies';

describe('proposeNextWave', () => {
  it.each<[string[], string]>([
    [['2026-Q4'], '2027-Q1'],
    [['2026-Q1'], '2026-Q2'],
    [['Wave 3'], 'Wave 4'],
    [['2026-11'], '2026-12'],
    [['2026-12'], '2027-01'],
    [['2026-H2'], '2027-H1'],
    [['2026-H1'], '2026-H2'],
    [['2026'], '2027'],
    [['Round 009'], 'Round 010'],
    [['Spring'], 'Spring 2'],
    [['2026-Q3', '2026-Q4'], '2027-Q1'],
    [['Wave 4', 'Wave 3'], 'Wave 5'],
    [['Spring 2', 'Spring'], 'Spring 3'],
    [[], 'Wave 1'],
  ])('%j → %s', (waves, expected) => {
    expect(proposeNextWave(waves)).toBe(expected);
    expect(waves).not.toContain(expected);
  });
});
