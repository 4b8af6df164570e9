import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { closeSession, openSession } from './support/session';
import { tabIdOf } from './support/extension-db';
import {
  openPage,
  panel,
  perfStatsOf,
  pickAt,
  readSaved,
  saveAndWait,
  score,
  seedAudit,
  startTagging,
  startTaggingByCommand,
  ui,
  waitForSaved,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession()));
afterAll(() => closeSession({ server, ext }));

describe('tagging without an audit', () => {
  it('says no audit runs and offers to start one instead of failing', async () => {
    const page = await openPage(ext, server.url('northwind', '/returns.html'));
    // Outside an audit the page has no tagger: the command runs one in the tab on demand.
    await startTaggingByCommand(ext, page);
    await pickAt(page, page.locator('#returns-policy'));
    await expect.poll(() => ui(page).getByTestId('tagger-no-audit').isVisible()).toBe(true);
    expect(await ui(page).getByTestId('tagger-save').isDisabled()).toBe(true);
    const opened = ext.context.waitForEvent('page');
    await ui(page).getByTestId('tagger-open-popup').click();
    expect((await opened).url()).toContain('/popup.html');
    await ui(page).getByTestId('tagger-cancel').click();
    await panel(page).waitFor({ state: 'detached' });
    await page.close();
  });
});

