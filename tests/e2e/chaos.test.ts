// Issue 15, "storage that is never silently lost": the chaos suite. The service worker stopped
// in the middle of a save and of an import, the page closed in the middle of an import, the
// disk full during a save, a newer version of the database opened while a page holds it. In
// each case nothing saved before is lost, nothing is half-written, and the shopper is told
// what happened (docs/RECOVERY.md).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import {
  bigArchive,
  bigBackup,
  failNextScreenshotWrite,
  heldSave,
  holdNextSaveOpen,
  importUntilWriting,
  runningServiceWorker,
  snapshotDb,
  snapshotOf,
  type DbSnapshot,
} from './support/chaos';
import { readStore } from './support/extension-db';
import { closeSession, openSession, stopServiceWorker } from './support/session';
import { openPage, panel, pickAt, readSaved, score, startTagging, ui } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

const status = (page: Page) => ui(page).getByTestId('tagger-status').textContent();

/** Tags the returns policy, scores it and types `note`; the panel stays open, its draft kept. */
async function tagReturns(note: string): Promise<Page> {
  const page = await openPage(ext, server.url('northwind', '/returns.html'));
  await startTagging(page);
  await pickAt(page, page.locator('#returns-policy'));
  await panel(page).waitFor({ state: 'visible' });
  await score(page, 'clarity', 4);
  await ui(page).getByTestId('tagger-notes').fill(note);
  // The draft is written as the shopper types (debounced): wait until it is stored.
  await expect.poll(async () => (await snapshotOf(ext)).counts.drafts, { timeout: 5_000 }).toBe(1);
  await page.waitForTimeout(600);
  return page;
}

/** Saves again once the trouble is over: the panel closes with one touchpoint stored. */
async function saveAgainStoresOne(page: Page, note: string): Promise<void> {
  await page.bringToFront();
  await ui(page).getByTestId('tagger-save').click();
  await panel(page).waitFor({ state: 'detached', timeout: 10_000 });
  const { touchpoints, evidence } = await readSaved(ext);
  const stored = touchpoints.filter((t) => t.notes === note);
  expect(stored).toHaveLength(1);
  expect(evidence.filter((e) => e.touchpointId === stored[0]!.id)).toHaveLength(1);
  expect((await snapshotOf(ext)).counts.drafts).toBe(0);
}

describe('the service worker stopped mid-save', () => {
  it('commits nothing, keeps the draft, says so, and the next Save stores one touchpoint', async () => {
    const shop = await tagReturns('stopped mid-save');
    const before = await snapshotOf(ext);
    const worker = await runningServiceWorker(ext);
    await holdNextSaveOpen(worker);
    await shop.bringToFront();
    await ui(shop).getByTestId('tagger-save').click();
    // The touchpoint, its counters, the draft's removal and the screenshot are written into
    // the open transaction; Chrome stops the worker now.
    await expect.poll(() => heldSave(worker), { timeout: 10_000 }).toBe(true);
    const popup = await ext.openExtensionPage('popup.html');
    await stopServiceWorker(ext, popup);
    await popup.close();

    await expect
      .poll(() => status(shop), { timeout: 10_000 })
      .toBe(
        'Not saved: The extension stopped before it answered. What you typed is kept: try again (nothing is stored twice).',
      );
    expect(await snapshotOf(ext)).toEqual(before);
    expect(await ui(shop).getByTestId('tagger-notes').inputValue()).toBe('stopped mid-save');
    await saveAgainStoresOne(shop, 'stopped mid-save');
    await shop.close();
  });
});

describe('the disk full during a save', () => {
  it('commits nothing, keeps the draft, says the disk is full; once space is free Save works', async () => {
    const shop = await tagReturns('disk full');
    const before = await snapshotOf(ext);
    await failNextScreenshotWrite(await runningServiceWorker(ext));
    await shop.bringToFront();
    await ui(shop).getByTestId('tagger-save').click();
    await expect
      .poll(() => status(shop), { timeout: 10_000 })
      .toBe(
        'Not saved: The disk is full, so nothing was saved and what you typed is kept. Free some space, or back up and remove old studies, then try again.',
      );
    expect(await snapshotOf(ext)).toEqual(before);
    await checkA11y(shop, 'tagger panel, disk full', panel(shop));
    // Space was freed (the next write goes through): the same Save stores it once.
    await saveAgainStoresOne(shop, 'disk full');
    await shop.close();
  });
});

