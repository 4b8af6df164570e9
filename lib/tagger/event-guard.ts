import { ENVIRONMENT, pageEventTypes, SHOPPER } from './event-types';
import { refocus, watchFocus } from './focus-hold';
import { isOwnHost } from './host';
import { pristine } from './pristine';

/** The UI events replayed inside the shadow root, so the panel's own handlers run. */
const REPLAYED = new Set([
  'pointerdown',
  'pointerup',
  'pointermove',
  'pointerover',
  'pointerout',
  'pointercancel',
  'mousedown',
  'mouseup',
  'mousemove',
  'mouseover',
  'mouseout',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'wheel',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'focus',
  'blur',
  'focusin',
  'focusout',
  'touchstart',
  'touchmove',
  'touchend',
  'dragstart',
  'selectstart',
  'paste',
  'copy',
  'cut',
  'compositionstart',
  'compositionupdate',
  'compositionend',
]);

/** Clones made from trusted events of the tagger's UI (see `isGenuine`). */
const genuine = new WeakSet<Event>();

/**
 * Whether an event the panel's handlers got is the replay of a trusted event of the tagger's
 * UI (the shopper's own click or key press on it), not one a page made or aimed elsewhere.
 */
export const isGenuine = (e: Event): boolean => genuine.has(e);

/** Fields copied onto the clone of a UI event (whatever of them the event has). */
const INIT_KEYS = [
  'bubbles',
  'cancelable',
  'view',
  'detail',
  'screenX',
  'screenY',
  'clientX',
  'clientY',
  'ctrlKey',
  'shiftKey',
  'altKey',
  'metaKey',
  'button',
  'buttons',
  'key',
  'code',
  'location',
  'repeat',
  'isComposing',
  'charCode',
  'keyCode',
  'data',
  'inputType',
  'deltaX',
  'deltaY',
  'deltaZ',
  'deltaMode',
  'pointerId',
  'width',
  'height',
  'pressure',
  'pointerType',
  'isPrimary',
];

/** A modal handler (picker, panel drag): gets every trusted event; true blocks it from the page. */
export type ModalHandler = (e: Event) => boolean;

/** The guard's wiring, set by the tagger as it opens and closes. */
export interface GuardState {
  /** The tagger's host element while its UI is mounted. */
  host: Element | null;
  /** Its (closed) shadow root, where UI events are re-dispatched. */
  root: ShadowRoot | null;
  /** Takes every trusted event while set. */
  modal: ModalHandler | null;
  /** Alt+Shift+T pressed on the page. */
  onShortcut: () => void;
  /** While the panel is open: focus is held in the tagger's UI, never in the page. */
  holdFocus?: boolean;
  /** Escape pressed while the panel is open but the focus was not in it. */
  onEscape?: () => void;
  /** Puts the tagger's layer back on top and as it should look (`force`: re-show it). */
  reassert?: ((force: boolean) => void) | null;
  /** Set by the guard: re-registers it if the page erased it; false if it still is not alive. */
  ensure?: () => boolean;
}

/** The element inside our shadow root an event was meant for (closed roots hide it). */
function innerTarget(e: Event, root: ShadowRoot): Element | null {
  const m = e as MouseEvent;
  const pointed = typeof m.clientX === 'number' && (e.type !== 'click' || m.detail > 0);
  if (pointed) return root.elementFromPoint(m.clientX, m.clientY) ?? root.activeElement;
  return root.activeElement;
}

/**
 * Re-dispatches a UI event inside the shadow root as a non-composed clone, after the original
 * was stopped at the window: the page's own listeners (even capture listeners on window that
 * stop everything) never see the shopper's clicks and key presses in the panel, and the
 * panel's handlers still run. Default actions (typing, focusing) come from the original.
 */
function reroute(e: Event, root: ShadowRoot): void {
  const target = innerTarget(e, root);
  if (!target) return;
  const init: Record<string, unknown> = { composed: false };
  for (const key of INIT_KEYS)
    if (key in e) init[key] = (e as unknown as Record<string, unknown>)[key];
  const Ctor = e.constructor as new (type: string, init: unknown) => Event;
  let clone = new Ctor(e.type, init);
  if (clone.composed) {
    // Firefox makes every script-made KeyboardEvent composed, whatever it is asked: that copy
    // would leave the shadow root for the window, where this guard stops it. A UIEvent of the
    // same type carrying the same fields stays inside, and the panel reads it the same way.
    clone = new UIEvent(e.type, init as UIEventInit);
    for (const key in init)
      if (!(key in clone)) Object.defineProperty(clone, key, { value: init[key] });
  }
  genuine.add(clone);
  if (!target.dispatchEvent(clone)) e.preventDefault();
}

