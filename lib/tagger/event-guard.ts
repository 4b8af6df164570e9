import type { Point } from './host';
import { ENVIRONMENT, GUARDED, SHOPPER } from './event-types';

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
  /**
   * While set, `modal` also takes the events aimed at the tagger's own layer (the panel being
   * dragged), not only those of the layer catching the pointer while picking.
   */
  modalOverLayer?: boolean;
  /** Alt+Shift+T pressed on the page. */
  onShortcut: () => void;
  /** While the panel is open: focus is held in the tagger's UI, never in the page. */
  holdFocus?: boolean;
  /** Puts the focus back in the tagger's UI (its frame). */
  refocus?: () => void;
  /** A key the shopper pressed for the panel while the page had taken the focus. */
  onStrayKey?: (e: KeyboardEvent) => void;
  /** Escape pressed while the panel is open but the focus was not in it. */
  onEscape?: () => void;
  /** Puts the tagger's layer back on top and as it should look (`force`: re-show it). */
  reassert?: ((force: boolean, over?: EventTarget | null) => void) | null;
  /** The page is showing a popover or dialog (see `HostLayer.showing`). */
  showing?: ((el: EventTarget) => void) | null;
  /** The page's focus moved, or the pointer went onto the page (see `HostLayer.coveredBy`). */
  coveredBy?: ((target: EventTarget | null, point: Point | null, press: boolean) => void) | null;
  /** Whether `target` is the host of one of the tagger's layers (set by the tagger). */
  owns?: (target: EventTarget | null) => boolean;
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

/** Key events, held back from the page while the tagger starts (see `installEventGuard`). */
const KEYS = new Set(['keydown', 'keyup', 'keypress', 'beforeinput', 'input']);
/**
 * Types whose listeners on the window are passive (their default there): scrolling never waits
 * for the page's main thread because of the tagger, so their default is never cancelled. The
 * page still hears none of them while tagging (they are stopped), the picker still reads the
 * wheel, and the layer catching the pointer keeps it from scrolling the frame (its styles).
 */
const SCROLLING = new Set(['wheel', 'mousewheel', 'touchstart', 'touchmove']);
/** Cancels an event's default, where it can be (never a scrolling one, see `SCROLLING`). */
const cancel = (e: Event) => {
  if (e.cancelable && !SCROLLING.has(e.type)) e.preventDefault();
};
/** How long after the shortcut keys are held back if the tagger does not come up. */
const START_WINDOW_MS = 2_000;

const isShortcut = (e: Event): boolean => {
  const k = e as KeyboardEvent;
  return (
    e.type === 'keydown' && k.altKey && k.shiftKey && !k.ctrlKey && !k.metaKey && k.code === 'KeyT'
  );
};

/**
 * Registers the tagger's capture-phase listeners on window, for every event type a page can
 * listen for that the tagging could show up in (see `GUARDED`). Called at document_start, before any page script, so they
 * run before every page listener. Until tagging starts they only watch for the shortcut; events
 * the page crafts itself (untrusted) never drive the tagger. While tagging, the page hears
 * nothing the shopper does: the toolbar and the panel are a frame of the extension (their
 * events never exist in the page's document), events of the layer catching the pointer go to
 * the picker, UI events and selection, clipboard, form and focus events aimed at the page are
 * stopped; while the panel is open the focus is put back in it whenever the page takes it.
 * `document.open()` erases every listener of the window: `ensure`, called as tagging starts,
 * checks (with an event of a private type) that they still run and registers them again if not.
 * Nothing watches for it before then: an observer needs the page's `document`, and the first
 * touch of it costs each frame's world 0.3 ms (docs/ARCHITECTURE.md#stealth).
 */
