import type { Box } from '../anchoring/position';
import { bodyRoot, knownPurging } from './in-place';
import { pristine } from './pristine';
import { shadowRootOf } from './shadow-root-of';
import { watchShadowRoots } from './shadow-watch';

/** A point of the viewport (CSS pixels). */
export interface Point {
  x: number;
  y: number;
}

/** The tagger's mounted UI layer: a host element with a shadow root holding everything. */
export interface HostLayer {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where Preact renders (the highlight). */
  container: HTMLElement;
  /** Where the UI frame goes (see `ui-frame.ts`), above the container. */
  ui: HTMLElement;
  /**
   * Puts the layer back as it should be: styles, attributes, on top (`force`: re-shown, as
   * after the page showed `over`, a popover or dialog of its own, above it; not again if the
   * layer already went above it as it was shown, see `showing`).
   */
  reassert(force: boolean, over?: EventTarget | null): void;
  /**
   * The page is showing `el`, a popover or dialog of its own (its `beforetoggle`): the layer
   * goes above it as the page's script ends, in the same task, unless it already went back on
   * top meanwhile (moved above a modal dialog as the dialog took the focus). Every time the
   * layer is shown again, a press the shopper is making on the UI may lose its release.
   */
  showing(el: EventTarget): void;
  /**
   * The page's focus moved to `target` (no `point`), or the pointer went onto it or pressed it
   * at `point` (`press`), while the layer is up: if that is inside a modal dialog or a popover
   * of the page (through its shadow roots, closed ones too) over the UI, the layer goes back
   * above it. The pointer going onto such a thing over the UI lifts the layer before the press
   * it is on its way to make.
   */
  coveredBy(target: EventTarget | null, point: Point | null, press: boolean): void;
  /** Called once the layer went above a dialog or popover the page showed over it. */
  onAbove: (() => void) | null;
  /**
   * Called whenever the layer was shown again or its UI moved (back on top, into a dialog of
   * its own): the browser may then drop the release of a press made on the UI meanwhile.
   */
  onShownAgain: (() => void) | null;
  /**
   * Removes the layer and stops watching for the page removing it; `retire`: hidden at once,
   * removed `RETIRE_MS` later (a layer with the UI frame in it).
   */
  unmount(retire?: boolean): void;
}

/** Puts an absolutely placed box of the UI (a mask, an outline) over a viewport box. */
export function placeBox(el: HTMLElement, r: Box): void {
  Object.assign(el.style, {
    left: `${r.x}px`,
    top: `${r.y}px`,
    width: `${r.width}px`,
    height: `${r.height}px`,
  });
}

/** Where each mounted host's UI is drawn now, inside its (closed) shadow root. */
const surfaces = new WeakMap<Element, () => ParentNode>();

/**
 * Where to draw on top of one of the tagger's layers, inside its shadow root (closed roots are
 * otherwise out of reach); undefined for any other element.
 */
export const surfaceOf = (host: Element | null): ParentNode | undefined =>
  host ? surfaces.get(host)?.() : undefined;

/** Whether `target` is the host of one of the tagger's layers (its UI, masks or highlight). */
export const isOwnHost = (target: EventTarget | null): boolean =>
  target instanceof Element && surfaces.has(target);

/**
 * How long a taken-down layer (and the tagger's UI frame in it) stays in the document, hidden:
 * the click or key that closed the panel is still being acknowledged by the frame's document to
 * the browser, and a frame removed before that leaves the browser's input routing waiting on it
 * (the click never completes, the next input in the tab is held up).
 */
export const RETIRE_MS = 100;

/** Layers taken down and still in the document, hidden, until `RETIRE_MS` is over. */
const retiring = new Set<HTMLElement>();

/**
 * Removes at once the layers still retiring, for tagging that starts again meanwhile. Seen in
 * Chromium: with the old UI frame still in the document (hidden, blurred, inert or not), keys
 * pressed after the new frame was given the focus went to the old frame's document, until it
 * left the document (an Escape pressed as the new toolbar showed did nothing in 5 of 6 runs).
 * The key or press that took the old layer down was answered before what starts the new one
 * (the shortcut reaches the page's document, not the old frame).
 */
export function finishRetiring(): void {
  for (const old of retiring) old.remove();
  retiring.clear();
}

/** Attributes the host keeps; the page's (`hidden`, `inert`, `class`, `dir`…) are removed. */
const KEPT = new Set(['style', 'popover']);

/** Inline declarations (CSSOM, so no CSP blocks them) that no page stylesheet can override. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100%',
  height: '100%',
  'max-width': 'none',
  'max-height': 'none',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
  'pointer-events': 'none',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  contain: 'layout style',
};

/** The shadow root's mode: open only in end-to-end builds, so Playwright can reach the panel. */
const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'e2e' ? 'open' : 'closed';

