import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  score,
  startTagging,
  ui,
  waitForSaved,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

/** What the page's own (main) world can find out about itself. */
const LOOK = async () => ({
  globals: Object.getOwnPropertyNames(window).sort(),
  databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
  local: Object.keys(localStorage).sort(),
  session: Object.keys(sessionStorage).sort(),
  cookies: document.cookie,
  popovers: document.querySelectorAll('[popover]').length,
  lastChild: document.documentElement.lastElementChild?.localName ?? '',
});

describe('what the page learns from tagging', () => {
  it('finds no extension database, storage key, global or leftover element after a tag is saved', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    await page.waitForTimeout(300);
    const before = await page.evaluate(LOOK);
    await startTagging(page);
    await pickAt(page, page.locator('#product-title'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 4);
    await ui(page).getByTestId('tagger-notes').fill('secret note the page must not read');
    await saveAndWait(page);
    await waitForSaved(ext, 1);
    const after = await page.evaluate(LOOK);
    expect(after).toEqual(before);
    expect(after.databases).not.toContain('touchpoint-auditor');
    await page.close();
  });

  it('keeps the shopper’s typing in the panel away from the page’s key listeners', async () => {
    const page = await openPage(ext, server.url('northwind', '/returns.html'));
    await page.evaluate(() => {
      const w = window as unknown as { keys: string[] };
      w.keys = [];
      for (const t of [window, document])
        t.addEventListener('keydown', (e) => w.keys.push((e as KeyboardEvent).key), true);
    });
    await startTagging(page);
    await pickAt(page, page.locator('#returns-policy'));
    await panel(page).waitFor({ state: 'visible' });
    // (The page may see Alt and Shift go down for the shortcut; never the T, nor the typing.)
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).not.toContain(
      'T',
    );
    await page.evaluate(() => ((window as unknown as { keys: string[] }).keys.length = 0));
    await ui(page).getByTestId('tagger-notes').pressSequentially('abc');
    expect(await ui(page).getByTestId('tagger-notes').inputValue()).toBe('abc');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    await ui(page).getByTestId('tagger-cancel').click();
    await page.close();
  });

  it('ignores messages and DOM events the page crafts to look like the tagger’s', async () => {
    const page = await openPage(ext, server.url('northwind', '/returns.html'));
    await page.evaluate(() => {
      const fake = { channel: 'touchpoint-auditor', type: 'startTagging', payload: {} };
      window.postMessage(fake, '*');
      document.dispatchEvent(new CustomEvent('touchpoint-auditor', { detail: fake }));
      for (const t of [window, document, document.body]) {
        t.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'T',
            code: 'KeyT',
            altKey: true,
            shiftKey: true,
            bubbles: true,
          }),
        );
      }
    });
    await page.waitForTimeout(500);
    expect(await ui(page).getByTestId('tagger-toolbar').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[popover]').length)).toBe(0);
    await page.close();
  });
});
