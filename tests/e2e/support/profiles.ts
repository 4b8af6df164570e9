// Several people, each in a browser profile of their own (a persistent context with its own
// user-data dir and the built extension), exchanging backups through the report page.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../../support/browser';

/** One person's browser: the extension and its report page, open on an empty profile. */
export interface Profile {
  ext: ExtensionSession;
  report: Page;
}

/**
 * Launches a fresh profile, pushed onto `opened` so the file's `afterAll` closes it, and opens
 * its report page once the service worker has seeded the defaults (before any import).
 */
export async function openProfile(opened: ExtensionSession[]): Promise<Profile> {
  const ext = await launchWithExtension();
  opened.push(ext);
  const report = await ext.openExtensionPage('report.html');
  // The service worker seeds the rubric on install: wait for it before importing.
  // (A locator wait, not expect.poll: this also runs in a beforeAll.)
  await report.getByText('No study to report on yet.').waitFor();
  return { ext, report };
}

/**
 * Imports a backup on the report page. Into an empty profile the page then opens the study's
 * report (its status line goes with the empty page), so the heading `studyName` is waited for
 * there; otherwise the import's status line.
 */
export async function importBackup(
  report: Page,
  file: { name: string; text: string },
  studyName: string,
): Promise<void> {
  const empty = (await report.getByText('No study to report on yet.').count()) === 1;
  await report.getByTestId('report-import-backup').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: Buffer.from(file.text),
  });
  if (empty) {
    await expect
      .poll(() => report.getByRole('heading', { name: studyName }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    return;
  }
  await expect
    .poll(() => report.getByTestId('report-files-status').textContent(), { timeout: 15_000 })
    .toMatch(/^Backup imported/);
}