function styleHost(host: HTMLElement): void {
  for (const [name, value] of Object.entries(HOST_STYLE))
    host.style.setProperty(name, value, 'important');
}

/** How deep into nested shadow roots `deepTarget` looks. */
const MAX_DEPTH = 32;

/**
 * What of the page an event's target stands for, inside the shadow roots it hides (a shadow
 * host is the target of everything in its root): the element at `point`, or the focused one.
 */
function deepTarget(target: Element, point: { x: number; y: number } | null): Element {
  let el = target;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const root = shadowRootOf(el);
    const next = root && (point ? root.elementFromPoint(point.x, point.y) : root.activeElement);
    if (!next || next === el || !root.contains(next)) break;
    el = next;
  }
  return el;
}

/** How many of the page's elements `shadowModalIn` looks at, at most. */
const MAX_SCAN = 50_000;

/**
 * A modal dialog of the page inside one of its shadow roots (closed ones too), wherever it is:
 * the document's `:modal` does not see into them. Walks the page, so it is asked only when a
 * press proves something of the page is above the layer and the press itself found nothing.
 */
function shadowModalIn(doc: Document): Element | null {
  const roots: ShadowRoot[] = [];
  let seen = 0;
  for (let scope: Document | ShadowRoot | undefined = doc; scope; scope = roots.pop()) {
    const modal = scope instanceof ShadowRoot ? scope.querySelector(':modal') : null;
    if (modal) return modal;
    const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (++seen > MAX_SCAN) return null;
      const root = shadowRootOf(n as Element);
      if (root) roots.push(root);
    }
  }
  return null;
}

