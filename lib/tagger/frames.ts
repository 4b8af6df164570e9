import type { Box } from '../anchoring/position';
import { frameIdOf } from '../messaging/runtime';
import { shadowRootOf } from './shadow-root-of';

const sameDocUrl = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/**
 * The iframe element of this document that shows the frame with `frameId` (or, where the
 * browser cannot tell frame ids from elements, the one loading `frameUrl`).
 */
export function findFrameElement(
  doc: Document,
  frameId: number | undefined,
  frameUrl: string,
  frames: readonly (HTMLIFrameElement | HTMLFrameElement)[] = Array.from(
    doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'),
  ),
): HTMLIFrameElement | HTMLFrameElement | null {
  if (frameId !== undefined) {
    const byId = frames.find((f) => frameIdOf(f) === frameId);
    if (byId) return byId;
  }
  return frames.find((f) => f.src && sameDocUrl(f.src, frameUrl)) ?? null;
}

/**
 * Every iframe and frame element of a document, those inside its shadow roots (open or closed)
 * too: a chat widget may frame its conversation inside its own shadow tree.
 */
export function frameElementsDeep(doc: Document): (HTMLIFrameElement | HTMLFrameElement)[] {
  const found: (HTMLIFrameElement | HTMLFrameElement)[] = [];
  const roots: ParentNode[] = [doc];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.localName === 'iframe' || el.localName === 'frame')
        found.push(el as HTMLIFrameElement | HTMLFrameElement);
      const inner = shadowRootOf(el);
      if (inner) roots.push(inner);
    }
  }
  return found;
}

/** Where a frame's viewport starts in this document's viewport (inside border and padding). */
export function frameContentOrigin(frame: Element): { x: number; y: number } {
  const r = frame.getBoundingClientRect();
  const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
  const px = (v: string | undefined) => Number.parseFloat(v ?? '0') || 0;
  return {
    x: r.left + frame.clientLeft + px(style?.paddingLeft),
    y: r.top + frame.clientTop + px(style?.paddingTop),
  };
}

/** A box in a frame's viewport moved into the parent's viewport. */
export const toParentViewport = (rect: Box, origin: { x: number; y: number }): Box => ({
  ...rect,
  x: rect.x + origin.x,
  y: rect.y + origin.y,
});
