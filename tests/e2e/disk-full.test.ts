// Issue 15, chaos: a save and an archive import that meet a really full disk. The browser's profile lives on a
// small tmpfs of its own, which the test fills with a file; Chromium then fails the save's
// writes as it does on a full disk (docs/RECOVERY.md#the-disk-full-during-a-save). Mounting a
// tmpfs needs the right to mount (root in the test container, as here and in CI).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { checkA11y } from './support/axe';
import { bigArchive, snapshotOf } from './support/chaos';
import { closeSession, openSession } from './support/session';
import { openPage, panel, pickAt, readSaved, score, startTagging, ui } from './support/tagger';

const disk = mkdtempSync(join(tmpdir(), 'tpa-small-disk-'));
const filler = join(disk, 'filler');
let server: FixtureServer | undefined;
let ext: ExtensionSession | undefined;

beforeAll(async () => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', disk]);
  } catch (error) {
    throw new Error(
      `This test puts the browser's profile on a small tmpfs and needs the right to mount one (${String(error)})`,
    );
  }
  ({ server, ext } = await openSession({
    seed: true,
    launch: { userDataDir: join(disk, 'profile') },
  }));
});

afterAll(async () => {
  rmSync(filler, { force: true });
  await closeSession({ server, ext });
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

const freeBytes = () => {
  const s = statfsSync(disk);
  return s.bavail * s.bsize;
};

/** Fills the disk: a file takes every byte left (dd stops at "No space left on device"). */
function fillDisk(): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { stdio: 'ignore' });
  } catch {
    // dd ends with an error once the disk is full: that is the point.
  }
}

const status = (page: Page) => ui(page).getByTestId('tagger-status').textContent();

describe('a really full disk during a save', () => {
  it('commits nothing, keeps the draft, says the disk is full; once space is freed Save works', async () => {
    const shop = await openPage(ext!, server!.url('northwind', '/returns.html'));
    await startTagging(shop);
    await pickAt(shop, shop.locator('#returns-policy'));
    await panel(shop).waitFor({ state: 'visible' });
    await score(shop, 'clarity', 4);
    await ui(shop).getByTestId('tagger-notes').fill('full disk');
    await expect
      .poll(async () => (await snapshotOf(ext!)).counts.drafts, { timeout: 5_000 })
      .toBe(1);
    await shop.waitForTimeout(600);
    const before = await snapshotOf(ext!);

    fillDisk();
    expect(freeBytes()).toBe(0);
    await shop.bringToFront();
    await ui(shop).getByTestId('tagger-save').click();
    await expect
      .poll(() => status(shop), { timeout: 15_000 })
      .toBe(
        'Not saved: The disk is full, so nothing was saved and what you typed is kept. Free some space, or back up and remove old studies, then try again.',
      );
    expect(await ui(shop).getByTestId('tagger-notes').inputValue()).toBe('full disk');

    // Space is freed: nothing of the failed save was kept, and the same Save stores it once.
    rmSync(filler);
    expect(await snapshotOf(ext!)).toEqual(before);
    await ui(shop).getByTestId('tagger-save').click();
    await panel(shop).waitFor({ state: 'detached', timeout: 15_000 });
    const { touchpoints, evidence } = await readSaved(ext!);
    const stored = touchpoints.filter((t) => t.notes === 'full disk');
    expect(stored).toHaveLength(1);
    expect(evidence.filter((e) => e.touchpointId === stored[0]!.id)).toHaveLength(1);
    expect((await snapshotOf(ext!)).counts.drafts).toBe(0);
  }, 120_000);
});

describe('a really full disk during an archive import', () => {
  it('writes nothing, says the disk is full (not an unknown error); once space is freed the import works', async () => {
    const file = await bigArchive(300, 'full-disk');
    const report = await ext!.openExtensionPage('report.html');
    await report.getByTestId('report-import-backup').waitFor();
    const before = await snapshotOf(ext!);

    fillDisk();
    expect(freeBytes()).toBe(0);
    await report.getByTestId('report-import-backup').setInputFiles(file);
    const said = report.locator('[data-testid="report-files-status"]:not(.busy)');
    await expect
      .poll(() => said.textContent(), { timeout: 30_000 })
      .toBe(
        'The disk is full, so nothing was imported and your data is as it was before. Free some space, or back up and remove old studies, then import the file again.',
      );
    await checkA11y(report, 'report, import refused on a full disk');

    // Nothing of it was written, and nothing is left to tell of an import cut short.
    rmSync(filler);
    expect(await snapshotOf(ext!)).toEqual(before);
    await report.reload();
    await report.getByTestId('report-import-backup').waitFor();
    await report.waitForTimeout(500);
    expect(await report.getByTestId('report-import-interrupted').count()).toBe(0);

    await report.getByTestId('report-import-backup').setInputFiles(file);
    await expect
      .poll(() => said.textContent(), { timeout: 60_000 })
      .toMatch(/^Backup imported: \d+ added/);
    const { touchpoints, evidence } = await readSaved(ext!);
    expect(touchpoints.filter((t) => t.id.startsWith('full-disk'))).toHaveLength(300);
    expect(evidence.filter((e) => e.touchpointId.startsWith('full-disk'))).toHaveLength(300);
    await report.close();
  }, 180_000);
});
