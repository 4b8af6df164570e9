import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { readStore } from './support/extension-db';
import { checkA11y } from './support/axe';
import { evidencePixels } from './support/evidence-pixels';
import {
  openPage,
  panel,
  pickAt,
  readSaved,
  saveAndWait,
  score,
  startTagging,
  startTaggingByCommand,
  ui,
  waitForSaved,
} from './support/tagger';

/** The masks' colour (`.mask` in the tagger's style sheet). */
const MASK: [number, number, number] = [0x5b, 0x64, 0x70];
const GREEN: [number, number, number] = [0, 160, 0];

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => ({ server, ext } = await openSession({ seed: true })));
afterAll(() => closeSession({ server, ext }));

/** A global of the page's own (main) world. */
const pageValue = <T>(page: Page, name: string): Promise<T> =>
  page.evaluate((n) => (window as unknown as Record<string, T>)[n]!, name);

/** Waits for the newest touchpoint stored after `known`; returns it with its evidence. */
async function savedAfter(known: Set<string>) {
  const { touchpoints, evidence } = await waitForSaved(ext, known.size + 1);
  const tp = touchpoints.find((t) => !known.has(t.id))!;
  expect(tp).toBeDefined();
  return { tp, evidence: evidence.filter((e) => e.touchpointId === tp.id) };
}

const knownIds = async () => new Set((await readSaved(ext)).touchpoints.map((t) => t.id));

/**
 * Tags the whole page, scores and saves it; answers how the evidence's pixels inside `box` (a
 * box of the page's viewport, less `inset` on each side) compare with the masks' colour.
 */
async function maskedInWholePage(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  inset: { x: number; y: number },
) {
  const known = await knownIds();
  const viewport = await page.evaluate(() => innerWidth);
  await startTagging(page);
  await ui(page).getByTestId('tagger-whole-page').click();
  await panel(page).waitFor({ state: 'visible' });
  await score(page, 'clarity', 3);
  await saveAndWait(page);
  const { tp, evidence } = await savedAfter(known);
  const s = evidence[0]!.width / viewport;
  const inner = {
    x: Math.round((box.x + inset.x) * s),
    y: Math.round((box.y + inset.y) * s),
    width: Math.round((box.width - 2 * inset.x) * s),
    height: Math.round((box.height - 2 * inset.y) * s),
  };
  return evidencePixels(ext, tp.id, inner, MASK);
}

/** Clicks the panel's note field and types `text` key by key, as a shopper would. */
async function typeNote(page: Page, text: string) {
  await ui(page).getByTestId('tagger-notes').click();
  await page.keyboard.type(text, { delay: 15 });
}

/** The centre fifth of the stored evidence image (the tagged element, margins left out). */
async function evidenceCentre(touchpointId: string, width: number, height: number) {
  const box = {
    x: Math.round(width * 0.4),
    y: Math.round(height * 0.4),
    width: Math.max(1, Math.round(width * 0.2)),
    height: Math.max(1, Math.round(height * 0.2)),
  };
  return evidencePixels(ext, touchpointId, box, GREEN);
}

