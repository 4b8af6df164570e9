import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
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

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

/** What the strict page itself knows: the nodes it deleted, and what its DOM holds. */
const PAGE_VIEW = () => {
  const w = window as unknown as { purged: number; seen: string[] };
  return {
    purged: w.purged,
    seen: [...w.seen],
    elements: document.querySelectorAll('*').length,
    htmlChildren: Array.from(document.documentElement.children).map((e) => e.localName),
    bodyText: document.body.innerText,
    text: document.documentElement.textContent ?? '',
    popovers: document.querySelectorAll('[popover]').length,
  };
};

describe('tagging on a page that deletes, at once, every node it did not create', () => {
  it('tags, scores and saves a touchpoint', async () => {
    const page = await openPage(ext, server.url('hostile', '/purge-strict.html'));
    const before = await page.evaluate(PAGE_VIEW);
    expect(before.purged).toBe(0);
    const known = new Set((await readSaved(ext)).touchpoints.map((t) => t.id));
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await page.waitForTimeout(600);
    await panel(page).waitFor({ state: 'visible' });
    const during = await page.evaluate(PAGE_VIEW);
    console.log('[strict] the page saw while tagging:', JSON.stringify(during.seen));
    // The one host it ever saw (the first try, at the end of <html>) is gone; nothing since.
    expect(during.seen).toEqual(['DIV']);
    expect(during.htmlChildren).toEqual(before.htmlChildren);
    expect(during.elements).toBe(before.elements);
    expect(during.text).toBe(before.text);
    expect(during.bodyText).not.toContain('Tag a touchpoint');
    await score(page, 'clarity', 2);
    await ui(page).getByTestId('tagger-notes').fill('strict');
    await saveAndWait(page);
    const { touchpoints, evidence } = await waitForSaved(ext, known.size + 1);
    const tp = touchpoints.find((t) => !known.has(t.id))!;
    expect(tp).toMatchObject({ scores: { clarity: 2 }, notes: 'strict' });
    expect(tp.anchor?.css).toBe('#target');
    expect(evidence.filter((e) => e.touchpointId === tp.id)).toHaveLength(1);
    const after = await page.evaluate(PAGE_VIEW);
    expect(after).toEqual({ ...before, purged: 1, seen: ['DIV'] });
    await page.close();
  });

  it('tags a second time on the same page, and stops with Escape leaving nothing behind', async () => {
    const page = await openPage(ext, server.url('hostile', '/purge-strict.html'));
    const before = await page.evaluate(PAGE_VIEW);
    for (let i = 0; i < 2; i++) {
      await startTagging(page);
      await page.mouse.move(200, 200);
      await page.keyboard.press('Escape');
      await ui(page).getByTestId('tagger-toolbar').waitFor({ state: 'detached' });
    }
    const known = (await readSaved(ext)).touchpoints.length;
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 3);
    await saveAndWait(page);
    expect((await waitForSaved(ext, known + 1)).touchpoints).toHaveLength(known + 1);
    expect(await page.evaluate(PAGE_VIEW)).toEqual({ ...before, purged: 1, seen: ['DIV'] });
    await page.close();
  });
});
