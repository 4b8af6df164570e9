import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDefaultRubric } from '../../../lib/rubric';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { launchFirefox, type FirefoxSession } from '../../support/firefox';
import { readHandlerIndex, unclassified } from '../support/event-index';
import { PROBE_SCRIPT, readPageView } from '../support/page-probe';
import {
  boxInFrame,
  byTestId,
  download,
  focusIn,
  pickAt,
  readStore,
  saveWithCtrlEnter,
  startTagging,
  textOf,
  uiFrame,
} from './support';

// The core flow of a shopper, in Firefox ESR with the add-on installed as the README says
// (a temporary add-on from `npm run build:firefox`), driven over WebDriver BiDi.

let server: FixtureServer;
let ff: FirefoxSession;
let shopTabId: number;

const T = '2026-11-22T10:00:00.000Z';
const base = { createdAt: T, updatedAt: T };
/** A lead's backup: the two demo shops and a study of them, no audit yet (format version 1). */
const BACKUP = {
  format: 'touchpoint-auditor-backup',
  version: 1,
  exportedAt: T,
  studies: [
    {
      id: 's-ff',
      name: 'Firefox shoes',
      wave: '2026-Q4',
      rubricId: 'default',
      rubricVersion: 1,
      brandIds: ['b-northwind', 'b-contoso'],
      ...base,
    },
  ],
  brands: [
    {
      id: 'b-northwind',
      name: 'Northwind Running',
      role: 'own',
      domains: ['northwind.localhost'],
      ...base,
    },
    {
      id: 'b-contoso',
      name: 'Contoso Sports',
      role: 'competitor',
      domains: ['contoso.localhost'],
      ...base,
    },
  ],
  rubrics: [makeDefaultRubric(T)],
  audits: [],
  touchpoints: [],
  evidence: [],
};

