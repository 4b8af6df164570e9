import { fieldMasks } from './fields';
import { mountHost, type HostLayer } from './host';
import { pristine } from './pristine';

/** A mask left behind (the background stopped before removing it) goes by itself after this. */
export const MASK_MAX_MS = 5_000;

const nextFrame = () => new Promise<void>((r) => pristine().requestAnimationFrame(() => r()));

/**
 * The field masks of one frame during an evidence capture: opaque boxes over every visible
 * form field of this frame's document, drawn in a closed shadow root of their own (each frame
 * masks its own fields, so cross-origin chat and payment frames are covered too). Nothing is
 * on the page before `show` or after `hide`. `taggerHost` is the tagger's own layer, if any.
 */
export function createMaskLayer(css: string, taggerHost: () => Element | null) {
  let layer: HostLayer | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function hide(): void {
    clearTimeout(timer);
    layer?.unmount();
    layer = null;
  }

  /** Draws the masks and resolves once the browser has painted them; answers how many. */
  async function show(): Promise<{ masks: number }> {
    hide();
    const boxes = fieldMasks(document, taggerHost());
    if (boxes.length === 0) return { masks: 0 };
    const p = pristine();
    const current = mountHost(css);
    layer = current;
    for (const b of boxes) {
      const mask = p.createElement.call(document, 'div') as HTMLElement;
      mask.className = 'mask';
      Object.assign(mask.style, {
        left: `${b.x}px`,
        top: `${b.y}px`,
        width: `${b.width}px`,
        height: `${b.height}px`,
      });
      p.appendChild.call(current.container, mask);
    }
    timer = setTimeout(hide, MASK_MAX_MS);
    await nextFrame();
    await nextFrame();
    return { masks: boxes.length };
  }

  return { show, hide };
}
