import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { evidencePixels, imagePixels } from './support/evidence-pixels';
import {
  openPage,
  panel,
  pickAt,
  readSaved,
  saveAndWait,
  score,
  startTagging,
  ui,
  waitForSaved,
} from './support/tagger';

const GREEN: [number, number, number] = [0, 160, 0];
const RED: [number, number, number] = [220, 0, 0];

let server: FixtureServer;
let ext: ExtensionSession;
let studyId: string;

beforeAll(async () => {
  const session = await openSession({ seed: true });
  ({ server, ext } = session);
  studyId = session.seeded!.studyId;
});
afterAll(() => closeSession({ server, ext }));

const knownIds = async () => new Set((await readSaved(ext)).touchpoints.map((t) => t.id));

/** Tags `#target`: picks it at once, waits until `ready` holds, scores and saves. */
async function tagTarget(page: Page, ready: () => Promise<void>) {
  const known = await knownIds();
  await startTagging(page);
  await pickAt(page, page.locator('#target'));
  await panel(page).waitFor({ state: 'visible' });
  await ready();
  // Past the capture quota's interval: Save shoots again rather than reuse the pick's image.
  await page.waitForTimeout(700);
  await score(page, 'clarity', 3);
  await saveAndWait(page);
  const { touchpoints, evidence } = await waitForSaved(ext, known.size + 1);
  const tp = touchpoints.find((t) => !known.has(t.id))!;
  expect(tp).toBeDefined();
  return { tp, evidence: evidence.filter((e) => e.touchpointId === tp.id) };
}

/**
 * The pick's screenshot that the open panel's draft keeps (before Save), once it is kept: its
 * pixels as a data URL, and its size. Read in the service worker: opening a page would make
 * another tab the active one, and the screenshot would be refused.
 */
async function keptPickShot(): Promise<{ url: string; width: number; height: number }> {
  // A string: the tests run through a transform whose helpers do not exist in the worker.
  return ext.serviceWorker.evaluate(`(async () => {
    const read = () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('drafts').objectStore('drafts').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.find((r) => r.pickShot)?.pickShot);
          };
        };
      });
    for (let i = 0; i < 50; i++) {
      const shot = await read();
      if (shot) {
        const bytes = new Uint8Array(await shot.blob.arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return { url: 'data:image/jpeg;base64,' + btoa(binary), width: shot.width, height: shot.height };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no pick screenshot was kept with the draft');
  })()`);
}

/** The centre of a stored screenshot (clear of the offer's text), against `colour`. */
const centre = (
  touchpointId: string,
  e: { width: number; height: number },
  colour: [number, number, number],
  moment?: 'pick' | 'save',
) =>
  evidencePixels(
    ext,
    touchpointId,
    {
      x: Math.round(e.width * 0.4),
      y: Math.round(e.height * 0.4),
      width: Math.max(1, Math.round(e.width * 0.2)),
      height: Math.max(1, Math.round(e.height * 0.2)),
    },
    colour,
    24,
    moment,
  );

