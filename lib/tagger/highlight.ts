import { anchorToElement, type MatchedBy } from '../anchoring/anchor';
import { cssToElement } from '../anchoring/css-selector';
import type { Box } from '../anchoring/position';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/translate';
import type { Anchor } from '../model';
import type { ForwardToFrame, ShowAnchorResult } from '../messaging/protocol';
import { mountHost, placeBox, type HostLayer } from './host';
import { liveRect } from './place';
import { pristine } from './pristine';

/** How long the outline stays when the shopper does nothing. */
export const HIGHLIGHT_MS = 8_000;

const LABELS: Record<MatchedBy, MessageKey> = {
  css: 'tagger.highlight.css',
  text: 'tagger.highlight.text',
  position: 'tagger.highlight.position',
};

/** The first step of a frame path as an iframe of `doc`, or its URL when it is one. */
function frameTarget(step: string, doc: Document): ForwardToFrame | null {
  const el = cssToElement(step, doc);
  if (el?.localName === 'iframe' || el?.localName === 'frame') {
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const src = (el as HTMLIFrameElement).src;
    return src ? { forwardTo: { frameUrl: src } } : null;
  }
  // Frames tagged where the iframe element could not be told apart keep the frame's URL.
  return /^https?:\/\//i.test(step) ? { forwardTo: { frameUrl: step } } : null;
}

/** Scrolls the anchored thing into view; returns how to read its viewport box from now on. */
function reveal(anchor: Anchor, el: Element): () => Box | null {
  if (anchor.kind === 'page') return () => ({ x: 0, y: 0, width: innerWidth, height: innerHeight });
  if (anchor.kind === 'region') {
    const r = anchor.rect;
    scrollTo({
      left: Math.max(0, r.x - 40),
      top: Math.max(0, r.y - innerHeight / 3),
      behavior: 'instant',
    });
    return () => ({ ...r, x: r.x - scrollX, y: r.y - scrollY });
  }
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  return () => liveRect(el);
}

/**
 * "Show on page" in one frame: finds an anchor's element again, scrolls to it and outlines it
 * with a small label in a closed shadow root of its own. The outline goes on Escape, on a
 * click, or after {@link HIGHLIGHT_MS}; then nothing of it is left on the page.
 */
export function createHighlighter(css: string) {
  let layer: HostLayer | null = null;
  let stopWatching: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function dismiss(): void {
    clearTimeout(timer);
    stopWatching?.abort();
    stopWatching = null;
    layer?.unmount();
    layer = null;
  }

  function draw(boxOf: () => Box | null, label: string, matchedBy: MatchedBy): void {
    dismiss();
    const p = pristine();
    const current = mountHost(css);
    layer = current;
    const box = p.createElement.call(document, 'div') as HTMLElement;
    box.className = 'highlight shown';
    box.dataset.testid = 'tagger-highlight';
    box.dataset.matchedBy = matchedBy;
    const tag = p.createElement.call(document, 'span') as HTMLElement;
    tag.className = 'highlight-label';
    tag.textContent = label;
    p.appendChild.call(box, tag);
    p.appendChild.call(current.container, box);

    // Follow the element while the page scrolls or reflows, one frame at a time.
    const place = () => {
      if (layer !== current) return;
      const r = boxOf();
      box.style.display = r ? 'block' : 'none';
      if (r) placeBox(box, r);
      p.requestAnimationFrame(place);
    };
    place();

    stopWatching = new AbortController();
    const opts = { capture: true, signal: stopWatching.signal };
    const onKey = (e: Event) => e.isTrusted && (e as KeyboardEvent).key === 'Escape' && dismiss();
    const onPoint = (e: Event) => e.isTrusted && dismiss();
    // The isolated world keeps the page from replacing these; the signal removes both at once.
    window.addEventListener('keydown', onKey, opts);
    window.addEventListener('pointerdown', onPoint, opts);
    timer = setTimeout(dismiss, HIGHLIGHT_MS);
  }

  /** Finds and outlines `anchor` in this frame, or says which sub-frame holds it. */
  function show(anchor: Anchor): ShowAnchorResult | ForwardToFrame {
    const [step] = anchor.framePath;
    if (step !== undefined) {
      dismiss();
      return frameTarget(step, document) ?? { matchedBy: 'none' };
    }
    const found = anchorToElement(anchor, document);
    if (!found.element) {
      dismiss();
      return { matchedBy: 'none' };
    }
    draw(reveal(anchor, found.element), t(LABELS[found.matchedBy]), found.matchedBy);
    return { matchedBy: found.matchedBy };
  }

  return { show, dismiss };
}
