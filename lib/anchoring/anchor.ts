import type { Anchor } from '../model';
import { cssFromElement, cssToElement } from './css-selector';
import { pageRectOf, positionToElement, roundBox, type Box, type RectOf } from './position';
import { quoteMatches, textQuoteFromElement, textQuoteToElement } from './text-quote';

/** Which of an anchor's selectors found the element again. */
export type MatchedBy = 'css' | 'text' | 'position';

/** An element found again from its anchor, and how. */
export interface Resolved {
  element: Element;
  matchedBy: MatchedBy;
}

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
 * Finds an anchor's element again in `doc`: the CSS selector when the element it names still
 * carries the quoted text, else the text quote, else the selector alone, else the box.
 * Returns null when nothing matches.
 */
export function anchorToElement(
  anchor: Anchor,
  doc: Document,
  rectOf: RectOf = pageRectOf,
): Resolved | null {
  if (anchor.kind === 'page' || anchor.kind === 'region') {
    return { element: doc.documentElement, matchedBy: 'css' };
  }
  const quote = { text: anchor.text, prefix: anchor.prefix ?? '', suffix: anchor.suffix ?? '' };
  const byCss = anchor.css ? cssToElement(anchor.css, doc) : null;
  if (byCss && (!quote.text || quoteMatches(byCss, quote)))
    return { element: byCss, matchedBy: 'css' };
  const byText = textQuoteToElement(quote, doc);
  if (byText) return { element: byText, matchedBy: 'text' };
  if (byCss) return { element: byCss, matchedBy: 'css' };
  const byPosition = positionToElement(anchor.rect, doc, rectOf);
  return byPosition ? { element: byPosition, matchedBy: 'position' } : null;
}
