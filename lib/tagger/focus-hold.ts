/**
 * Where the focus last was inside each UI root. Focus moving within a shadow root never
 * reaches the window (the event stops at the root), so the root itself is listened to.
 */
const lastFocus = new WeakMap<ShadowRoot, EventTarget | null>();

/** Starts following where the focus is inside `root` (once per root). */
export function watchFocus(root: ShadowRoot): void {
  if (lastFocus.has(root)) return;
  lastFocus.set(root, null);
  root.addEventListener('focusin', (e) => lastFocus.set(root, e.target), true);
}

/** Moves the focus back into the tagger's UI (where it last was, else its first control). */
export function refocus(root: ShadowRoot): void {
  if (root.activeElement) return;
  const last = lastFocus.get(root);
  const home =
    last instanceof HTMLElement && last.isConnected && root.contains(last)
      ? last
      : root.querySelector<HTMLElement>('textarea, input, select, button');
  home?.focus({ preventScroll: true });
}