/** `el` and its ancestors in the flat tree: a shadow root's parent is its host. */
function* flatAncestors(el: Element): Generator<Element> {
  for (let n: Element | null = el; n;) {
    yield n;
    const root = n.getRootNode();
    n = n.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
}

/**
 * Puts the host in the top layer (above any z-index); `force` shows it again, above the rest.
 * Answers whether it was shown (again).
 */
function raise(host: HTMLElement, force = false): boolean {
  try {
    if (!host.isConnected) return false;
    if (force && host.matches(':popover-open')) host.hidePopover();
    if (host.matches(':popover-open')) return false;
    host.showPopover?.();
    return true;
  } catch {
    // A page can leave no top layer to us; the z-index still applies.
    return false;
  }
}

/**
 * Mounts the tagger's layer at the end of <html>: a plain `div` with a closed shadow root,
 * styles adopted as a constructed sheet (not subject to the page's CSP, no web-accessible
 * file) and a `<style>` fallback. If the page removes the host, it is put back on the next
 * frame (never synchronously, so a page that keeps removing it cannot lock the tab up). If
 * the page removes it at once, in the same task as it was added (a MutationObserver deleting
 * every node it did not make), the host moves into a shadow root on <body> (see `bodyRoot`),
 * where no observer of the page can see it; where body takes none, it keeps coming back.
 * Whatever the page does to the host (its style, `hidden`, `inert`, taking it out of the top
 * layer) is undone as soon as it is done, and so is `inert` on an ancestor (`<html>`, `<body>`).
 * Above a modal dialog of the page a popover stays inert: the UI then moves into a modal dialog
 * of its own inside the shadow root, the topmost. `watchShadows` (the layer holding the UI):
 * a popover or dialog the page shows inside one of its shadow roots is gone above in the task
 * that shows it, as one of the document is (see `watchShadowRoots`).
 */
export function mountHost(css: string, { watchShadows = false } = {}): HostLayer {
  const p = pristine();
  const doc = document;
  const host = p.createElement.call(doc, 'div') as HTMLElement;
  styleHost(host);
  const hostStyle = host.getAttribute('style');
  host.popover = 'manual';
  const root = p.attachShadow.call(host, { mode: SHADOW_MODE });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = p.createElement.call(doc, 'style');
    style.textContent = css;
    p.appendChild.call(root, style);
  }
  const container = p.createElement.call(doc, 'div') as HTMLElement;
  container.className = 'tpa';
  p.appendChild.call(root, container);
  const ui = p.createElement.call(doc, 'div') as HTMLElement;
  ui.className = 'tpa';
  p.appendChild.call(root, ui);
  let modal: HTMLDialogElement | null = null;
  surfaces.set(host, () => (modal?.open ? modal : root));
  /** Modal dialogs of the page found inside its shadow roots, where `:modal` cannot reach. */
  const shadowModals = new Set<Element>();
  /** Whether a modal dialog of the page (or a fullscreen element) makes the rest of it inert. */
  const pageModal = (): boolean => {
    if (doc.querySelector(':modal')) return true;
    for (const el of shadowModals) {
      if (el.matches(':modal')) return true;
      shadowModals.delete(el);
    }
    return false;
  };

  /**
   * Keeps the UI usable over a modal dialog of the page: in the topmost modal dialog. Answers
   * whether the UI moved or its dialog was shown (again).
   */
  const overModal = (force: boolean): boolean => {
    if (!host.isConnected || !pageModal()) return false;
    if (!modal) {
      modal = p.createElement.call(doc, 'dialog') as HTMLDialogElement;
      modal.className = 'modal-layer';
      // Escape would close it; the panel handles Escape itself.
      modal.addEventListener('cancel', (e) => e.preventDefault());
      p.appendChild.call(root, modal);
    }
    const moved = container.parentNode !== modal;
    if (moved) {
      p.appendChild.call(modal, container);
      // Moved, not re-inserted, where the engine can (an inserted frame would load again).
      const keep = (modal as { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
      if (keep) keep.call(modal, ui, null);
      else p.appendChild.call(modal, ui);
    }
    if (modal.open && !force) return moved;
    if (modal.open) modal.close();
    modal.showModal();
    return true;
  };

  let mounted = true;
  // A page that undoes us in a loop gets one repair per frame after the first hundred.
  let repairs = 0;
  /** The page's modal dialogs the layer went above as they were shown (see `shownModal`). */
  const raisedOver = new WeakSet<EventTarget>();
  /** How many times the layer was shown again or its UI moved: each may cost a press. */
  let shows = 0;
  /** `shows` as the page began showing each of its popovers and dialogs we heard of. */
  const showingAt = new WeakMap<EventTarget, number>();
  /** Whether the layer was shown again since the page began showing `el`: it is above it. */
  const shownSince = (el: EventTarget) => (showingAt.get(el) ?? Infinity) < shows;
  const reassert = (force: boolean, over?: EventTarget | null) => {
    if (!mounted) return;
    // Already above it: shown again, the UI would lose the press the shopper is making.
    if (force && over && raisedOver.delete(over)) force = false;
    if (repairs++ === 0) p.requestAnimationFrame(() => (repairs = 0));
    if (repairs > 100) {
      if (repairs === 102) p.requestAnimationFrame(() => reassert(true));
      return;
    }
    for (const { name } of Array.from(host.attributes))
      if (!KEPT.has(name)) host.removeAttribute(name);
    if (host.getAttribute('popover') !== 'manual') host.popover = 'manual';
    if (host.getAttribute('style') !== hostStyle) {
      host.removeAttribute('style');
      styleHost(host);
    }
    // Over a modal dialog of the page the UI is in a dialog of ours, the one to show again:
    // hiding the host would close that dialog too, and showing it again would move the UI twice.
    const raised = raise(host, force && !pageModal());
    const moved = overModal(force);
    watcher.takeRecords();
    if (raised || moved) {
      shows++;
      layer.onShownAgain?.();
    }
  };
  const watcher = new p.MutationObserver(() => reassert(false));
  watcher.observe(host, { attributes: true });

  // `inert` on an ancestor (`<html inert>`) would leave the UI taking no click or key: it is
  // taken off while the layer is up and given back when the layer goes. A page that puts it
  // back in a loop gets one undo per frame after the first hundred (as `reassert`).
  const madeInert = new Set<Element>();
  let undos = 0;
  const uninert = () => {
    if (!mounted) return;
    if (undos++ === 0) p.requestAnimationFrame(() => (undos = 0));
    if (undos > 100) {
      if (undos === 102) p.requestAnimationFrame(uninert);
      return;
    }
    for (
      let n: Node | null = host.parentNode;
      n;
      n = n instanceof ShadowRoot ? n.host : n.parentNode
    )
      if (n instanceof Element && n.hasAttribute('inert')) {
        madeInert.add(n);
        n.removeAttribute('inert');
      }
  };
  // A modal dialog of the page shown (`showModal()` sets its `open`): the UI goes above it at
  // the end of the page's task, before any input is handled. The dialog's `toggle` (see the
  // guard) comes a task later: a press landing in between met an inert UI and was lost.
  const WATCHED = { attributes: true, attributeFilter: ['inert', 'open'], subtree: true };
  const shownModal = (records: MutationRecord[]) =>
    records.filter(
      ({ attributeName, target }) =>
        attributeName === 'open' && target instanceof HTMLDialogElement && target.matches(':modal'),
    );
  /** Shows the layer again, above what the page showed over it (`over`: its modal dialogs). */
  const raiseOver = (over: Node[]) => {
    reassert(over.length === 0 || !over.every(shownSince));
    for (const el of over) raisedOver.add(el);
    layer.onAbove?.();
  };
  const inertWatcher = new p.MutationObserver((records) => {
    uninert();
    const shown = shownModal(records);
    if (shown.length > 0) raiseOver(shown.map(({ target }) => target));
  });
  inertWatcher.observe(doc, WATCHED);

  /** A modal dialog of the page's shadow roots gone above: watched from now on (see `shownModal`). */
  const aboveShadowModal = (el: Element) => {
    shadowModals.add(el);
    raiseOver([el]);
    inertWatcher.observe(el.getRootNode(), WATCHED);
  };
  /** See `HostLayer.showing`. */
  const showing = (el: EventTarget) => {
    showingAt.set(el, shows);
    queueMicrotask(() => {
      if (!mounted) return;
      // Not shown after all (the page's handler cancelled it).
      if (!(el instanceof Element) || !el.matches(':modal, :popover-open')) return;
      // Shown inside a shadow root: `:modal` from the document does not see it.
      if (el.getRootNode() !== doc && el.matches(':modal')) return aboveShadowModal(el);
      // Its `toggle`, a task later, then changes nothing (see `reassert`).
      raisedOver.add(el);
      reassert(!shownSince(el));
    });
  };
  /** Whether a viewport point is over the UI (its frame: the panel, or the picking surface). */
  const overUi = ({ x, y }: { x: number; y: number }) =>
    Array.from(ui.children).some((el) => {
      const r = el.getBoundingClientRect();
      return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
    });
  /** See `HostLayer.coveredBy`. */
  const coveredBy = (target: EventTarget | null, point: Point | null, press: boolean) => {
    if (!(target instanceof Element)) return;
    // The pointer on the page where the UI is: something of the page's is over the UI there.
    // (Anywhere else, the page's own pointer moves are none of the layer's business.)
    if (point && !press && !overUi(point)) return;
    // After the page's own handling (its focusing steps may still be running).
    void Promise.resolve().then(() => {
      if (!mounted) return;
      for (const el of flatAncestors(deepTarget(target, point))) {
        // A modal dialog of the light DOM is seen as it is shown (`shownModal`).
        if (el.matches(':modal') && el.getRootNode() !== doc) {
          if (!raisedOver.has(el)) aboveShadowModal(el);
          return;
        }
        // A popover of the page the pointer met over the UI: ours goes above it (a press that
        // met it stays the page's; one made after the pointer came onto it is the panel's).
        if (point && el.matches(':popover-open')) return raiseOver([]);
      }
      // A press on the UI that the UI did not get, on nothing of a dialog's (a small one
      // elsewhere on the page makes the panel inert all the same): looked for in the roots
      // watched, then (a root attached out of the watch's sight) in the whole page.
      if (!point || !press || !overUi(point) || pageModal()) return;
      const hidden = shadows?.modal() ?? shadowModalIn(doc);
      if (hidden && !raisedOver.has(hidden)) aboveShadowModal(hidden);
    });
  };

  let pending = false;
  let inPlace = knownPurging(doc, SHADOW_MODE);
  const attach = () => {
    pending = false;
    if (!mounted || host.isConnected) return;
    if (inPlace && inPlace.host !== doc.body) inPlace = bodyRoot(doc, SHADOW_MODE);
    p.appendChild.call(inPlace ?? doc.documentElement ?? doc, host);
    styleHost(host);
    raise(host);
    uninert();
  };
  const observer = new p.MutationObserver(() => {
    if (host.isConnected || pending) return;
    // The page removed it (at once, or by sweeping what it did not create): from now on it goes
    // in place, where no observer or sweep of the page finds it. Put back where it was, each
    // sweep would reload the UI frame in it, losing whatever the shopper was clicking.
    if (!inPlace) {
      inPlace = bodyRoot(doc, SHADOW_MODE);
      if (inPlace) return attach();
    }
    pending = true;
    p.requestAnimationFrame(attach);
  });
  observer.observe(doc, { childList: true, subtree: true });
  attach();
  const layer: HostLayer = {
    host,
    root,
    container,
    ui,
    reassert,
    showing,
    coveredBy,
    onAbove: null,
    onShownAgain: null,
    unmount(retire = false) {
      mounted = false;
      observer.disconnect();
      watcher.disconnect();
      inertWatcher.disconnect();
      shadows?.disconnect();
      modal?.close();
      // Retired: left as it is (emptied, its UI frame hidden inside the closed root, nothing a
      // page's observer sees change) until it goes.
      if (retire) {
        retiring.add(host);
        setTimeout(() => {
          retiring.delete(host);
          host.remove();
        }, RETIRE_MS);
      } else host.remove();
      for (const el of madeInert) el.setAttribute('inert', '');
    },
  };
  // What the page shows inside its shadow roots, which keep its `beforetoggle` to themselves.
  const shadows = watchShadows ? watchShadowRoots(doc, host, showing) : null;
  return layer;
}
