import { isOwnRoot } from './in-place';
import { shadowRootOf } from './shadow-root-of';

/** A document or one of the shadow roots in it: what `querySelectorAll` and a text walk cover. */
export type Tree = Document | ShadowRoot;

/**
 * A document and every shadow root in it, nested ones too: the page's closed roots where the
 * browser lets us reach them, never the roots the tagger attached to page elements, nor
 * anything under `skip` (the tagger's host). Finding a closed root costs a call into the
 * engine per element, so a capture looks once and hands the list to both of its searches
 * (form fields, personal data in text).
 */
export function pageTrees(doc: Document, skip: Element | null = null): Tree[] {
  const trees: Tree[] = [doc];
  for (let i = 0; i < trees.length; i++) {
    const all = trees[i]!.querySelectorAll('*');
    for (let j = 0; j < all.length; j++) {
      const el = all[j]!;
      if (el === skip) continue;
      const inner = shadowRootOf(el);
      if (inner && !isOwnRoot(inner)) trees.push(inner);
    }
  }
  return trees;
}
