import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { closeSession, openSession } from './support/session';
import { openPage, pickAt, saveAndWait, score, startTagging } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

describe('storage that is never silently lost', () => {
  it('shows in the options how the data is kept, how much is used and when it was backed up', async () => {
    const options = await ext.openExtensionPage('options.html');
    await options.getByTestId('options-storage').waitFor();
    expect(await options.getByTestId('options-storage-usage').innerText()).toMatch(
      /\d.*(MB|GB) used, .*(MB|GB) still free\./,
    );
    expect(await options.getByTestId('options-storage-persisted').innerText()).toMatch(
      /^(Kept for good|Not yet kept for good)/,
    );
    await checkA11y(options, 'options, storage');
    expect(await options.getByTestId('options-last-backup').innerText()).toBe(
      'No backup made in this browser yet.',
    );
    // The lead wants a reminder after every new touchpoint: typed, and kept without leaving
    // the field (another options page shows it).
    await options.getByTestId('options-backup-every').fill('1');
    const again = await ext.openExtensionPage('options.html');
    await expect.poll(() => again.getByTestId('options-backup-every').inputValue()).toBe('1');
    await again.close();
    await options.close();
  });

  it('reminds the shopper in the popup once a touchpoint was added, and backs up in one click', async () => {
    let popup = await ext.openExtensionPage('popup.html');
    await popup.getByTestId('popup-end-audit').waitFor();
    expect(await popup.getByTestId('popup-backup-reminder').count()).toBe(0);
    await popup.close();

    const shop = await openPage(ext, server.url('northwind', '/returns.html'));
    await startTagging(shop);
    await pickAt(shop, shop.locator('#returns-policy'));
    await score(shop, 'clarity', 4);
    await saveAndWait(shop);
    await shop.close();

    popup = await ext.openExtensionPage('popup.html');
    const reminder = popup.getByTestId('popup-backup-reminder');
    await reminder.waitFor();
    expect(await reminder.innerText()).toContain('1 touchpoint was added since your last backup');
    await checkA11y(popup, 'popup, backup reminder');
    // One click: the popup opens the report page, which makes the whole archive (the popup
    // could not hold a study's screenshots) and hands it to the downloads.
    const [report] = await Promise.all([
      ext.context.waitForEvent('page', (p) => p.url().includes('/report.html')),
      popup.getByTestId('popup-backup-now').click(),
    ]);
    const file = await report.waitForEvent('download');
    expect(file.suggestedFilename()).toMatch(/^touchpoint-auditor_backup_backup_.*\.tpa\.zip$/);
    const saved = await file.path();
    const zip = readFileSync(saved!);
    // A ZIP holding the manifest, the records and the screenshot of the touchpoint just saved.
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.includes('manifest.json')).toBe(true);
    expect(zip.includes('records/touchpoints.jsonl')).toBe(true);
    expect(zip.includes('evidence/')).toBe(true);
    await expect
      .poll(() => report.getByTestId('report-files-status').innerText())
      .toContain(file.suggestedFilename());
    // The request left the address: a reload makes no second archive.
    expect(new URL(report.url()).searchParams.has('backup')).toBe(false);
    await report.close();
    if (popup.isClosed()) popup = await ext.openExtensionPage('popup.html');
    await popup.reload();
    await popup.getByTestId('popup-end-audit').waitFor();
    expect(await popup.getByTestId('popup-backup-reminder').count()).toBe(0);
    await popup.close();

    const options = await ext.openExtensionPage('options.html');
    await expect
      .poll(() => options.getByTestId('options-last-backup').innerText())
      .toMatch(/^Last backup: /);
    await options.close();
  });
});
