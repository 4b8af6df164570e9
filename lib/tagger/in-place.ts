import { pristine } from './pristine';

/** The shadow roots the tagger attached to page elements, by element (one can never be removed). */
const attached = new WeakMap<Element, ShadowRoot>();
const own = new WeakSet<ShadowRoot>();

const purging = new WeakSet<Document>();

/**
 * The shadow root on body to mount in, for a document already seen deleting the tagger's host
 * at once (so later mounts go straight there); null for other documents.
 */
export const knownPurging = (doc: Document, mode: ShadowRootMode): ShadowRoot | null =>
  purging.has(doc) ? bodyRoot(doc, mode) : null;

/** Whether `root` is a shadow root the tagger attached to a page element (not the page's own). */
export const isOwnRoot = (root: ShadowRoot | null | undefined): boolean => !!root && own.has(root);

/**
 * A shadow root on the page's existing <body>, for pages that delete every node they did not
 * create the moment it is added: attaching a shadow root to an element already there adds no
 * node, so no MutationObserver of the page hears of it, nor of anything put inside. The root
 * holds a default `<slot>`, so body's own content renders as before. A shadow root cannot be
 * removed, so the first one is kept for the page's lifetime and reused; the tagger empties it
 * back to the bare slot when tagging ends. Null where body takes no shadow root (it has one
 * of the page's, or the document is a frameset).
 */
export function bodyRoot(doc: Document, mode: ShadowRootMode): ShadowRoot | null {
  const body = doc.body;
  if (!body) return null;
  purging.add(doc);
  const known = attached.get(body);
  if (known) return known;
  const p = pristine();
  try {
    const root = p.attachShadow.call(body, { mode });
    p.appendChild.call(root, p.createElement.call(doc, 'slot'));
    attached.set(body, root);
    own.add(root);
    return root;
  } catch {
    return null;
  }
}
