/** The engine's way to read a closed shadow root from an extension, where it has one. */
interface ClosedRootApi {
  openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** The elements the DOM lets a shadow root be attached to, besides custom elements. */
const HOSTS = new Set(
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(
    ' ',
  ),
);

/**
 * Whether `el` can have a shadow root at all (`attachShadow` and declarative shadow roots take
 * only these): HTML elements of the list above and autonomous custom elements (a hyphen in
 * the name). A link, a cell, an image or an SVG shape never has one.
 */
const canHost = (el: Element): boolean =>
  el.namespaceURI === HTML_NS && (HOSTS.has(el.localName) || el.localName.includes('-'));

/**
 * An element's shadow root, open or closed: Chrome gives content scripts closed roots through
 * `chrome.dom.openOrClosedShadowRoot`, Firefox through `element.openOrClosedShadowRoot()`.
 * Elsewhere only open roots are reachable. The one place that knows which engine does what.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  // Asking the engine costs a few microseconds an element, and a capture asks of every one.
  if (!canHost(el)) return null;
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
