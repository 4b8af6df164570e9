import { readStore, tabIdOf } from '../../tests/e2e/support/extension-db';
import type { ExtensionSession } from '../../tests/support/browser';

export { tabIdOf };

/** The demo study, as a lead would set it up in the options page. */
export const DEMO_STUDY = {
  name: 'Running shoes',
  wave: '2026-Q4',
  brands: [
    { name: 'Northwind Running', role: 'own', domains: 'northwind.localhost' },
    { name: 'Contoso Sports', role: 'competitor', domains: 'contoso.localhost' },
  ],
} as const;

/** Creates the demo brands and study through the options page; returns the study's id. */
export async function setUpStudy(ext: ExtensionSession): Promise<string> {
  const page = await ext.openExtensionPage('options.html');
  for (const brand of DEMO_STUDY.brands) {
    await page.getByTestId('brand-new').click();
    await page.getByTestId('brand-name').fill(brand.name);
    await page.getByTestId('brand-role').selectOption(brand.role);
    await page.getByTestId('brand-domains').fill(brand.domains);
    await page.getByTestId('brand-save').click();
  }
  await page.getByTestId('study-new').click();
  await page.getByTestId('study-name').fill(DEMO_STUDY.name);
  await page.getByTestId('study-wave').fill(DEMO_STUDY.wave);
  for (const brand of DEMO_STUDY.brands) await page.getByLabel(brand.name).check();
  await page.getByTestId('study-save').click();
  await page.getByTestId('study-row').first().waitFor();
  const study = (await readStore<{ id: string; name: string }>(page, 'studies')).find(
    (s) => s.name === DEMO_STUDY.name,
  );
  await page.close();
  if (!study) throw new Error(`the study ${DEMO_STUDY.name} was not saved`);
  return study.id;
}

/** Starts an audit from the popup opened over the shopper's tab. */
export async function startAuditFromPopup(
  ext: ExtensionSession,
  tabId: number,
  brandName: string,
  scenario: string,
  shopper: string,
): Promise<void> {
  const popup = await ext.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.getByTestId('popup-start-audit').click();
  await popup.getByTestId('audit-brand').selectOption({ label: brandName });
  await popup.getByTestId('audit-scenario').fill(scenario);
  await popup.getByTestId('audit-shopper').fill(shopper);
  await popup.getByTestId('audit-start').click();
  await popup.getByTestId('popup-end-audit').waitFor();
  await popup.close();
}

/** Ends the running audit from the popup. */
export async function endAuditFromPopup(ext: ExtensionSession): Promise<void> {
  const popup = await ext.openExtensionPage('popup.html');
  await popup.getByTestId('popup-end-audit').click();
  await popup.getByTestId('popup-start-audit').waitFor();
  await popup.close();
}
