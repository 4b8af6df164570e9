import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TrendSection } from '../../../entrypoints/report/TrendSection';
import { buildTrend, tallyTouchpoints, type BrandTouchpoint } from '../../../lib/report';
import { brands, labelOf, rubric } from './report-data';

afterEach(cleanup);

const cart = (brandId: string, speed: number): BrandTouchpoint => ({
  brandId,
  touchpoint: { category: 'cart', stage: 'purchase', scores: { speed } },
});

/** Wave 1: own cart 50 % ×3, Contoso 100 % ×1. Wave 2: own 100 % ×3, Contoso 75 % ×1. */
const trend = buildTrend(
  [
    {
      wave: 'W1',
      tally: tallyTouchpoints(
        [cart('own', 3), cart('own', 3), cart('own', 3), cart('c1', 5)],
        rubric,
      ),
    },
    {
      wave: 'W2',
      tally: tallyTouchpoints(
        [cart('own', 5), cart('own', 5), cart('own', 5), cart('c1', 4)],
        rubric,
      ),
    },
  ],
  { brands, rubric },
);

describe('the trend section', () => {
  it('draws a line per brand and gives the same figures per wave in a table', () => {
    render(<TrendSection trend={trend} wave="W2" brands={brands} labelOf={labelOf} />);
    expect(
      screen.getByTestId('report-trend-chart').querySelectorAll('g[data-brand-id] line'),
    ).toHaveLength(2);
    const table = screen.getByTestId('report-trend-table');
    expect(within(table).getByRole('row', { name: /Northwind/ }).textContent).toContain(
      '50.0% (n = 3)',
    );
    expect(within(table).getByRole('row', { name: /Northwind/ }).textContent).toContain(
      '100.0% (n = 3)',
    );
  });

  it('shows each change since the previous wave and marks the ones resting on a small sample', () => {
    render(<TrendSection trend={trend} wave="W2" brands={brands} labelOf={labelOf} />);
    const rows = screen.getAllByTestId('report-trend-change');
    const overall = (brandId: string) =>
      rows.find((r) => r.dataset.dimension === 'overall' && r.dataset.brandId === brandId)!;
    expect(within(overall('own')).getByTestId('report-trend-delta').textContent).toBe('+50.0 pts');
    expect(overall('own').dataset.smallSample).toBe('false');
    // Contoso rests on one visit a wave: said in words, not only by colour.
    expect(within(overall('c1')).getByTestId('report-trend-delta').textContent).toBe(
      '−25.0 pts small sample',
    );
    expect(overall('c1').dataset.smallSample).toBe('true');
  });

  it('says there is nothing to compare in the first wave, and is absent for one wave', () => {
    render(<TrendSection trend={trend} wave="W1" brands={brands} labelOf={labelOf} />);
    expect(screen.getByTestId('report-trend-nochange')).toBeTruthy();
    cleanup();
    render(<TrendSection trend={trend.slice(0, 1)} wave="W1" brands={brands} labelOf={labelOf} />);
    expect(screen.queryByTestId('report-trend')).toBeNull();
  });
});
