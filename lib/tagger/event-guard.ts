import { pristine } from './pristine';

/** Every event type the guard sees first (capture phase on window, registered at document_start). */
const TYPES = [
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
] as const;

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
  const clone = new Ctor(e.type, init);
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
 * Registers the tagger's capture-phase listeners on window. Called at document_start, before any
 * page script, so they run before every page listener. Until tagging starts they only watch
 * for the shortcut; events the page crafts itself (untrusted) never drive the tagger.
 */
export function installEventGuard(state: GuardState): void {
  const listener = (e: Event) => {
    if (fromUi(e, state)) {
      // Events of our own UI: hidden from the page, replayed inside the shadow root.
      e.stopImmediatePropagation();
      if (e.isTrusted && state.root) reroute(e, state.root);
      return;
    }
    if (!e.isTrusted) return;
    if (isShortcut(e)) {
      e.stopImmediatePropagation();
      e.preventDefault();
      state.onShortcut();
      return;
    }
    if (state.modal?.(e)) {
      e.stopImmediatePropagation();
      if (e.cancelable) e.preventDefault();
    }
  };
  const add = pristine().addEventListener;
  for (const type of TYPES) add.call(window, type, listener, { capture: true, passive: false });
}
