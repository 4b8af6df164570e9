import { visibleText } from './text-quote';

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

/** How much a box may have grown or shrunk (width and height each) and still be the same. */
export const SIZE_TOLERANCE = 0.25;
/** How far a box's left and top edges may have moved, in CSS pixels, and still be the same. */
export const OFFSET_TOLERANCE = 16;
/** Share of words an element's text must have in common with the quote to be the same. */
export const WORD_OVERLAP = 0.5;

/** Whether `box` is where `rect` was: about the same size, edges moved only a little. */
export function boxFits(box: Box, rect: Box): boolean {
  // A pixel more than the tolerances allow, for rounding: stored boxes are whole pixels.
  const sizeFits = (now: number, was: number) => Math.abs(now - was) <= was * SIZE_TOLERANCE + 1;
  return (
    sizeFits(box.width, rect.width) &&
    sizeFits(box.height, rect.height) &&
    Math.abs(box.x - rect.x) <= OFFSET_TOLERANCE + 1 &&
    Math.abs(box.y - rect.y) <= OFFSET_TOLERANCE + 1
  );
}

/** The distinct words of a text, lower-cased (letters and digits of any script). */
export const wordsOf = (text: string): Set<string> =>
  new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Words two texts share, as a share of the longer one's words, 0–1. */
export function wordOverlap(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const longest = Math.max(wa.size, wb.size);
  if (!longest) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / longest;
}

/** What is known of the tagged element when only its box is left to find it by. */
export interface PositionClue {
  /** The box it had. */
  rect: Box;
  /** Its tag; without one, the box alone cannot tell elements apart and nothing is found. */
  tag: string | null;
  /** Its text as quoted (empty when it had none). */
  text: string;
}

/**
 * The element now at the tagged element's box, only when it is plausibly the same element:
 * the same tag; width and height within a quarter of what they were, left and top edges
 * within `OFFSET_TOLERANCE` pixels; and, when the element had text, half of the words in
 * common with it. Of the elements of that tag whose boxes fit, the closest is the only one
 * considered (a look-alike further away never wins over it), and two equally close (a box
 * inside a box of the same size) are too ambiguous to pick from. The last resort when
 * selectors and text no longer match.
 */
export function positionToElement(
  clue: PositionClue,
  root: ParentNode,
  rectOf: RectOf = pageRectOf,
): Element | null {
  const { rect, tag, text } = clue;
  if (!tag || rect.width <= 0 || rect.height <= 0) return null;
  let best: Element[] = [];
  let bestDistance = Infinity;
  for (const el of Array.from(root.querySelectorAll(tag))) {
    const box = rectOf(el);
    if (!boxFits(box, rect)) continue;
    const d = boxDistance(box, rect);
    if (d < bestDistance) {
      best = [el];
      bestDistance = d;
    } else if (d === bestDistance) best.push(el);
  }
  if (best.length !== 1) return null;
  const el = best[0]!;
  if (text && wordOverlap(visibleText(el), text) < WORD_OVERLAP) return null;
  return el;
}
