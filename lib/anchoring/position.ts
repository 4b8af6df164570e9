/** A box in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Measures an element's box; injectable so tests can give layout-free DOMs a layout. */
export type RectOf = (el: Element) => Box;

/** The element's box in its document's coordinates (viewport box plus scroll). */
export const pageRectOf: RectOf = (el) => {
  const r = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  return {
    x: r.left + (view?.scrollX ?? 0),
    y: r.top + (view?.scrollY ?? 0),
    width: r.width,
    height: r.height,
  };
};

/** Rounds a box to whole pixels: anchors are data, and sub-pixel noise only hurts matching. */
export const roundBox = (b: Box): Box => ({
  x: Math.round(b.x),
  y: Math.round(b.y),
  width: Math.round(b.width),
  height: Math.round(b.height),
});

/** How far apart two boxes are: the sum of the differences of their edges. */
export function boxDistance(a: Box, b: Box): number {
  return (
    Math.abs(a.x - b.x) +
    Math.abs(a.y - b.y) +
    Math.abs(a.x + a.width - (b.x + b.width)) +
    Math.abs(a.y + a.height - (b.y + b.height))
  );
}

/**
 * The element whose box is closest to `rect`, if it is close enough (within a quarter of the
 * box's size plus a few pixels). The last resort when selectors and text no longer match.
 */
export function positionToElement(
  rect: Box,
  root: ParentNode,
  rectOf: RectOf = pageRectOf,
): Element | null {
  if (rect.width <= 0 || rect.height <= 0) return null;
  const tolerance = (rect.width + rect.height) / 4 + 8;
  let best: Element | null = null;
  let bestDistance = tolerance;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const d = boxDistance(rectOf(el), rect);
    if (d <= bestDistance) {
      best = el;
      bestDistance = d;
    }
  }
  return best;
}