/**
 * Whether an event reaching the window came from the tagger's UI: its target is the host, or,
 * with the host inside a shadow root on a page element (see `bodyRoot`), that element while
 * the pointer or the focus is in the UI.
 */
function fromUi(e: Event, state: GuardState): boolean {
  const { host, root } = state;
  if (!host || !root) return !!host && e.target === host;
  if (e.target === host) return true;
  const outer = host.getRootNode();
  if (!(outer instanceof ShadowRoot) || e.target !== outer.host) return false;
  const inner = innerTarget(e, root);
  return !!inner && root.contains(inner);
}

const isShortcut = (e: Event): boolean => {
  const k = e as KeyboardEvent;
  return (
    e.type === 'keydown' && k.altKey && k.shiftKey && !k.ctrlKey && !k.metaKey && k.code === 'KeyT'
  );
};

/**
 * Registers the tagger's capture-phase listeners on window, for every event type a page can
 * listen for (see `pageEventTypes`). Called at document_start, before any page script, so they
 * run before every page listener. Until tagging starts they only watch for the shortcut; events
 * the page crafts itself (untrusted) never drive the tagger. While tagging, the page hears
 * nothing the shopper does: events of the UI are stopped (and replayed inside the shadow root),
 * as are UI events and selection, clipboard and form events aimed at the page; while the panel
 * is open the focus stays in it. `document.open()` erases every listener of the window: an
 * observer of the document re-registers them when its element is replaced, and `ensure`
 * checks (with an event of a private type) that they still run.
 */
export function installEventGuard(state: GuardState): void {
  const probe = `tpa-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  let alive = false;
  const listener = (e: Event) => {
    if (e.type === probe) {
      alive = true;
      e.stopImmediatePropagation();
      return;
    }
    const tagging = !!state.host;
    if (isOwnHost(e.target) || (tagging && fromUi(e, state))) {
      // Events of our own UI: hidden from the page, replayed inside the shadow root.
      e.stopImmediatePropagation();
      if (!e.isTrusted || !state.root || !tagging) return;
      // The layer catching the pointer while picking: its events are the picker's.
      if (state.modal && innerTarget(e, state.root)?.hasAttribute('data-catcher')) {
        if (state.modal(e) && e.cancelable) e.preventDefault();
        return;
      }
      watchFocus(state.root);
      if (e.type === 'toggle') state.reassert?.(false);
      if (REPLAYED.has(e.type)) reroute(e, state.root);
      return;
    }
    if (!e.isTrusted) return;
    if (isShortcut(e)) {
      e.stopImmediatePropagation();
      e.preventDefault();
      state.onShortcut();
      return;
    }
    if (!tagging) return;
    if (e.type === 'toggle') {
      // A popover or dialog of the page opened over ours: ours goes back on top.
      const opened = (e as ToggleEvent).newState === 'open';
      state.reassert?.(opened);
      return;
    }
    // Events of the page's own life (loads, messages, animations, scrolling) go on as usual.
    if (ENVIRONMENT.has(e.type) || (!(e instanceof UIEvent) && !SHOPPER.has(e.type))) return;
    e.stopImmediatePropagation();
    if (state.modal?.(e)) {
      if (e.cancelable) e.preventDefault();
      return;
    }
    if (e.cancelable && e.type !== 'wheel') e.preventDefault();
    if (!state.holdFocus || !state.root) return;
    const type = e.type;
    if (type === 'focus' || type === 'focusin' || type === 'keydown') {
      state.reassert?.(false);
      refocus(state.root);
    }
    if (type === 'keydown' && (e as KeyboardEvent).key === 'Escape') state.onEscape?.();
  };
  const add = pristine().addEventListener;
  const types = [...pageEventTypes(), probe];
  const register = () => {
    for (const type of types) add.call(window, type, listener, { capture: true, passive: false });
  };
  const ensure = () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      alive = false;
      window.dispatchEvent(new Event(probe));
      if (alive) return true;
      register();
    }
    return false;
  };
  register();
  // `document.open()` removes the document's element (and every listener): put ours back.
  new (pristine().MutationObserver)(() => void ensure()).observe(document, { childList: true });
  state.ensure = ensure;
}
