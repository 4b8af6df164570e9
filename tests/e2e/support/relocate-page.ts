/**
 * Bundled into a demo storefront page by tests/e2e/demo.test.ts: finds a stored anchor again
 * in the page as it is now, as a re-audit does, and says how and whether its text changed.
 */
import { anchorToElement, textQuoteFromElement } from '@/lib/anchoring';
import type { Anchor, RelocatedBy } from '@/lib/model';

function relocate(anchor: Anchor): { relocatedBy: RelocatedBy; textChanged: boolean } {
  const { element, matchedBy } = anchorToElement(anchor, document);
  return {
    relocatedBy: matchedBy,
    textChanged: !!element && textQuoteFromElement(element).text !== anchor.text,
  };
}

(globalThis as unknown as { tpaRelocate: typeof relocate }).tpaRelocate = relocate;
