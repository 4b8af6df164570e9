import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { evidencePixels } from './support/evidence-pixels';
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

/** The masks' colour (`.mask` in the tagger's style sheet). */
const MASK: [number, number, number] = [0x5b, 0x64, 0x70];
const SECRET = 'WWWW 4242 4242 4242 WWWW';

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

/**
 * Types the secret into the cross-origin chat frame's input, tags the whole page (with field
 * values included or not), saves, and reads the pixels of the input's box in the evidence.
 */
async function tagPageWithChat(includeValues: boolean) {
  const page = await openPage(ext, server.url('northwind', '/product.html?chat=open'));
  const frame = page.frameLocator('#chat-frame');
  const input = frame.locator('#chat-input');
  await input.fill(SECRET);
  const known = new Set((await readSaved(ext)).touchpoints.map((t) => t.id));
  await startTagging(page);
  await ui(page).getByTestId('tagger-whole-page').click();
  await panel(page).waitFor({ state: 'visible' });
  await score(page, 'clarity', 3);
  if (includeValues) await ui(page).getByTestId('tagger-include-values').click();
  const box = (await input.boundingBox())!;
  const viewport = await page.evaluate(() => innerWidth);
  await saveAndWait(page);
  const { touchpoints, evidence } = await waitForSaved(ext, known.size + 1);
  const tp = touchpoints.find((t) => !known.has(t.id))!;
  const ev = evidence.find((e) => e.touchpointId === tp.id)!;
  expect(ev).toBeDefined();
  const s = ev.width / viewport;
  // The inside of the input (away from its rounded border), in image pixels.
  const inner = {
    x: Math.round((box.x + 14) * s),
    y: Math.round((box.y + 6) * s),
    width: Math.round((box.width - 28) * s),
    height: Math.round((box.height - 12) * s),
  };
  const stats = await evidencePixels(ext, tp.id, inner, MASK);
  await page.close();
  return stats;
}

describe('evidence screenshots mask form fields in every frame', () => {
  it('masks the value typed into a cross-origin chat iframe', async () => {
    const stats = await tagPageWithChat(false);
    expect(stats.count).toBeGreaterThan(100);
    expect(stats.nearColour).toBeGreaterThan(0.97);
    expect(stats.spread).toBeLessThan(40);
  });

  it('shows the value when the shopper includes field values', async () => {
    const stats = await tagPageWithChat(true);
    expect(stats.nearColour).toBeLessThan(0.2);
    expect(stats.spread).toBeGreaterThan(80);
  });
});
