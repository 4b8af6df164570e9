// Driving the tagger and the extension's pages in Firefox with puppeteer-core (WebDriver BiDi).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { readStoreInPage } from '../support/extension-db';

/** A CSS selector for a `data-testid`. */
export const byTestId = (id: string) => `[data-testid="${id}"]`;
export const textOf = (page: Page, id: string) =>
  page.$eval(byTestId(id), (el) => el.textContent ?? '').catch(() => '');

/** Every record of one store of the extension's database, read from one of its pages. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(readStoreInPage, store) as Promise<T[]>;
}

/**
 * Clicks an export button and reads the file Firefox saved (without asking) to its folder, once
 * it is complete (`dir`: where the session's downloads land): Firefox creates the file empty and writes it through a `.part` file.
 */
export async function download(page: Page, id: string, kind: string, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  await page.click(byTestId(id));
  let text = '';
  await expect
    .poll(() => {
      const files = readdirSync(dir).filter((f) => !before.has(f));
      const name = files.find((f) => f.includes(`_${kind}_`) && f.endsWith('.csv'));
      if (!name || files.some((f) => f.endsWith('.part'))) return '';
      return (text = readFileSync(join(dir, name), 'utf8'));
    })
    .not.toBe('');
  return text;
}

/**
 * The tagger's UI frame (toolbar and panel), an extension page framed over the page; its
 * elements are found in it, not in the page.
 */
export async function uiFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(
      async () => {
        // WebDriver BiDi does not report an extension page's navigation, so the frame may
        // still read as the about:blank it started as: it is the one showing the tagger's UI.
        for (const f of page.frames().filter((f) => f !== page.mainFrame())) {
          const ours = await f
            .evaluate(() => document.querySelector('[data-testid^="tagger-"]') !== null)
            .catch(() => false);
          if (ours) return (frame = f);
        }
        return undefined;
      },
      { timeout: 5_000 },
    )
    .toBeTruthy();
  return frame!;
}

/**
 * Waits until the tagger's panel is gone: its frame (`ui`) is taken away when the panel closes.
 * Only the frame's state is read, no script is run in it: a query in a frame being taken away
 * can leave puppeteer with a rejected promise nobody awaits.
 */
export async function panelClosed(ui: Frame): Promise<void> {
  await expect.poll(() => ui.detached, { timeout: 10_000 }).toBe(true);
}

/** Alt+Shift+T on the page, then waits for the picking toolbar. */
export async function startTagging(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('T');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
  const ui = await uiFrame(page);
  await ui.waitForSelector(byTestId('tagger-toolbar'), { visible: true, timeout: 5_000 });
}

/** A box in the top frame's viewport. */
export interface ViewportBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where an element of a frame is in the top frame's viewport, added up from each document's
 * own geometry: the frame's element (`frameSelector`, in the top document) and the element in
 * the frame. Puppeteer's `boundingBox` of an element in a frame asks Firefox for the frame's
 * element with a BiDi locator (`context`) that Firefox ESR 140 does not know.
 */
export async function boxInFrame(
  page: Page,
  frameSelector: string,
  target: ElementHandle,
): Promise<ViewportBox> {
  const content = await page.$eval(frameSelector, (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      x: r.left + el.clientLeft + Number.parseFloat(style.paddingLeft),
      y: r.top + el.clientTop + Number.parseFloat(style.paddingTop),
    };
  });
  const box = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  return { ...box, x: content.x + box.x, y: content.y + box.y };
}

/**
 * Points at an element's centre and clicks it, as a shopper picking it: an element of the top
 * frame, or a box in its viewport (an element of a frame: `boxInFrame`).
 */
export async function pickAt(page: Page, target: ElementHandle | ViewportBox): Promise<void> {
  const box = 'evaluate' in target ? (await target.boundingBox())! : target;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 5, y - 5);
  await page.mouse.move(x, y, { steps: 3 });
  await new Promise((r) => setTimeout(r, 50));
  await page.mouse.click(x, y);
}

/** Ctrl+Enter in the panel, then waits for it to close. */
export async function saveWithCtrlEnter(page: Page): Promise<void> {
  const ui = await uiFrame(page);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await panelClosed(ui);
}

/** Focuses an element of the panel, as Tab would. */
export async function focusIn(page: Page, id: string): Promise<ElementHandle> {
  const el = (await (await uiFrame(page)).waitForSelector(byTestId(id)))!;
  await el.evaluate((e) => (e as HTMLElement).focus());
  return el;
}
