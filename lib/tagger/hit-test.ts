import { isOwnRoot } from './in-place';
import { pristine } from './pristine';

const contains = (r: DOMRect, x: number, y: number) =>
  x >= r.left && x < r.right && y >= r.top && y < r.bottom;

/**
 * An empty layer over most of the viewport (a transparent click-catcher, a tracking overlay):
 * never what a shopper means to tag, so the picker looks through it.
 */
export function isEmptyOverlay(el: Element): boolean {
  if (el.childElementCount > 0 || (el.textContent ?? '').trim() !== '') return false;
  const view = el.ownerDocument.defaultView;
  const r = el.getBoundingClientRect();
  return !!view && r.width * r.height >= 0.5 * view.innerWidth * view.innerHeight;
}

/** Walks down from `start` to the deepest last-painted child whose box holds the point. */
function descend(start: Element, x: number, y: number): Element {
  let el = start;
  for (;;) {
    const kids = el.children;
    let next: Element | null = null;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (contains(kid.getBoundingClientRect(), x, y) && !isEmptyOverlay(kid)) {
        next = kid;
        break;
      }
    }
    if (!next) return el;
    el = next;
  }
}

/**
 * The page element under a point, ignoring the tagger's own host. Looks into open shadow
 * roots. Where the page made everything ignore the pointer (`pointer-events: none` on body),
 * the browser answers with <html> or <body>; the boxes are then searched by hand.
 */
export function hitTest(doc: Document, x: number, y: number, host: Element | null): Element | null {
  let el: Element | null = pristine().elementFromPoint.call(doc, x, y);
  if (el === host) return null;
  if (el && isEmptyOverlay(el))
    el = doc.elementsFromPoint(x, y).find((e) => e !== host && !isEmptyOverlay(e)) ?? null;
  el ??= doc.documentElement;
  if (el === doc.documentElement || el === doc.body) el = doc.body ? descend(doc.body, x, y) : el;
  while (el.shadowRoot && !isOwnRoot(el.shadowRoot)) {
    const inner: Element | null = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** An element's parent, crossing out of a shadow root to its host. */
export function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
