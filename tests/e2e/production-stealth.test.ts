import { execSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { EXTENSION_DIRS, type ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { openPage, readSaved, waitForSaved } from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => {
  // The e2e global setup builds only the e2e build; this file needs the one people install,
  // built afresh so it never tests a stale copy (about 5 s).
  execSync('npx wxt build', { stdio: 'inherit', env: process.env });
  ({ server, ext } = await openSession({
    seed: true,
    launch: { extensionDir: EXTENSION_DIRS.production },
  }));
}, 120_000);

afterAll(() => closeSession({ server, ext }));

/** Texts of the tagger's toolbar and panel, none of which the page may read. */
const PANEL_TEXTS = [
  en['tagger.title'],
  en['tagger.picking'],
  en['tagger.wholePage'],
  en['tagger.region'],
  en['tagger.includeValues'],
  en['tagger.scoreHelp'],
];

/** What the page's own (main) world can read of itself, at a point of the viewport too. */
const LOOK = ([x, y]: [number, number]) => {
  const all = Array.from(document.querySelectorAll('*'));
  const at = document.elementFromPoint(x, y);
  return {
    elements: all.length,
    shadowRoots: all.filter((e) => e.shadowRoot !== null).map((e) => e.localName),
    popovers: document.querySelectorAll('[popover]').length,
    slotted: Array.from(document.body.children).filter((e) => e.assignedSlot !== null).length,
    htmlChildren: Array.from(document.documentElement.children).map((e) => e.localName),
    bodyText: document.body.innerText,
    text: document.documentElement.textContent ?? '',
    at: at ? `${at.localName}${at.hasAttribute('popover') ? '[popover]' : ''}` : '',
  };
};

const TOOLBAR_AT: [number, number] = [640, 800 - 24];
const PANEL_AT: [number, number] = [1280 - 200, 60];

/** Asserts that none of the tagger's texts and no shadow root is readable from the page. */
function expectUnreadable(look: ReturnType<typeof LOOK>) {
  expect(look.shadowRoots).toEqual([]);
  expect(look.slotted).toBe(0);
  for (const text of PANEL_TEXTS) {
    expect(look.bodyText).not.toContain(text);
    expect(look.text).not.toContain(text);
  }
}

async function startWithShortcut(page: Page, uiAt: string) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Alt+Shift+T');
  // The closed root hides the toolbar; the page only sees a box of an element it cannot open.
  await page.waitForFunction(
    ([[x, y], want]) => {
      const at = document.elementFromPoint(x, y);
      return !!at && `${at.localName}${at.hasAttribute('popover') ? '[popover]' : ''}` === want;
    },
    [TOOLBAR_AT, uiAt] as const,
  );
  // The layer is up; its frame (an extension page) is ready a moment later, as a shopper's
  // next key press would be.
  await page.waitForTimeout(300);
}

/**
 * Waits, as the page could, until the panel is open: the tagger's layer is at one of the
 * panel's places (its header, in the right column or, beside an element there, the left one)
 * and no longer over the rest of the page (the picking surface is gone). Answers that point.
 */
async function panelOpen(page: Page): Promise<[number, number]> {
  const places: [number, number][] = [PANEL_AT, [200, 60]];
  const found = await page.waitForFunction(
    ([places, [tx, ty]]) =>
      document.elementFromPoint(tx, ty)?.hasAttribute('popover') === false &&
      places.findIndex(([px, py]) => document.elementFromPoint(px, py)?.hasAttribute('popover')) +
        1,
    [places, TOOLBAR_AT] as const,
  );
  await page.waitForTimeout(300);
  return places[((await found.jsonValue()) as number) - 1]!;
}

describe('the production build, seen from the page', () => {
  it('exposes no shadow root and no panel text while tagging, and leaves nothing after Escape', async () => {
    const page = await openPage(ext, server.url('northwind', '/product.html?popup=0'));
    await page.waitForTimeout(300);
    const before = await page.evaluate(LOOK, PANEL_AT);
    expect(before.shadowRoots).toEqual([]);
    await startWithShortcut(page, 'div[popover]');
    const picking = await page.evaluate(LOOK, TOOLBAR_AT);
    expectUnreadable(picking);
    expect(picking.popovers).toBe(1);
    const title = await page.locator('#product-title').boundingBox();
    await page.mouse.move(title!.x + 10, title!.y + 10, { steps: 3 });
    await page.mouse.click(title!.x + 10, title!.y + 10);
    const header = await panelOpen(page);
    expectUnreadable(await page.evaluate(LOOK, header));
    // Escape closes the panel from inside it: click its header, Tab into its first control.
    await page.mouse.click(...header);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[popover]').length === 0);
    expect(await page.evaluate(LOOK, PANEL_AT)).toEqual(before);
    await page.close();
  });

  it('offers a page that knows the extension id no file to load, not even the panel page', async () => {
    const page = await openPage(ext, server.url('northwind', '/index.html'));
    const probes = await page.evaluate(async (id) => {
      const url = `chrome-extension://${id}/tagger-ui.html`;
      const fetched = await fetch(url).then(
        () => 'loaded',
        () => 'refused',
      );
      const scripted = await new Promise<string>((done) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => done('loaded');
        script.onerror = () => done('refused');
        document.head.append(script);
      });
      return { fetched, scripted };
    }, ext.extensionId);
    // Web-accessible only under a per-session address the extension alone knows.
    expect(probes).toEqual({ fetched: 'refused', scripted: 'refused' });
    await page.close();
  });

  it('hides the same on a page that deletes every node it did not create', async () => {
    const page = await openPage(ext, server.url('hostile', '/purge-strict.html'));
    const before = await page.evaluate(LOOK, TOOLBAR_AT);
    expect(before.at).not.toBe('body');
    // There the toolbar lives in a closed shadow root on <body>: the page sees body at its box.
    await startWithShortcut(page, 'body');
    expectUnreadable(await page.evaluate(LOOK, TOOLBAR_AT));
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      ([x, y]) => document.elementFromPoint(x, y) !== document.body,
      TOOLBAR_AT,
    );
    expect(await page.evaluate(LOOK, TOOLBAR_AT)).toEqual(before);
    await page.close();
  });

  it('lets a page listening for every event type hear nothing of picking, typing and saving', async () => {
    const page = await openPage(ext, server.url('hostile', '/all-events.html'));
    const known = new Set((await readSaved(ext)).touchpoints.map((t) => t.id));
    const log = () => page.evaluate(() => (window as unknown as { eventLog: string[] }).eventLog);
    // From the moment the toolbar is up (the page may have heard Alt and Shift go down before).
    await startWithShortcut(page, 'div[popover]');
    const before = (await log()).length;
    const target = (await page.locator('#target').boundingBox())!;
    await page.mouse.move(target.x + 20, target.y + 20, { steps: 4 });
    await page.mouse.click(target.x + 20, target.y + 20);
    const header = await panelOpen(page);
    // Into the panel by its header, then through its controls, typing into each.
    await page.mouse.click(...header);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('zqx secret', { delay: 10 });
    const during = (await log()).slice(before);
    expect(during).toEqual([]);
    await page.keyboard.press('Control+Enter');
    // Reading the database opens a tab: only once the save (and its capture) is over.
    await page.waitForFunction(() => document.querySelectorAll('[popover]').length === 0);
    const { touchpoints } = await waitForSaved(ext, known.size + 1);
    expect(touchpoints.find((t) => !known.has(t.id))?.anchor?.css).toMatch(/^#(target|inner)$/);
    expect((await log()).join('\n')).not.toMatch(/#target|#inner|secret|\|[zqx]\b/);
    await page.close();
  });
});
