import type { Anchor } from '../model';
import { cssFromElement, cssToElements, lastTagOf } from './css-selector';
import {
  boxDistance,
  pageRectOf,
  positionToElement,
  roundBox,
  type Box,
  type RectOf,
} from './position';
import {
  quoteMatches,
  quoteScores,
  textQuoteFromElement,
  textQuoteCandidates,
  visibleText,
} from './text-quote';

/** Which of an anchor's selectors found the element again. */
export type MatchedBy = 'css' | 'text' | 'position';

/** An element found again from its anchor, and how. */
export interface Resolved {
  element: Element;
  matchedBy: MatchedBy;
}

/** What re-finding an anchor gave: the element and how it was found, or `none`. */
export type Anchored = Resolved | { element: null; matchedBy: 'none' };

/** Describes a tagged element as an anchor: CSS selector, text quote, box and frame path. */
export function anchorFromElement(
  el: Element,
  framePath: string[] = [],
  rectOf: RectOf = pageRectOf,
): Anchor {
  const quote = textQuoteFromElement(el);
  return {
    css: cssFromElement(el),
    text: quote.text,
    prefix: quote.prefix,
    suffix: quote.suffix,
    rect: roundBox(rectOf(el)),
    framePath,
    kind: 'element',
  };
}

/** An anchor for the whole page (the document's visible part when tagged). */
export function anchorForPage(doc: Document, framePath: string[] = []): Anchor {
  const view = doc.defaultView;
  const rect: Box = {
    x: view?.scrollX ?? 0,
    y: view?.scrollY ?? 0,
    width: view?.innerWidth ?? 0,
    height: view?.innerHeight ?? 0,
  };
  return {
    css: 'html',
    text: (doc.title ?? '').slice(0, 300),
    rect: roundBox(rect),
    framePath,
    kind: 'page',
  };
}

/** An anchor for a dragged rectangle (document coordinates); its text is what lies inside. */
export function anchorForRegion(rect: Box, text: string, framePath: string[] = []): Anchor {
  return { css: 'html', text: text.slice(0, 300), rect: roundBox(rect), framePath, kind: 'region' };
}

/**
 * One of equally good text matches: the only one; else, when the anchor kept a box, the one
 * whose box is closest to it; else none, since guessing between an element and its
 * look-alike, or a wrapper and what it wraps (two equally close boxes), may well be wrong.
 */
function closestOf(candidates: Element[], rect: Box, rectOf: RectOf): Element | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  if (rect.width <= 0 || rect.height <= 0) return null;
  let best: Element[] = [];
  let bestDistance = Infinity;
  for (const el of candidates) {
    const d = boxDistance(rectOf(el), rect);
    if (d < bestDistance) {
      best = [el];
      bestDistance = d;
    } else if (d === bestDistance) best.push(el);
  }
  return best.length === 1 ? best[0]! : null;
}

/**
 * Finds an anchor's element again in `doc` and says how: by the CSS selector when an element
 * it names still carries the quoted text (a selector that now names a look-alike is rejected),
 * else by the text quote in (roughly) the same context, else by the box it had when what is there now is plausibly the same
 * element (see `positionToElement`); `none` when nothing is left.
 */
export function anchorToElement(
  anchor: Anchor,
  doc: Document,
  rectOf: RectOf = pageRectOf,
): Anchored {
  if (anchor.kind === 'page' || anchor.kind === 'region') {
    return { element: doc.documentElement, matchedBy: 'css' };
  }
  const quote = { text: anchor.text, prefix: anchor.prefix ?? '', suffix: anchor.suffix ?? '' };
  const byCss = anchor.css ? cssToElements(anchor.css, doc) : [];
  // Without a quote, an element without text is preferred to look-alikes with some (a new one
  // placed before it); a selector that names one element only is taken as it is.
  let fitting = byCss.filter((el) => (quote.text ? quoteMatches(el, quote) : !visibleText(el)));
  if (!quote.text && !fitting.length && byCss.length === 1) fitting = byCss;
  const best = (el: Element) => {
    const s = quoteScores(el, quote);
    return s.text * 0.7 + s.context * 0.3;
  };
  // Of equals, the deepest (last in tree order): a new wrapper never wins over what it wraps.
  const byCssFit = fitting.reduce<Element | null>(
    (a, b) => (!a || best(b) >= best(a) ? b : a),
    null,
  );
  if (byCssFit) return { element: byCssFit, matchedBy: 'css' };
  const byText = closestOf(
    // Text alone is not enough where it repeats: the context must agree too, as for CSS.
    textQuoteCandidates(quote, doc, 0.75, lastTagOf(anchor.css), 0.5),
    anchor.rect,
    rectOf,
  );
  if (byText) return { element: byText, matchedBy: 'text' };
  const byPosition = positionToElement(
    { rect: anchor.rect, tag: lastTagOf(anchor.css), text: anchor.text },
    doc,
    rectOf,
  );
  if (byPosition) return { element: byPosition, matchedBy: 'position' };
  return { element: null, matchedBy: 'none' };
}
