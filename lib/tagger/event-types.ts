/**
 * Event types that have no `on…` handler property, so the DOM cannot list them: legacy and
 * deprecated events browsers still fire (or fired until lately), and the focus and composition
 * events some engines expose only through `addEventListener`.
 */
const UNLISTED = [
  'DOMActivate',
  'DOMFocusIn',
  'DOMFocusOut',
  'DOMCharacterDataModified',
  'DOMSubtreeModified',
  'DOMNodeInserted',
  'DOMNodeRemoved',
  'DOMNodeInsertedIntoDocument',
  'DOMNodeRemovedFromDocument',
  'DOMAttrModified',
  'DOMMouseScroll',
  'MozMousePixelScroll',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'focusin',
  'focusout',
  'selectionchange',
  'selectstart',
  'mouseenter',
  'mouseleave',
  'pointerenter',
  'pointerleave',
  'pointerrawupdate',
  'webkitAnimationEnd',
  'webkitAnimationIteration',
  'webkitAnimationStart',
  'webkitTransitionEnd',
];

/**
 * Never listened for: an `unload` listener changes how the page is kept in the back/forward
 * cache (and may be reported to the page by a permissions policy), device sensors and gamepad
 * polling start (and may ask for permission) as soon as anyone listens, and a `storage`
 * listener makes the frame subscribe to every change of its origin's local storage (measured:
 * 0.2–7 ms in each frame). None of them is an event of the shopper the guard would stop.
 */
const NEVER = new Set([
  'unload',
  'beforeunload',
  'devicemotion',
  'deviceorientation',
  'deviceorientationabsolute',
  'gamepadconnected',
  'gamepaddisconnected',
  'storage',
]);

/**
 * Every event type a page can listen for, read from the running browser: the names of the
 * `on…` handler properties of the Window, Document, Element, HTMLElement, SVGElement and
 * HTMLBodyElement prototypes (so a type the browser adds next year is covered without a release),
 * plus the types no property names.
 */
export function pageEventTypes(): string[] {
  const types = new Set(UNLISTED);
  // Not the window object itself: listing its own properties makes every global of the
  // extension's world (about a thousand) in each frame. The window's own handlers are the
  // body element's too (`onhashchange`, `onmessage`, `onpagehide`…).
  const sources: object[] = [Window.prototype, Document.prototype, Element.prototype];
  for (const ctor of [globalThis.HTMLElement, globalThis.SVGElement, globalThis.HTMLBodyElement])
    if (ctor) sources.push(ctor.prototype);
  for (const source of sources)
    for (const name of Object.getOwnPropertyNames(source))
      if (/^on[a-z]/.test(name)) types.add(name.slice(2));
  for (const type of NEVER) types.delete(type);
  return [...types];
}

/** Caused by the shopper but not UI events: stopped on their way to page elements while tagging. */
export const SHOPPER = new Set([
  // The window's own focus and blur (plain events, not UI events): the focus going into the
  // tagger's frame and back would tell the page when the shopper works in the panel.
  'focus',
  'blur',
  'selectionchange',
  'selectstart',
  'select',
  'change',
  'submit',
  'reset',
  'invalid',
  'search',
  'copy',
  'cut',
  'paste',
  'beforecopy',
  'beforecut',
  'beforepaste',
  'input',
  'DOMCharacterDataModified',
  'DOMSubtreeModified',
  'DOMNodeInserted',
  'DOMNodeRemoved',
]);

/** UI events the page may keep seeing while tagging: they tell of its window, not the shopper. */
export const ENVIRONMENT = new Set(['resize', 'scroll', 'scrollend']);
