import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession, stopServiceWorker } from './support/session';
import { registeredScripts, tabIdOf } from './support/extension-db';
import { installProbe, viewFromPage } from './support/page-probe';
import {
  openPage,
  panel,
  pickAt,
  seedAudit,
  startTagging,
  startTaggingByCommand,
  ui,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => {
  ({ server, ext } = await openSession());
  await installProbe(ext.context);
});
afterAll(() => closeSession({ server, ext }));

/**
 * Whether any frame of the page's tab runs a content script of the extension (the stub or the
 * tagger): the service worker looks into the extension's isolated world of every frame, where
 * they leave their mark, and nowhere else.
 */
async function hasContentScript(page: Page, which: 'any' | 'tagger' = 'any'): Promise<boolean> {
  const tabId = await tabIdOf(ext, page.url());
  return ext.serviceWorker.evaluate(
    async ([id, only]) => {
      const frames = await chrome.scripting.executeScript({
        target: { tabId: id, allFrames: true },
        func: (tagger: boolean) => {
          const world = globalThis as { tpaStub?: unknown; tpaTagger?: unknown };
          return world.tpaTagger !== undefined || (!tagger && world.tpaStub !== undefined);
        },
        args: [only === 'tagger'],
      });
      return frames.some((f) => f.result === true);
    },
    [tabId, which] as const,
  );
}

/** The popup over a tab, to start or end an audit as the shopper does. */
const openPopupOver = async (page: Page) =>
  ext.openExtensionPage(`popup.html?tab=${await tabIdOf(ext, page.url())}`);

async function endAuditFromPopup(over: Page): Promise<void> {
  const popup = await openPopupOver(over);
  await popup.getByTestId('popup-end-audit').click();
  await expect.poll(() => popup.getByTestId('popup-start-audit').count()).toBe(1);
  await popup.close();
}

describe('outside an audit', () => {
  it('registers no content script, and a page gets nothing of the extension', async () => {
    expect(await registeredScripts(ext)).toEqual([]);
    const page = await openPage(ext, server.url('northwind', '/index.html'));
    expect(await hasContentScript(page)).toBe(false);
    const view = await viewFromPage(page);
    expect(view.shadowHosts).toBe(0);
    expect(view.mutations.filter((m) => /^(message|event)/.test(m))).toEqual([]);
    // The page's shortcut reaches no tagger.
    await page.keyboard.press('Alt+Shift+T');
    await page.waitForTimeout(300);
    expect(await ui(page).getByTestId('tagger-toolbar').count()).toBe(0);
    await page.close();
  });
});

