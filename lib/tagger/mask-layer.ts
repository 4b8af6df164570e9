import type { Box } from '../anchoring/position';
import type { SensitiveKind } from '../model';
import { sensitiveBoxes, type KindCount } from '../capture/redact';
import { drawn } from './drawn';
import { fieldMasks } from './fields';
import { mountHost, placeBox, surfaceOf, type HostLayer } from './host';
import { pristine } from './pristine';
import { pageTrees } from './page-trees';

/** What one capture masks: form fields (unless the shopper keeps their values) and which kinds
 * of personal data stay visible. */
export interface MaskRequest {
  fields: boolean;
  uncovered: readonly SensitiveKind[];
}

/** A mask left behind (the background stopped before removing it) goes by itself after this. */
export const MASK_MAX_MS = 5_000;

/** A frame's own mask layer, idle after a capture, is taken down after this (unless reused). */
export const LAYER_IDLE_MS = 60_000;

/**
 * The field masks of one frame during an evidence capture: opaque boxes over every visible
 * form field of this frame's document (each frame masks its own fields, so cross-origin chat
 * and payment frames are covered too). Where the tagger's layer is up (the frame the shopper
 * tags in), the masks are painted inside its closed shadow root: nothing new appears in the
 * page's document at the instant of capture, so a page watching its DOM cannot tell a capture
 * is under way and repaint for it. Elsewhere they get a closed-root layer of their own, mounted
 * at the first capture and reused by the next ones (a pick and its save are two captures), so
 * the page sees one element appear once rather than one per capture; it goes after
 * {@link LAYER_IDLE_MS} without a capture. `taggerHost` is the tagger's own layer, if any.
 *
 * The same boxes cover personal data shown as text (docs/REDACTION.md) anywhere in this frame's
 * viewport: a frame does not know which part of it the tab's capture takes, and searching the
 * whole viewport costs a few milliseconds. Kinds the shopper uncovered are counted, not drawn.
 */
export function createMaskLayer(css: string, taggerHost: () => Element | null) {
  let own: HostLayer | null = null;
  let painted: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const unmount = () => {
    own?.unmount();
    own = null;
  };

  function hide(): void {
    clearTimeout(timer);
    painted?.remove();
    painted = null;
    clearTimeout(idle);
    if (own) idle = setTimeout(unmount, LAYER_IDLE_MS);
  }

  /** Draws the masks and resolves once the browser has painted them; answers how many. */
  async function show(req: MaskRequest): Promise<{ masks: number; counts: KindCount[] }> {
    hide();
    const host = taggerHost();
    const viewport = { x: 0, y: 0, width: innerWidth, height: innerHeight };
    let counts: KindCount[] = [];
    // One look for the page's shadow roots serves both searches.
    const trees = pageTrees(document, host);
    const boxes = req.fields ? fieldMasks(document, host, trees) : [];
    try {
      const found = sensitiveBoxes(document, viewport, { skip: host, trees });
      counts = found.counts;
      for (const b of found.boxes) if (!req.uncovered.includes(b.kind)) boxes.push(b.rect);
    } catch (e) {
      // A page the search cannot read still gets its field masks.
      console.warn('[touchpoint-auditor] redaction failed', e);
    }
    if (boxes.length === 0) return { masks: 0, counts };
    await paint(boxes);
    return { masks: boxes.length, counts };
  }

  /** Adds opaque boxes to this capture's masks (the first ones of it, if none yet); painted. */
  async function paint(boxes: readonly Box[]): Promise<void> {
    const host = taggerHost();
    const p = pristine();
    if (!painted) {
      let surface = surfaceOf(host);
      if (!surface) {
        clearTimeout(idle);
        own ??= mountHost(css);
        surface = own.container;
      }
      painted = p.createElement.call(document, 'div') as HTMLElement;
      p.appendChild.call(surface, painted);
    }
    for (const b of boxes) {
      const mask = p.createElement.call(document, 'div') as HTMLElement;
      mask.className = 'mask';
      placeBox(mask, b);
      p.appendChild.call(painted, mask);
    }
    clearTimeout(timer);
    timer = setTimeout(hide, MASK_MAX_MS);
    await drawn();
  }

  return {
    show,
    /**
     * Covers these boxes too (sub-frames that did not mask themselves in time), until `hide`;
     * resolves once painted.
     */
    cover: (boxes: readonly Box[]) => paint(boxes),
    hide,
    /** This frame's own layer, if one is mounted (for tests). */
    ownLayer: () => own,
  };
}
