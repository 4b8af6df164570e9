import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { readStore } from './support/extension-db';
import { stopServiceWorker } from './support/session';
import {
  openPage,
  panel,
  pickAt,
  readSaved,
  score,
  seedAudit,
  startTagging,
  ui,
} from './support/tagger';

// Saves that are retried or lose their screenshot, on the hostile page that logs every event
// type: the new panel states must leak nothing either.

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchWithExtension();
  await seedAudit(ext);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const eventLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { eventLog: string[] }).eventLog.length);

/** Tags `#target` on the all-events page, scores it and types a note; the panel stays open. */
async function tagTarget(note: string): Promise<Page> {
  const page = await openPage(ext, server.url('hostile', '/all-events.html'));
  await page.mouse.move(5, 5);
  await startTagging(page);
  await pickAt(page, page.locator('#target'));
  await panel(page).waitFor({ state: 'visible' });
  await score(page, 'clarity', 4);
  await ui(page).getByTestId('tagger-notes').fill(note);
  return page;
}

const status = (page: Page) => ui(page).getByTestId('tagger-status').textContent();

describe('a save whose screenshot fails', () => {
  it('says it was saved without a screenshot, and Retake attaches one', async () => {
    const page = await tagTarget('no shot first');
    // Something else uses up Chrome's two captures a second while the shopper saves.
    await ext.serviceWorker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      const until = Date.now() + 2_000;
      const g = self as unknown as { hog: Promise<void>; shots: number };
      g.shots = 0;
      g.hog = (async () => {
        while (Date.now() < until) {
          await chrome.tabs
            .captureVisibleTab(tab.windowId, { format: 'png' })
            .then(() => g.shots++)
            .catch(() => null);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      // Both captures of this second are used up before the shopper presses Save.
      while (g.shots < 2) await new Promise((r) => setTimeout(r, 5));
    }, page.url());
    await ui(page).getByTestId('tagger-save').click();
    await expect.poll(() => status(page)).toContain('saved without a screenshot');
    const saved = await readSaved(ext);
    const tp = saved.touchpoints.find((t) => t.notes === 'no shot first')!;
    expect(tp).toBeDefined();
    expect(saved.evidence.filter((e) => e.touchpointId === tp.id)).toEqual([]);
    expect(await ui(page).getByTestId('tagger-save').count()).toBe(0);

    // Once the other caller is done and Chrome's one-second window has passed.
    await ext.serviceWorker.evaluate(() => (self as unknown as { hog: Promise<void> }).hog);
    await page.waitForTimeout(1_100);
    await page.bringToFront();
    const before = await eventLog(page);
    await ui(page).getByTestId('tagger-retake').click();
    await expect.poll(() => status(page), { timeout: 5_000 }).toBe('Screenshot attached.');
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });
    const after = await readSaved(ext);
    expect(after.touchpoints.filter((t) => t.notes === 'no shot first')).toHaveLength(1);
    const evidence = after.evidence.filter((e) => e.touchpointId === tp.id);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ mime: 'image/jpeg', url: page.url() });
    expect(evidence[0]!.width).toBeGreaterThan(20);
    // The page heard nothing of the retake, and no draft came back for the saved tag.
    const heard = await page.evaluate(
      (from) => (window as unknown as { eventLog: string[] }).eventLog.slice(from),
      before,
    );
    expect(heard.join('\n')).not.toMatch(/#target|#inner|click|key|first|selectionchange/);
    await startTagging(page);
    expect(await panel(page).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.close();
  });
});

describe('a save whose reply is lost', () => {
  it('stores one touchpoint when the tagger saves the same tag again after the worker stopped', async () => {
    const page = await tagTarget('saved once');
    const popup = await ext.openExtensionPage('popup.html');
    // The draft is kept as the shopper types (debounced): wait until it holds the note.
    type Kept = { tabKey: string; notes: string; touchpointId?: string };
    await expect
      .poll(async () => (await readStore<Kept>(popup, 'drafts'))[0]?.notes, { timeout: 5_000 })
      .toBe('saved once');
    const [draft] = await readStore<Kept>(popup, 'drafts');
    expect(draft?.touchpointId).toMatch(/^[0-9a-f-]{36}$/);
    await page.bringToFront();
    await ui(page).getByTestId('tagger-save').click();
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });
    const first = await readSaved(ext);
    const tp = first.touchpoints.find((t) => t.notes === 'saved once')!;
    expect(tp.id).toBe(draft!.touchpointId);
    expect(await readStore(popup, 'drafts')).toEqual([]);

    // The reply is lost: the worker stops after the commit, and the tagger still holds its
    // draft with the same id (put back here), so after a reload the shopper presses Save again.
    await stopServiceWorker(ext, popup);
    await popup.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('touchpoint-auditor');
          open.onsuccess = () => {
            const tx = open.result.transaction('drafts', 'readwrite');
            tx.objectStore('drafts').put(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      draft!,
    );
    await popup.close();
    await page.reload({ waitUntil: 'load' });
    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+T');
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-notes').inputValue()).toBe('saved once');
    await ui(page).getByTestId('tagger-save').click();
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });

    const { touchpoints, evidence } = await readSaved(ext);
    expect(touchpoints.filter((t) => t.notes === 'saved once')).toHaveLength(1);
    expect(touchpoints).toHaveLength(first.touchpoints.length);
    // The same screenshots as after the first save (two when the page changed after the pick).
    const shotsOf = (list: typeof evidence) =>
      list.filter((e) => e.touchpointId === tp.id).map((e) => `${e.moment} ${e.sha256}`);
    expect(shotsOf(first.evidence).length).toBeGreaterThan(0);
    expect(shotsOf(evidence)).toEqual(shotsOf(first.evidence));
    expect(evidence).toHaveLength(first.evidence.length);
    await page.close();
  });
});
