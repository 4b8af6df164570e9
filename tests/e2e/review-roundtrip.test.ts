// Review across two browser profiles, by backup files only (docs/ARCHITECTURE.md#review): the
// shopper (profile A) tags on the fixture shop, is stopped at End audit and at Submit by the
// knock-out without a note, adds it and submits, backs up; the lead (profile B) imports, returns
// one touchpoint with a comment from the keyboard, backs up; the shopper imports, sees the
// comment in the popup, fixes the touchpoint, submits again, backs up; the lead imports and
// approves. The study counts approved audits only: the report counts the audit only then.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryLabel } from '../../lib/i18n';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { readStore } from './support/extension-db';
import { importBackup, openProfile, type Profile } from './support/profiles';
import { download } from './support/report-seed';
import {
  countedInReport,
  REVIEW_STUDY_NAME,
  reviewIds as ids,
  seedReviewStudy,
  storedAudit,
  writeNotes,
} from './support/review-seed';
import { closeSession, openSession } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  saveAndWait,
  score,
  startTagging,
  ui,
  waitForSaved,
} from './support/tagger';

const opened: ExtensionSession[] = [];
let server: FixtureServer;
let shopper: ExtensionSession;
let lead: Profile;

beforeAll(async () => {
  ({ server, ext: shopper } = await openSession());
  await seedReviewStudy(shopper, { requireReview: true });
  lead = await openProfile(opened);
});
afterAll(async () => {
  await closeSession({ server, ext: shopper });
  for (const ext of opened) await ext.close();
});

/** A touchpoint as stored, with what the round trip looks at. */
interface StoredTp {
  id: string;
  notes: string;
  updatedAt: string;
  comments?: { id: string; by: string; text: string }[];
}
const storedTp = async (page: Page, id: string) =>
  (await readStore<StoredTp>(page, 'touchpoints')).find((t) => t.id === id);

/** The study's backup from the report page's "back up" button, checked to be one. */
async function backUp(report: Page): Promise<{ name: string; text: string }> {
  await report.reload();
  await report.getByTestId('report-comparison').waitFor();
  const file = await download(report, 'report-export-backup');
  expect(JSON.parse(file.text)).toMatchObject({ format: 'touchpoint-auditor-backup', version: 2 });
  return file;
}

const COMMENT = 'Which branch was this? Add its opening hours';

