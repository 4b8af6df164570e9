import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../support/browser';

/**
 * Reads every record of one store, run inside an extension page (sent there as text, so it
 * serves Playwright's and Puppeteer's `page.evaluate` alike).
 */
export const readStoreInPage = (name: string): Promise<unknown[]> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });

/** Every record of one object store of the extension's database, read from one of its pages. */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(readStoreInPage, store) as Promise<T[]>;
}

/** The id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(ext: ExtensionSession, url: string): Promise<number> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    const id = await page.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  } finally {
    await page.close();
  }
}

/**
 * Tells the background, from an extension page, that the running audit changed (as the popup
 * does after starting or ending one): a test that wrote an audit straight into the database
 * gets the tagger registered, and the open tabs get it too. Answers whether it is registered.
 */
export async function announceAuditChange(page: Page): Promise<boolean> {
  const answer = await page.evaluate(() =>
    chrome.runtime.sendMessage({
      channel: 'touchpoint-auditor',
      type: 'auditChanged',
      payload: {},
    }),
  );
  const result = answer as { ok: boolean; value?: { registered: boolean } };
  if (!result.ok) throw new Error(`auditChanged failed: ${JSON.stringify(answer)}`);
  return result.value!.registered;
}

/** The ids of the content scripts the extension has registered, asked from its service worker. */
export function registeredScripts(ext: ExtensionSession): Promise<string[]> {
  return ext.serviceWorker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
  );
}
