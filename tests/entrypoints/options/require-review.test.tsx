import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireReviewToggle } from '../../../entrypoints/options/RequireReviewToggle';
import type { Study } from '../../../lib/model';

afterEach(cleanup);

const at = '2026-11-22T10:00:00.000Z';
const study: Study = {
  id: 's1',
  name: 'Shoes',
  wave: 'W',
  waves: ['W'],
  requireReview: false,
  rubricId: 'default',
  rubricVersion: 1,
  brandIds: [],
  createdAt: at,
  updatedAt: at,
};

describe('RequireReviewToggle', () => {
  it('is a labelled checkbox that turns counting approved audits only on', async () => {
    const onChange = vi.fn(async () => {});
    render(<RequireReviewToggle study={study} onChange={onChange} />);
    const box = screen.getByLabelText('Count approved audits only') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    // Checked at once, before the stored study catches up.
    expect(box.checked).toBe(true);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(true));
  });

  it('says so when the change is not stored', async () => {
    const onChange = vi.fn(async () => {
      throw new Error('disk gone');
    });
    render(<RequireReviewToggle study={{ ...study, requireReview: true }} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('study-require-review'));
    expect((await screen.findByTestId('study-require-review-failed')).textContent).toContain(
      'disk gone',
    );
    expect(onChange).toHaveBeenCalledWith(false);
    // The box goes back to what is stored.
    expect((screen.getByTestId('study-require-review') as HTMLInputElement).checked).toBe(true);
  });
});
