import { isOwnRoot } from './in-place';
import { pristine } from './pristine';

const contains = (r: DOMRect, x: number, y: number) =>
  x >= r.left && x < r.right && y >= r.top && y < r.bottom;

/** Elements that draw by what they are (media, form controls, embedded content). */
const REPLACED =
  /^(img|svg|video|canvas|iframe|frame|embed|object|input|select|textarea|button|hr)$/;

/** How many elements one look-through check may inspect before assuming something draws. */
const BUDGET = 250;

const clear = (color: string) =>
  !color || color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);

const on = (v: string | undefined) => !!v && v !== 'none';

/**
 * Whether the element's own box puts something on screen: media, background, border, shadow,
 * outline, an icon in a pseudo-element. (Its text is looked at with its children.)
 */
function drawsItself(view: Window, el: Element, cs: CSSStyleDeclaration): boolean {
  if (REPLACED.test(el.localName)) return true;
  if (cs.visibility === 'hidden') return false;
  if (!clear(cs.backgroundColor) || on(cs.backgroundImage) || on(cs.boxShadow)) return true;
  if (on(cs.outlineStyle) && parseFloat(cs.outlineWidth) > 0) return true;
  for (const side of ['top', 'right', 'bottom', 'left']) {
    const style = cs.getPropertyValue(`border-${side}-style`);
    if (on(style) && style !== 'hidden' && parseFloat(cs.getPropertyValue(`border-${side}-width`)))
      return true;
  }
  // An icon drawn by ::before or ::after (an icon font, a CSS shape) is something to see.
  return ['::before', '::after'].some((p) => {
    const c = view.getComputedStyle(el, p).content;
    return on(c) && c !== 'normal' && c !== '""';
  });
}

/**
 * Whether an element draws nothing at all — no text, background, border, image, shadow or
 * outline, nor any descendant that does (a transparent click-catcher, a player's loading
 * layer, an empty lazy-load placeholder). The picker looks through such elements. A subtree
 * too big to inspect counts as drawing, so the picker never skips what it could not check.
 */
export function drawsNothing(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  let budget = BUDGET;
  const draws = (node: Element): boolean => {
    if (--budget < 0) return true;
    const cs = view.getComputedStyle(node);
    if (cs.display === 'none' || cs.opacity === '0') return false;
    if (drawsItself(view, node, cs)) return true;
    if (node.shadowRoot && !isOwnRoot(node.shadowRoot)) {
      for (const kid of Array.from(node.shadowRoot.children)) if (draws(kid)) return true;
    }
    // Its text and its children in one pass, within the budget: a grid of 2,500 cells is
    // known to draw at its first cell, not after a look at every child for text.
    const ownText = cs.visibility !== 'hidden';
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        if (draws(n as Element)) return true;
      } else if (n.nodeType === 3 && ownText && (n.nodeValue ?? '').trim() !== '') return true;
      else if (--budget < 0) return true;
    }
    return false;
  };
  return !draws(el);
}

/** Everything stacked under a point, topmost first: the page's elements, not <html> or our host. */
export function stackAt(doc: Document, x: number, y: number, host: Element | null): Element[] {
  return doc.elementsFromPoint(x, y).filter((e) => e !== host && e !== doc.documentElement);
}

/** Walks down from `start` to the deepest last-painted child whose box holds the point. */
function descend(start: Element, x: number, y: number): Element {
  let el = start;
  for (;;) {
    const kids = el.children;
    let next: Element | null = null;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (contains(kid.getBoundingClientRect(), x, y) && !drawsNothing(kid)) {
        next = kid;
        break;
      }
    }
    if (!next) return el;
    el = next;
  }
}

/**
 * The page element under a point that the shopper sees, ignoring the tagger's own host:
 * layers that draw nothing are looked through. Looks into open shadow roots. Where the page
 * made everything ignore the pointer (`pointer-events: none` on body), the browser answers
 * with <html> or <body>; the boxes are then searched by hand.
 */
export function hitTest(doc: Document, x: number, y: number, host: Element | null): Element | null {
  // Our pointer-catching layer (see `TaggerView.letThrough`) is over the page while picking:
  // with it, one look at the whole stack under the point (asked once, used twice).
  let stack: Element[] | null = null;
  const under = () => (stack ??= stackAt(doc, x, y, host));
  let el: Element | null = host
    ? (under()[0] ?? null)
    : pristine().elementFromPoint.call(doc, x, y);
  if (el && el !== doc.documentElement && el !== doc.body && drawsNothing(el))
    el = under().find((e) => !drawsNothing(e)) ?? el;
  el ??= doc.documentElement;
  if (el === doc.documentElement || el === doc.body) el = doc.body ? descend(doc.body, x, y) : el;
  for (let root = el.shadowRoot; root && !isOwnRoot(root); root = el.shadowRoot) {
    // The topmost element of this root, not ours above it (retargeted into this scope).
    const inner = root.elementsFromPoint(x, y).find((e) => root.contains(e));
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
