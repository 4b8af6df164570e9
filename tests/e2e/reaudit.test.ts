import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { PNG_3X2 } from '../fixtures/images';
import { closeSession, openSession, stopServiceWorker } from './support/session';
import { openPage, panel, readSaved, saveAndWait, score, ui } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

const STUDY = 'study-reaudit';
const W1 = '2026-Q3';
const W2 = '2026-Q4';
/** The shop page as it is in wave 2 (tests/fixtures/hostile/README.md). */
const shopUrl = () => server.url('hostile', '/reaudit/shop.html?v=2');
const hostileUrl = () => server.url('hostile', '/all-events.html');
/** The demo shop with its chat open: the chat is a cross-origin iframe. */
const chatPageUrl = () => server.url('northwind', '/product.html?chat=open');

/** A wave-1 touchpoint anchored to an element of the shop as it was then (`?v=1`). */
const earlier = (id: string, url: string, css: string, text: string, y: number) => ({
  id,
  auditId: 'audit-w1',
  category: 'pricing_promotions',
  stage: 'consideration',
  channel: 'web',
  source: 'page',
  url,
  pageTitle: 'Trail shoes',
  anchor: { css, text, rect: { x: 40, y, width: 700, height: 20 }, framePath: [], kind: 'element' },
  scores: { clarity: 3, speed: 'NA' },
  notes: '',
  createdAt: `2026-09-01T10:0${y % 10}:00.000Z`,
  updatedAt: '2026-09-01T10:00:00.000Z',
});

/** Two waves, an ended wave-1 audit of Northwind with five touchpoints; no audit running. */
async function seedWaves(): Promise<void> {
  const page = await ext.openExtensionPage('popup.html');
  const tps = [
    earlier('tp-delivery', shopUrl(), '#delivery', 'Free delivery on orders over 50 €', 101),
    earlier(
      'tp-promo',
      shopUrl(),
      'div.promo-banner > p',
      'Spring sale: 20 % off all trail shoes',
      142,
    ),
    earlier('tp-newsletter', shopUrl(), '#newsletter', 'Join our newsletter for early offers', 183),
    earlier('tp-returns', shopUrl(), '#returns', 'Returns are free within 30 days', 204),
    earlier('tp-hostile', hostileUrl(), '#target', 'Spring offer', 115),
    {
      ...earlier('tp-chat', chatPageUrl(), '#agent-name', 'Maya', 26),
      category: 'live_chat',
      anchor: {
        css: '#agent-name',
        text: 'Maya',
        rect: { x: 0, y: 0, width: 0, height: 0 },
        framePath: ['#chat-frame'],
        kind: 'element',
      },
    },
  ];
  await page.evaluate(
    ({ tps, study, w1, w2, png }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = ['studies', 'brands', 'audits', 'touchpoints', 'evidence'];
          const tx = db.transaction(stores, 'readwrite');
          const base = {
            createdAt: '2026-09-01T09:00:00.000Z',
            updatedAt: '2026-09-01T09:00:00.000Z',
          };
          tx.objectStore('brands').put({
            id: 'brand-trail',
            name: 'Trail Co',
            role: 'own',
            domains: ['hostile.localhost'],
            ...base,
          });
          tx.objectStore('studies').put({
            id: study,
            name: 'Trail shoes',
            wave: w2,
            waves: [w1, w2],
            requireReview: false,
            rubricId: 'default',
            rubricVersion: 1,
            brandIds: ['brand-trail'],
            ...base,
          });
          tx.objectStore('audits').put({
            id: 'audit-w1',
            studyId: study,
            brandId: 'brand-trail',
            wave: w1,
            purpose: 'audit',
            review: 'submitted',
            shopper: 'Ana',
            scenario: '',
            startedAt: base.createdAt,
            endedAt: base.createdAt,
            ...base,
          });
          tps.forEach((tp) => tx.objectStore('touchpoints').put(tp));
          const blob = new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], {
            type: 'image/png',
          });
          tx.objectStore('evidence').put({
            id: 'ev-promo',
            touchpointId: 'tp-promo',
            blob,
            mime: 'image/png',
            width: 3,
            height: 2,
            sha256: '0'.repeat(64),
            capturedAt: base.createdAt,
            url: null,
          });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { tps, study: STUDY, w1: W1, w2: W2, png: PNG_3X2 },
  );
  await page.close();
}

beforeAll(async () => {
  ({ server, ext } = await openSession());
  await seedWaves();
});

afterAll(() => closeSession({ server, ext }));

const item = (popup: Page, id: string) =>
  popup.locator(`[data-testid="reaudit-item"][data-id="${id}"]`);

/** Clicks "Visit again" on a checklist row of a fresh popup. */
async function clickVisit(id: string, popup?: Page): Promise<void> {
  popup ??= await ext.openExtensionPage('popup.html');
  await item(popup, id).getByTestId('reaudit-visit').click();
}

