/**
 * Gives the focus back to `to` once the page has drawn, if it was lost meanwhile: a control
 * disabled while its action runs, or a form or panel taken away, drops the focus to the page's
 * body, and a keyboard or screen reader user loses their place. Nothing happens when the focus
 * went somewhere on purpose, or when `to` is gone or disabled.
 */
export function giveFocusBack(to: Element | null): void {
  if (!(to instanceof HTMLElement) || to === document.body) return;
  requestAnimationFrame(() => {
    const now = document.activeElement;
    const lost = !now || now === document.body;
    if (lost && to.isConnected && !(to as HTMLButtonElement).disabled) to.focus();
  });
}
