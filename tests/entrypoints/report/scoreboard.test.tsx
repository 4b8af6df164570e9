import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Heatmap } from '../../../entrypoints/report/Heatmap';
import { Scoreboard } from '../../../entrypoints/report/Scoreboard';
import { scoreboard } from '../../../lib/report';
import { roundHalfAwayFromZero } from '../../../lib/scoring';
import { brands, labelOf, sampleRows } from './report-data';

afterEach(cleanup);

describe('Scoreboard', () => {
  it('ranks brands by overall score with the figures of lib/report', () => {
    const rows = sampleRows();
    render(<Scoreboard rows={rows} brands={brands} />);
    const lines = screen.getAllByTestId('report-scoreboard-row');
    // Contoso: mean(cart 100, payment 75) = 87.5; Northwind: mean(50, 100) = 75; Fabrikam 25.
    expect(lines.map((l) => l.dataset.brandId)).toEqual(['c1', 'own', 'c2']);
    const expected = scoreboard(rows);
    for (const line of lines) {
      const entry = expected.find((e) => e.brandId === line.dataset.brandId)!;
      const cells = within(line).getAllByRole('cell');
      expect(cells[0]!.textContent).toBe(String(entry.rank));
      expect(within(line).getByTestId('report-scoreboard-score').textContent).toBe(
        `${roundHalfAwayFromZero(entry.overallPct!, 1).toFixed(1)}%`,
      );
      expect(cells[2]!.textContent).toBe(String(entry.touchpoints));
      expect(cells[4]!.textContent).toBe(`${entry.categoriesSeen.length} of 3`);
    }
    expect(lines[1]!.textContent).toContain('own brand');
  });
});

describe('Heatmap', () => {
  it('marks a category a competitor has and the own brand lacks as a gap, and only that', () => {
    render(<Heatmap rows={sampleRows()} brands={brands} labelOf={labelOf} />);
    const gaps = screen.getAllByTestId('report-heat-cell').filter((c) => c.dataset.gap === 'true');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.dataset.brandId).toBe('own');
    expect(gaps[0]!.closest('tr')!.dataset.category).toBe('payment');
    expect(gaps[0]!.textContent).toContain('gap');
    expect(gaps[0]!.textContent).toContain('n = 0');
  });

  it('shows each cell’s score and count, categories in report order', () => {
    render(<Heatmap rows={sampleRows()} brands={brands} labelOf={labelOf} />);
    const rows = screen.getByTestId('report-heatmap').querySelectorAll('tbody tr');
    expect([...rows].map((r) => (r as HTMLElement).dataset.category)).toEqual([
      'live_chat',
      'cart',
      'payment',
    ]);
    const cart = [...rows[1]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cart).toEqual(['50.0%n = 1', '100.0%n = 1', '25.0%n = 1']);
  });
});
