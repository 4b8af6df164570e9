import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { openPage, panel, pickAt, startTagging, ui, waitForSaved } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

// A high-DPI screen: the crop must still frame the element.
beforeAll(
  async () =>
    ({ server, ext } = await openSession({ seed: true, launch: { deviceScaleFactor: 2 } })),
);
afterAll(() => closeSession({ server, ext }));

describe('the tagger from the keyboard, on a high-DPI screen', () => {
  it('scores with digits and N, moves by its header, saves with Ctrl+Enter, crops on a 2x page', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    await startTagging(page);
    const target = page.locator('#price-block');
    await pickAt(page, target);
    await panel(page).waitFor({ state: 'visible' });

    await ui(page).getByTestId('tagger-score-speed').focus();
    await page.keyboard.press('4');
    await ui(page).getByTestId('tagger-score-trust').focus();
    await page.keyboard.press('n');

    // The panel opened beside the price block (on the right of the page), not over it.
    const before = (await panel(page).boundingBox())!;
    const picked = (await target.boundingBox())!;
    expect(before.x + before.width).toBeLessThan(picked.x);
    const head = ui(page).getByTestId('tagger-panel').locator('header');
    const grip = (await head.boundingBox())!;
    await page.mouse.move(grip.x + 20, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + 220, grip.y + grip.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    const after = (await panel(page).boundingBox())!;
    expect(Math.abs(after.x - before.x - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.y - before.y - 60)).toBeLessThanOrEqual(2);

    await ui(page).getByTestId('tagger-notes').focus();
    await page.keyboard.press('Control+Enter');
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });

    const { touchpoints, evidence } = await waitForSaved(ext, 1);
    expect(touchpoints[0]!.scores).toEqual({ speed: 4, trust: 'NA' });
    const box = (await target.boundingBox())!;
    const ev = evidence.find((e) => e.touchpointId === touchpoints[0]!.id)!;
    // The element plus a 16 px margin each side, at the screenshot's scale (headless Chromium
    // captures emulated 2x pages at 1x; a real high-DPI screen gives 2x): either way the crop
    // frames the element, keeping its proportions.
    const scale = ev.width / (box.width + 32);
    expect([1, 2].some((s) => Math.abs(scale - s) < 0.02)).toBe(true);
    expect(Math.abs(ev.height - (box.height + 32) * scale)).toBeLessThanOrEqual(2 * scale);
    await page.close();
  });

  it('asks for a second Escape before throwing away a written tag; an input method keeps its own', async () => {
    const url = server.url('northwind', '/product.html?popup=0&escape=1');
    const page = await openPage(ext, url);
    await startTagging(page);
    await pickAt(page, page.locator('#price-block'));
    await panel(page).waitFor({ state: 'visible' });
    const notes = ui(page).getByTestId('tagger-notes');
    await notes.click();
    await page.keyboard.type('Price shown without VAT');
    // An Escape that ends a composition (Vietnamese, Chinese input) belongs to the input method.
    await notes.evaluate((el) =>
      el.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true }),
      ),
    );
    // One stray Escape: the tag stays, and the panel says what a second would do.
    await page.keyboard.press('Escape');
    const status = ui(page).getByTestId('tagger-status');
    await expect
      .poll(() => status.textContent())
      .toBe('Press Esc again to discard this touchpoint and what you wrote.');
    expect(await panel(page).isVisible()).toBe(true);
    expect(await notes.inputValue()).toBe('Price shown without VAT');
    // The second one discards it: no draft comes back on this page.
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    await page.keyboard.press('Alt+Shift+T');
    await ui(page).getByTestId('tagger-toolbar').waitFor();
    expect(await panel(page).isVisible()).toBe(false);
    // With nothing written, one Escape is enough.
    await pickAt(page, page.locator('#price-block'));
    await panel(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('in a window made short the panel fits it, scrolls inside itself and nothing in it moves', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    await startTagging(page);
    await pickAt(page, page.locator('#price-block'));
    await panel(page).waitFor({ state: 'visible' });
    // The shopper makes the window short with the panel open: the panel fits it again, as tall
    // as the window allows (16 px either side), and scrolls its own content; its frame's
    // document does not scroll, so a frame that grows moves nothing under the pointer.
    await page.setViewportSize({ width: 1000, height: 360 });
    await expect
      .poll(async () => (await panel(page).boundingBox())!.height)
      .toBeLessThanOrEqual(360 - 32);
    const head = ui(page).getByTestId('tagger-panel').locator('header');
    const headAt = (await head.boundingBox())!;
    const scrolls = () =>
      ui(page)
        .getByTestId('tagger-panel')
        .evaluate((el) => ({
          panel: el.scrollHeight > el.clientHeight,
          document: document.scrollingElement!.scrollTop,
        }));
    expect(await scrolls()).toEqual({ panel: true, document: 0 });

    await ui(page).getByTestId('tagger-notes').fill('Price block, seen in a short window');
    // Save, at the panel's foot, is brought into view by scrolling the panel: the header stays.
    await ui(page).getByTestId('tagger-save').scrollIntoViewIfNeeded();
    expect((await head.boundingBox())!.y).toBe(headAt.y);
    expect((await scrolls()).document).toBe(0);
    await ui(page).getByTestId('tagger-save').click();
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });
    const { touchpoints } = await waitForSaved(ext, 2);
    expect(touchpoints.map((t) => t.notes)).toContain('Price block, seen in a short window');
    await page.close();
  });

  it('brings the draft back on the next checkout step, in the same tab', async () => {
    const page = await openPage(ext, server.url('northwind', '/checkout.html'));
    await startTagging(page);
    await pickAt(page, page.locator('#order-summary h2'));
    await panel(page).waitFor({ state: 'visible' });
    await ui(page).getByTestId('tagger-category').selectOption('checkout_step');
    await ui(page).getByTestId('tagger-notes').fill('Delivery options explained before payment');
    await page.waitForTimeout(600);
    // The shopper goes on with the checkout: the page navigates to its next step.
    await page.goto(server.url('northwind', '/checkout.html?step=payment'), { waitUntil: 'load' });
    expect(await panel(page).count()).toBe(0);
    // Opening the tagger again brings the unsaved draft straight back.
    await page.keyboard.press('Alt+Shift+T');
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-notes').inputValue()).toBe(
      'Delivery options explained before payment',
    );
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('checkout_step');
    await ui(page).getByTestId('tagger-cancel').click();
    await page.close();
  });
});