beforeAll(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** A shop page with the no-footprint probe in its own world, in front. */
async function openShop(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.evaluateOnNewDocument(PROBE_SCRIPT);
  await page.goto(server.url('northwind', path), { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

describe('the core flow in Firefox ESR', () => {
  it('adds nothing a page can see: the same view before and after the add-on is installed', async () => {
    const plain = await openShop('/product.html?popup=0');
    await new Promise((r) => setTimeout(r, 300));
    const before = await plain.evaluate(readPageView);
    await plain.close();
    await ff.install();
    const shop = await openShop('/product.html?popup=0');
    await new Promise((r) => setTimeout(r, 300));
    const after = await shop.evaluate(readPageView);
    expect(after).toEqual(before);
    expect(after.shadowHosts).toBe(0);
    await shop.close();
  });

  it('imports a lead’s backup in the report page', async () => {
    const page = await ff.openExtensionPage('report.html');
    const file = join(ff.downloadDir, 'lead-backup.json');
    writeFileSync(file, JSON.stringify(BACKUP));
    const input = (await page.waitForSelector(byTestId('report-import-backup')))!;
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await expect
      .poll(() => readStore<{ id: string }>(page, 'studies'), { timeout: 10_000 })
      .toMatchObject([{ id: 's-ff' }]);
    expect((await readStore<{ name: string }>(page, 'brands')).map((b) => b.name).sort()).toEqual([
      'Contoso Sports',
      'Northwind Running',
    ]);
    // With a study in it, the page turns into that study's report.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('h1')?.textContent))
      .toBe('Comparison report: Firefox shoes');
    await page.close();
  });

  it('starts an audit from the popup over the shop’s tab', async () => {
    const shop = await openShop('/product.html?popup=0');
    const idle = await ff.openExtensionPage('popup.html');
    const url = shop.url();
    shopTabId = await idle.evaluate(async (u) => {
      const tabs = (globalThis as unknown as { browser: typeof chrome }).browser.tabs;
      return (await tabs.query({})).find((t) => t.url === u)!.id!;
    }, url);
    await idle.close();
    const popup = await ff.openExtensionPage(`popup.html?tab=${shopTabId}`);
    await popup.waitForSelector(byTestId('popup-start-audit'));
    await popup.click(byTestId('popup-start-audit'));
    await expect
      .poll(() =>
        popup
          .$eval(`${byTestId('audit-brand')} option:checked`, (o) => o.textContent)
          .catch(() => ''),
      )
      .toBe('Northwind Running');
    await popup.type(byTestId('audit-scenario'), 'Buy running shoes in Firefox');
    await popup.type(byTestId('audit-shopper'), 'Ana');
    await popup.click(byTestId('audit-start'));
    await expect
      .poll(() => textOf(popup, 'popup-audit-title'))
      .toBe('Auditing Northwind Running · Firefox shoes');
    await popup.close();
  });

  it('tags an element, scores it with the keyboard and saves it with Ctrl+Enter, with evidence', async () => {
    const shop = (await ff.browser.pages()).find((p) => p.url().includes('northwind'))!;
    await shop.bringToFront();
    await startTagging(shop);
    const target = (await shop.$('#price-block'))!;
    const box = (await target.boundingBox())!;
    await pickAt(shop, target);
    const ui = await uiFrame(shop);
    await ui.waitForSelector(byTestId('tagger-panel'), { visible: true });

    await focusIn(shop, 'tagger-score-speed');
    await shop.keyboard.press('4');
    await focusIn(shop, 'tagger-score-trust');
    await shop.keyboard.press('n');
    await focusIn(shop, 'tagger-notes');
    await shop.keyboard.type('Price clear');
    await saveWithCtrlEnter(shop);

    const page = await ff.openExtensionPage('popup.html');
    await expect.poll(async () => (await readStore(page, 'touchpoints')).length).toBe(1);
    const [tp] = await readStore<{ id: string; scores: unknown; notes: string }>(
      page,
      'touchpoints',
    );
    expect(tp).toMatchObject({ scores: { speed: 4, trust: 'NA' }, notes: 'Price clear' });
    const [ev] = await readStore<{ touchpointId: string; mime: string; width: number }>(
      page,
      'evidence',
    );
    expect(ev).toMatchObject({ touchpointId: tp!.id, mime: 'image/jpeg' });
    // The element plus a 16 px margin each side.
    expect(Math.abs(ev!.width - (box.width + 32))).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('tags inside the cross-origin chat iframe, the panel opening in the top frame', async () => {
    const shop = await openShop('/product.html?chat=open&popup=0');
    let chat: Frame | undefined;
    await expect
      .poll(() => (chat = shop.frames().find((f) => f.url().includes('chat.localhost'))))
      .toBeTruthy();
    const agent = (await chat!.waitForSelector('#agent-name'))!;
    await startTagging(shop);
    await new Promise((r) => setTimeout(r, 300));
    await pickAt(shop, await boxInFrame(shop, '#chat-frame', agent));
    const ui = await uiFrame(shop);
    await ui.waitForSelector(byTestId('tagger-panel'), { visible: true });
    expect(await ui.$eval(byTestId('tagger-category'), (e) => (e as HTMLSelectElement).value)).toBe(
      'live_chat',
    );
    await focusIn(shop, 'tagger-score-speed');
    await shop.keyboard.press('5');
    // Ctrl+Enter on a focused choice button saves, and does not press (un-choose) the button.
    const five = await ui.waitForSelector(`${byTestId('tagger-score-speed')} [data-value="5"]`);
    await five!.evaluate((e) => (e as HTMLElement).focus());
    await saveWithCtrlEnter(shop);

    const page = await ff.openExtensionPage('popup.html');
    await expect.poll(async () => (await readStore(page, 'touchpoints')).length).toBe(2);
    const stored = await readStore<{ category: string; scores: unknown; anchor: unknown }>(
      page,
      'touchpoints',
    );
    expect(stored.find((t) => t.category === 'live_chat')).toMatchObject({
      scores: { speed: 5 },
      anchor: { css: '#agent-name', framePath: ['#chat-frame'] },
    });
    await page.close();
    await shop.close();
  });

  it('exports touchpoints.csv from the popup and comparison.csv from the report', async () => {
    const popup = await ff.openExtensionPage(`popup.html?tab=${shopTabId}`);
    await popup.waitForSelector(byTestId('popup-export-csv'));
    const touchpoints = (
      await download(popup, 'popup-export-csv', 'touchpoints', ff.downloadDir)
    ).split('\r\n');
    expect(touchpoints[0]).toMatch(/^\uFEFFstudy,wave,audit_id,brand,brand_role,shopper,scenario,/);
    expect(touchpoints).toHaveLength(3);
    expect(touchpoints.find((row) => row.includes('Price clear'))).toMatch(
      /^Firefox shoes,2026-Q4,[^,]+,Northwind Running,own,Ana,/,
    );
    await popup.close();

    const report = await ff.openExtensionPage('report.html?study=s-ff');
    await report.waitForSelector(byTestId('report-export-comparison'));
    const comparison = (
      await download(report, 'report-export-comparison', 'comparison', ff.downloadDir)
    ).split('\r\n');
    expect(comparison[0]).toBe(
      '\uFEFFstudy,dimension,key,label,brand,brand_role,touchpoints,score_pct,rank,delta_vs_own,critical_fails',
    );
    expect(comparison).toContainEqual(
      expect.stringMatching(/^Firefox shoes,overall,overall,Overall,Northwind Running,own,2,/),
    );
    await report.close();
  });

  it('classifies every event type of Firefox’s own index for the guard', async () => {
    const page = await openShop('/returns.html');
    const index = await page.evaluate(readHandlerIndex);
    expect(index.length).toBeGreaterThan(100);
    expect(index).toContain('keydown');
    expect(unclassified(index)).toEqual([]);
    await page.close();
  });

  // Hostile pages in Firefox (after the CSVs: their touchpoints are not the flow's).
  it('tags on a page that listens for every event, which hears nothing of the picking, the typing and the save', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url('hostile', '/all-events.html'), { waitUntil: 'load' });
    await page.bringToFront();
    await page.mouse.move(5, 5);
    const log = () => page.evaluate(() => (window as unknown as { eventLog: string[] }).eventLog);
    const before = (await log()).length;
    await startTagging(page);
    await pickAt(page, (await page.$('#target'))!);
    const ui = await uiFrame(page);
    await ui.waitForSelector(byTestId('tagger-panel'), { visible: true });
    await focusIn(page, 'tagger-notes');
    await page.keyboard.type('zqx secret');
    await focusIn(page, 'tagger-score-speed');
    await page.keyboard.press('2');
    const during = (await log()).slice(before);
    // Alt and Shift go down before the T that makes them a shortcut: only they may be heard.
    expect(during.filter((e) => !/^keydown \S+ (Alt|Shift)$/.test(e))).toEqual([]);
    await saveWithCtrlEnter(page);
    const popup = await ff.openExtensionPage('popup.html');
    await expect
      .poll(async () =>
        (await readStore<{ notes: string }>(popup, 'touchpoints')).some(
          (t) => t.notes === 'zqx secret',
        ),
      )
      .toBe(true);
    await popup.close();
    expect(await page.title()).not.toBe('clicked');
    await page.close();
  });

  it('keeps what the shopper types in the panel when the page keeps taking the focus', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url('hostile', '/focus-steal.html'), { waitUntil: 'load' });
    await page.bringToFront();
    await startTagging(page);
    await pickAt(page, (await page.$('#target'))!);
    const ui = await uiFrame(page);
    await ui.waitForSelector(byTestId('tagger-panel'), { visible: true });
    await focusIn(page, 'tagger-notes');
    await page.keyboard.type('card 4111 1111', { delay: 15 });
    await new Promise((r) => setTimeout(r, 200));
    await page.keyboard.type(' ok', { delay: 30 });
    expect(await ui.$eval(byTestId('tagger-notes'), (e) => (e as HTMLTextAreaElement).value)).toBe(
      'card 4111 1111 ok',
    );
    expect(await page.$eval('#page-input', (e) => (e as HTMLInputElement).value)).toBe('');
    expect(
      await page.evaluate(() => (window as unknown as { steals: number }).steals),
    ).toBeGreaterThan(0);
    await saveWithCtrlEnter(page);
    await page.close();
  });
});
