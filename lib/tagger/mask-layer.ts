import { fieldMasks } from './fields';
import { mountHost, surfaceOf, type HostLayer } from './host';
import { pristine } from './pristine';

/** A mask left behind (the background stopped before removing it) goes by itself after this. */
export const MASK_MAX_MS = 5_000;

const nextFrame = () => new Promise<void>((r) => pristine().requestAnimationFrame(() => r()));

/**
 * The field masks of one frame during an evidence capture: opaque boxes over every visible
 * form field of this frame's document (each frame masks its own fields, so cross-origin chat
 * and payment frames are covered too). Where the tagger's layer is up (the frame the shopper
 * tags in), the masks are painted inside its closed shadow root: nothing new appears in the
 * page's document at the instant of capture, so a page watching its DOM cannot tell a capture
 * is under way and repaint for it. Elsewhere they get a closed-root layer of their own for the
 * capture. `taggerHost` is the tagger's own layer, if any.
 */
export function createMaskLayer(css: string, taggerHost: () => Element | null) {
  let layer: HostLayer | null = null;
  let painted: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function hide(): void {
    clearTimeout(timer);
    painted?.remove();
    painted = null;
    layer?.unmount();
    layer = null;
  }

  /** Draws the masks and resolves once the browser has painted them; answers how many. */
  async function show(): Promise<{ masks: number }> {
    hide();
    const host = taggerHost();
    const boxes = fieldMasks(document, host);
    if (boxes.length === 0) return { masks: 0 };
    const p = pristine();
    const surface = surfaceOf(host);
    const into = p.createElement.call(document, 'div') as HTMLElement;
    if (surface) {
      painted = into;
      p.appendChild.call(surface, into);
    } else {
      layer = mountHost(css);
      p.appendChild.call(layer.container, into);
    }
    for (const b of boxes) {
      const mask = p.createElement.call(document, 'div') as HTMLElement;
      mask.className = 'mask';
      Object.assign(mask.style, {
        left: `${b.x}px`,
        top: `${b.y}px`,
        width: `${b.width}px`,
        height: `${b.height}px`,
      });
      p.appendChild.call(into, mask);
    }
    timer = setTimeout(hide, MASK_MAX_MS);
    await nextFrame();
    await nextFrame();
    return { masks: boxes.length };
  }

  return { show, hide };
}
