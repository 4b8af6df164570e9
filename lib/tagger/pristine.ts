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

/**
 * Kept on the isolated world's global, which the document_start stub and the tagger loaded
 * later share: the tagger uses the stub's copies, taken before any page script ran.
 */
const world = globalThis as { tpaPristine?: Pristine };

/** Captures the built-ins once; call first thing in the content script's main(). */
export function capturePristine(): Pristine {
  world.tpaPristine ??= {
    attachShadow: Element.prototype.attachShadow,
    createElement: Document.prototype.createElement,
    appendChild: Node.prototype.appendChild,
    addEventListener: EventTarget.prototype.addEventListener,
    elementFromPoint: Document.prototype.elementFromPoint,
    MutationObserver: window.MutationObserver,
    requestAnimationFrame: window.requestAnimationFrame.bind(window),
    now: performance.now.bind(performance),
  };
  return world.tpaPristine;
}

/** The captured built-ins (captured now if the content script did not do it yet). */
export const pristine = (): Pristine => world.tpaPristine ?? capturePristine();
