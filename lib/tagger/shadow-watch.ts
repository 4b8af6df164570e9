import { isOwnRoot } from './in-place';
import { pristine } from './pristine';
import { shadowRootOf } from './shadow-root-of';

/** How many of the page's elements a task of the first look takes (1–5 ms here). */
const SLICE = 1_000;
/** How often custom elements not defined yet are looked at again (see `watchShadowRoots`). */
const UPGRADE_CHECK_MS = 200;
/** How many such elements are kept to look at again, at most (each look: well under 1 µs). */
const MAX_UNDEFINED = 5_000;

/** A `watchShadowRoots` running. */
export interface ShadowWatch {
  /** A modal dialog the page shows in one of the roots watched, if any. */
  modal(): Element | null;
  disconnect(): void;
}

/**
 * Tells `showing` of each popover or dialog the page shows inside its shadow roots (closed ones
 * too) as it begins to (its `beforetoggle`), so that the tagger's layer can go above it in the
 * same task: before the release of a press the shopper is making on the tagger's UI, which the
 * popover would otherwise catch. A shadow root keeps the `beforetoggle` of what is shown in it
 * (the event is not composed), and no observer of the document sees a popover open; so every
 * root of the page gets a listener of its own, from the isolated world, where the page cannot
 * see it. The first look goes through the page a slice a task; roots attached after it are
 * found as their hosts are inserted (a custom element attaches its root as it is built or
 * connected, before the observer hears of it), and on custom elements the page put in before
 * it defined them (their root comes as the definition upgrades them, which changes nothing an
 * observer of the document sees: they are looked at again every 200 ms until defined). A root
 * already showing something when found is reported at once. `skip` (the tagger's own host)
 * and the tagger's roots are left out.
 */
export function watchShadowRoots(
  doc: Document,
  skip: Element,
  showing: (el: EventTarget) => void,
): ShadowWatch {
  const p = pristine();
  const watched: ShadowRoot[] = [];
  const known = new WeakSet<ShadowRoot>();
  const onToggle = (e: Event) => {
    if (!e.isTrusted || (e as ToggleEvent).newState !== 'open') return;
    if (e.target) showing(e.target);
  };
  const observer = new p.MutationObserver((records) => {
    for (const { addedNodes } of records)
      for (const node of Array.from(addedNodes)) if (node instanceof Element) scan(node);
  });
  const watch = (root: ShadowRoot) => {
    known.add(root);
    watched.push(root);
    root.addEventListener('beforetoggle', onToggle, true);
    observer.observe(root, { childList: true, subtree: true });
    const open = root.querySelector(':modal, :popover-open');
    if (open) showing(open);
    scan(root);
  };
  /** Custom elements not defined yet: their root may come as they are upgraded. */
  const undefinedHosts = new Set<Element>();
  let upgradeTimer = 0;
  const checkUpgrades = () => {
    upgradeTimer = 0;
    for (const el of undefinedHosts) {
      if (!el.isConnected) undefinedHosts.delete(el);
      else if (el.matches(':defined')) {
        undefinedHosts.delete(el);
        look(el);
      }
    }
    if (undefinedHosts.size) upgradeTimer = self.setTimeout(checkUpgrades, UPGRADE_CHECK_MS);
  };
  /** Watches the root of `el`, if it has one not watched yet. */
  const look = (el: Element) => {
    if (el === skip) return;
    const root = shadowRootOf(el);
    if (root) {
      if (!known.has(root) && !isOwnRoot(root)) watch(root);
      return;
    }
    const custom = el.localName.includes('-') || el.hasAttribute('is');
    if (!custom || undefinedHosts.size >= MAX_UNDEFINED || el.matches(':defined')) return;
    undefinedHosts.add(el);
    if (!upgradeTimer) upgradeTimer = self.setTimeout(checkUpgrades, UPGRADE_CHECK_MS);
  };
  /** Watches the roots in `scope` and below it that are not watched yet. */
  const scan = (scope: Element | ShadowRoot) => {
    if (scope === skip) return;
    if (scope instanceof Element) look(scope);
    const all = scope.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) look(all[i]!);
  };
  observer.observe(doc, { childList: true, subtree: true });
  // The page as it is, a slice a task: asking the engine for a closed root costs a few
  // microseconds an element (30 ms on a page of 10,000), too long a task as tagging starts.
  const all = doc.querySelectorAll('*');
  let next = 0;
  let timer = 0;
  const slice = () => {
    const end = Math.min(all.length, next + SLICE);
    for (; next < end; next++) look(all[next]!);
    timer = next < all.length ? self.setTimeout(slice, 0) : 0;
  };
  slice();
  return {
    modal() {
      for (const root of watched) {
        const open = root.querySelector(':modal');
        if (open) return open;
      }
      return null;
    },
    disconnect() {
      self.clearTimeout(timer);
      self.clearTimeout(upgradeTimer);
      undefinedHosts.clear();
      observer.disconnect();
      for (const root of watched) root.removeEventListener('beforetoggle', onToggle, true);
      watched.length = 0;
    },
  };
}
