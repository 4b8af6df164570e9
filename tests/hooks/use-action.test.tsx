import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useAction } from '../../hooks/use-action';

afterEach(cleanup);

/** A button disabled while its action runs; the action may move the focus itself. */
function Export({ focusTo }: { focusTo?: string }) {
  const { busy, run } = useAction();
  const act = () =>
    run(async () => {
      // What Chromium does to a focused button that gets disabled: the focus goes to the body.
      (document.activeElement as HTMLElement | null)?.blur();
      await new Promise((r) => setTimeout(r, 10));
      if (focusTo) document.getElementById(focusTo)?.focus();
    });
  return (
    <>
      <button data-testid="export" disabled={busy} onClick={() => void act()}>
        Export
      </button>
      <input id="status" />
    </>
  );
}

describe('useAction and the focus', () => {
  it('gives the focus back to the control that started the action once it is enabled again', async () => {
    render(<Export />);
    const button = screen.getByTestId('export');
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('leaves the focus where the action put it', async () => {
    render(<Export focusTo="status" />);
    const button = screen.getByTestId('export');
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(document.getElementById('status'));
  });
});
