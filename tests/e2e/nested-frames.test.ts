import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { evidenceDiff } from './support/evidence-pixels';
import {
  openPage,
  panel,
  readSaved,
  saveAndWait,
  score,
  startTagging,
  ui,
  waitForSaved,
} from './support/tagger';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

/** Where `selector`'s box (or, for an iframe, its content) is in its frame's viewport. */
const boxIn = (frame: Frame, selector: string) =>
  frame.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const inner = el.localName === 'iframe';
    const pad = (v: string) => (inner ? Number.parseFloat(v) : 0);
    return {
      x: r.left + (inner ? el.clientLeft : 0) + pad(style.paddingLeft),
      y: r.top + (inner ? el.clientTop : 0) + pad(style.paddingTop),
      width: r.width,
      height: r.height,
    };
  });

/**
 * `#agent-name`'s box in the top viewport, added up frame by frame from each document's own
 * geometry (Playwright's boundingBox leaves out the border of an iframe in an iframe).
 */
async function boxInTop(page: Page) {
  const middle = page.frames().find((f) => f.url().includes('nested-frame.html'))!;
  const chat = page.frames().find((f) => f.url().includes('widget.html'))!;
  const outer = await boxIn(page.mainFrame(), '#outer');
  const inner = await boxIn(middle, '#inner');
  const el = await boxIn(chat, '#agent-name');
  return { ...el, x: outer.x + inner.x + el.x, y: outer.y + inner.y + el.y };
}

describe('tagging in frames inside frames', () => {
  it('picks an element of a cross-origin frame inside a frame and opens the panel on top', async () => {
    const page = await openPage(ext, server.url('hostile', '/nested.html'));
    const target = page.frameLocator('#outer').frameLocator('#inner').locator('#agent-name');
    await target.waitFor();
    const known = new Set((await readSaved(ext)).touchpoints.map((t) => t.id));
    await startTagging(page);
    // The shopper points at the name and clicks once the chat frame's own picker shows it: the
    // tagger reaches a frame two levels down a moment after the top one (on a slow machine
    // more than the 300 ms this used to wait), and pointing before that shows no highlight.
    const chat = page.frames().find((f) => f.url().includes('widget.html'))!;
    const box = await boxInTop(page);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await expect
      .poll(
        async () => {
          await page.mouse.move(x - 4, y - 4);
          await page.mouse.move(x, y, { steps: 2 });
          const label = chat.locator('.highlight-label');
          return (await label.textContent({ timeout: 300 }).catch(() => null)) ?? '';
        },
        { timeout: 10_000 },
      )
      .toMatch(/^strong “/);
    await page.mouse.click(x, y);
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-toolbar').count()).toBe(0);
    await score(page, 'clarity', 4);
    await saveAndWait(page);
    const { touchpoints, evidence } = await waitForSaved(ext, known.size + 1);
    const tp = touchpoints.find((t) => !known.has(t.id))!;
    expect(tp.anchor?.framePath).toEqual(['#outer', '#inner']);
    expect(tp.anchor?.css).toBe('#agent-name');

    // The crop is the element plus a 16 px margin: both frames' offsets were added up.
    const ev = evidence.find((e) => e.touchpointId === tp.id)!;
    const clip = {
      x: Math.floor(box.x - 16),
      y: Math.floor(box.y - 16),
      width: Math.ceil(box.x + box.width + 16) - Math.floor(box.x - 16),
      height: Math.ceil(box.y + box.height + 16) - Math.floor(box.y - 16),
    };
    expect(Math.abs(ev.width - clip.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(ev.height - clip.height)).toBeLessThanOrEqual(1);
    const shot = await page.screenshot({ clip: { ...clip, width: ev.width, height: ev.height } });
    expect(await evidenceDiff(ext, tp.id, shot)).toBeLessThan(12);
    await page.close();
  });

  it('climbs and descends with the wheel over a frame that scrolls, scrolling neither it nor the page', async () => {
    const page = await openPage(ext, server.url('hostile', '/scroll-frame.html'));
    const feed = page.frameLocator('#feed');
    await feed.locator('#deal-3 .price').waitFor();
    const frame = page.frames().find((f) => f.url().includes('scroll-frame-feed.html'))!;
    // The feed frame's own picker draws its highlight (the e2e build's shadow root is open).
    const label = () => frame.locator('.highlight-label').textContent();
    const state = async () => ({
      page: await page.evaluate(() => [
        scrollY,
        (window as unknown as { wheelHeard: number }).wheelHeard,
      ]),
      feed: await frame.evaluate(() => [
        scrollY,
        (window as unknown as { wheelHeard: number }).wheelHeard,
      ]),
    });
    await startTagging(page);
    const box = (await feed.locator('#deal-3 .price').boundingBox())!;
    // The feed's tagger starts a moment after the page's (later still on a loaded machine):
    // like a shopper whose highlight has not shown yet, the pointer moves over the price
    // again until it has.
    let nudge = 0;
    await expect
      .poll(
        async () => {
          nudge = (nudge + 1) % 3;
          await page.mouse.move(box.x + box.width / 2 - 5, box.y + box.height / 2 - 5);
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - nudge, {
            steps: 3,
          });
          return label();
        },
        { timeout: 5_000 },
      )
      .toMatch(/^span /);

    // Down first: the pick has no child to go to, and the feed would scroll if let.
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(300);
    await page.mouse.wheel(0, -120);
    await expect.poll(label).toMatch(/^li “€15 Weekend deal number 3/);
    await page.mouse.wheel(0, -120);
    await expect.poll(label).toMatch(/^ol /);
    await page.mouse.wheel(0, 120);
    await expect.poll(label).toMatch(/^li “€15 Weekend deal number 3/);
    await page.waitForTimeout(300);
    expect(await state()).toEqual({ page: [0, 0], feed: [0, 0] });

    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await panel(page).waitFor({ state: 'visible' });
    expect(await ui(page).getByTestId('tagger-what').textContent()).toMatch(/“€15 Weekend deal/);
    await ui(page).getByTestId('tagger-cancel').click();
    await panel(page).waitFor({ state: 'detached' });
    // Once the tagger is closed the wheel is the page's again.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await state()).feed[0]).toBeGreaterThan(0);
    await page.close();
  });
});
