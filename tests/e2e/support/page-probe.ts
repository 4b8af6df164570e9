import type { BrowserContext, Page } from 'playwright-core';

/**
 * Installed in the page's own (main) world before any page script: records every DOM change
 * and lets a test list the page's globals, so a test sees what the audited site would see.
 */
export const PROBE_SCRIPT = `
(() => {
  const log = [];
  const describe = (n) => n.nodeType === 1 ? n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') : '#' + n.nodeType;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') log.push('attr ' + describe(r.target) + ' ' + r.attributeName);
      for (const n of r.addedNodes) log.push('add ' + describe(n) + ' to ' + describe(r.target));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  // Messages and events a script could use to announce itself to the page.
  addEventListener('message', (e) => log.push('message ' + String(JSON.stringify(e.data)).slice(0, 300)), true);
  const id = new URLSearchParams(location.hash.slice(1)).get('probe-extension');
  if (id) for (const name of ['tagger:wxt:content-script-started', 'tagger:wxt:locationchange'])
    document.addEventListener(id + ':' + name, () => log.push('event ' + name), true);
  Object.defineProperty(window, '__probe', { value: { log }, enumerable: false });
})();
`;

/** What the page's own world can see of itself. */
export interface PageView {
  mutations: string[];
  globals: string[];
  databases: string[];
  localStorageKeys: string[];
  sessionStorageKeys: string[];
  shadowHosts: number;
}

/** Adds the probe to every page of a context. */
export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE_SCRIPT });
}

/**
 * Reads, from the page's main world, everything an audited site could inspect. Self-contained,
 * so any driver can run it in the page (Playwright here, Puppeteer in the Firefox test).
 */
export async function readPageView(): Promise<PageView> {
  const probe = (window as unknown as { __probe: { log: string[] } }).__probe;
  const all = document.querySelectorAll('*');
  let shadowHosts = 0;
  all.forEach((el) => {
    if (el.shadowRoot) shadowHosts++;
  });
  return {
    mutations: [...probe.log].sort(),
    globals: Object.getOwnPropertyNames(window)
      .filter((n) => n !== '__probe')
      .sort(),
    databases: (await indexedDB.databases()).map((d) => d.name ?? '').sort(),
    localStorageKeys: Object.keys(localStorage).sort(),
    sessionStorageKeys: Object.keys(sessionStorage).sort(),
    shadowHosts,
  };
}

/** Reads, from the page's main world, everything an audited site could inspect. */
export function viewFromPage(page: Page): Promise<PageView> {
  return page.evaluate(readPageView);
}
