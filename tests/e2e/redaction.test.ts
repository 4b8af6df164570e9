import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { evidencePixels, type PixelBox } from './support/evidence-pixels';
import { closeSession, openSession } from './support/session';
import {
  openPage,
  panel,
  readSaved,
  saveAndWait,
  score,
  startTagging,
  ui,
  waitForSaved,
} from './support/tagger';

/**
 * Redaction wired into the tagger, in real Chromium: tagging a confirmation page covers the
 * e-mail address, phone, card, IBAN and order number with solid boxes in the stored JPEG (and
 * leaves the price, date and labels visible), the touchpoint records what was covered, the
 * panel lists it and uncovers one kind for the next tag; a page watching its DOM sees nothing
 * of it during a capture.
 */
const CONFIRMATION = readFileSync(
  join(__dirname, '../fixtures/redaction/confirmation.html'),
  'utf8',
);
/** The same page, watching every change of its DOM as a hostile page would. */
const WATCHING = CONFIRMATION.replace(
  '</body>',
  `<script>
    window.changes = 0;
    new MutationObserver((r) => (window.changes += r.length)).observe(document, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
    window.popovers = 0;
    let shown = 0;
    const poll = () => {
      const n = document.querySelectorAll('[popover], :popover-open, :modal').length;
      if (n !== shown) window.popovers++;
      shown = n;
      requestAnimationFrame(poll);
    };
    poll();
  </script></body>`,
);

/** The masks' colour (`.mask` in the tagger's style sheet). */
const MASK: [number, number, number] = [0x5b, 0x64, 0x70];

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => {
  ({ server, ext } = await openSession({ seed: true }));
  // The fixture is served from the audited brand's own host, so the tagger runs there.
  await ext.context.route(/northwind\.localhost:\d+\/redaction\//, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: route.request().url().includes('watching') ? WATCHING : CONFIRMATION,
    }),
  );
});
afterAll(() => closeSession({ server, ext }));

/** The viewport box of the first occurrence of `text` in the page's text. */
async function rectOfText(page: Page, text: string): Promise<PixelBox> {
  const rect = await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(t);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + t.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
  if (!rect) throw new Error(`no text "${text}" on the page`);
  return rect;
}

/** A viewport box as image pixels of a whole-page capture, `inset` CSS pixels inside it. */
const toImage = (r: PixelBox, scale: number, inset = 1): PixelBox => ({
  x: Math.round((r.x + inset) * scale),
  y: Math.round((r.y + inset) * scale),
  width: Math.max(1, Math.round((r.width - 2 * inset) * scale)),
  height: Math.max(1, Math.round((r.height - 2 * inset) * scale)),
});

const knownIds = async () => new Set((await readSaved(ext)).touchpoints.map((t) => t.id));

/** Waits for the touchpoint stored after `known`. */
async function savedAfter(known: Set<string>) {
  const { touchpoints, evidence } = await waitForSaved(ext, known.size + 1);
  const tp = touchpoints.find((t) => !known.has(t.id))!;
  expect(tp).toBeDefined();
  const ev = evidence.find((e) => e.touchpointId === tp.id)!;
  expect(ev).toBeDefined();
  return { tp, ev };
}

/** Tags the whole page (the capture is the viewport) and waits for the panel. */
async function tagWholePage(page: Page) {
  await startTagging(page);
  await ui(page).getByTestId('tagger-whole-page').click();
  await panel(page).waitFor({ state: 'visible' });
  await score(page, 'clarity', 3);
}

/** Texts the boxes must cover, and ordinary text that must stay visible. */
const SECRETS = {
  email: 'anna.berzina@inbox.lv',
  order: 'A-204551',
  card: '4242 4242',
  phone: '+371 2000 0000',
  iban: 'LV80 BANK 0000 4351 9500 1',
};
const PLAIN = {
  heading: 'Thank you, your order is confirmed',
  price: '1 299,00 €',
  label: 'Order number',
  date: '30.11.2026',
};

