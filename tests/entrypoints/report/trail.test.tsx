import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrailList } from '../../../entrypoints/report/TrailList';
import type { TouchpointEvidence } from '../../../lib/report/read';
import type { Evidence } from '../../../lib/model';
import { cartTouchpoint, T } from '../cart-touchpoint';
import { brands, labelOf, sampleRows } from './report-data';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const behind: TouchpointEvidence = {
  brandId: 'c1',
  touchpoint: cartTouchpoint({ pageTitle: '<b>Cart</b>', notes: 'Fast' }),
  score: { pct: 100, criticalFail: false },
  evidence: [
    {
      id: 'e',
      touchpointId: 'tp-1',
      blob: new Blob(['x'], { type: 'image/png' }),
      mime: 'image/png',
      width: 20,
      height: 10,
      sha256: 'a',
      capturedAt: T,
      url: null,
    } satisfies Evidence,
  ],
};

describe('TrailList (where we trail)', () => {
  it('lists the rows where the own brand is behind its best competitor, furthest first', () => {
    render(
      <TrailList
        rows={sampleRows()}
        brands={brands}
        ownBrandId="own"
        labelOf={labelOf}
        loadBehind={() => Promise.resolve([])}
      />,
    );
    const rows = screen.getAllByTestId('report-trail-row');
    // cart: own 50 vs Contoso 100 (50 points); purchase stage: own 50 vs Contoso 87.5 (37.5);
    // speed: own 75 vs Contoso 87.5 (12.5). Live chat and the other criteria: not behind.
    expect(rows.map((r) => `${r.dataset.dimension}:${r.dataset.key}`)).toEqual([
      'category:cart',
      'stage:purchase',
      'criterion:speed',
    ]);
    expect(rows[0]!.textContent).toContain('50.0 pts behind Contoso');
    expect(rows[2]!.textContent).toContain('75.0% vs 87.5%');
  });

  it('opens the touchpoints behind a row with their screenshots, and revokes the image URL on close', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const load = vi.fn(() => Promise.resolve([behind]));
    render(
      <TrailList
        rows={sampleRows()}
        brands={brands}
        ownBrandId="own"
        labelOf={labelOf}
        loadBehind={load}
      />,
    );
    fireEvent.click(screen.getAllByTestId('report-trail-open')[0]!);
    await waitFor(() => expect(screen.getByTestId('report-evidence')).toBeTruthy());
    expect(load.mock.calls[0]).toEqual([
      expect.objectContaining({ dimension: 'category', key: 'cart' }),
    ]);
    // Page text is shown as text, never as HTML.
    expect(screen.getByTestId('report-trail-detail').textContent).toContain('<b>Cart</b>');
    expect(create).toHaveBeenCalledWith(behind.evidence[0]!.blob);
    fireEvent.click(screen.getAllByTestId('report-trail-open')[0]!);
    expect(screen.queryByTestId('report-evidence')).toBeNull();
    expect(revoke).toHaveBeenCalledWith('blob:fake');
  });

  it('says so when the study has no own brand', () => {
    render(
      <TrailList
        rows={sampleRows()}
        brands={brands}
        ownBrandId={undefined}
        labelOf={labelOf}
        loadBehind={() => Promise.resolve([])}
      />,
    );
    expect(screen.queryAllByTestId('report-trail-row')).toHaveLength(0);
    expect(screen.getByText('This study has no own brand to compare.')).toBeTruthy();
  });
});
