// The lead reviews every audit before stakeholders see it (docs/ARCHITECTURE.md#review): a
// shopper submits, is stopped by the checks, fixes, submits; the lead returns with a comment,
// the shopper resumes and submits again, the lead approves; with "count approved audits only"
// the report counts the brand's touchpoints only after the approval.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryLabel } from '../../lib/i18n';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { readStore } from './support/extension-db';
import { countedInReport, reviewIds, seedReviewStudy, storedAudit } from './support/review-seed';
import { closeSession, openSession } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  score,
  startTagging,
  waitForSaved,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;
const ids = reviewIds;

beforeAll(async () => {
  ({ server, ext } = await openSession());
  await seedReviewStudy(ext);
});
afterAll(() => closeSession({ server, ext }));

describe('review from submit to approval', () => {
  let popup: Page;
  let lead: Page;
  let report: Page;
  let category = '';

  it('turns "count approved audits only" on in the options, and the report says so', async () => {
    const options = await ext.openExtensionPage('options.html');
    const toggle = options.getByTestId('study-require-review');
    await toggle.check();
    await expect
      .poll(
        async () =>
          (await readStore<{ requireReview: boolean }>(options, 'studies'))[0]?.requireReview,
      )
      .toBe(true);
    expect(await toggle.isChecked()).toBe(true);
    await options.close();
    report = await ext.openExtensionPage(`report.html?study=${ids.studyId}`);
    await expect
      .poll(() => report.getByTestId('report-approved-only').textContent())
      .toBe('Only audits the lead approved are counted.');
  });

  it('stops a submit whose knock-out has no note, naming the touchpoint', async () => {
    const shop = await openPage(ext, server.url('northwind', '/returns.html'));
    await startTagging(shop);
    await pickAt(shop, shop.locator('#returns-policy'));
    await panel(shop).waitFor({ state: 'visible' });
    await score(shop, 'speed', 1);
    await score(shop, 'clarity', 4);
    await saveAndWait(shop);
    const { touchpoints, evidence } = await waitForSaved(ext, 1);
    expect(evidence).toHaveLength(1);
    category = touchpoints[0]!.category;

    popup = await ext.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.getByTestId('review-state').getAttribute('data-state'))
      .toBe('in_progress');
    await popup.getByTestId('review-submit').click();
    const problem = popup.getByTestId('review-problem');
    await expect.poll(() => problem.count()).toBe(1);
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain(categoryLabel(category));
    expect(text).toContain('“Start a return with your order number');
    expect(text).toContain('a knock-out is scored without a note');
    // Submitting anyway needs a reason.
    await popup.getByTestId('review-submit-anyway').click();
    await expect.poll(() => popup.getByTestId('review-reason-error').isVisible()).toBe(true);
    expect((await storedAudit(popup))?.review).toBe('in_progress');

    // A reason half typed, the shopper clicks into the page to add the note instead: the popup
    // closes. Opened again, it shows what is still to fix and the reason, without submitting.
    await popup.getByTestId('review-reason').fill('Policy page timed out');
    await expect
      .poll(async () => {
        const settings = await readStore<{ key: string; value: unknown }>(popup, 'settings');
        return settings.find((s) => s.key === 'submitDraft')?.value;
      })
      .toMatchObject({ reason: 'Policy page timed out' });
    await popup.close();
    popup = await ext.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('review-problem').count()).toBe(1);
    expect(await popup.getByTestId('review-reason').inputValue()).toBe('Policy page timed out');
    expect((await storedAudit(popup))?.review).toBe('in_progress');
  });

  it('submits once the note is added in the touchpoints view', async () => {
    const view = await ext.openExtensionPage(`touchpoints.html?study=${ids.studyId}`);
    await view.getByTestId('touchpoint-open').click();
    await view.getByTestId('tagger-notes').fill('The policy page took 40 s to load');
    await view.getByTestId('touchpoint-save').click();
    await view.getByTestId('touchpoint-saved').waitFor();
    await view.close();

    await popup.getByTestId('review-submit').click();
    await popup.getByTestId('popup-idle').waitFor();
    expect(await storedAudit(popup)).toMatchObject({ review: 'submitted', reviewedBy: 'Ana' });
    expect(await countedInReport(report)).toBe('0');
  });

  it('lets the lead return it with a comment, from the keyboard', async () => {
    lead = await ext.openExtensionPage(`touchpoints.html?study=${ids.studyId}&review=1`);
    await lead.getByTestId('review-reviewer-name').fill('Lea');
    await lead.getByTestId('review-reviewer-save').click();
    await expect
      .poll(() => lead.getByTestId('review-queue-item').first().getAttribute('data-state'))
      .toBe('submitted');
    await expect.poll(() => lead.getByTestId('review-notes').textContent()).toContain('40 s');
    await expect.poll(() => lead.getByTestId('review-touchpoint').locator('img').count()).toBe(1);

    await lead.locator('body').click({ position: { x: 5, y: 5 } });
    await lead.keyboard.press('c');
    const box = lead.getByTestId('review-comment');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typing "r" or "a" in the box is text, not a decision.
    await lead.keyboard.type('Which store was this? Add the branch');
    await lead.keyboard.press('Enter');
    await expect.poll(() => lead.getByTestId('review-comment-item').count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    expect((await storedAudit(lead))?.review).toBe('submitted');

    await lead.getByTestId('review-return').click();
    await expect.poll(async () => (await storedAudit(lead))?.review).toBe('returned');
    await expect
      .poll(() => lead.getByTestId('review-audit').getAttribute('data-state'))
      .toBe('returned');
  });

  it('shows the shopper it was returned; they resume it and submit again', async () => {
    await popup.reload();
    const item = popup.getByTestId('review-returned-audit');
    await expect.poll(() => item.textContent()).toContain('Returned by Lea: 1 comment');
    await item.getByTestId('review-resume').click();
    await expect
      .poll(() => popup.getByTestId('review-state').getAttribute('data-state'))
      .toBe('returned');
    expect(await popup.getByTestId('review-state').textContent()).toBe('Review: returned by Lea');
    await popup.getByTestId('review-submit').click();
    await popup.getByTestId('popup-idle').waitFor();
    expect((await storedAudit(popup))?.review).toBe('submitted');
    expect(await countedInReport(report)).toBe('0');
  });

  it('lets the lead approve it with the "a" key; the report then counts it', async () => {
    await expect
      .poll(() => lead.getByTestId('review-audit').getAttribute('data-state'))
      .toBe('submitted');
    await lead.locator('body').click({ position: { x: 5, y: 5 } });
    await lead.keyboard.press('a');
    await expect.poll(async () => (await storedAudit(lead))?.review).toBe('approved');
    await lead.getByTestId('review-read-only').waitFor();
    expect(await lead.getByTestId('review-comment').isDisabled()).toBe(true);
    expect(await countedInReport(report)).toBe('1');
  });

  it('keeps an approved audit read-only in the touchpoints list until it is reopened', async () => {
    const view = await ext.openExtensionPage(`touchpoints.html?study=${ids.studyId}`);
    expect(await view.getByTestId('touchpoint-row-review').textContent()).toBe('approved');
    await view.getByTestId('touchpoint-open').click();
    await view.getByTestId('touchpoint-read-only').waitFor();
    expect(await view.getByTestId('touchpoint-save').isDisabled()).toBe(true);
    expect(await view.getByTestId('tagger-notes').isDisabled()).toBe(true);
    await view.getByTestId('touchpoint-reopen').click();
    await expect.poll(() => view.getByTestId('touchpoint-save').isDisabled()).toBe(false);
    expect((await storedAudit(view))?.review).toBe('submitted');
    expect(await countedInReport(report)).toBe('0');
  });
});
