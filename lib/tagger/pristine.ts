/**
 * Built-ins the tagger uses, captured once when it starts in a frame. The content script's world
 * (Chrome's isolated world, Firefox's Xray views) already keeps the page from replacing them;
 * these references keep the tagger's own code from depending on that. The document_start stub
 * does not take them: each DOM interface a frame's script first touches is built for that frame,
 * and the stub runs in every frame.
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

/** Kept on the isolated world's global: one copy per frame, however often the tagger starts. */
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
