import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CriterionScore } from '@/components/CriterionScore';
import type { Criterion, Scale } from '@/lib/model';

afterEach(cleanup);

const criterion: Criterion = {
  id: 'speed',
  label: 'Speed',
  help: '',
  weight: 1,
  appliesTo: 'all',
  critical: false,
};
const HUGE = Number.MAX_SAFE_INTEGER;

describe('CriterionScore', () => {
  it('offers every score of a sane scale and N/A', () => {
    render(
      <CriterionScore
        criterion={criterion}
        scale={{ min: 1, max: 5 }}
        value={undefined}
        onChange={() => {}}
      />,
    );
    const values = screen.getAllByRole('radio').map((b) => b.getAttribute('data-value'));
    expect(values).toEqual(['1', '2', '3', '4', '5', 'NA']);
  });

  it.each<[string, Scale]>([
    ['±(2^53 − 1) from a forged rubric', { min: -HUGE, max: HUGE }],
    ['0–1,000,000', { min: 0, max: 1_000_000 }],
  ])('draws at most 101 scores for %s, at once', (_name, scale) => {
    const started = performance.now();
    render(
      <CriterionScore criterion={criterion} scale={scale} value={undefined} onChange={() => {}} />,
    );
    expect(screen.getAllByRole('radio').length).toBeLessThanOrEqual(102);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
