import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CriterionChart } from '../../../entrypoints/report/CriterionChart';
import { FigureTable } from '../../../entrypoints/report/FigureTable';
import { Heatmap } from '../../../entrypoints/report/Heatmap';
import type { Brand } from '../../../lib/model';
import type { ComparisonRow } from '../../../lib/report';
import { linesOf } from '../../../lib/report';

afterEach(cleanup);

const at = '2026-11-22T10:00:00.000Z';
const brand: Brand = {
  id: 'b',
  name: 'Northwind',
  role: 'own',
  domains: [],
  createdAt: at,
  updatedAt: at,
};
/** Cart: three touchpoints, one of them all N/A, so two scored. */
const row = (dimension: ComparisonRow['dimension'], key: string): ComparisonRow => ({
  dimension,
  key,
  brandId: 'b',
  touchpoints: 3,
  scorePct: 50,
  scored: 2,
  rank: 1,
  deltaVsOwn: null,
  criticalFails: 0,
  gap: false,
});
const labelOf = (_d: string, key: string) => key;

describe('n beside a report figure is the scored touchpoints behind it, as in the trend', () => {
  it('in the table under a chart', () => {
    render(
      <FigureTable
        title="Stages"
        dimension="stage"
        lines={linesOf([row('stage', 'purchase')], 'stage')}
        brands={[brand]}
        labelOf={labelOf}
      />,
    );
    expect(screen.getByTestId('report-table-stage').querySelector('td')!.textContent).toBe(
      '50.0% (n = 2)',
    );
  });

  it('in the heatmap', () => {
    render(<Heatmap rows={[row('category', 'cart')]} brands={[brand]} labelOf={labelOf} />);
    expect(screen.getByTestId('report-heatmap').querySelector('td')!.textContent).toContain(
      'n = 2',
    );
  });
});

describe('a chart card printed with many brands', () => {
  const rowsOf = (brandCount: number) =>
    Array.from({ length: brandCount }, (_, i) => ({
      ...row('criterion', 'speed'),
      brandId: `b${i}`,
    }));
  const brandsOf = (brandCount: number) =>
    Array.from({ length: brandCount }, (_, i) => ({ ...brand, id: `b${i}`, name: `Brand ${i}` }));

  it('puts its table under the chart from four brands on (beside it, seven columns wrapped every figure)', () => {
    for (const [count, wide] of [
      [3, false],
      [4, true],
    ] as const) {
      render(<CriterionChart rows={rowsOf(count)} brands={brandsOf(count)} labelOf={labelOf} />);
      const card = screen.getByTestId('report-chart-criterion').closest('section')!;
      expect(card.classList.contains('wide')).toBe(wide);
      cleanup();
    }
  });
});
