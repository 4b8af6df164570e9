// Issue 13, "usable by keyboard and screen reader": axe-core (WCAG 2.0 A and AA, 2.1 AA and
// best practices) finds nothing on any page in any of its states, walked here from an empty
// profile to a returned audit; and a criterion's score is one tab stop that arrows move.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { seedRaw, seedTwoWavesRaw, study, twoWaves } from './support/report-seed';
import { closeSession, openSession } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  score,
  seedAudit,
  startTagging,
  type SeededAudit,
  ui,
  waitForSaved,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;
let seeded: SeededAudit;

beforeAll(async () => ({ server, ext } = await openSession()));
afterAll(() => closeSession({ server, ext }));

/** Which element has the focus, by test id or value, looking into open shadow roots. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const h = el as HTMLElement | null;
    return h?.dataset.testid ?? h?.dataset.value ?? h?.tagName ?? '';
  });
}

describe('accessibility of every page and state (axe-core)', () => {
  let popup: Page;

  it('before any study: popup, options, report', async () => {
    popup = await ext.openExtensionPage('popup.html');
    await popup.getByTestId('popup').waitFor();
    await popup.waitForTimeout(300);
    await checkA11y(popup, 'popup, no study');
    const options = await ext.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Studies' }).waitFor();
    await options.waitForTimeout(300);
    await checkA11y(options, 'options, empty');
    await options.close();
    const report = await ext.openExtensionPage('report.html');
    await expect.poll(() => report.getByText('No study to report on yet.').count()).toBe(1);
    await checkA11y(report, 'report, no data');
    await report.close();
  });

  it('the popup with a study: idle, then an audit running', async () => {
    seeded = await seedAudit(ext);
    await popup.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('touchpoint-auditor');
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite');
            tx.objectStore('settings').delete('activeAuditId');
            tx.oncomplete = () => (open.result.close(), resolve());
          };
        }),
    );
    await popup.reload();
    await popup.getByTestId('popup-idle').waitFor();
    await checkA11y(popup, 'popup, idle with a study');
    await popup.getByTestId('popup-start-audit').click();
    await popup.getByTestId('audit-form').waitFor();
    await checkA11y(popup, 'popup, start-an-audit form');
    await popup.evaluate(
      (auditId) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('touchpoint-auditor');
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: 'activeAuditId', value: auditId });
            tx.oncomplete = () => (open.result.close(), resolve());
          };
        }),
      seeded.auditId,
    );
    await popup.reload();
    await popup.getByTestId('popup-active-audit').waitFor();
    await checkA11y(popup, 'popup, audit running');
  });

  it('the off-page form: no violations, one tab stop per criterion, arrows score', async () => {
    await popup.getByTestId('popup-add-manual').click();
    const form = popup.getByTestId('manual-form');
    await form.getByTestId('tagger-notes').waitFor();
    await checkA11y(popup, 'popup, off-page touchpoint form');

    const criteria = await form.locator('[data-testid^="tagger-score-"]').count();
    expect(criteria).toBeGreaterThan(0);
    // Category, stage, channel, notes, evidence: five fields; Save is the next button.
    const fields = 5;
    await form.getByTestId('tagger-category').focus();
    let presses = 0;
    while ((await focused(popup)) !== 'manual-save' && presses < 100) {
      await popup.keyboard.press('Tab');
      presses++;
    }
    console.log(`Tab presses from the first field to Save: ${presses} (${criteria} criteria)`);
    expect(presses).toBe(fields - 1 + criteria + 1);

    const speed = form.getByTestId('tagger-score-speed');
    const radio = (v: string) => speed.locator(`[data-value="${v}"]`);
    await radio('1').focus();
    await popup.keyboard.press('ArrowRight');
    expect(await radio('2').getAttribute('aria-checked')).toBe('true');
    expect(await focused(popup)).toBe('2');
    await popup.keyboard.press('End');
    expect(await radio('NA').getAttribute('aria-checked')).toBe('true');
    await popup.keyboard.press('ArrowDown');
    expect(await radio('1').getAttribute('aria-checked')).toBe('true');
    await popup.keyboard.press('ArrowUp');
    expect(await radio('NA').getAttribute('aria-checked')).toBe('true');
    await popup.keyboard.press('Home');
    expect(await radio('1').getAttribute('aria-checked')).toBe('true');
    await popup.keyboard.press('4');
    expect(await radio('4').getAttribute('aria-checked')).toBe('true');
    // One tab stop: the checked radio.
    expect(await speed.locator('[tabindex="0"]').getAttribute('data-value')).toBe('4');
    // Choosing the current value again clears it; the first radio is the stop again.
    await radio('4').click();
    expect(await speed.locator('[aria-checked="true"]').count()).toBe(0);
    expect(await speed.locator('[tabindex="0"]').getAttribute('data-value')).toBe('1');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByTestId('popup-active-audit').waitFor();
  });

  it('the tagger panel on a demo shop page', async () => {
    const shop = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    await startTagging(shop);
    await checkA11y(shop, 'tagger toolbar', ui(shop).getByTestId('tagger-toolbar'));
    await pickAt(shop, shop.locator('#price-block'));
    await panel(shop).waitFor({ state: 'visible' });
    await checkA11y(shop, 'tagger panel', panel(shop));
    await score(shop, 'speed', 2);
    await saveAndWait(shop);
    await waitForSaved(ext, 1);
    await shop.close();
  });

  it('the popup: review submit with its check messages, then submitted', async () => {
    await popup.reload();
    await popup.getByTestId('review-submit').click();
    await expect.poll(() => popup.getByTestId('review-problem').count()).toBeGreaterThan(0);
    await checkA11y(popup, 'popup, review submit with check messages');
    await popup.getByTestId('review-submit-anyway').click();
    await popup.getByTestId('review-reason-error').waitFor();
    await checkA11y(popup, 'popup, review reason missing');
    await popup.getByTestId('review-reason').fill('Ran out of time');
    await popup.getByTestId('review-submit-anyway').click();
    await popup.getByTestId('popup-idle').waitFor();
  });

  it('the touchpoints view: list, detail with evidence, review queue', async () => {
    const view = await ext.openExtensionPage(`touchpoints.html?study=${seeded.studyId}`);
    await view.getByTestId('touchpoint-row').first().waitFor();
    await checkA11y(view, 'touchpoints, list');
    await view.getByTestId('touchpoint-open').first().click();
    await view.getByTestId('touchpoint-evidence').waitFor();
    await checkA11y(view, 'touchpoints, detail with evidence');
    await view.close();

    const lead = await ext.openExtensionPage(`touchpoints.html?study=${seeded.studyId}&review=1`);
    await lead.getByTestId('review-reviewer-name').waitFor();
    await checkA11y(lead, 'review queue, no reviewer name');
    await lead.getByTestId('review-reviewer-name').fill('Lea');
    await lead.getByTestId('review-reviewer-save').click();
    await lead.getByTestId('review-touchpoint').locator('img').waitFor();
    await lead.getByTestId('review-comment').fill('Which page was this?');
    await lead.getByTestId('review-comment').press('Enter');
    await expect.poll(() => lead.getByTestId('review-comment-item').count()).toBe(1);
    await checkA11y(lead, 'review queue, an audit with a comment');
    await lead.getByTestId('review-return').click();
    await expect
      .poll(() => lead.getByTestId('review-audit').getAttribute('data-state'))
      .toBe('returned');
    await lead.close();
  });

  it('the popup with a returned audit', async () => {
    await popup.reload();
    await popup.getByTestId('review-returned-audit').waitFor();
    await checkA11y(popup, 'popup, returned audit');
  });

  it('the options page with brands, a study and the rubric editor', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByText('Running shoes Q4').first().waitFor();
    await checkA11y(options, 'options, studies and brands');
    await options.getByRole('button', { name: 'Rubrics' }).click();
    await options.getByTestId('criterion-weight-0').waitFor();
    await checkA11y(options, 'options, rubric editor');
    await options.close();
  });

  it('the report with data, a trend and before/after pairs; calibration', async () => {
    const report = await ext.openExtensionPage('report.html');
    await seedTwoWavesRaw(report);
    await report.goto(
      report.url().replace(/report\.html.*$/, `report.html?study=${twoWaves.study.id}`),
    );
    await expect.poll(() => report.getByTestId('report-pair').count()).toBe(5);
    await expect.poll(() => report.getByTestId('report-evidence').count()).toBeGreaterThan(0);
    await report.getByTestId('report-trend-chart').waitFor();
    await report.getByTestId('report-heatmap').waitFor();
    await checkA11y(report, 'report, two waves');
    await report.getByTestId('report-trail-open').first().click();
    await report.getByTestId('report-trail-detail').waitFor();
    await checkA11y(report, 'report, two waves, a trail row open');

    await seedRaw(report);
    await report.goto(report.url().replace(/report\.html.*$/, `report.html?study=${study.id}`));
    await expect.poll(() => report.getByTestId('report-scoreboard-row').count()).toBe(2);
    await checkA11y(report, 'report, one wave');
    await report.close();

    const cal = await ext.openExtensionPage(`calibration.html?study=${twoWaves.study.id}`);
    const candidates = cal.getByTestId('calibration-candidate');
    await expect.poll(() => candidates.count()).toBeGreaterThanOrEqual(3);
    await checkA11y(cal, 'calibration, no round');
    for (let i = 0; i < 3; i++) await candidates.nth(i).check();
    await cal.getByTestId('calibration-lead').fill('Lena');
    await cal.getByTestId('calibration-start-round').click();
    await expect.poll(() => cal.getByTestId('calibration-item').count()).toBe(3);
    await cal.getByTestId('calibration-shopper-name').fill('Ana');
    const item = cal.getByTestId('calibration-item').first();
    await item.getByTestId('calibration-score-speed').locator('[data-value="4"]').click();
    await item.getByTestId('calibration-save').click();
    await expect.poll(() => item.getByText('Saved.').count()).toBe(1);
    await checkA11y(cal, 'calibration, a round being scored');
    await cal.close();
  });
});