export function installEventGuard(state: GuardState): void {
  const probe = `tpa-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  let alive = false;
  /** When the shortcut was pressed, until the tagger is up (0: not starting). */
  let starting = 0;
  /** A key meant for the open panel that the page (or the frame's element) caught instead. */
  const stray = (e: KeyboardEvent) => {
    state.onStrayKey?.(e);
    if (e.key === 'Escape') state.onEscape?.();
  };
  const listener = (e: Event) => {
    if (e.type === probe) {
      alive = true;
      e.stopImmediatePropagation();
      return;
    }
    const tagging = !!state.host;
    if (state.owns?.(e.target) || (tagging && fromUi(e, state))) {
      // Events of our own layer: hidden from the page.
      e.stopImmediatePropagation();
      if (!e.isTrusted || !state.root || !tagging) return;
      // The layer catching the pointer while picking: its events are the picker's.
      if (
        state.modal &&
        (state.modalOverLayer || innerTarget(e, state.root)?.hasAttribute('data-catcher'))
      ) {
        if (state.modal(e)) cancel(e);
        return;
      }
      if (e.type === 'toggle') state.reassert?.(false);
      // A key that reached the frame's element but not its document (still loading, or the
      // focus on its way back into it) was meant for the picker or the panel.
      if (e.type === 'keydown' && state.modal) {
        if (state.modal(e)) cancel(e);
        return;
      }
      if (e.type === 'keydown' && state.holdFocus) {
        cancel(e);
        stray(e as KeyboardEvent);
      }
      return;
    }
    if (!e.isTrusted) return;
    if (isShortcut(e)) {
      starting = performance.now();
      e.stopImmediatePropagation();
      e.preventDefault();
      state.onShortcut();
      return;
    }
    if (tagging) starting = 0;
    else if (starting && KEYS.has(e.type)) {
      // The keys of the shortcut (and any pressed meanwhile) while the tagger loads: the page
      // hears them as little as it heard the shortcut.
      if (performance.now() - starting < START_WINDOW_MS) {
        e.stopImmediatePropagation();
        if (e.cancelable) e.preventDefault();
        return;
      }
      starting = 0;
    }
    if (!tagging) return;
    if (e.type === 'focusin' || e.type === 'pointerdown' || e.type === 'pointermove') {
      // Perhaps into a dialog or popover of the page over ours, which no toggle of its told us
      // of (a shadow root keeps its toggles): the pointer moving on it, before it presses.
      const m = e as PointerEvent;
      const point = e.type === 'focusin' ? null : { x: m.clientX, y: m.clientY };
      state.coveredBy?.(e.target, point, e.type === 'pointerdown');
    }
    if (e.type === 'beforetoggle' && (e as ToggleEvent).newState === 'open') {
      // A popover or dialog of the page being shown by the page's script: ours goes back on
      // top as that script ends, in the same task. Its `toggle` comes a task later, after the
      // release of a press the shopper is making on the panel, which it would have caught.
      if (e.target) state.showing?.(e.target);
      return;
    }
    if (e.type === 'toggle') {
      // A popover or dialog of the page opened over ours: ours goes back on top.
      const opened = (e as ToggleEvent).newState === 'open';
      state.reassert?.(opened, e.target);
      return;
    }
    // Events of the page's own life (loads, messages, animations, scrolling) go on as usual.
    if (ENVIRONMENT.has(e.type) || (!(e instanceof UIEvent) && !SHOPPER.has(e.type))) return;
    e.stopImmediatePropagation();
    if (state.modal?.(e)) {
      cancel(e);
      return;
    }
    // The wheel scrolls the page under the open panel, as it would without the tagger.
    cancel(e);
    if (!state.holdFocus || !state.root) return;
    const type = e.type;
    // The key's copy leaves for the panel before the focus goes back there: the shopper's next
    // key, which then lands in the panel itself, comes after it ("slow", not "solw").
    if (type === 'keydown') stray(e as KeyboardEvent);
    if ((type === 'focus' && e.target !== window) || type === 'focusin' || type === 'keydown') {
      state.reassert?.(false);
      state.refocus?.();
    }
  };
  // The built-ins this needs, taken now. The isolated world's copies are out of the page's
  // reach anyway; nothing else of the DOM is touched until an event comes (each interface a
  // frame's script first touches is built for that frame: the guard runs in every frame).
  const add = EventTarget.prototype.addEventListener;
  const types = [...GUARDED, probe];
  const register = () => {
    for (const type of types) add.call(window, type, listener, true);
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
  state.ensure = ensure;
}