describe('a page cannot read, steer or spoof the open tagger', () => {
  it('hears no event of any type while the shopper picks, types a note, scores and saves', async () => {
    const page = await openPage(ext, server.url('hostile', '/all-events.html'));
    const types = await pageValue<number>(page, 'eventTypes');
    expect(types).toBeGreaterThan(150);
    // The page's own motion and orientation listeners get one first reading a moment after it
    // listens (Chromium sends one even with no sensor); late on a busy machine, it would land
    // in the log below though the tagger has no part in it. Let it come first.
    await page
      .waitForFunction(
        () => (window as unknown as { eventLog: string[] }).eventLog.some((e) => /^device/.test(e)),
        null,
        { timeout: 3_000 },
      )
      .catch(() => undefined);
    await page.mouse.move(5, 5);
    const known = await knownIds();
    const before = (await pageValue<string[]>(page, 'eventLog')).length;
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 4);
    await typeNote(page, 'zqx secret');
    await score(page, 'speed', 2);
    // Everything the page heard from the shortcut to the moment before Save.
    const during = (await pageValue<string[]>(page, 'eventLog')).slice(before);
    // Alt and Shift go down before the T that makes them a shortcut: only they may be seen.
    expect(during.filter((e) => !/^keydown \S+ (Alt|Shift)$/.test(e))).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });
    const { tp } = await savedAfter(known);
    expect(tp).toMatchObject({ notes: 'zqx secret', scores: { clarity: 4, speed: 2 } });
    expect(tp.anchor?.css).toMatch(/^#(target|inner)$/);
    const log = (await pageValue<string[]>(page, 'eventLog')).slice(before).join('\n');
    expect(log).not.toMatch(/#target|#inner|secret|\|[zqx]\b|selectionchange/);
    expect(await page.title()).not.toBe('clicked');
    await page.close();
  });

  it('moves the panel by its header to where the pointer went, the page busy and hearing none of it', async () => {
    const page = await openPage(ext, server.url('hostile', '/all-events.html'));
    await page.mouse.move(5, 5);
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    // The page's thread now busy in 12 ms stretches: the drag's moves reach the tagger late,
    // several at a time, the panel having moved since the pointer did.
    await page.evaluate(() =>
      setInterval(() => {
        const end = performance.now() + 12;
        while (performance.now() < end);
      }, 0),
    );
    const before = (await pageValue<string[]>(page, 'eventLog')).length;
    const from = (await panel(page).boundingBox())!;
    const grip = (await ui(page).getByTestId('tagger-panel').locator('header').boundingBox())!;
    const y = grip.y + grip.height / 2;
    await page.mouse.move(grip.x + 20, y);
    await page.mouse.down();
    // Steps of 75 px, faster than the frame follows: the pointer is off it between moves.
    await page.mouse.move(grip.x + 20 - 300, y + 40, { steps: 4 });
    await page.mouse.move(grip.x + 20 - 320, y + 50, { steps: 6 });
    await page.mouse.up();
    // Where the panel went against where the pointer did, to the pixel (the page's pointer
    // positions are in fractions of one, the frame's in whole screen pixels).
    const moved = async () => {
      const to = (await panel(page).boundingBox())!;
      return [to.x - from.x + 320, to.y - from.y - 50].every((d) => Math.abs(d) <= 1);
    };
    await expect.poll(moved).toBe(true);
    expect((await pageValue<string[]>(page, 'eventLog')).slice(before)).toEqual([]);
    // The drag is over: the panel stays put as the pointer goes to a score in it (its release,
    // late on this page, once went unseen and the panel followed the pointer), and takes it.
    const known = await knownIds();
    await score(page, 'clarity', 4);
    expect(await moved()).toBe(true);
    await saveAndWait(page);
    expect((await savedAfter(known)).tp).toMatchObject({ scores: { clarity: 4 } });
    await page.close();
  });

  // `document.open()` erased the guard's listeners and the page listened again before tagging
  // started (on document, on window, then in the capture phase): the tagger registers the guard
  // again as it starts (behind the page's), and the shopper starts with the extension's command,
  // which the browser takes before any page hears it.
  it('keeps guarding after document.open() replaced the document', async () => {
    const page = await openPage(ext, server.url('hostile', '/document-open.html'));
    await page.waitForFunction(() => (window as unknown as { rewritten?: boolean }).rewritten);
    await page.locator('#target').waitFor();
    await page.waitForTimeout(100);
    const known = await knownIds();
    await startTaggingByCommand(ext, page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    expect(await pageValue<number>(page, 'ordered')).toBe(0);
    await score(page, 'clarity', 3);
    await typeNote(page, 'zqx');
    await saveAndWait(page);
    const { tp } = await savedAfter(known);
    expect(tp).toMatchObject({ notes: 'zqx', scores: { clarity: 3 } });
    expect(tp.anchor?.text).toBe('Place order');
    expect(await pageValue<string[]>(page, 'keys')).toEqual([]);
    expect(await pageValue<number>(page, 'ordered')).toBe(0);
    await page.close();
  });

  // The page's listener, added after document.open() erased ours, in the same task, runs before
  // the guard on every event of the page's document: the toolbar and the panel are a frame of
  // the extension, so the shopper's clicks and keys are not events of that document at all. Tagging starts with the browser's command (Alt+Shift+T, which Chrome
  // takes before any page hears it), as a shopper's key press does.
  it('keeps guarding when the page listens on window in the capture phase right after document.open()', async () => {
    const page = await openPage(ext, server.url('hostile', '/document-open-sync.html'));
    try {
      await page.waitForFunction(() => (window as unknown as { rewritten?: boolean }).rewritten);
      await page.locator('#target').waitFor();
      const known = await knownIds();
      await startTaggingByCommand(ext, page);
      await pickAt(page, page.locator('#target'));
      await panel(page).waitFor({ state: 'visible' });
      await score(page, 'clarity', 3);
      await typeNote(page, 'zqx');
      await saveAndWait(page);
      const { tp } = await savedAfter(known);
      expect(tp).toMatchObject({ notes: 'zqx', scores: { clarity: 3 } });
      expect(tp.anchor?.text).toBe('Place order');
      // Not one key press, and the click that picked "Place order" did not place the order.
      expect(await pageValue<string[]>(page, 'keys')).toEqual([]);
      expect(await pageValue<number>(page, 'ordered')).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('keeps its frame out of reach of a page that takes over every frame it can', async () => {
    const page = await openPage(ext, server.url('hostile', '/frame-hijack.html'));
    const known = await knownIds();
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 2);
    await typeNote(page, 'zqx kept');
    await page.waitForTimeout(300);
    await saveAndWait(page);
    const { tp } = await savedAfter(known);
    expect(tp).toMatchObject({ notes: 'zqx kept', scores: { clarity: 2 } });
    // The tagger's frame is not one of the page's frames, and nothing reached the page.
    expect(await pageValue<number>(page, 'reached')).toBe(0);
    expect(await pageValue<string[]>(page, 'heard')).toEqual([]);
    await page.close();
  });

  it('keeps the focus in the panel when the page keeps taking it', async () => {
    const page = await openPage(ext, server.url('hostile', '/focus-steal.html'));
    const known = await knownIds();
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 5);
    await typeNote(page, 'card 4111 1111');
    await page.waitForTimeout(200);
    await page.keyboard.type(' ok', { delay: 30 });
    expect(await ui(page).getByTestId('tagger-notes').inputValue()).toBe('card 4111 1111 ok');
    expect(await page.locator('#page-input').inputValue()).toBe('');
    await saveAndWait(page);
    const { tp } = await savedAfter(known);
    expect(tp).toMatchObject({ notes: 'card 4111 1111 ok', scores: { clarity: 5 } });
    expect(await pageValue<number>(page, 'steals')).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps a written tag through one Escape the focus-stealing page caught, discards it on two', async () => {
    const page = await openPage(ext, server.url('hostile', '/focus-steal.html?escape'));
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 2);
    await typeNote(page, 'slow sign-in');
    // The page takes the focus back every 20 ms: an Escape may land on its input or the panel.
    await page.keyboard.press('Escape');
    await expect
      .poll(() => ui(page).getByTestId('tagger-status').textContent())
      .toBe('Press Esc again to discard this touchpoint and what you wrote.');
    expect(await ui(page).getByTestId('tagger-notes').inputValue()).toBe('slow sign-in');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    expect(await page.locator('#page-input').inputValue()).toBe('');
    await page.close();
  });

  it('stays visible and saves when the page restyles, hides and closes its host', async () => {
    const page = await openPage(ext, server.url('hostile', '/hide-host.html'));
    const known = await knownIds();
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    // Every frame the page draws for 600 ms, checked as it is drawn: the host is shown in each
    // (the page hides it 20 times a second; it is put back before anything is drawn).
    const frames = await page.evaluate(
      () =>
        new Promise<{ drawn: number; hidden: number }>((done) => {
          const count = { drawn: 0, hidden: 0 };
          const end = performance.now() + 600;
          const check = () => {
            const host = document.querySelector<HTMLElement>('html > div[popover]');
            count.drawn++;
            if (!host?.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
              count.hidden++;
            if (!host?.matches(':popover-open')) count.hidden++;
            if (performance.now() < end) requestAnimationFrame(check);
            else done(count);
          };
          requestAnimationFrame(check);
        }),
    );
    expect(frames.drawn).toBeGreaterThan(10);
    expect(frames.hidden).toBe(0);
    // Read from the frame's process, the panel's box can be missing for an instant as the page
    // takes the host out of the top layer and it goes back in the same task.
    let box = await panel(page).boundingBox();
    for (let tries = 0; !box && tries < 20; tries++) box = await panel(page).boundingBox();
    if (!box) throw new Error('the panel has no box');
    const look = await page.evaluate(
      ([x, y]) => {
        const host = document.querySelector('html > div[popover]')!;
        const s = getComputedStyle(host);
        return {
          opacity: s.opacity,
          display: s.display,
          visibility: s.visibility,
          transform: s.transform,
          hidden: host.hasAttribute('hidden'),
          inert: host.hasAttribute('inert'),
          onTop: document.elementFromPoint(x, y) === host,
        };
      },
      [box.x + box.width / 2, box.y + 20] as [number, number],
    );
    expect(look).toEqual({
      opacity: '1',
      display: 'block',
      visibility: 'visible',
      transform: 'none',
      hidden: false,
      inert: false,
      onTop: true,
    });
    expect(await pageValue<number>(page, 'hidden')).toBeGreaterThan(1);
    await score(page, 'clarity', 2);
    await saveAndWait(page);
    const { tp, evidence } = await savedAfter(known);
    expect(tp.anchor?.css).toBe('#target');
    expect(evidence).toHaveLength(1);
    await page.close();
  });

  it.each(['popover', 'dialog'])(
    'takes the Save click on its own panel when the page shows a %s over it',
    async (mode) => {
      const page = await openPage(ext, server.url('hostile', `/cover.html?mode=${mode}`));
      const known = await knownIds();
      await startTagging(page);
      // Covered before the pick (a press made as it covers: the test after this one).
      await page.waitForFunction(() => (window as unknown as { covered: number }).covered > 0);
      await pickAt(page, page.locator('#target'));
      await panel(page).waitFor({ state: 'visible' });
      // And once more while the panel is open, the shopper typing a note: the keys stay theirs.
      await typeNote(page, 'cov');
      await page.evaluate(() => (window as unknown as { coverNow: () => void }).coverNow());
      await page.waitForTimeout(100);
      await page.keyboard.type('ered', { delay: 15 });
      await score(page, 'clarity', 4);
      // Playwright clicks only once Save is the element on top at its centre.
      await saveAndWait(page);
      const { tp, evidence } = await savedAfter(known);
      expect(tp).toMatchObject({ notes: 'covered', scores: { clarity: 4 } });
      // One Save. A modal dialog's backdrop dims the page: when it came up after the pick, the
      // element looked different at Save and both captures are kept (pick and Save).
      expect(evidence).toHaveLength(tp.changedAfterPick ? 2 : 1);
      // A popover of the page that is all but transparent changes nothing the camera sees.
      if (mode === 'popover') expect(tp.changedAfterPick).toBeUndefined();
      expect(await pageValue<number>(page, 'coverClicks')).toBe(0);
      await page.close();
    },
  );

  it.each([
    ['dialog of the page', 'dialog'],
    ['popover of the page', 'popover'],
    ['modal dialog in a closed shadow root of the page', 'shadow-dialog'],
    ['popover in a closed shadow root of the page', 'shadow-popover'],
    ['modal dialog in a closed shadow root the page adds as it shows it', 'shadow-dialog&late=on'],
    [
      'modal dialog in a closed shadow root of a custom element defined while tagging',
      'shadow-dialog&late=define',
    ],
  ])('takes a click on its open panel that a %s came up in the middle of', async (_, mode) => {
    const url = `/cover.html?mode=${mode}&auto=off&press=panel`;
    const page = await openPage(ext, server.url('hostile', url));
    const known = await knownIds();
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    if (mode.endsWith('late=define')) {
      // The widget's script comes in now: its element, in the page all along, gets its root.
      await page.evaluate(() => (window as unknown as { defineNow: () => void }).defineNow());
      await page.waitForTimeout(600);
    }
    const choice = ui(page).getByTestId('tagger-score-clarity').locator('[data-value="4"]');
    await choice.scrollIntoViewIfNeeded();
    const b = (await choice.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    // The shopper presses a score; the page's pop-up comes up before the button does.
    await page.mouse.down();
    await page.evaluate(() => (window as unknown as { coverNow: () => void }).coverNow());
    await page.mouse.up();
    await expect.poll(() => choice.getAttribute('aria-checked')).toBe('true');
    await saveAndWait(page);
    const { tp } = await savedAfter(known);
    expect(tp.scores).toEqual({ clarity: 4 });
    expect(await pageValue<number>(page, 'coverClicks')).toBe(0);
    await page.close();
  });

  it('is above a modal dialog of the page before the page runs again, and loses no press to it', async () => {
    for (const n of [1, 2, 3]) {
      const url = `/cover.html?mode=dialog&auto=off&n=${n}`;
      const page = await openPage(ext, server.url('hostile', url));
      await startTagging(page);
      const box = (await page.locator('#target').boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x - 5, y - 5);
      await page.mouse.move(x, y, { steps: 3 });
      // The shopper presses; the page shows its dialog before the button comes up.
      await page.mouse.down();
      await page.evaluate(() => (window as unknown as { coverNow: () => void }).coverNow());
      await page.mouse.up();
      // The page's own check, before its next task: its dialog is not what is on top.
      const onTop = await pageValue<string | undefined>(page, 'onTopAfterCover');
      expect(onTop).toBeDefined();
      expect(onTop).not.toBe('dialog');
      // The press picked what is under it: the button, or the dialog now over it.
      await panel(page).waitFor({ state: 'visible', timeout: 5_000 });
      expect(await ui(page).getByTestId('tagger-what').textContent()).toMatch(
        /^Tagged: (button “Buy now”|dialog “Save”)/,
      );
      await ui(page).getByTestId('tagger-cancel').click();
      await panel(page).waitFor({ state: 'detached' });
      expect(await pageValue<number>(page, 'coverClicks')).toBe(0);
      await page.close();
    }
  });

  it.each(['over the panel', 'away from the panel'])(
    'goes back above a modal dialog hidden in a closed shadow root %s at the first press it takes',
    async (where) => {
      const size = where === 'over the panel' ? 'full' : 'small';
      const url = `/cover.html?mode=shadow-dialog&blur=on&auto=off&size=${size}`;
      const page = await openPage(ext, server.url('hostile', url));
      const known = await knownIds();
      await startTagging(page);
      await pickAt(page, page.locator('#target'));
      await panel(page).waitFor({ state: 'visible' });
      // Its toggle stays in its root and it takes the focus off its button: nothing tells the
      // tagger, until the shopper's press lands on it instead of on the panel.
      await page.evaluate(() => (window as unknown as { coverNow: () => void }).coverNow());
      const choice = ui(page).getByTestId('tagger-score-clarity').locator('[data-value="4"]');
      const box = (await choice.boundingBox())!;
      const chosen = async () => (await choice.getAttribute('aria-checked')) === 'true';
      for (let presses = 1; !(await chosen()); presses++) {
        expect(presses).toBeLessThanOrEqual(2);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForTimeout(200);
      }
      await typeNote(page, 'shadow');
      await saveAndWait(page);
      const { tp } = await savedAfter(known);
      expect(tp).toMatchObject({ notes: 'shadow', scores: { clarity: 4 } });
      expect(await pageValue<number>(page, 'coverClicks')).toBe(0);
      await page.close();
    },
  );

  it("goes back above a popover hidden in a closed shadow root as the pointer comes over the panel, so the first press is the panel's", async () => {
    for (const n of [1, 2]) {
      const url = `/cover.html?mode=shadow-popover&auto=off&n=${n}`;
      const page = await openPage(ext, server.url('hostile', url));
      const known = await knownIds();
      await startTagging(page);
      await pickAt(page, page.locator('#target'));
      await panel(page).waitFor({ state: 'visible' });
      // Its toggle stays in its root: nothing tells the tagger it is over the panel.
      await page.evaluate(() => (window as unknown as { coverNow: () => void }).coverNow());
      const choice = ui(page).getByTestId('tagger-score-clarity').locator('[data-value="4"]');
      const box = (await choice.boundingBox())!;
      // The shopper moves to the score and presses once, a hand's pause (a tenth of a second)
      // after the pointer got there: the browser sends a press to the frame that was on top in
      // the last frame it drew, and on a slow machine the layer's rise is drawn only then.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      await page.waitForTimeout(100);
      await page.mouse.down();
      await page.mouse.up();
      await expect.poll(() => choice.getAttribute('aria-checked')).toBe('true');
      await typeNote(page, 'popover');
      await saveAndWait(page);
      const { tp } = await savedAfter(known);
      expect(tp).toMatchObject({ notes: 'popover', scores: { clarity: 4 } });
      expect(await pageValue<number>(page, 'coverClicks')).toBe(0);
      await page.close();
    }
  });

  it('stores what the shopper saw when the page repaints for the camera', async () => {
    const page = await openPage(ext, server.url('hostile', '/repaint.html'));
    const known = await knownIds();
    await startTagging(page);
    // The page saw the tagger's layer appear and flashed: the shopper waits until it is over.
    await page.waitForFunction(
      () =>
        getComputedStyle(document.getElementById('target')!).backgroundColor === 'rgb(0, 160, 0)',
      undefined,
      { timeout: 5_000 },
    );
    await page.waitForTimeout(200);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 3);
    await page.waitForTimeout(1_700);
    await saveAndWait(page);
    const { tp, evidence } = await savedAfter(known);
    const ev = evidence[0]!;
    const stats = await evidenceCentre(tp.id, ev.width, ev.height);
    expect(stats.nearColour).toBeGreaterThan(0.95);
    await page.close();
  });

  it('gives the page no :hover while the shopper points and picks', async () => {
    const page = await openPage(ext, server.url('hostile', '/hover.html'));
    const known = await knownIds();
    await page.mouse.move(600, 500);
    await startTagging(page);
    const box = (await page.locator('#target').boundingBox())!;
    for (const dx of [10, 30, 50]) {
      await page.mouse.move(box.x + dx, box.y + box.height / 2, { steps: 3 });
      await page.waitForTimeout(60);
    }
    const look = await page.evaluate(() => ({
      background: getComputedStyle(document.getElementById('target')!).backgroundColor,
      seen: (window as unknown as { hoverSeen: string[] }).hoverSeen,
    }));
    expect(look).toEqual({ background: 'rgb(0, 160, 0)', seen: [] });
    await page.mouse.click(box.x + 50, box.y + box.height / 2);
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 3);
    await saveAndWait(page);
    const { tp } = await savedAfter(known);
    expect(tp.anchor?.css).toBe('#target');
    await page.close();
  });

  it('keeps its panel usable when the page makes <html> and <body> inert', async () => {
    const page = await openPage(ext, server.url('hostile', '/inert.html'));
    const known = await knownIds();
    await startTagging(page);
    await pickAt(page, page.locator('#target'));
    await panel(page).waitFor({ state: 'visible' });
    await page.evaluate(() => (window as unknown as { inertNow: () => void }).inertNow());
    await page.waitForTimeout(300);
    expect(await pageValue<number>(page, 'inerted')).toBeGreaterThan(0);
    await score(page, 'clarity', 4);
    await typeNote(page, 'still typing');
    await saveAndWait(page);
    const { tp, evidence } = await savedAfter(known);
    expect(tp).toMatchObject({ notes: 'still typing', scores: { clarity: 4 } });
    expect(evidence).toHaveLength(1);
    // Once tagging is over, the page has its inert <html> back.
    expect(await page.evaluate(() => document.documentElement.inert)).toBe(true);
    await page.close();
  });

  it("masks a field inside the page's own closed shadow root", async () => {
    const page = await openPage(ext, server.url('hostile', '/closed-shadow-input.html'));
    const box = await page.evaluate(() =>
      (window as unknown as { cardBox: () => DOMRect }).cardBox(),
    );
    const stats = await maskedInWholePage(page, box, { x: 8, y: 6 });
    expect(stats.count).toBeGreaterThan(100);
    expect(stats.nearColour).toBeGreaterThan(0.97);
    await page.close();
  });

  it("keeps Save where it is when the pick's screenshot comes back late (a busy frame)", async () => {
    const page = await openPage(ext, server.url('hostile', '/busy-frame.html'));
    await page.frameLocator('#pay').getByText('Card number').waitFor();
    const known = await knownIds();
    await startTagging(page);
    await pickAt(page, page.locator('#target h2'));
    await panel(page).waitFor({ state: 'visible' });
    // Where Save is, frame by frame, from the panel's opening until the screenshot's findings
    // (the e-mail address and the phone number it covered) are listed.
    const frame = page.frames().find((f) => f.url().includes('/tagger-ui.html'))!;
    const samples = await frame.evaluate(
      () =>
        new Promise<{ top: number; left: number; listed: boolean }[]>((resolve) => {
          const seen: { top: number; left: number; listed: boolean }[] = [];
          const tick = () => {
            const save = document.querySelector('[data-testid="tagger-save"]')!;
            const { top, left } = save.getBoundingClientRect();
            const listed = !!document.querySelector('[data-testid="tagger-redactions"]');
            seen.push({ top, left, listed });
            if (seen.filter((s) => s.listed).length >= 3 || seen.length > 600) resolve(seen);
            else requestAnimationFrame(tick);
          };
          tick();
        }),
    );
    // The payment frame held the screenshot back (its masks are waited for up to 400 ms), so the
    // panel was open before the findings came.
    expect(samples[0]!.listed).toBe(false);
    expect(samples.at(-1)!.listed).toBe(true);
    const moved = samples.filter((s) => s.top !== samples[0]!.top || s.left !== samples[0]!.left);
    expect(moved).toEqual([]);
    await score(page, 'clarity', 4);
    await saveAndWait(page);
    const { tp, evidence } = await savedAfter(known);
    expect(tp.scores).toMatchObject({ clarity: 4 });
    expect(evidence).toHaveLength(1);
    await page.close();
  });

  it('keeps every word typed when the page leaves at once (a checkout session that expires)', async () => {
    const page = await openPage(ext, server.url('hostile', '/session-timeout.html'));
    await startTagging(page);
    await pickAt(page, page.locator('#pay'));
    await panel(page).waitFor({ state: 'visible' });
    await score(page, 'clarity', 2);
    await ui(page).getByTestId('tagger-notes').fill('The timer ran out while I typed this');
    // The page's own script leaves, before the draft's pause after typing is over.
    await page
      .evaluate(() => (window as unknown as { expireSession(): void }).expireSession())
      .catch(() => undefined);
    await page.waitForURL(/expired/);
    await page.getByText('Your session expired').waitFor();
    await page.keyboard.press('Alt+Shift+T');
    await panel(page).waitFor({ state: 'visible' });
    // The words come back (the draft is written once the pick's screenshot is kept, which on
    // a slow machine can end after the page has left: see the next test).
    await expect
      .poll(() => ui(page).getByTestId('tagger-notes').inputValue(), { timeout: 10_000 })
      .toBe('The timer ran out while I typed this');
    await ui(page).getByTestId('tagger-cancel').click();
    await panel(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('keeps every word typed just before the shopper closes the tab', async () => {
    const url = server.url('hostile', '/session-timeout.html?closed');
    const page = await openPage(ext, url);
    await startTagging(page);
    await pickAt(page, page.locator('#pay'));
    await panel(page).waitFor({ state: 'visible' });
    await ui(page).getByTestId('tagger-notes').fill('Closed the tab mid-sentence');
    // Ctrl+W a moment after the last key (a tenth of a second, a hand's move), well within
    // the 300 ms pause after which the draft is written anyway: only the flush on the page
    // going away keeps the words. (Closed within the same few milliseconds, on a slow machine
    // the words could still be on their way from the panel's frame to the page's script.)
    await page.waitForTimeout(100);
    await page.close({ runBeforeUnload: true });
    // The note reaches the stored draft. The background may write it after the tab is gone:
    // a draft waits for the pick's screenshot to be kept, and a capture of a tab closed under
    // it ends only when it gives up (5 s, `CAPTURE_TIMEOUT_MS`), seen on a slow machine.
    const probe = await ext.openExtensionPage('popup.html');
    await expect
      .poll(async () => (await readStore<{ notes: string }>(probe, 'drafts')).map((d) => d.notes), {
        timeout: 10_000,
      })
      .toContain('Closed the tab mid-sentence');
    await probe.close();
    // The same page opened again in a new tab: the draft follows it there.
    const again = await openPage(ext, url);
    await again.keyboard.press('Alt+Shift+T');
    await panel(again).waitFor({ state: 'visible' });
    expect(await ui(again).getByTestId('tagger-notes').inputValue()).toBe(
      'Closed the tab mid-sentence',
    );
    await ui(again).getByTestId('tagger-cancel').click();
    await panel(again).waitFor({ state: 'detached' });
    await again.close();
  });

  it('lists a frame the pick covered whole, and shoots it again at Save once it answers', async () => {
    const page = await openPage(ext, server.url('hostile', '/busy-frame.html?calm'));
    const card = page.frameLocator('#pay').locator('#card');
    await card.waitFor();
    const frameBox = (await page.locator('#pay').boundingBox())!;
    const known = await knownIds();
    const viewport = await page.evaluate(() => innerWidth);
    await startTagging(page);
    // From now on the payment frame's script runs for 5 s without a break: it cannot answer.
    const pay = page.frames().find((f) => f.url().includes('/busy-pay.html'))!;
    const answersAgain = Date.now() + 5_000;
    await pay.evaluate(() => {
      const end = performance.now() + 5_000;
      setTimeout(() => {
        while (performance.now() < end);
      }, 0);
    });
    await ui(page).getByTestId('tagger-whole-page').click();
    await panel(page).waitFor({ state: 'visible' });
    const line = ui(page).getByTestId('tagger-redact-frames');
    await line.waitFor();
    expect(await line.textContent()).toContain('1 embedded frame that did not answer in time');
    // The top frame's own findings are listed with it.
    await ui(page).getByTestId('tagger-redact-email').waitFor();
    await checkA11y(page, 'panel listing a frame covered whole', panel(page));
    await new Promise((r) => setTimeout(r, Math.max(0, answersAgain + 500 - Date.now())));
    await score(page, 'clarity', 3);
    await saveAndWait(page);
    const { tp, evidence } = await savedAfter(known);
    expect(evidence).toHaveLength(1);
    // Save's own screenshot: the frame shows (its white page), only its card field masked.
    const s = evidence[0]!.width / viewport;
    const inner = {
      x: Math.round((frameBox.x + 4) * s),
      y: Math.round((frameBox.y + 4) * s),
      width: Math.round((frameBox.width - 8) * s),
      height: Math.round((frameBox.height - 8) * s),
    };
    const stats = await evidencePixels(ext, tp.id, inner, MASK);
    expect(stats.nearColour).toBeGreaterThan(0.05);
    expect(stats.nearColour).toBeLessThan(0.5);
    await page.close();
  });

  it('covers a frame that does not mask its own fields in time (a busy payment frame)', async () => {
    const page = await openPage(ext, server.url('hostile', '/busy-frame.html'));
    const card = page.frameLocator('#pay').locator('#card');
    await card.waitFor();
    // The card number's box, inside its border: the frame's digits must not show.
    const stats = await maskedInWholePage(page, (await card.boundingBox())!, { x: 4, y: 4 });
    expect(stats.count).toBeGreaterThan(100);
    expect(stats.nearColour).toBeGreaterThan(0.97);
    await page.close();
  });
});