describe('review round trip between a shopper’s and a lead’s profile', () => {
  let popup: Page;
  let shopperReport: Page;
  let queue: Page;
  let knockout = ''; // in the returns policy: speed (a knock-out) scored 1, no note at first
  let delivery = ''; // the delivery table: the one the lead comments on
  let knockoutCategory = '';
  let file = { name: '', text: '' };

  it('stops End audit and Submit at the knock-out without a note, naming the touchpoint', async () => {
    const shop = await openPage(shopper, server.url('northwind', '/returns.html'));
    // The review queue shows an audit's touchpoints by category: returns before shipping.
    for (const [target, category, speed] of [
      ['#returns-policy', 'returns_refunds', 1],
      ['#delivery-info', 'shipping_delivery', 4],
    ] as const) {
      await startTagging(shop);
      await pickAt(shop, shop.locator(target));
      await panel(shop).waitFor({ state: 'visible' });
      await ui(shop).getByTestId('tagger-category').selectOption(category);
      await score(shop, 'speed', speed);
      await score(shop, 'clarity', 4);
      await saveAndWait(shop);
    }
    const { touchpoints, evidence } = await waitForSaved(shopper, 2);
    expect(evidence).toHaveLength(2);
    const bySpeed = (speed: number) => touchpoints.find((t) => t.scores.speed === speed)!;
    knockout = bySpeed(1).id;
    delivery = bySpeed(4).id;
    knockoutCategory = bySpeed(1).category;

    popup = await shopper.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.getByTestId('review-state').getAttribute('data-state'))
      .toBe('in_progress');
    const problems = popup.getByTestId('review-problem');
    for (const button of ['popup-end-audit', 'review-submit']) {
      await popup.getByTestId(button).click();
      await expect.poll(() => problems.count()).toBe(1);
      expect(await problems.getAttribute('data-code')).toBe('review.knockout-without-note');
      const text = (await problems.textContent()) ?? '';
      expect(text).toContain(`${categoryLabel(knockoutCategory)} “Start a return with your order`);
      expect(text).toContain('a knock-out is scored without a note');
      // Still the running audit, not handed in.
      expect(await popup.getByTestId('popup-active-audit').count()).toBe(1);
      expect(await storedAudit(popup)).toMatchObject({ review: 'in_progress', endedAt: null });
      await popup.reload();
      await popup.getByTestId('review-submit').waitFor();
    }
  });

  it('submits once the note is written, and backs up', async () => {
    await writeNotes(shopper, knockout, 'The policy page took 40 s to load');
    await popup.getByTestId('review-submit').click();
    await popup.getByTestId('popup-idle').waitFor();
    const audit = await storedAudit(popup);
    expect(audit).toMatchObject({ review: 'submitted', reviewedBy: 'Ana' });
    expect(audit?.submitNote).toBeUndefined();

    shopperReport = await shopper.openExtensionPage(`report.html?study=${ids.studyId}`);
    file = await backUp(shopperReport);
  });

  it('lets the lead import it and return one touchpoint with a comment, by keyboard', async () => {
    await importBackup(lead.report, file, REVIEW_STUDY_NAME);
    expect(await storedAudit(lead.report)).toMatchObject({ review: 'submitted' });
    await expect
      .poll(() => lead.report.getByTestId('report-approved-only').textContent())
      .toBe('Only audits the lead approved are counted.');
    expect(await countedInReport(lead.report)).toBe('0');

    queue = await lead.ext.openExtensionPage(`touchpoints.html?study=${ids.studyId}&review=1`);
    await queue.getByTestId('review-reviewer-name').fill('Lea');
    await queue.getByTestId('review-reviewer-save').click();
    await expect
      .poll(() => queue.getByTestId('review-queue-item').getAttribute('data-state'))
      .toBe('submitted');
    const shown = queue.getByTestId('review-touchpoint');
    await expect.poll(() => shown.getAttribute('data-id')).toBe(knockout);
    expect(await queue.getByTestId('review-notes').textContent()).toContain('40 s');

    await queue.locator('body').click({ position: { x: 5, y: 5 } });
    await queue.keyboard.press('j');
    await expect.poll(() => shown.getAttribute('data-id')).toBe(delivery);
    expect(await queue.getByTestId('review-position').textContent()).toBe('Touchpoint 2 of 2');
    await queue.keyboard.press('c');
    await queue.keyboard.type(COMMENT);
    await queue.keyboard.press('Enter');
    await expect.poll(() => queue.getByTestId('review-comment-item').count()).toBe(1);
    await queue.locator('body').click({ position: { x: 5, y: 5 } });
    await queue.keyboard.press('r');
    await expect.poll(async () => (await storedAudit(queue))?.review).toBe('returned');
    expect((await storedTp(queue, delivery))?.comments).toMatchObject([
      { by: 'Lea', text: COMMENT },
    ]);
    expect((await storedTp(queue, knockout))?.comments ?? []).toEqual([]);

    file = await backUp(lead.report);
  });

  it('shows the shopper the returned audit with the comment; they fix it and submit again', async () => {
    await importBackup(shopperReport, file, REVIEW_STUDY_NAME);
    expect(await storedAudit(popup)).toMatchObject({ review: 'returned', reviewedBy: 'Lea' });

    await popup.reload();
    const item = popup.getByTestId('review-returned-audit');
    await expect.poll(() => item.textContent()).toContain('Returned by Lea: 1 comment');
    const comment = item.getByTestId('review-returned-comment');
    expect(await comment.count()).toBe(1);
    expect(await comment.getAttribute('data-touchpoint-id')).toBe(delivery);
    expect(await comment.textContent()).toContain(`— Lea: “${COMMENT}”`);
    await item.getByTestId('review-resume').click();
    await expect
      .poll(() => popup.getByTestId('review-state').textContent())
      .toBe('Review: returned by Lea');

    await writeNotes(shopper, delivery, 'Oslo Storgata branch, open 9–18');
    await popup.getByTestId('review-submit').click();
    await popup.getByTestId('popup-idle').waitFor();
    expect(await storedAudit(popup)).toMatchObject({ review: 'submitted', reviewedBy: 'Ana' });
    expect(await storedTp(popup, delivery)).toMatchObject({
      notes: 'Oslo Storgata branch, open 9–18',
      comments: [{ by: 'Lea', text: COMMENT }],
    });

    file = await backUp(shopperReport);
  });

  it('lets the lead import the fix and approve it; only then does the report count it', async () => {
    await importBackup(lead.report, file, REVIEW_STUDY_NAME);
    expect(await storedAudit(lead.report)).toMatchObject({ review: 'submitted' });
    expect(await storedTp(lead.report, delivery)).toMatchObject({
      notes: 'Oslo Storgata branch, open 9–18',
      comments: [{ by: 'Lea', text: COMMENT }],
    });
    expect(await countedInReport(lead.report)).toBe('0');

    await queue.reload();
    await expect
      .poll(() => queue.getByTestId('review-audit').getAttribute('data-state'))
      .toBe('submitted');
    await queue.locator('body').click({ position: { x: 5, y: 5 } });
    await queue.keyboard.press('a');
    await expect.poll(async () => (await storedAudit(queue))?.review).toBe('approved');
    expect(await countedInReport(lead.report)).toBe('2');

    // The approval travels back too: the shopper's report then counts the audit.
    expect(await countedInReport(shopperReport)).toBe('0');
    await importBackup(shopperReport, await backUp(lead.report), REVIEW_STUDY_NAME);
    expect(await storedAudit(popup)).toMatchObject({ review: 'approved', reviewedBy: 'Lea' });
    expect(await countedInReport(shopperReport)).toBe('2');
  });
});