/** "Visit again" on a row: the tab the background opens, once the tagger's panel shows. */
async function visitInNewTab(id: string): Promise<Page> {
  const popup = await ext.openExtensionPage('popup.html');
  await item(popup, id).waitFor();
  const opened = ext.context.waitForEvent('page');
  await clickVisit(id, popup);
  const shop = await opened;
  await panel(shop).waitFor({ state: 'visible', timeout: 30_000 });
  return shop;
}

/** The stored touchpoint that re-audits `previousId`. */
async function reauditOf(previousId: string) {
  const { touchpoints } = await readSaved(ext);
  return touchpoints.find((t) => (t as { previousId?: string }).previousId === previousId) as
    (Record<string, unknown> & { anchor: { css: string; kind?: string } | null }) | undefined;
}

describe('re-audits', () => {
  it("lists the brand's previous-wave touchpoints once a wave-2 audit starts", async () => {
    const popup = await ext.openExtensionPage('popup.html');
    expect(await popup.getByTestId('reaudit-list').count()).toBe(0);
    await popup.getByTestId('popup-start-audit').click();
    await popup.getByTestId('audit-study').selectOption(STUDY);
    await popup.getByTestId('audit-brand').selectOption('brand-trail');
    await popup.getByTestId('audit-shopper').fill('Ben');
    await popup.getByTestId('audit-start').click();
    await popup.getByTestId('reaudit-list').waitFor();
    expect(await popup.getByTestId('reaudit-summary').textContent()).toBe(
      `6 of 6 touchpoints from ${W1} not re-audited yet.`,
    );
    const promo = item(popup, 'tp-promo');
    expect(await promo.textContent()).toContain('Pricing & promotions');
    expect(await promo.textContent()).toContain('Spring sale: 20 % off all trail shoes');
    expect(await promo.textContent()).toContain('hostile.localhost/reaudit/shop.html');
    expect(await promo.getByTestId('reaudit-state').textContent()).toBe('not yet');
    // The thumbnail is the stored screenshot; a touchpoint without one has an empty box.
    expect(await promo.getByTestId('reaudit-thumb').count()).toBe(1);
    expect(await item(popup, 'tp-returns').getByTestId('reaudit-thumb').count()).toBe(0);
    // Keyboard: the row's button is reachable and says what it visits.
    expect(await promo.getByTestId('reaudit-visit').getAttribute('aria-label')).toBe(
      'Visit again: Pricing & promotions on hostile.localhost/reaudit/shop.html',
    );
    await popup.close();
  });

  it('visits again an element found by its CSS selector whose text changed', async () => {
    const shop = await visitInNewTab('tp-delivery');
    const note = ui(shop).getByTestId('tagger-reaudit');
    expect(await note.getAttribute('data-relocated-by')).toBe('css');
    expect(await note.textContent()).toContain(`Re-audits a touchpoint of ${W1}`);
    expect(await note.textContent()).toContain('Its text changed.');
    expect(await ui(shop).getByTestId('tagger-reaudit-scores').textContent()).toBe(
      'Scored then: Speed & responsiveness N/A · Clarity of information 3',
    );
    // Shown where it was, and prefilled with the earlier category.
    expect(await shop.getByTestId('tagger-highlight').getAttribute('data-matched-by')).toBe('css');
    expect(await ui(shop).getByTestId('tagger-category').inputValue()).toBe('pricing_promotions');
    expect(await ui(shop).getByTestId('tagger-what').textContent()).toContain('over 40 €');
    await score(shop, 'clarity', 4);
    await saveAndWait(shop);
    await expect.poll(() => reauditOf('tp-delivery')).toBeDefined();
    expect(await reauditOf('tp-delivery')).toMatchObject({
      relocatedBy: 'css',
      textChanged: true,
      category: 'pricing_promotions',
      scores: { clarity: 4 },
      anchor: { css: '#delivery' },
    });
    await shop.close();
  });

  it('visits again an element found by its text, with the old screenshot beside the panel', async () => {
    const shop = await visitInNewTab('tp-promo');
    const note = ui(shop).getByTestId('tagger-reaudit');
    expect(await note.getAttribute('data-relocated-by')).toBe('text');
    const img = note.locator('img');
    expect(await img.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await img.getAttribute('alt')).toBe(`Screenshot from ${W1}`);
    expect(await shop.getByTestId('tagger-highlight').getAttribute('data-matched-by')).toBe('text');
    await saveAndWait(shop);
    await expect.poll(() => reauditOf('tp-promo')).toBeDefined();
    const tp = await reauditOf('tp-promo');
    expect(tp).toMatchObject({ relocatedBy: 'text', textChanged: false });
    // The new anchor describes the page as it is now.
    expect(tp!.anchor!.css).toContain('promo-strip');
    await shop.close();
  });

  it('tags the whole page when the element is gone', async () => {
    const shop = await visitInNewTab('tp-newsletter');
    expect(await ui(shop).getByTestId('tagger-reaudit').getAttribute('data-relocated-by')).toBe(
      'none',
    );
    expect(await ui(shop).getByTestId('tagger-what').textContent()).toBe('Tagged: the whole page');
    // Chrome stops an idle service worker: the pending re-audit waits in the database.
    const bg = await ext.openExtensionPage('popup.html');
    await stopServiceWorker(ext, bg);
    await bg.close();
    await shop.bringToFront();
    await saveAndWait(shop);
    await expect.poll(() => reauditOf('tp-newsletter')).toBeDefined();
    const tp = await reauditOf('tp-newsletter');
    expect(tp).toMatchObject({ relocatedBy: 'none', anchor: { kind: 'page' } });
    expect(tp).not.toHaveProperty('textChanged');
    await shop.close();
  });

  it('visits again on a page that listens to every event, which hears nothing of it', async () => {
    // The page is already open: "Visit again" brings that tab to the front.
    const page = await openPage(ext, hostileUrl());
    await page.mouse.move(5, 5);
    await page.waitForTimeout(200);
    const before = await page.evaluate(
      () => (window as unknown as { eventLog: string[] }).eventLog.length,
    );
    await clickVisit('tp-hostile');
    await panel(page).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await ui(page).getByTestId('tagger-reaudit').getAttribute('data-relocated-by')).toBe(
      'css',
    );
    const during = await page.evaluate(
      (n) => (window as unknown as { eventLog: string[] }).eventLog.slice(n),
      before,
    );
    // Switching back to the tab is what any shopper does; nothing else may reach the page.
    expect(during).toEqual([]);
    await score(page, 'clarity', 5);
    await saveAndWait(page);
    await expect.poll(() => reauditOf('tp-hostile')).toBeDefined();
    expect(await reauditOf('tp-hostile')).toMatchObject({ relocatedBy: 'css', textChanged: false });
    const log = (
      await page.evaluate(() => (window as unknown as { eventLog: string[] }).eventLog.slice(0))
    )
      .slice(before)
      .join('\n');
    expect(log).not.toMatch(/#target|#inner|keydown|pointerdown|mousedown|click/);
    expect(await page.title()).not.toBe('clicked');
    await page.close();
  });

  it('finds the element again inside a cross-origin frame, frame by frame', async () => {
    const shop = await visitInNewTab('tp-chat');
    expect(await ui(shop).getByTestId('tagger-reaudit').getAttribute('data-relocated-by')).toBe(
      'css',
    );
    // The frame that holds it outlines it.
    const outline = shop.frameLocator('#chat-frame').getByTestId('tagger-highlight');
    expect(await outline.getAttribute('data-matched-by')).toBe('css');
    expect(await ui(shop).getByTestId('tagger-category').inputValue()).toBe('live_chat');
    await saveAndWait(shop);
    await expect.poll(() => reauditOf('tp-chat')).toBeDefined();
    expect(await reauditOf('tp-chat')).toMatchObject({
      relocatedBy: 'css',
      textChanged: false,
      anchor: { css: '#agent-name', framePath: ['#chat-frame'] },
    });
    await shop.close();
  });

  it('shows what each touchpoint re-audits in the touchpoints view', async () => {
    const view = await ext.openExtensionPage(`touchpoints.html?study=${STUDY}`);
    const id = (await reauditOf('tp-promo'))!.id as string;
    const row = view.locator(`[data-testid="touchpoint-row"][data-id="${id}"]`);
    expect(await row.getByTestId('touchpoint-row-reaudit').textContent()).toBe('re-audit');
    await row.getByTestId('touchpoint-open').click();
    const line = view.getByTestId('touchpoint-reaudits');
    expect(await line.textContent()).toBe(
      `Re-audits Pricing & promotions “Spring sale: 20 % off all trail shoes” of ${W1} · found again by its text`,
    );
    await view.close();
  });

  it('marks what was re-audited, and lists what was not once the audit ends', async () => {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.getByTestId('reaudit-list').waitFor();
    expect(await popup.getByTestId('reaudit-summary').textContent()).toBe(
      `1 of 6 touchpoints from ${W1} not re-audited yet.`,
    );
    expect(await item(popup, 'tp-promo').getByTestId('reaudit-state').textContent()).toBe(
      're-audited',
    );
    await popup.getByTestId('popup-end-audit').click();
    await popup.getByTestId('reaudit-leftovers').waitFor();
    expect(await popup.getByTestId('reaudit-leftover-count').textContent()).toBe(
      'Last audit · not re-audited: 1',
    );
    const left = popup.locator('[data-testid="reaudit-leftovers"] [data-testid="reaudit-item"]');
    expect(await left.count()).toBe(1);
    expect(await left.getAttribute('data-id')).toBe('tp-returns');
    expect(await left.getByTestId('reaudit-state').textContent()).toBe('not re-audited');
    expect(await left.getByTestId('reaudit-visit').count()).toBe(0);
    await popup.close();
  });
});
