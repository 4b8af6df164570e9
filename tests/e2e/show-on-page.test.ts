import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  startTagging,
  waitForSaved,
  type SeededAudit,
  type StoredTouchpoint,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;
let seeded: SeededAudit;
/** The anchor the tagger made for the product page's price block. */
let priceAnchor: NonNullable<StoredTouchpoint['anchor']>;

beforeAll(async () => {
  const session = await openSession({ seed: true });
  ({ server, ext } = session);
  seeded = session.seeded!;
  const page = await openPage(ext, server.url('northwind', '/product.html'));
  await startTagging(page);
  await pickAt(page, page.locator('#price-block'));
  await panel(page).waitFor({ state: 'visible' });
  await saveAndWait(page);
  const { touchpoints } = await waitForSaved(ext, 1);
  priceAnchor = touchpoints[0]!.anchor!;
  await page.close();
});

afterAll(() => closeSession({ server, ext }));

/** Writes a page touchpoint of the seeded audit with this anchor, straight into the database. */
async function seedTouchpoint(
  id: string,
  url: string | null,
  anchor: unknown,
  source: 'page' | 'manual' = 'page',
): Promise<void> {
  const page = await ext.openExtensionPage('popup.html');
  const at = new Date().toISOString();
  await page.evaluate(
    ({ id, url, anchor, at, auditId, source }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('touchpoints', 'readwrite');
          tx.objectStore('touchpoints').put({
            id,
            auditId,
            category: 'pricing_promotions',
            stage: 'consideration',
            channel: 'web',
            source,
            url,
            pageTitle: url && 'Tempo 3',
            anchor,
            scores: {},
            notes: id,
            createdAt: at,
            updatedAt: at,
          });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { id, url, anchor, at, auditId: seeded.auditId, source },
  );
  await page.close();
}

/** Opens a touchpoint in the touchpoints view, clicks "show on page" and returns the new tab. */
async function showOnPage(id: string): Promise<{ view: Page; shop: Page }> {
  const view = await ext.openExtensionPage(`touchpoints.html?study=${seeded.studyId}`);
  await view
    .locator(`[data-testid="touchpoint-row"][data-id="${id}"] [data-testid="touchpoint-open"]`)
    .click();
  const opened = ext.context.waitForEvent('page');
  await view.getByTestId('touchpoint-show-on-page').click();
  const shop = await opened;
  await shop.waitForLoadState('load');
  return { view, shop };
}

const result = (view: Page) => view.getByTestId('touchpoint-show-result').textContent();
const matched = (view: Page) =>
  view.getByTestId('show-on-page-status').getAttribute('data-matched');

describe('show on page', () => {
  it('outlines the tagged element found by its CSS selector, and says so', async () => {
    const id = (await waitForSaved(ext, 1)).touchpoints[0]!.id;
    const { view, shop } = await showOnPage(id);
    await expect
      .poll(() => result(view), { timeout: 30_000 })
      .toBe('Found on the page by its CSS selector.');
    expect(await matched(view)).toBe('css');
    const outline = shop.getByTestId('tagger-highlight');
    await outline.waitFor({ state: 'attached' });
    expect(await outline.getAttribute('data-matched-by')).toBe('css');
    expect(await outline.textContent()).toContain('found by CSS selector');
    // The outline sits over the price block.
    const [box, target] = await Promise.all([
      outline.boundingBox(),
      shop.locator('#price-block').boundingBox(),
    ]);
    expect(Math.abs(box!.x - target!.x)).toBeLessThan(3);
    expect(Math.abs(box!.y - target!.y)).toBeLessThan(3);
    // Escape takes it away and leaves nothing of ours in the page.
    await shop.bringToFront();
    await shop.keyboard.press('Escape');
    await expect.poll(() => shop.getByTestId('tagger-highlight').count()).toBe(0);
    expect(await shop.evaluate(() => document.documentElement.lastElementChild?.localName)).toBe(
      'body',
    );
    await Promise.all([view.close(), shop.close()]);
  });

  it('falls back to the text when the CSS selector no longer matches', async () => {
    const url = server.url('northwind', '/product.html');
    await seedTouchpoint('tp-show-text', url, { ...priceAnchor, css: '#price-block-renamed' });
    const { view, shop } = await showOnPage('tp-show-text');
    await expect
      .poll(() => result(view), { timeout: 30_000 })
      .toBe('Found on the page by its text.');
    expect(await matched(view)).toBe('text');
    expect(await shop.getByTestId('tagger-highlight').getAttribute('data-matched-by')).toBe('text');
    // A click anywhere removes it.
    await shop.bringToFront();
    await shop.mouse.click(5, 5);
    await expect.poll(() => shop.getByTestId('tagger-highlight').count()).toBe(0);
    await Promise.all([view.close(), shop.close()]);
  });

  it('says when nothing on the page matches, and draws nothing', async () => {
    const url = server.url('northwind', '/product.html');
    const gone = {
      css: '#no-such-thing',
      text: 'A sentence that is nowhere on this page at all',
      rect: { x: 0, y: 90000, width: 10, height: 10 },
      framePath: [],
      kind: 'element',
    };
    await seedTouchpoint('tp-show-none', url, gone);
    const { view, shop } = await showOnPage('tp-show-none');
    await expect
      .poll(() => result(view), { timeout: 30_000 })
      .toBe('Not found on the page: it may have changed.');
    expect(await matched(view)).toBe('none');
    expect(await shop.getByTestId('tagger-highlight').count()).toBe(0);
    await Promise.all([view.close(), shop.close()]);
  });

  it('reaches into the chat iframe when the anchor lies in it', async () => {
    const url = server.url('northwind', '/product.html?chat=open');
    await seedTouchpoint('tp-show-frame', url, {
      css: '#agent-name',
      text: '',
      rect: { x: 0, y: 0, width: 0, height: 0 },
      framePath: ['#chat-frame'],
      kind: 'element',
    });
    const { view, shop } = await showOnPage('tp-show-frame');
    await expect
      .poll(() => result(view), { timeout: 30_000 })
      .toBe('Found on the page by its CSS selector.');
    expect(await shop.frameLocator('#chat-frame').getByTestId('tagger-highlight').count()).toBe(1);
    await Promise.all([view.close(), shop.close()]);
  });

  it('offers no "show on page" for an off-page touchpoint', async () => {
    await seedTouchpoint('tp-manual', null, null, 'manual');
    const view = await ext.openExtensionPage(`touchpoints.html?study=${seeded.studyId}`);
    await view
      .locator(
        '[data-testid="touchpoint-row"][data-id="tp-manual"] [data-testid="touchpoint-open"]',
      )
      .click();
    await view.getByTestId('touchpoint-detail').waitFor();
    expect(await view.getByTestId('touchpoint-show-on-page').count()).toBe(0);
    await view.close();
  });
});
