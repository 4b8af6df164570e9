/** The engine's way to read a closed shadow root from an extension, where it has one. */
interface ClosedRootApi {
  openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null;
}

/**
 * An element's shadow root, open or closed: Chrome gives content scripts closed roots through
 * `chrome.dom.openOrClosedShadowRoot`, Firefox through `element.openOrClosedShadowRoot()`.
 * Elsewhere only open roots are reachable. The one place that knows which engine does what.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  const firefox = (el as { openOrClosedShadowRoot?: () => ShadowRoot | null })
    .openOrClosedShadowRoot;
  if (typeof firefox === 'function') return firefox.call(el) ?? null;
  const chromeDom = (globalThis as { chrome?: { dom?: ClosedRootApi } }).chrome?.dom;
  if (chromeDom?.openOrClosedShadowRoot && el instanceof HTMLElement) {
    try {
      return chromeDom.openOrClosedShadowRoot(el) ?? null;
    } catch {
      // An element that cannot host a shadow root.
    }
  }
  return el.shadowRoot;
}
