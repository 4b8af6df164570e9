import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TouchpointDetail } from '../../../entrypoints/touchpoints/TouchpointDetail';
import { getDb } from '../../../lib/db';
import type { TouchpointForm } from '../../../lib/messaging';
import { cartTouchpoint, T } from '../cart-touchpoint';
import { makeDefaultRubric } from '../../../lib/rubric';
import { DEFAULT_CATEGORIES } from '../../../lib/taxonomy';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const tp = cartTouchpoint({ pageTitle: 'Cart', notes: '' });

/** Renders the detail of `tp`, opened on `kept` if given; answers the notes of every edit it
 * hands up (null: saved or discarded). */
function renderEditing(kept?: TouchpointForm): (string | null)[] {
  const edits: (string | null)[] = [];
  render(
    <TouchpointDetail
      touchpoint={tp}
      rubric={makeDefaultRubric(T)}
      categories={[...DEFAULT_CATEGORIES]}
      kept={kept}
      onEdit={(v) => edits.push(v && v.notes)}
      onSaved={() => {}}
      onDelete={() => {}}
      onClose={() => {}}
    />,
  );
  return edits;
}

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

  it('hands every correction up, and forgets it once saved', async () => {
    await getDb().touchpoints.put(tp);
    const edits = renderEditing();
    fireEvent.input(screen.getByTestId('tagger-notes'), {
      target: { value: 'Coupon field hidden' },
    });
    expect(edits).toEqual(['Coupon field hidden']);
    // A fresh correction is not announced as one brought back.
    expect(screen.queryByTestId('touchpoint-unsaved-back')).toBeNull();
    fireEvent.click(screen.getByTestId('touchpoint-save'));
    await screen.findByTestId('touchpoint-saved');
    expect(edits).toEqual(['Coupon field hidden', null]);
    expect(screen.queryByTestId('touchpoint-discard')).toBeNull();
    await getDb().touchpoints.delete(tp.id);
  });

  it('opens on the unsaved correction it is given, and Discard goes back to the stored one', () => {
    const edits = renderEditing({
      category: tp.category,
      stage: tp.stage,
      channel: tp.channel,
      scores: { ...tp.scores },
      notes: 'Half-typed correction',
      includeFieldValues: false,
    });
    const notes = screen.getByTestId('tagger-notes') as HTMLTextAreaElement;
    expect(notes.value).toBe('Half-typed correction');
    expect(screen.getByTestId('touchpoint-unsaved-back').textContent).toBe(
      'Your unsaved changes to this touchpoint are back. Save them or discard them.',
    );
    fireEvent.click(screen.getByTestId('touchpoint-discard'));
    expect(notes.value).toBe('');
    expect(edits).toEqual([null]);
    expect(screen.queryByTestId('touchpoint-unsaved-back')).toBeNull();
  });
});

describe('TouchpointDetail from the keyboard', () => {
  it('takes the focus as it opens, closes with Escape, and gives the focus back to what opened it', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn(() => cleanup());
    render(
      <TouchpointDetail
        touchpoint={tp}
        rubric={makeDefaultRubric(T)}
        categories={[...DEFAULT_CATEGORIES]}
        onSaved={() => {}}
        onDelete={() => {}}
        onClose={onClose}
      />,
    );
    // Its first field: the category, to correct.
    expect(document.activeElement).toBe(screen.getByTestId('tagger-category'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(opener));
    opener.remove();
  });
});
