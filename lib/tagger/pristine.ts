/**
 * Built-ins captured when the content script starts (document_start, before any page script).
 * Chrome's isolated world already keeps the page from replacing our copies of built-ins; these
 * references keep the tagger correct even where that isolation is weaker (other browsers).
 */
export interface Pristine {
  attachShadow: typeof Element.prototype.attachShadow;
  createElement: typeof Document.prototype.createElement;
  appendChild: typeof Node.prototype.appendChild;
  addEventListener: typeof EventTarget.prototype.addEventListener;
  elementFromPoint: typeof Document.prototype.elementFromPoint;
  MutationObserver: typeof MutationObserver;
  requestAnimationFrame: typeof requestAnimationFrame;
  now: () => number;
}

let captured: Pristine | undefined;

/** Captures the built-ins once; call first thing in the content script's main(). */
export function capturePristine(): Pristine {
  captured ??= {
    attachShadow: Element.prototype.attachShadow,
    createElement: Document.prototype.createElement,
    appendChild: Node.prototype.appendChild,
    addEventListener: EventTarget.prototype.addEventListener,
    elementFromPoint: Document.prototype.elementFromPoint,
    MutationObserver: window.MutationObserver,
    requestAnimationFrame: window.requestAnimationFrame.bind(window),
    now: performance.now.bind(performance),
  };
  return captured;
}

/** The captured built-ins (captured now if the content script did not do it yet). */
export const pristine = (): Pristine => captured ?? capturePristine();
