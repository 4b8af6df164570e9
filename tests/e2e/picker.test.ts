import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { openPage, panel, pickAt, startTagging, ui } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;
let page: Page;

beforeAll(async () => {
  ({ server, ext } = await openSession({ seed: true }));
  page = await openPage(ext, server.url('hostile', '/layers.html'));
});

afterAll(() => closeSession({ server, ext }));

/** The highlight's label while picking (the e2e build's shadow root is open). */
const label = () => page.locator('.highlight-label').textContent();

/** Points at the middle of an element and waits for the highlight to follow. */
async function pointAt(selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 - 5, box.y + box.height / 2 - 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await page.waitForTimeout(50);
}

async function cancel(): Promise<void> {
  await ui(page).getByTestId('tagger-cancel').click();
  await panel(page).waitFor({ state: 'detached' });
}

describe('the picker on a page with invisible layers', () => {
  it('takes the headline under a transparent full-width layer, and says so', async () => {
    await startTagging(page);
    await pointAt('#headline');
    await expect.poll(label).toMatch(/^h1 “Night trains are back/);
    await pickAt(page, page.locator('#headline'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-what').textContent()).toContain(
      'h1 “Night trains are back',
    );
    await cancel();
  });

  it('cycles through everything stacked under the pointer with Alt+wheel and [ ]', async () => {
    await startTagging(page);
    await pointAt('#headline');
    await expect.poll(label).toMatch(/^h1 /);
    await page.keyboard.down('Alt');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Alt');
    await expect.poll(label).toMatch(/^div .* · 3\/\d+$/);
    // Back past the headline to the transparent layer itself, on top of the stack.
    await page.keyboard.press('[');
    await expect.poll(label).toMatch(/^h1 .* · 2\/\d+$/);
    await page.keyboard.press('[');
    await expect.poll(label).toMatch(/^div .* · 1\/\d+$/);
    await page.keyboard.press('Enter');
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-what').textContent()).toBe('Tagged: div');
    await cancel();
  });

  it('preselects an ad slot by its Sponsored label, and says why', async () => {
    await startTagging(page);
    await pickAt(page, page.locator('#partner-image'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('online_ad');
    expect(await ui(page).getByTestId('tagger-stage').inputValue()).toBe('awareness');
    expect(await ui(page).getByTestId('tagger-guess').textContent()).toBe(
      'Guessed from the page: ad slot: Sponsored label',
    );
    await cancel();
  });

  it('preselects a newsletter box; the shopper’s correction wins', async () => {
    await startTagging(page);
    await pickAt(page, page.locator('#signup-email'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('newsletter_signup');
    expect(await ui(page).getByTestId('tagger-stage').inputValue()).toBe('consideration');
    expect(await ui(page).getByTestId('tagger-guess').textContent()).toContain(
      '“Subscribe” button',
    );
    await ui(page).getByTestId('tagger-category').selectOption('contact_form');
    expect(await ui(page).getByTestId('tagger-guess').count()).toBe(0);
    expect(await ui(page).getByTestId('tagger-category').inputValue()).toBe('contact_form');
    await cancel();
    // Nothing was submitted or followed.
    expect(page.url()).toBe(server.url('hostile', '/layers.html'));
  });
});
