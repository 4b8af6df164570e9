import type { ExtensionSession } from '../../tests/support/browser';
import type { FixtureServer } from '../../tests/support/fixture-server';
import { readStore } from '../../tests/e2e/support/extension-db';
import { panel, saveAndWait, score, ui } from '../../tests/e2e/support/tagger';
import { addPhoneCall, startShopAudit, type Shop } from './scripted-audit';
import { endAuditFromPopup } from './setup';

type Scores = Record<string, number | 'NA'>;

// A quarter later (the storefront README's "Wave 2"): Contoso shows its service fee from the
// cart on, its chat answers within two seconds, its countdown ad is gone; Northwind rebuilt its
// ad with the same words. What a shopper re-auditing each touchpoint might give.
const AGAIN: Record<Shop, Record<string, { scores: Scores; notes: string }>> = {
  northwind: {
    online_ad: {
      scores: { speed: 3, clarity: 4, personalisation: 2, trust: 3, consistency: 4 },
      notes: 'Same sale, clearer headline.',
    },
    live_chat: {
      scores: { speed: 5, empathy: 4, resolution: 4, effort: 4 },
      notes: 'Still quick and by name.',
    },
    checkout_step: { scores: { clarity: 5, effort: 4, trust: 5 }, notes: 'Unchanged.' },
    order_confirmation: { scores: { clarity: 5, consistency: 5, trust: 5 }, notes: 'Unchanged.' },
  },
  contoso: {
    online_ad: { scores: {}, notes: 'The countdown ad is gone.' },
    live_chat: {
      scores: { speed: 4, empathy: 3, resolution: 3, effort: 3 },
      notes: 'Reply within 2 s, polite, still points to the FAQ.',
    },
    checkout_step: {
      scores: { clarity: 4, effort: 3, trust: 4 },
      notes: 'The service fee now shows from the cart on.',
    },
    order_confirmation: {
      scores: { clarity: 2, consistency: 2, trust: 2 },
      notes: 'Still vague.',
    },
  },
};

/** Opens the study's next wave from the options page, with the label it proposes. */
export async function openNextWave(ext: ExtensionSession): Promise<void> {
  const page = await ext.openExtensionPage('options.html');
  await page.getByTestId('study-next-wave').first().click();
  await page.getByTestId('next-wave-open').click();
  await page.getByTestId('study-waves').first().waitFor();
  await page.close();
}

/**
 * A shopper's re-audit of one shop in the next wave: starts the audit, then for each row of
 * the popup's checklist presses "Visit again", scores the touchpoint the tagger opens on and
 * saves; records the phone call again and ends the audit. Returns the touchpoints stored.
 */
export async function reauditShop(
  ext: ExtensionSession,
  server: FixtureServer,
  shop: Shop,
  brandName: string,
): Promise<number> {
  // The shop as it is a quarter later, in every tab from now on.
  await startShopAudit(ext, server, shop, brandName, 'wave=2');
  const popup = await ext.openExtensionPage('popup.html');
  const rows = popup.getByTestId('reaudit-item');
  await rows.first().waitFor();
  const ids = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
  const earlier = await readStore<{ id: string; category: string }>(popup, 'touchpoints');
  await popup.close();
  for (const id of ids) {
    const category = earlier.find((tp) => tp.id === id)!.category;
    const again = AGAIN[shop][category]!;
    const list = await ext.openExtensionPage('popup.html');
    const opened = ext.context.waitForEvent('page');
    await list
      .locator(`[data-testid="reaudit-item"][data-id="${id}"]`)
      .getByTestId('reaudit-visit')
      .click();
    const page = await opened;
    await panel(page).waitFor({ state: 'visible', timeout: 30_000 });
    await list.close();
    for (const [criterion, value] of Object.entries(again.scores))
      await score(page, criterion, value);
    await ui(page).getByTestId('tagger-notes').fill(again.notes);
    await saveAndWait(page);
    await page.close();
  }
  await addPhoneCall(ext, shop);
  await endAuditFromPopup(ext);
  return ids.length + 1;
}
