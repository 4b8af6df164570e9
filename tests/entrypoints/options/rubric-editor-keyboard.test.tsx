import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { open, useFreshDb } from './rubrics-harness';

useFreshDb();

const label = (i: number) => (screen.getByTestId(`criterion-label-${i}`) as HTMLInputElement).value;

describe('moving a criterion from the keyboard', () => {
  it('keeps the focus on the criterion moved, so pressing again moves it on', async () => {
    await open();
    const first = label(0);
    const down = screen.getByTestId('criterion-down-0');
    down.focus();
    fireEvent.click(down);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByTestId('criterion-down-1')),
    );
    fireEvent.click(document.activeElement!);
    await waitFor(() => expect(label(2)).toBe(first));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByTestId('criterion-down-2')),
    );
  });

  it('at the end of the list, leaves the focus on the button that can still move it', async () => {
    await open();
    const up = screen.getByTestId('criterion-up-1');
    up.focus();
    fireEvent.click(up);
    // First now: it cannot go up, so the focus is on its "move down".
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByTestId('criterion-down-0')),
    );
  });
});
