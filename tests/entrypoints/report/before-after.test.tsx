import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BeforeAfter } from '../../../entrypoints/report/BeforeAfter';
import type { Evidence, Touchpoint } from '../../../lib/model';
import { orderPairs, pairTouchpoints } from '../../../lib/report';
import type { PairEvidence, WavePairs } from '../../../lib/report/read';
import { cartTouchpoint, T } from '../cart-touchpoint';
import { brands, labelOf, rubric } from './report-data';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const shot = (id: string, touchpointId: string): Evidence => ({
  id,
  touchpointId,
  blob: new Blob(['x'], { type: 'image/png' }),
  mime: 'image/png',
  width: 20,
  height: 10,
  sha256: 'a',
  capturedAt: T,
  url: null,
});

const tp = (id: string, fields: Partial<Touchpoint>): Touchpoint => ({
  ...cartTouchpoint({ pageTitle: 'Cart', notes: '' }),
  id,
  ...fields,
});

/** Own: a small rise (same element) and a big drop (text changed); Contoso: a fix, moved. */
function wavePairs(): WavePairs {
  const pairs = [
    {
      brandId: 'own',
      before: tp('o1', { scores: { speed: 3 } }),
      after: tp('o1b', { relocatedBy: 'css', scores: { speed: 4 } }),
    },
    {
      brandId: 'own',
      before: tp('o2', { scores: { speed: 5, clarity: 5 } }),
      after: tp('o2b', { relocatedBy: 'css', textChanged: true, scores: { speed: 2, clarity: 4 } }),
    },
    {
      brandId: 'c1',
      before: tp('c', { scores: { speed: 1 } }),
      after: tp('cb', { relocatedBy: 'text', scores: { speed: 5 } }),
    },
  ].map((input) => pairTouchpoints(input, rubric));
  return {
    pairs: orderPairs(pairs, ['own', 'c1']).map((p): PairEvidence => ({
      ...p,
      beforeEvidence: [shot(`e-${p.before.id}`, p.before.id)],
      afterEvidence: p.after.id === 'cb' ? [] : [shot(`e-${p.after.id}`, p.after.id)],
    })),
    truncated: false,
  };
}

const props = { brands, labelOf, waves: ['2026-Q3', '2026-Q4'] };

describe('BeforeAfter (the report’s re-audits)', () => {
  it('shows each brand’s pairs, largest change first, with drift, both shots and a change table', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const load = vi.fn(() => Promise.resolve(wavePairs()));
    render(<BeforeAfter {...props} wave="2026-Q4" load={load} />);
    await waitFor(() => expect(screen.getAllByTestId('report-pair')).toHaveLength(3));
    expect(load).toHaveBeenCalledWith('2026-Q4');
    const section = screen.getByTestId('report-pairs');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe(
      'Before and after: 2026-Q4',
    );
    expect(
      within(section)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Northwind', 'Contoso']);
    const items = screen.getAllByTestId('report-pair');
    expect(items.map((i) => [i.dataset.afterId, i.dataset.drift, i.dataset.delta])).toEqual([
      ['o2b', 'text_changed', '-50.0'],
      ['o1b', 'same', '25.0'],
      ['cb', 'moved', '100.0'],
    ]);
    expect(within(items[0]!).getByTestId('report-pair-drift').textContent).toBe('text changed');
    expect(within(items[0]!).getByTestId('report-pair-delta').textContent).toBe(
      '100.0% → 50.0% (−50.0 pts)',
    );
    await waitFor(() =>
      expect(within(items[0]!).getAllByTestId('report-evidence')).toHaveLength(2),
    );
    expect(within(items[2]!).getAllByTestId('report-evidence')).toHaveLength(1);
    expect(items[2]!.textContent).toContain('No screenshot.');

    const table = within(items[0]!).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Criterion', 'Before', 'After', 'Change']);
    const speed = within(table).getByRole('rowheader', { name: 'label:speed' }).closest('tr')!;
    expect([...speed.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '100.0%',
      '25.0%',
      '−75.0 pts',
    ]);
    const overall = within(table).getByRole('rowheader', { name: 'Overall score' }).closest('tr')!;
    expect(overall.querySelector('td:last-child')!.textContent).toBe('−50.0 pts');
  });

  it('says so when the wave has no re-audit', async () => {
    render(
      <BeforeAfter
        {...props}
        wave="2026-Q4"
        load={() => Promise.resolve({ pairs: [], truncated: false })}
      />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('report-pairs').textContent).toContain(
        'No touchpoint of this wave re-audits one of an earlier wave.',
      ),
    );
  });

  it('is not shown for the first wave, so a one-wave study’s report is unchanged', async () => {
    const load = vi.fn(() => Promise.resolve(wavePairs()));
    render(<BeforeAfter {...props} waves={['2026-Q4']} wave="2026-Q4" load={load} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByTestId('report-pairs')).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });
});