describe('screenshots cover personal data in page text', () => {
  it('covers each kind with a solid box, keeps the rest visible, records it and lets a kind be uncovered', async () => {
    const page = await openPage(ext, server.url('northwind', '/redaction/confirmation.html'));
    const scale0 = await page.evaluate(() => innerWidth);
    let known = await knownIds();
    await tagWholePage(page);

    // The pick's capture covered them: the panel says what, one line per kind.
    const list = ui(page).getByTestId('tagger-redactions');
    await list.waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(() => list.locator('li').count()).toBe(5);
    expect(await ui(page).getByTestId('tagger-redact-email').textContent()).toContain(
      '1 e-mail address',
    );
    expect(await ui(page).getByTestId('tagger-redact-card').textContent()).toContain(
      '1 card number',
    );
    await checkA11y(page, 'tagger panel listing what was covered', panel(page));

    const rects = Object.fromEntries(
      await Promise.all(
        Object.entries({ ...SECRETS, ...PLAIN }).map(async ([k, t]) => [
          k,
          await rectOfText(page, t),
        ]),
      ),
    ) as Record<keyof typeof SECRETS | keyof typeof PLAIN, PixelBox>;
    await saveAndWait(page);
    const first = await savedAfter(known);
    const scale = first.ev.width / scale0;
    for (const kind of Object.keys(SECRETS) as (keyof typeof SECRETS)[]) {
      const stats = await evidencePixels(ext, first.tp.id, toImage(rects[kind], scale), MASK);
      expect(stats.nearColour, `${kind} covered`).toBeGreaterThan(0.95);
      expect(stats.spread, `${kind} solid`).toBeLessThan(40);
    }
    for (const what of Object.keys(PLAIN) as (keyof typeof PLAIN)[]) {
      const stats = await evidencePixels(ext, first.tp.id, toImage(rects[what], scale), MASK);
      expect(stats.nearColour, `${what} visible`).toBeLessThan(0.3);
      expect(stats.spread, `${what} has text`).toBeGreaterThan(80);
    }
    expect(first.tp.redactions).toEqual([
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 1 },
      { kind: 'card', count: 1 },
      { kind: 'iban', count: 1 },
      { kind: 'order', count: 1 },
    ]);

    // The next tag: the shopper uncovers the e-mail address (from the keyboard) before Save.
    known = await knownIds();
    await tagWholePage(page);
    const uncover = ui(page).getByTestId('tagger-uncover-email');
    await uncover.waitFor({ state: 'visible', timeout: 5_000 });
    await uncover.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => uncover.getAttribute('aria-pressed')).toBe('true');
    expect(await uncover.textContent()).toBe('Cover again');
    await checkA11y(page, 'tagger panel with a kind uncovered', panel(page));
    await saveAndWait(page);
    const second = await savedAfter(known);
    const email = await evidencePixels(ext, second.tp.id, toImage(rects.email, scale), MASK);
    expect(email.nearColour).toBeLessThan(0.3);
    expect(email.spread).toBeGreaterThan(80);
    const card = await evidencePixels(ext, second.tp.id, toImage(rects.card, scale), MASK);
    expect(card.nearColour).toBeGreaterThan(0.95);
    expect(second.tp.redactions).toContainEqual({ kind: 'email', count: 1, uncovered: true });
    expect(second.tp.redactions).toContainEqual({ kind: 'card', count: 1 });
    await page.close();
  });

  it('adds nothing a watching page can see while it covers its text for a capture', async () => {
    const page = await openPage(ext, server.url('northwind', '/redaction/watching.html'));
    const scale0 = await page.evaluate(() => innerWidth);
    const known = await knownIds();
    await tagWholePage(page);
    await ui(page).getByTestId('tagger-redactions').waitFor({ state: 'visible', timeout: 5_000 });
    const email = await rectOfText(page, SECRETS.email);
    // From here on (the tagger's layer is up), the captures at Save add nothing to the page.
    const before = await page.evaluate(() => {
      const w = window as unknown as { changes: number; popovers: number };
      return { changes: w.changes, popovers: w.popovers };
    });
    await saveAndWait(page);
    const { tp, ev } = await savedAfter(known);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { changes: number; popovers: number };
      return { changes: w.changes, popovers: w.popovers };
    });
    const stats = await evidencePixels(ext, tp.id, toImage(email, ev.width / scale0), MASK);
    expect(stats.nearColour).toBeGreaterThan(0.95);
    // Closing the panel takes the tagger's layer down: one change at most, none from the masks.
    expect(seen.changes - before.changes).toBeLessThanOrEqual(1);
    expect(seen.popovers - before.popovers).toBeLessThanOrEqual(1);
    await page.close();
  });
});
