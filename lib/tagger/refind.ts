import { anchorFromElement, anchorToElement } from '../anchoring/anchor';
import type { Anchor } from '../model';
import type { ForwardToFrame, RefindResult } from '../messaging/protocol';
import type { createHighlighter } from './highlight';

/**
 * "Visit again" in one frame: outlines the anchor as "show on page" does and answers how its
 * element was found, with the element's anchor as the page is now (a page or region anchor
 * stays as it was), so the re-audit describes the current page.
 */
export function refindAnchor(
  anchor: Anchor,
  highlighter: ReturnType<typeof createHighlighter>,
): RefindResult | ForwardToFrame {
  const shown = highlighter.show(anchor);
  if ('forwardTo' in shown) return shown;
  if (shown.matchedBy === 'none') return { matchedBy: 'none', anchor: null };
  const element = anchor.kind === 'element' ? anchorToElement(anchor, document).element : null;
  return { matchedBy: shown.matchedBy, anchor: element ? anchorFromElement(element) : anchor };
}
