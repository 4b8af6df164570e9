import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../../tests/support/browser';
import type { FixtureServer } from '../../tests/support/fixture-server';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  score,
  startTagging,
  ui,
} from '../../tests/e2e/support/tagger';
import { endAuditFromPopup, startAuditFromPopup, tabIdOf } from './setup';

/** A demo shop's host name. */
export type Shop = 'northwind' | 'contoso';
type Scores = Record<string, number | 'NA'>;

/** One touchpoint the shopper meets on a page, and how they score it. */
interface PageStep {
  path: (shop: Shop) => string;
  host?: (shop: Shop) => string;
  target: (page: Page, shop: Shop) => Locator;
  category: string;
  /** A direct child to hover first; the shopper then moves up to the element itself (↑, Enter). */
  child?: string;
  scores: Record<Shop, Scores>;
  notes: Record<Shop, string>;
}

// Scores a shopper might give after walking both shops (the storefront README lists what
// differs: Contoso's pushy pop-up, slow curt chat and a service fee that first shows at payment).
const STEPS: PageStep[] = [
  {
    path: () => '/?popup=0',
    target: (page) => page.locator('#ad-banner'),
    category: 'online_ad',
    scores: {
      northwind: { speed: 3, clarity: 3, personalisation: 2, trust: 3, consistency: 4 },
      contoso: { speed: 5, clarity: 4, personalisation: 4, trust: 3, consistency: 4 },
    },
    notes: {
      northwind: 'Generic spring sale; nothing for a first-time runner.',
      contoso: 'Eye-catching, tailored to beginners (its countdown restarts on every visit).',
    },
    child: '.ad-label',
  },
  {
    path: () => '/product.html?chat=open&popup=0',
    target: (page) => page.frameLocator('#chat-frame').locator('#agent-name'),
    category: 'live_chat',
    scores: {
      northwind: { speed: 5, empathy: 5, resolution: 4, effort: 4 },
      contoso: { speed: 1, empathy: 1, resolution: 1, effort: 2 },
    },
    notes: {
      northwind: 'Maya answered within a second, by name.',
      contoso: 'Reply after 4 s: "Read the FAQ."',
    },
  },
  {
    path: () => '/checkout.html?step=payment',
    target: (page) => page.locator('#order-summary'),
    child: 'h2',
    category: 'checkout_step',
    scores: {
      northwind: { clarity: 5, effort: 4, trust: 5 },
      contoso: { clarity: 1, effort: 3, trust: 2 },
    },
    notes: {
      northwind: 'Total unchanged from the cart.',
      contoso: 'A service fee appears only at payment.',
    },
  },
  {
    path: (shop) => `/?msg=${shop}`,
    host: () => 'mail',
    target: (page, shop) => page.locator(`#message-${shop}`),
    category: 'order_confirmation',
    scores: {
      northwind: { clarity: 5, consistency: 5, trust: 5 },
      contoso: { clarity: 2, consistency: 2, trust: 2 },
    },
    notes: {
      northwind: 'Items, total, delivery date and returns link.',
      contoso: 'Vague, and the total differs from the cart.',
    },
  },
];

const PHONE: Record<Shop, { scores: Scores; notes: string }> = {
  northwind: {
    scores: { speed: 4, empathy: 5, resolution: 5 },
    notes: 'Phone: returns question answered in 3 minutes.',
  },
  contoso: {
    scores: { speed: 2, empathy: 3, resolution: 2 },
    notes: 'Phone: 12 minutes on hold, then transferred.',
  },
};

/** Tags one page touchpoint: picks it, checks the category, scores, writes a note, saves. */
async function tagStep(
  ext: ExtensionSession,
  server: FixtureServer,
  shop: Shop,
  step: PageStep,
): Promise<void> {
  const page = await openPage(ext, server.url(step.host?.(shop) ?? shop, step.path(shop)));
  const target = step.target(page, shop);
  await target.waitFor({ timeout: 10_000 });
  await startTagging(page);
  if (step.child) {
    // As a shopper would: hover a part of it, go up to the whole element, select it.
    const box = (await target.locator(`> ${step.child}`).first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(50);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
  } else {
    await pickAt(page, target);
  }
  await panel(page).waitFor();
  await ui(page).getByTestId('tagger-category').selectOption(step.category);
  for (const [criterion, value] of Object.entries(step.scores[shop]))
    await score(page, criterion, value);
  await ui(page).getByTestId('tagger-notes').fill(step.notes[shop]);
  await saveAndWait(page);
  await page.close();
}

/** Records the off-page phone call from the popup's form. */
export async function addPhoneCall(ext: ExtensionSession, shop: Shop): Promise<void> {
  const popup = await ext.openExtensionPage('popup.html');
  await popup.getByTestId('popup-add-manual').click();
  await popup.getByTestId('tagger-channel').selectOption('phone');
  await popup.getByTestId('tagger-category').selectOption('customer_support');
  for (const [criterion, value] of Object.entries(PHONE[shop].scores)) {
    await popup.getByTestId(`tagger-score-${criterion}`).locator(`[data-value="${value}"]`).click();
  }
  await popup.getByTestId('tagger-notes').fill(PHONE[shop].notes);
  await popup.getByTestId('manual-save').click();
  await popup.getByTestId('popup-end-audit').waitFor();
  await popup.close();
}

/**
 * Opens the shop's home page (with `query`, e.g. `wave=2`) and starts the demo shopper's audit
 * of it from the popup over that tab.
 */
export async function startShopAudit(
  ext: ExtensionSession,
  server: FixtureServer,
  shop: Shop,
  brandName: string,
  query = '',
): Promise<void> {
  const home = await openPage(ext, server.url(shop, `/?popup=0${query ? `&${query}` : ''}`));
  await startAuditFromPopup(
    ext,
    await tabIdOf(ext, home.url()),
    brandName,
    'Buy running shoes as a first-time customer and ask a question in chat',
    'Demo shopper',
  );
  await home.close();
}

/** A shopper's audit of one shop, from the popup's start to its end. */
export async function auditShop(
  ext: ExtensionSession,
  server: FixtureServer,
  shop: Shop,
  brandName: string,
): Promise<number> {
  await startShopAudit(ext, server, shop, brandName);
  for (const step of STEPS) await tagStep(ext, server, shop, step);
  await addPhoneCall(ext, shop);
  await endAuditFromPopup(ext);
  return STEPS.length + 1;
}
