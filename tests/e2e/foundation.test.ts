import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findBrowser, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession, stopServiceWorker } from './support/session';
import { installProbe, viewFromPage, type PageView } from './support/page-probe';
import { seedAudit } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession()));
afterAll(() => closeSession({ server, ext }));

/** Sends a raw message from an extension page, the way the popup or report would. */
async function sendFromExtensionPage(message: unknown): Promise<unknown> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

describe('the extension in real Chromium', () => {
  it('starts its service worker, which answers a ping with the seeded rubric counted', async () => {
    const answer = await sendFromExtensionPage({
      channel: 'touchpoint-auditor',
      type: 'ping',
      payload: {},
    });
    expect(answer).toMatchObject({ ok: true, value: { version: '0.1.0', rubrics: 1 } });
  });

  it('refuses a malformed message with a reason instead of failing silently', async () => {
    const answer = await sendFromExtensionPage({
      channel: 'touchpoint-auditor',
      type: 'saveTouchpoint',
      payload: { form: 1 },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('has the default rubric and taxonomy in its database after install', async () => {
    const page = await ext.openExtensionPage('popup.html');
    const stored = await page.evaluate(
      () =>
        new Promise<{ rubric: { name: string; criteria: { id: string }[] }; categories: number }>(
          (resolve, reject) => {
            const open = indexedDB.open('touchpoint-auditor');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['rubrics', 'categories']);
              const rubric = tx.objectStore('rubrics').get(['default', 1]);
              const categories = tx.objectStore('categories').count();
              tx.oncomplete = () =>
                resolve({ rubric: rubric.result, categories: categories.result });
            };
          },
        ),
    );
    expect(stored.rubric.criteria.map((c) => c.id)).toEqual([
      'speed',
      'clarity',
      'effort',
      'empathy',
      'personalisation',
      'trust',
      'consistency',
      'resolution',
    ]);
    expect(stored.categories).toBe(27);
    await page.close();
  });

  it('renders the popup with the rubric it will score with', async () => {
    const page = await ext.openExtensionPage('popup.html');
    await expect
      .poll(() => page.getByTestId('popup-rubric').textContent())
      .toContain('Default touchpoint rubric');
    await page.close();
  });

  it('answers again after Chrome stops its idle service worker', async () => {
    const page = await ext.openExtensionPage('popup.html');
    await stopServiceWorker(ext, page);
    const answer = await page.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'touchpoint-auditor', type: 'ping', payload: {} }),
    );
    expect(answer).toMatchObject({ ok: true, value: { rubrics: 1 } });
    await page.close();
  });
});

describe('what an audited page can see', () => {
  // During an audit, when the tagger runs in every frame (outside one nothing runs at all:
  // zero-cost.test.ts).
  beforeAll(async () => {
    await seedAudit(ext);
  });

  /** Loads a shop page, waits for its own scripts (pop-ups, chat) to settle, and looks. */
  async function look(
    context: import('playwright-core').BrowserContext,
    url: string,
  ): Promise<PageView> {
    await installProbe(context);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1_500);
    const view = await viewFromPage(page);
    await page.close();
    return view;
  }

  it('sees no element, attribute, global or storage of the extension on a demo shop', async () => {
    const found = findBrowser()!;
    const plain = await chromium.launch({
      executablePath: found.path,
      headless: true,
      args: chromiumArgs(),
    });
    // The hash lets the probe also listen for events named after the extension's id.
    const url = `${server.url('northwind', '/index.html')}#probe-extension=${ext.extensionId}`;
    const without = await look(await plain.newContext(), url);
    await plain.close();
    const withExtension = await look(ext.context, url);

    expect(
      withExtension.mutations.filter((m) => m.startsWith('message') || m.startsWith('event')),
    ).toEqual(without.mutations.filter((m) => m.startsWith('message') || m.startsWith('event')));
    expect(withExtension.mutations).toEqual(without.mutations);
    expect(withExtension.globals).toEqual(without.globals);
    expect(withExtension.shadowHosts).toBe(without.shadowHosts);
    expect(withExtension.databases).not.toContain('touchpoint-auditor');
    expect(withExtension.databases).toEqual(without.databases);
    expect(withExtension.localStorageKeys).toEqual(without.localStorageKeys);
    expect(withExtension.sessionStorageKeys).toEqual(without.sessionStorageKeys);
  });
});