describe('tagging on the demo shop', () => {
  beforeAll(async () => {
    await seedAudit(ext);
  });

  it('tags "Place order" without placing the order, scores it and stores it with evidence', async () => {
    const page = await openPage(ext, server.url('northwind', '/checkout.html'));
    await page.fill('#ship-name', 'Ana Lopez');
    await page.fill('#ship-email', 'ana@example.com');
    await page.fill('#ship-address', '1 High Street');
    await page.fill('#ship-city', 'Springfield');
    await page.fill('#ship-postcode', '12345');
    await page.click('#continue-to-payment');
    await page.fill('#card-number', '4242 4242 4242 4242');
    const url = page.url();
    server.requests.length = 0;

    await startTagging(page);
    await pickAt(page, page.locator('#place-order'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('payment');
    expect(await ui(page).getByTestId('tagger-stage').inputValue()).toBe('purchase');
    expect(await ui(page).getByTestId('tagger-audit').textContent()).toContain('Northwind Running');
    await score(page, 'speed', 4);
    await score(page, 'trust', 'NA');
    await ui(page).getByTestId('tagger-score-clarity').focus();
    await page.keyboard.press('5');
    await ui(page).getByTestId('tagger-notes').fill('Clear total, "no hidden fees".');
    await saveAndWait(page);

    const { touchpoints, evidence } = await waitForSaved(ext, 1);
    const tp = touchpoints.find((t) => t.category === 'payment')!;
    expect(tp).toMatchObject({
      stage: 'purchase',
      channel: 'web',
      url,
      notes: 'Clear total, "no hidden fees".',
    });
    expect(tp.scores).toEqual({ speed: 4, trust: 'NA', clarity: 5 });
    expect(tp.anchor?.css).toContain('place-order');
    expect(tp.anchor?.text).toBe('Place order');
    const ev = evidence.find((e) => e.touchpointId === tp.id)!;
    expect(ev).toMatchObject({ mime: 'image/jpeg', blobType: 'image/jpeg', url });
    expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ev.width).toBeGreaterThan(20);
    expect(ev.width).toBeLessThan(1280);

    // The order was not placed: same page, no confirmation requested, no order stored.
    await page.waitForTimeout(600);
    expect(page.url()).toBe(url);
    expect(server.requests.some((r) => r.url.includes('confirmation'))).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('northwind-order'))).toBeNull();
    await page.close();
  });

  it('keeps the draft through a reload and brings it back when the tagger opens again', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html'));
    await startTagging(page);
    await pickAt(page, page.locator('#price-block'));
    await panel(page).waitFor({ state: 'visible' });
    await ui(page).getByTestId('tagger-category').selectOption('pricing_promotions');
    await score(page, 'clarity', 3);
    await ui(page).getByTestId('tagger-notes').fill('Sale price clear, tax included');
    await page.waitForTimeout(600);
    await page.reload({ waitUntil: 'load' });
    expect(await panel(page).count()).toBe(0);

    await page.keyboard.press('Alt+Shift+T');
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-notes').inputValue()).toBe(
      'Sale price clear, tax included',
    );
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('pricing_promotions');
    expect(
      await ui(page)
        .getByTestId('tagger-score-clarity')
        .locator('[aria-checked="true"]')
        .getAttribute('data-value'),
    ).toBe('3');
    const before = (await readSaved(ext)).touchpoints.length;
    await saveAndWait(page);
    const { touchpoints } = await waitForSaved(ext, before + 1);
    expect(touchpoints.find((t) => t.notes === 'Sale price clear, tax included')).toMatchObject({
      category: 'pricing_promotions',
      stage: 'consideration',
      scores: { clarity: 3 },
    });
    await page.close();
  });

  it('says in the popup which tags are not saved yet, until they are', async () => {
    const page = await openPage(ext, server.url('northwind', '/cart.html?unsaved=1'));
    await startTagging(page);
    await pickAt(page, page.locator('h1'));
    await panel(page).waitFor({ state: 'visible' });
    const popup = await ext.openExtensionPage('popup.html');
    const notice = popup.getByTestId('popup-unsaved-tags');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^Not saved yet: 1 touchpoint tagged on .+\. Save or cancel it in its tab/);
    expect(await notice.textContent()).toContain(await page.title());
    await checkA11y(popup, 'popup saying a tag is not saved yet');
    // Cancelled in its tab, the popup says no more.
    await ui(page).getByTestId('tagger-cancel').click();
    await panel(page).waitFor({ state: 'detached' });
    await notice.waitFor({ state: 'detached' });
    await popup.close();
    await page.close();
  });

  it('tags inside the cross-origin chat iframe and opens the panel in the top frame as live chat', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html?chat=open'));
    const frame = page.frameLocator('#chat-frame');
    await frame.locator('#chat-header').waitFor();
    await startTagging(page);
    await page.waitForTimeout(300);
    await pickAt(page, frame.locator('#agent-name'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('live_chat');
    expect(await ui(page).getByTestId('tagger-channel').inputValue()).toBe('chat');
    await score(page, 'speed', 5);
    const before = (await readSaved(ext)).touchpoints.length;
    await saveAndWait(page);
    const { touchpoints } = await waitForSaved(ext, before + 1);
    const tp = touchpoints.find((t) => t.category === 'live_chat')!;
    expect(tp.anchor?.framePath).toEqual(['#chat-frame']);
    expect(tp.anchor?.css).toBe('#agent-name');
    await page.close();
  });

  it('tags a link without following it, moving to its parent with the wheel', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html'));
    const url = page.url();
    await startTagging(page);
    await pickAt(page, page.locator('#main-nav a[href="returns.html"]'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-what').textContent()).toContain('Delivery & returns');
    await ui(page).getByTestId('tagger-cancel').click();
    await panel(page).waitFor({ state: 'detached' });

    await startTagging(page);
    const link = page.locator('#main-nav a[href="returns.html"]');
    const box = (await link.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(50);
    await page.mouse.wheel(0, -100);
    await page.keyboard.press('Enter');
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-what').textContent()).toContain('nav');
    await ui(page).getByTestId('tagger-cancel').click();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await page.close();
  });

  it('tags a dragged rectangle', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html'));
    await startTagging(page);
    await ui(page).getByTestId('tagger-region').click();
    await page.mouse.move(100, 200);
    await page.mouse.down();
    await page.mouse.move(300, 320, { steps: 4 });
    await page.mouse.up();
    await panel(page).waitFor({ state: 'visible' });
    const before = (await readSaved(ext)).touchpoints.length;
    await saveAndWait(page);
    const { touchpoints, evidence } = await waitForSaved(ext, before + 1);
    const tp = touchpoints.find((t) => t.anchor?.kind === 'region')!;
    expect(tp.anchor?.rect).toMatchObject({ width: 200, height: 120 });
    expect(evidence.find((e) => e.touchpointId === tp.id)).toMatchObject({
      width: 232,
      height: 152,
    });
    const tabId = await tabIdOf(ext, page.url());
    const stats = await perfStatsOf(ext, tabId);
    console.log('[bench] Save → touchpoint + evidence stored:', JSON.stringify(stats));
    expect(stats).toMatchObject({ ok: true, value: { saves: 1 } });
    await page.close();
  });

  it('tags a webmail page whole as an order confirmation read in e-mail, and says it is another brand', async () => {
    const page = await openPage(ext, server.url('mail', '/?msg=northwind'));
    await startTagging(page);
    await ui(page).getByTestId('tagger-whole-page').click();
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('order_confirmation');
    expect(await ui(page).getByTestId('tagger-channel').inputValue()).toBe('email');
    expect(await ui(page).getByTestId('tagger-stage').inputValue()).toBe('post_purchase');
    await ui(page).getByTestId('tagger-cancel').click();
    await panel(page).waitFor({ state: 'detached' });

    const rival = await openPage(ext, server.url('contoso', '/returns.html'));
    await startTagging(rival);
    await ui(rival).getByTestId('tagger-whole-page').click();
    await expect
      .poll(() => ui(rival).getByTestId('tagger-other-brand').textContent())
      .toContain('Contoso Sports');
    await ui(rival).getByTestId('tagger-cancel').click();
    await page.close();
    await rival.close();
  });
});