describe('an import cut short', () => {
  // 30,000 touchpoints: the import writes for several seconds, in chunks of 2,000.
  const file = bigBackup(30_000);
  let before: DbSnapshot;

  /** The report page, loaded (its first read may rebuild a study's kept totals). */
  async function openReport(): Promise<Page> {
    const report = await ext.openExtensionPage('report.html');
    await report.getByTestId('report-scoreboard-row').first().waitFor();
    await report.getByTestId('report-import-backup').waitFor();
    return report;
  }

  it('closing the page half-way leaves the database as it was, and the report says so next time', async () => {
    const report = await openReport();
    before = await snapshotOf(ext);
    const seen = await importUntilWriting(report, 'report-import-backup', file);
    expect(seen).toMatch(/^Writing… [\d,]+ of 30,000$/);
    await report.close();

    // The import's transaction died with its page: not one record of it, nothing else moved.
    expect(await snapshotOf(ext, ['importStarted'])).toEqual(before);

    const again = await ext.openExtensionPage('report.html');
    const notice = again.getByTestId('report-import-interrupted');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(
      /^The import of chaos-backup\.json, started .+, did not finish \(the page was closed or the browser stopped\), so nothing from it was saved and your data is as it was before\. Import the file again\./,
    );
    await checkA11y(again, 'report, import cut short');
    await again.getByTestId('report-import-interrupted-dismiss').focus();
    await again.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    await again.reload();
    await again.getByTestId('report-import-backup').waitFor();
    await again.waitForTimeout(500);
    expect(await notice.count()).toBe(0);
    expect(await snapshotOf(ext)).toEqual(before);
    await again.close();
  }, 120_000);

  it('stopping the service worker half-way does not touch the import, which completes', async () => {
    const report = await openReport();
    await importUntilWriting(report, 'report-import-backup', file);
    const popup = await ext.openExtensionPage('popup.html');
    await stopServiceWorker(ext, popup);
    await popup.close();
    await expect
      .poll(() => report.getByTestId('report-files-status').textContent(), { timeout: 90_000 })
      .toBe('Backup imported: 30,003 added, 0 updated, 0 unchanged, 0 removed.');
    const after = await snapshotDb(report);
    expect(after.counts.touchpoints).toBe(before.counts.touchpoints! + 30_000);
    // What was there before is all still there, unchanged.
    const saved = await readSaved(ext);
    expect(saved.touchpoints.filter((t) => t.notes === 'stopped mid-save')).toHaveLength(1);
    expect(saved.touchpoints.filter((t) => t.notes === 'disk full')).toHaveLength(1);
    await report.reload();
    await report.getByTestId('report-import-backup').waitFor();
    await report.waitForTimeout(500);
    expect(await report.getByTestId('report-import-interrupted').count()).toBe(0);
    await report.close();
  }, 120_000);
});

describe('a backup archive import cut short', () => {
  it('closing the page while screenshots are written ahead leaves nothing behind after the next start', async () => {
    const file = await bigArchive(3_000);
    const report = await ext.openExtensionPage('report.html');
    await report.getByTestId('report-import-backup').waitFor();
    const before = await snapshotOf(ext);
    const watcher = await ext.openExtensionPage('popup.html');
    await report.getByTestId('report-import-backup').setInputFiles(file);
    // The archive's screenshots go into `evidence` ahead of the swap, listed as pending.
    await expect
      .poll(async () => (await readStore(watcher, 'pendingEvidence')).length, {
        timeout: 60_000,
        interval: 20,
      })
      .toBeGreaterThan(0);
    await report.close();
    // Nothing of it can be seen: its touchpoints never arrived.
    const { touchpoints } = await readSaved(ext);
    expect(touchpoints.filter((t) => t.id.startsWith('chaos-zip'))).toEqual([]);
    await watcher.close();

    const again = await ext.openExtensionPage('report.html');
    const notice = again.getByTestId('report-import-interrupted');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(
      /^The import of chaos-zip\.tpa\.zip, started .+, did not finish/,
    );
    // The report page found the import cut short and deleted what it had written ahead.
    expect(await snapshotOf(ext, ['importStarted'])).toEqual(before);
    await again.getByTestId('report-import-interrupted-dismiss').click();
    await notice.waitFor({ state: 'detached' });
    expect(await snapshotOf(ext)).toEqual(before);
    await again.close();
  }, 120_000);
});

describe('a newer version of the database opened by another page', () => {
  it('the open pages close their connection rather than block it, say so, and lose nothing', async () => {
    const report = await ext.openExtensionPage('report.html?study=chaos-study');
    await report.getByTestId('report-scoreboard-row').first().waitFor();
    const popup = await ext.openExtensionPage('popup.html');
    await popup.getByTestId('popup-end-audit').waitFor();
    const before = await snapshotDb(popup);

    // Another page opens the database one version up, as a newer build of the extension would.
    const other = await ext.openExtensionPage('touchpoints.html');
    const upgrade = await other.evaluate(async () => {
      const name = 'touchpoint-auditor';
      const info = (await indexedDB.databases()).find((d) => d.name === name)!;
      return new Promise<{ from: number; to?: number; blocked: boolean }>((resolve) => {
        const from = info.version!;
        let blocked = false;
        const open = indexedDB.open(name, from + 10);
        open.onblocked = () => (blocked = true);
        open.onupgradeneeded = () => open.result.createObjectStore('addedByNewerVersion');
        open.onsuccess = () => {
          const to = open.result.version;
          open.result.close();
          resolve({ from, to, blocked });
        };
        open.onerror = () => resolve({ from, blocked });
        setTimeout(() => resolve({ from, blocked }), 10_000);
      });
    });
    expect(upgrade).toEqual({ from: upgrade.from, to: upgrade.from + 10, blocked: false });

    const updated =
      'Touchpoint Auditor was updated. Reload this page to go on; nothing you saved is lost.';
    for (const page of [report, popup]) {
      await page.getByTestId('page-updated').waitFor();
      expect(await page.getByTestId('page-updated').getByRole('alert').innerText()).toBe(updated);
    }
    await checkA11y(report, 'report, database updated elsewhere');
    await checkA11y(popup, 'popup, database updated elsewhere');
    // What the page tries next is refused in the same words, never half-done.
    await report.getByTestId('report-export-backup').click();
    await expect
      .poll(() => report.getByTestId('report-files-status').textContent())
      .toContain('Touchpoint Auditor was updated.');

    const after = await snapshotDb(other);
    delete after.counts.addedByNewerVersion;
    delete after.digests.addedByNewerVersion;
    expect(after).toEqual(before);

    // Reloaded, the page opens the database again and shows what it showed.
    await report.getByTestId('page-reload').click();
    await report.getByTestId('report-scoreboard-row').first().waitFor();
    expect(await report.getByTestId('page-updated').count()).toBe(0);
    await report.close();
    await popup.close();
    await other.close();
  });
});
