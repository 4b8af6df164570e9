import { bodyRoot, knownPurging } from './in-place';
import { pristine } from './pristine';

/** The tagger's mounted UI layer: a host element with a shadow root holding everything. */
export interface HostLayer {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where Preact renders. */
  container: HTMLElement;
  /** Removes the layer and stops watching for the page removing it. */
  unmount(): void;
}

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

/** Puts the host in the top layer (above any z-index) where the browser allows it. */
function raise(host: HTMLElement): void {
  try {
    if (host.isConnected && !host.matches(':popover-open')) host.showPopover?.();
  } catch {
    // Some pages leave no top layer to us (a modal dialog); the z-index still applies.
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
 */
export function mountHost(css: string): HostLayer {
  const p = pristine();
  const doc = document;
  const host = p.createElement.call(doc, 'div') as HTMLElement;
  styleHost(host);
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

  let mounted = true;
  let pending = false;
  // Set while the task that added the host runs: a removal then comes from a page that purges.
  let fresh = false;
  let inPlace = knownPurging(doc, SHADOW_MODE);
  const attach = () => {
    pending = false;
    if (!mounted || host.isConnected) return;
    if (inPlace && inPlace.host !== doc.body) inPlace = bodyRoot(doc, SHADOW_MODE);
    p.appendChild.call(inPlace ?? doc.documentElement ?? doc, host);
    styleHost(host);
    raise(host);
    fresh = true;
    setTimeout(() => (fresh = false), 0);
  };
  const observer = new p.MutationObserver(() => {
    if (host.isConnected || pending) return;
    if (fresh && !inPlace) {
      inPlace = bodyRoot(doc, SHADOW_MODE);
      if (inPlace) return attach();
    }
    pending = true;
    p.requestAnimationFrame(attach);
  });
  observer.observe(doc, { childList: true, subtree: true });
  attach();
  return {
    host,
    root,
    container,
    unmount() {
      mounted = false;
      observer.disconnect();
      host.remove();
    },
  };
}