describe('evidence is what the shopper saw when they picked', () => {
  it('flags a touchpoint whose element the page repainted after the pick and keeps both screenshots', async () => {
    // The page repaints 3 s after it loaded: the pick's screenshot (taken as the panel opens,
    // the tagger run in first) is of the page before, Save's after.
    const page = await openPage(ext, server.url('hostile', '/repaint-later.html?delay=3000'));
    const { tp, evidence } = await tagTarget(page, () =>
      page
        .waitForFunction(() => (window as unknown as { repainted: boolean }).repainted, undefined, {
          timeout: 8_000,
        })
        .then(() => undefined),
    );
    expect(tp).toMatchObject({ changedAfterPick: true });
    const moments = evidence.map((e) => e.moment).sort();
    expect(moments).toEqual(['pick', 'save']);
    const picked = evidence.find((e) => e.moment === 'pick')!;
    const saved = evidence.find((e) => e.moment === 'save')!;
    expect(picked.capturedAt < saved.capturedAt).toBe(true);
    expect((await centre(tp.id, picked, GREEN, 'pick')).nearColour).toBeGreaterThan(0.95);
    expect((await centre(tp.id, saved, RED, 'save')).nearColour).toBeGreaterThan(0.95);

    // The touchpoints view says so, and which screenshot is which.
    const view = await ext.openExtensionPage(`touchpoints.html?study=${studyId}`);
    const row = view.locator(`[data-testid="touchpoint-row"][data-id="${tp.id}"]`);
    await row.getByTestId('touchpoint-open').click();
    await view.getByTestId('touchpoint-changed-after-pick').waitFor({ state: 'visible' });
    const captions = await view.getByTestId('touchpoint-evidence-moment').allTextContents();
    expect(captions).toEqual(['As picked', 'At Save']);
    await view.close();
    await page.close();
  });

  it('keeps one screenshot and no flag on a calm page', async () => {
    const page = await openPage(ext, server.url('hostile', '/repaint-later.html?calm'));
    const { tp, evidence } = await tagTarget(page, () => page.waitForTimeout(1_500));
    expect(tp).not.toHaveProperty('changedAfterPick');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).not.toHaveProperty('moment');
    expect((await centre(tp.id, evidence[0]!, GREEN)).nearColour).toBeGreaterThan(0.95);
    await page.close();
  });

  /** Where the panel opened against the picked element's box (viewport pixels). */
  const panelPlace = async (page: Page) => {
    const target = (await page.locator('#target').boundingBox())!;
    const frame = (await page.locator('iframe.ui-frame').boundingBox())!;
    const apart =
      frame.x >= target.x + target.width ||
      frame.x + frame.width <= target.x ||
      frame.y >= target.y + target.height ||
      frame.y + frame.height <= target.y;
    if (!apart) return 'over';
    if (frame.x >= target.x + target.width) return 'right';
    if (frame.x + frame.width <= target.x) return 'left';
    return frame.y >= target.y + target.height ? 'below' : 'above';
  };

  for (const [where, query, place] of [
    ['on its left (panel beside it, shot while it opens)', '', 'right'],
    ['on the right (panel on its left, shot while it opens)', '?right', 'left'],
    ['across the page (panel below it, shot while it opens)', '?wide', 'below'],
    ['over the whole viewport (panel over it, shot before it shows)', '?cover', 'over'],
  ])
    it(`shoots the pick without the tagger when the page keeps its thread busy, the element ${where}`, async () => {
      // The tagger hides its highlight (and the panel, opening over the element) and asks for
      // the screenshot at once; the page then answers the masks only once that hiding is on the
      // screen, which on this page comes late (every frame waits for a 40 ms stretch of the
      // page's own work).
      const page = await openPage(ext, server.url('hostile', `/busy-top.html${query}`));
      const { tp, evidence } = await tagTarget(page, async () => {
        // The panel leaves what is being scored in view wherever there is room for it.
        expect(await panelPlace(page)).toBe(place);
        const shot = await keptPickShot();
        const box = {
          x: Math.round(shot.width * 0.4),
          y: Math.round(shot.height * 0.4),
          width: Math.max(1, Math.round(shot.width * 0.2)),
          height: Math.max(1, Math.round(shot.height * 0.2)),
        };
        // The highlight's pink tint or the panel over the element would show here.
        expect((await imagePixels(page, shot.url, box, GREEN)).nearColour).toBeGreaterThan(0.95);
      });
      expect(tp).not.toHaveProperty('changedAfterPick');
      expect(evidence).toHaveLength(1);
      expect((await centre(tp.id, evidence[0]!, GREEN)).nearColour).toBeGreaterThan(0.95);
      await page.close();
    });

  it('leaves no draft of a tag cancelled while its pick is being shot: tagging the page again starts with the picker', async () => {
    // The panel opens beside the element at once; on this busy page the screenshot waits for
    // the tagger's highlight to leave the screen, a long while, and the shopper cancels first.
    // (Nor may the discarding wait for the screenshot: the tab may be closed meanwhile.)
    const url = server.url('hostile', '/busy-top.html?cancelled');
    const page = await openPage(ext, url);
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await ui(page).getByTestId('tagger-cancel').click();
    // And closes the tab at once, the screenshot still under way.
    await panel(page).waitFor({ state: 'detached' });
    await page.close();
    const again = await openPage(ext, url);
    await startTagging(again);
    await expect(panel(again).isVisible()).resolves.toBe(false);
    await again.keyboard.press('Escape');
    await again.close();
  });

  it('does not take a :hover for a change: the page gets no pointer during either capture', async () => {
    // The pointer rests on the element as the shopper picks it and on Save as they save; with
    // the tagger's UI hidden for a capture it would be over the page, whose :hover turns red.
    const page = await openPage(ext, server.url('hostile', '/hover.html'));
    const { tp, evidence } = await tagTarget(page, () => page.waitForTimeout(300));
    expect(tp).not.toHaveProperty('changedAfterPick');
    expect(evidence).toHaveLength(1);
    // The button's centre holds its white label too: green around it, no red anywhere.
    expect((await centre(tp.id, evidence[0]!, GREEN)).nearColour).toBeGreaterThan(0.5);
    expect((await centre(tp.id, evidence[0]!, RED)).nearColour).toBe(0);
    await page.close();
  });
});
