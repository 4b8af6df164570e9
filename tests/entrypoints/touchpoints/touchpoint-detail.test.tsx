import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TouchpointDetail } from '../../../entrypoints/touchpoints/TouchpointDetail';
import { getDb } from '../../../lib/db';
import { cartTouchpoint, T } from '../cart-touchpoint';
import { makeDefaultRubric } from '../../../lib/rubric';
import { DEFAULT_CATEGORIES } from '../../../lib/taxonomy';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const tp = cartTouchpoint({ pageTitle: 'Cart', notes: '' });

describe('TouchpointDetail', () => {
  it('says a correction was not saved when the database refuses it', async () => {
    vi.spyOn(getDb().touchpoints, 'get').mockRejectedValue(new Error('UnknownError: disk gone'));
    const onSaved = vi.fn();
    render(
      <TouchpointDetail
        touchpoint={tp}
        rubric={makeDefaultRubric(T)}
        categories={[...DEFAULT_CATEGORIES]}
        onSaved={onSaved}
        onDelete={() => {}}
        onClose={() => {}}
      />,
    );
    fireEvent.click(screen.getByTestId('touchpoint-save'));
    const alert = await screen.findByTestId('touchpoint-save-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('Not saved: Something went wrong: UnknownError: disk gone');
    expect(screen.queryByTestId('touchpoint-saved')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
