import type { Box } from '../anchoring/position';
import { pageTrees, type Tree } from './page-trees';

const FIELDS =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), textarea, select, [contenteditable]:not([contenteditable=false])';

/**
 * The viewport boxes of every visible form field (inputs, text areas, selects, editable
 * regions): the masks drawn over them while the tab is captured, so names, addresses and card
 * numbers stay out of the evidence unless the shopper includes them on purpose. `skip` is the
 * tagger's own host (its panel is hidden during a capture and has nothing of the page's);
 * `trees` the document's shadow roots with it, when the caller has looked for them already.
 */
export function fieldMasks(
  doc: Document,
  skip: Element | null = null,
  trees: readonly Tree[] = pageTrees(doc, skip),
): Box[] {
  const view = doc.defaultView;
  const w = view?.innerWidth ?? 0;
  const h = view?.innerHeight ?? 0;
  const found = trees.flatMap((tree) => Array.from(tree.querySelectorAll(FIELDS)));
  const boxes: Box[] = [];
  for (const el of found) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right < 0 || r.bottom < 0 || r.left > w || r.top > h)
      continue;
    boxes.push({ x: r.left - 1, y: r.top - 1, width: r.width + 2, height: r.height + 2 });
  }
  return boxes;
}
