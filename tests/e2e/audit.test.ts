import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { closeTab } from './support/leave';
import { closeSession, openSession } from './support/session';
import { readStore, tabIdOf } from './support/extension-db';
import { scoreLook } from './support/score-look';

let server: FixtureServer;
let ext: ExtensionSession;
let shopTabId: number;
let studyId: string;

// A 2 × 2 PNG, as a shopper's photo of a parcel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4z8AARAxg8j8AG/ID/fPnS7EAAAAASUVORK5CYII=',
  'base64',
);

beforeAll(async () => ({ server, ext } = await openSession()));
afterAll(() => closeSession({ server, ext }));

/** The popup as it opens over the shop's tab. */
const openPopup = () => ext.openExtensionPage(`popup.html?tab=${shopTabId}`);

describe('an audit from set-up to review', () => {
  it('sets up two brands and a study in the options page, refusing bad input at the field', async () => {
    const page = await ext.openExtensionPage('options.html');
    const addBrand = async (name: string, role: string, domains: string) => {
      await page.getByTestId('brand-new').click();
      await page.getByTestId('brand-name').fill(name);
      await page.getByTestId('brand-role').selectOption(role);
      await page.getByTestId('brand-domains').fill(domains);
      await page.getByTestId('brand-save').click();
    };
    await page.getByTestId('brand-new').click();
    await page.getByTestId('brand-save').click();
    await expect
      .poll(() => page.getByTestId('brand-error-name').textContent())
      .toMatch(/fill this in/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await addBrand('Northwind Running', 'own', 'http://northwind.localhost/');
    await addBrand('Contoso Sports', 'competitor', 'contoso.localhost');
    await expect.poll(() => page.getByTestId('brand-row').count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('brand-list').textContent())
      .toContain('northwind.localhost');

    await page.getByTestId('study-new').click();
    await page.getByTestId('study-name').fill('Running shoes');
    await page.getByTestId('study-wave').fill('2026-Q4');
    await page.getByLabel(/Northwind Running/).check();
    await page.getByLabel(/Contoso Sports/).check();
    await page.getByTestId('study-save').click();
    await expect.poll(() => page.getByTestId('study-row').textContent()).toContain('2026-Q4');
    const [study] = await readStore<{
      id: string;
      brandIds: string[];
      rubricId: string;
      rubricVersion: number;
    }>(page, 'studies');
    expect(study).toMatchObject({ rubricId: 'default', rubricVersion: 1 });
    expect(study!.brandIds).toHaveLength(2);
    studyId = study!.id;
    await page.close();
  });

  it('starts an audit from the popup over a demo shop, the brand proposed from the tab', async () => {
    const shop = await ext.context.newPage();
    await shop.goto(server.url('northwind', '/product.html'));
    shopTabId = await tabIdOf(ext, server.url('northwind', '/product.html'));
    let popup = await openPopup();
    await popup.getByTestId('popup-start-audit').click();
    await expect
      .poll(() => popup.getByTestId('audit-brand').locator('option:checked').textContent())
      .toBe('Northwind Running');
    expect(await popup.getByTestId('audit-study').locator('option:checked').textContent()).toBe(
      'Running shoes',
    );
    await popup.getByTestId('audit-scenario').fill('Buy running shoes as a first-time customer');
    // A click into the window with the brief closes the popup; opened again, it is as it was.
    await popup.close();
    popup = await openPopup();
    await popup.getByTestId('audit-form-restored').waitFor();
    expect(await popup.getByTestId('audit-scenario').inputValue()).toBe(
      'Buy running shoes as a first-time customer',
    );
    expect(await popup.getByTestId('audit-brand').locator('option:checked').textContent()).toBe(
      'Northwind Running',
    );
    await checkA11y(popup, 'popup with the start of an audit brought back');
    await popup.getByTestId('audit-shopper').fill('Ana');
    await popup.getByTestId('audit-start').click();
    await expect
      .poll(() => popup.getByTestId('popup-audit-title').textContent())
      .toBe('Auditing Northwind Running · Running shoes');
    expect(await popup.getByTestId('popup-tagged-total').textContent()).toBe(
      '0 touchpoints tagged',
    );
    // Started, the form is kept no more.
    const settings = await readStore<{ key: string; value: unknown }>(popup, 'settings');
    expect(settings.find((s) => s.key === 'startDraft')?.value ?? null).toBeNull();
    await popup.close();
  });

  it('adds an off-page touchpoint with a photo, and a page one through the background', async () => {
    let popup = await openPopup();
    await popup.getByTestId('popup-add-manual').click();
    await popup.getByTestId('tagger-channel').selectOption('in_store');
    await popup.getByTestId('tagger-category').selectOption('packaging');
    await popup.getByTestId('tagger-score-speed').locator('[data-value="4"]').click();
    await popup
      .getByTestId('manual-evidence')
      .setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG });
    // The shopper goes to find the parcel's tracking number: the popup closes, photo picked.
    await expect
      .poll(async () =>
        (await readStore<{ key: string; value: unknown }>(popup, 'settings')).some(
          (s) => s.key === 'manualPhoto' && s.value,
        ),
      )
      .toBe(true);
    await popup.close();
    popup = await openPopup();
    await popup.getByTestId('manual-restored').waitFor();
    expect(await popup.getByTestId('manual-evidence-kept').textContent()).toMatch(/parcel\.png/);
    await checkA11y(popup, 'popup with an off-page photo brought back');
    await popup.getByTestId('tagger-notes').fill('Box arrived dented');
    // Ctrl+Enter saves, as the form's hint says.
    await popup.getByTestId('tagger-notes').press('Control+Enter');
    await expect
      .poll(() => popup.getByTestId('popup-tagged-total').textContent())
      .toBe('1 touchpoint tagged');

    const form = {
      category: 'cart',
      stage: 'purchase',
      channel: 'web',
      scores: { speed: 2 },
      notes: 'Slow cart',
      includeFieldValues: false,
    };
    const place = { url: server.url('northwind', '/cart.html'), pageTitle: 'Cart', anchor: null };
    const answer = await popup.evaluate(
      (payload) =>
        chrome.runtime.sendMessage({
          channel: 'touchpoint-auditor',
          type: 'saveTouchpoint',
          payload,
        }),
      { id: crypto.randomUUID(), form, place },
    );
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
    await expect
      .poll(() => popup.getByTestId('popup-tagged-total').textContent())
      .toBe('2 touchpoints tagged');
    expect(await popup.getByTestId('popup-counts').textContent()).toMatch(
      /Packaging\s*1.*Cart\s*1|Cart\s*1.*Packaging\s*1/,
    );

    const [evidence] = await readStore<{
      mime: string;
      width: number;
      height: number;
      sha256: string;
    }>(popup, 'evidence');
    expect(evidence).toMatchObject({ mime: 'image/png', width: 2, height: 2 });
    expect(evidence!.sha256).toMatch(/^[0-9a-f]{64}$/);
    await popup.close();
  });

  it('brings back an off-page touchpoint typed when the popup closed, until it is cancelled', async () => {
    let popup = await openPopup();
    await popup.getByTestId('popup-add-manual').click();
    await popup.getByTestId('tagger-score-speed').locator('[data-value="2"]').click();
    await popup.getByTestId('tagger-notes').fill('On hold 14 minutes, then cut off');
    // The shopper clicks into another window: the popup closes at once.
    await popup.close();
    popup = await openPopup();
    await popup.getByTestId('manual-restored').waitFor();
    expect(await popup.getByTestId('tagger-notes').inputValue()).toBe(
      'On hold 14 minutes, then cut off',
    );
    expect(
      await popup
        .getByTestId('tagger-score-speed')
        .locator('[aria-checked="true"]')
        .getAttribute('data-value'),
    ).toBe('2');
    // The shopper sees which score they gave, and each criterion's help under its name.
    expect(await scoreLook(popup.getByTestId('tagger-score-speed'))).toEqual({
      chosenStandsOut: true,
      helpBelowName: true,
    });
    expect(await popup.getByTestId('tagger-channel').inputValue()).toBe('phone');
    await checkA11y(popup, 'popup with an off-page touchpoint brought back');
    await popup.getByTestId('manual-form').getByRole('button', { name: 'Cancel' }).click();
    await popup.getByTestId('popup-add-manual').waitFor();
    await popup.close();
    // Cancelled: the next popup is the audit's, and the form starts empty.
    popup = await openPopup();
    await popup.getByTestId('popup-add-manual').click();
    expect(await popup.getByTestId('tagger-notes').inputValue()).toBe('');
    expect(await popup.getByTestId('manual-restored').count()).toBe(0);
    await popup.close();
  });

  it('asks which brand an unclaimed host belongs to and remembers the answer', async () => {
    const chat = await ext.context.newPage();
    const url = server.url('chat', '/widget.html?brand=northwind');
    await chat.goto(url);
    const popup = await ext.openExtensionPage(`popup.html?tab=${await tabIdOf(ext, url)}`);
    await popup.getByTestId('popup-claim-new').check();
    await popup.getByTestId('popup-claim-name').fill('ChatCo');
    await popup.getByTestId('popup-claim-save').click();
    await expect
      .poll(() => popup.getByTestId('popup-claimed').textContent())
      .toBe('chat.localhost now belongs to ChatCo.');
    const brands = await readStore<{ name: string; domains: string[] }>(popup, 'brands');
    expect(brands.find((b) => b.name === 'ChatCo')?.domains).toEqual(['chat.localhost']);
    await popup.close();
    await chat.close();
  });

  it('edits, deletes and un-deletes a touchpoint in the touchpoints view', async () => {
    const page = await ext.openExtensionPage(`touchpoints.html?study=${studyId}`);
    await expect.poll(() => page.getByTestId('touchpoint-row').count()).toBe(2);
    const manual = page.getByTestId('touchpoint-row').filter({ hasText: 'Packaging' });
    await manual.getByTestId('touchpoint-open').click();
    await expect
      .poll(() =>
        page
          .getByTestId('touchpoint-evidence')
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(2);
    // The score given in the popup is shown chosen in the editor.
    expect(await scoreLook(page.getByTestId('tagger-score-speed'))).toEqual({
      chosenStandsOut: true,
      helpBelowName: true,
    });
    await page.getByTestId('tagger-category').selectOption('shipping_delivery');
    await page.getByTestId('tagger-notes').fill('Box arrived dented, late');
    // Ctrl+Enter saves here too, as the form's hint says.
    await page.getByTestId('tagger-notes').press('Control+Enter');
    await expect.poll(() => page.getByTestId('touchpoint-saved').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('touchpoints-list').textContent())
      .toContain('Shipping & delivery');

    const cart = page.getByTestId('touchpoint-row').filter({ hasText: 'Cart' });
    const cartId = await cart.getAttribute('data-id');
    await cart.getByTestId('touchpoint-open').click();
    await page.getByTestId('touchpoint-delete').click();
    await expect.poll(() => page.getByTestId('touchpoint-row').count()).toBe(1);
    let stored = await readStore<{ id: string; deleted?: boolean; notes: string }>(
      page,
      'touchpoints',
    );
    expect(stored.find((t) => t.id === cartId)?.deleted).toBe(true);
    await page.getByTestId('touchpoints-undo').click();
    await expect.poll(() => page.getByTestId('touchpoint-row').count()).toBe(2);
    stored = await readStore(page, 'touchpoints');
    expect(stored.find((t) => t.id === cartId)?.deleted).toBeUndefined();
    expect(stored.map((t) => t.notes).sort()).toEqual(['Box arrived dented, late', 'Slow cart']);
    const [stats] = await readStore<{ total: number; byCategory: Record<string, number> }>(
      page,
      'auditStats',
    );
    expect(stats).toMatchObject({ total: 2, byCategory: { cart: 1, shipping_delivery: 1 } });

    await page.getByTestId('filter-category').selectOption('cart');
    await expect.poll(() => page.getByTestId('touchpoint-row').count()).toBe(1);
    await page.close();
  });

  it('keeps a correction not saved while another touchpoint is open, and asks before the tab closes', async () => {
    const page = await ext.openExtensionPage(`touchpoints.html?study=${studyId}`);
    await expect.poll(() => page.getByTestId('touchpoint-row').count()).toBe(2);
    const row = (text: string) => page.getByTestId('touchpoint-row').filter({ hasText: text });
    await row('Cart').getByTestId('touchpoint-open').click();
    await page.getByTestId('tagger-notes').fill('Slow cart, coupon field hidden');
    // Another touchpoint opened before saving, then this one again: the correction is back.
    await row('Shipping').getByTestId('touchpoint-open').click();
    await expect
      .poll(() => page.getByTestId('tagger-notes').inputValue())
      .toBe('Box arrived dented, late');
    await row('Cart').getByTestId('touchpoint-open').click();
    await page.getByTestId('touchpoint-unsaved-back').waitFor();
    expect(await page.getByTestId('tagger-notes').inputValue()).toBe(
      'Slow cart, coupon field hidden',
    );
    await checkA11y(page, 'touchpoints view with a correction brought back');
    // Closing the tab now asks first; the shopper stays.
    expect(await closeTab(page)).toBe(true);
    expect(page.isClosed()).toBe(false);
    // Discarded, nothing is left to lose: the tab closes without a question.
    await page.getByTestId('touchpoint-discard').click();
    expect(await page.getByTestId('tagger-notes').inputValue()).toBe('Slow cart');
    expect(await closeTab(page)).toBe(false);
    const popup = await openPopup();
    const stored = await readStore<{ notes: string }>(popup, 'touchpoints');
    expect(stored.map((t) => t.notes).sort()).toEqual(['Box arrived dented, late', 'Slow cart']);
    await popup.close();
  });

  it('exports the study’s CSV and ends the audit from the popup', async () => {
    const popup = await openPopup();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('popup-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^touchpoint-auditor_running-shoes_touchpoints_\d{4}-\d\d-\d\d\.csv$/,
    );
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(3);
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[12])
        .sort(),
    ).toEqual(['manual', 'page']);
    await popup.getByTestId('popup-end-audit').click();
    await expect.poll(() => popup.getByTestId('popup-start-audit').count()).toBe(1);
    const [audit] = await readStore<{ endedAt: string | null; shopper: string }>(popup, 'audits');
    expect(audit!.endedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await popup.getByTestId('popup-start-audit').click();
    expect(await popup.getByTestId('audit-shopper').inputValue()).toBe('Ana');
    await popup.close();
  });
});