describe('starting and ending an audit', () => {
  it('after an audit ends, the script is unregistered and new pages get nothing', async () => {
    await seedAudit(ext);
    expect(await registeredScripts(ext)).toEqual(['tagger']);
    const during = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    expect(await hasContentScript(during)).toBe(true);
    await endAuditFromPopup(during);
    expect(await registeredScripts(ext)).toEqual([]);
    const after = await openPage(ext, server.url('northwind', '/returns.html'));
    expect(await hasContentScript(after)).toBe(false);
    await after.close();
    await during.close();
  });

  it('an audit ended by a backup merged in the report page: the script is unregistered at once', async () => {
    const ids = await seedAudit(ext);
    expect(await registeredScripts(ext)).toEqual(['tagger']);
    // The same audit, ended later on the shopper's other computer, comes back in a backup.
    const later = new Date(Date.now() + 60_000).toISOString();
    const backup = {
      format: 'touchpoint-auditor-backup',
      version: 2,
      exportedAt: later,
      studies: [],
      brands: [],
      rubrics: [],
      categories: [],
      audits: [
        {
          id: ids.auditId,
          studyId: ids.studyId,
          brandId: ids.ownBrandId,
          shopper: 'Ana',
          scenario: 'Buy shoes',
          startedAt: later,
          endedAt: later,
          wave: '2026-Q4',
          purpose: 'audit',
          review: 'in_progress',
          createdAt: later,
          updatedAt: later,
        },
      ],
      touchpoints: [],
      evidence: [],
    };
    const report = await ext.openExtensionPage('report.html');
    await report.getByTestId('report-import-backup').setInputFiles({
      name: 'other-computer.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await expect.poll(() => registeredScripts(ext), { timeout: 5_000 }).toEqual([]);
    const next = await openPage(ext, server.url('northwind', '/returns.html'));
    expect(await hasContentScript(next)).toBe(false);
    await next.close();
    await report.close();
  });

  it('an audit started from the popup can be tagged in a tab already open, without a reload', async () => {
    const open = await openPage(ext, server.url('northwind', '/returns.html'));
    expect(await hasContentScript(open)).toBe(false);
    const popup = await openPopupOver(open);
    await popup.getByTestId('popup-start-audit').click();
    await expect
      .poll(() => popup.getByTestId('audit-brand').locator('option:checked').textContent())
      .toBe('Northwind Running');
    await popup.getByTestId('audit-scenario').fill('Return a pair of shoes');
    await popup.getByTestId('audit-shopper').fill('Ana');
    await popup.getByTestId('audit-start').click();
    await popup.getByTestId('popup-audit-title').waitFor();
    await popup.close();
    expect(await registeredScripts(ext)).toEqual(['tagger']);

    await open.bringToFront();
    expect(await hasContentScript(open)).toBe(true);
    // Only the stub until the shopper starts tagging; then the tagger.
    expect(await hasContentScript(open, 'tagger')).toBe(false);
    await startTagging(open);
    expect(await hasContentScript(open, 'tagger')).toBe(true);
    await pickAt(open, open.locator('#returns-policy'));
    await panel(open).waitFor({ state: 'visible' });
    expect(await ui(open).getByTestId('tagger-audit').textContent()).toContain('Northwind Running');
    await ui(open).getByTestId('tagger-cancel').click();
    await panel(open).waitFor({ state: 'detached' });

    await endAuditFromPopup(open);
    expect(await registeredScripts(ext)).toEqual([]);
    const next = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    expect(await hasContentScript(next)).toBe(false);
    await next.close();
    await open.close();
  });
});

describe('a worker start', () => {
  it('registers the tagger again when an audit runs and the registration was lost', async () => {
    await seedAudit(ext);
    const page = await ext.openExtensionPage('popup.html');
    const registered = () =>
      page.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id),
      );
    await page.evaluate(() => chrome.scripting.unregisterContentScripts());
    expect(await registered()).toEqual([]);
    await stopServiceWorker(ext, page);
    // Any event wakes the worker; a message is the quickest to send.
    await page.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'touchpoint-auditor', type: 'ping', payload: {} }),
    );
    await expect.poll(registered).toEqual(['tagger']);
    await page.close();
  });
});

describe('a frame that gets the tagger twice', () => {
  it('runs one tagger: the second copy stands down', async () => {
    await seedAudit(ext);
    // A hostile page that listens for every event: the second copy must not add a listener it hears.
    const page = await openPage(ext, server.url('hostile', '/all-events.html'));
    // As when an audit starts while the tab loads: registered, and also run into the tab.
    const tabId = await tabIdOf(ext, page.url());
    await ext.serviceWorker.evaluate(
      (id) =>
        chrome.scripting.executeScript({
          target: { tabId: id, allFrames: true },
          files: ['content-scripts/tagger.js'],
        }),
      tabId,
    );
    await page.bringToFront();
    // The extension's start message reaches every copy listening in the frame.
    await startTaggingByCommand(ext, page).catch(() => undefined);
    await expect.poll(() => ui(page).getByTestId('tagger-toolbar').count()).toBeGreaterThan(0);
    expect(await ui(page).getByTestId('tagger-toolbar').count()).toBe(1);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await ui(page).getByTestId('tagger-cancel').click();
    await page.close();
  });
});
