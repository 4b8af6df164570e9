// Longer languages must fit: every page and the tagger panel are shown in the pseudo-locale
// (every text accented and 40 % longer) and in each shipped language; the test fails where a
// text runs out of its box or is cut off, and saves a screenshot of each page per language
// (test-results/text-fit/) for a person to look over.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../support/browser';
import type { FixtureServer } from '../support/fixture-server';
import { closeSession, openSession } from './support/session';
import { seedRaw, study } from './support/report-seed';
import { openPage, panel, pickAt, startTagging, ui } from './support/tagger';

const SHOTS = join(process.cwd(), 'test-results', 'text-fit');

let server: FixtureServer;
let ext: ExtensionSession;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, ext } = await openSession({ seed: true }));
  const page = await ext.openExtensionPage('report.html');
  await seedRaw(page);
  await page.close();
});
afterAll(() => closeSession({ server, ext }));

/** Writes one setting straight into the extension's database. */
async function setSettingRaw(key: string, value: unknown): Promise<void> {
  const page = await ext.openExtensionPage('popup.html');
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: k, value: v });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
  await page.close();
}

/** A text that does not fit: where, how, and its first words. */
interface Misfit {
  where: string;
  how: 'cut off' | 'spills out' | 'page scrolls sideways';
  text: string;
}

/**
 * Every element under `root` that shows text of its own and either clips it (overflow hidden,
 * clip, or an ellipsis) while it is larger than the box, or lets it run out of the box; and
 * the page itself when it scrolls sideways.
 */
async function misfits(target: Locator): Promise<Misfit[]> {
  return target.evaluate((root) => {
    const found: Misfit[] = [];
    const doc = root.ownerDocument;
    if (root === doc.body && doc.documentElement.scrollWidth > doc.documentElement.clientWidth + 1)
      found.push({ where: 'html', how: 'page scrolls sideways', text: '' });
    const scope = (root as Element).shadowRoot ?? root;
    for (const el of scope.querySelectorAll<HTMLElement>('*')) {
      if (['SELECT', 'OPTION', 'SCRIPT', 'STYLE', 'svg'].includes(el.tagName)) continue;
      if (el.closest('svg')) continue;
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const clips =
        /hidden|clip/.test(`${style.overflowX} ${style.overflowY}`) ||
        style.textOverflow === 'ellipsis';
      const wider = el.scrollWidth > el.clientWidth + 1;
      const taller = el.scrollHeight > el.clientHeight + 1;
      const where = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
      // A one-line summary of page text may end in an ellipsis when it says it all on hover.
      const wholeOnHover = style.textOverflow === 'ellipsis' && el.title.trim() === text;
      if (clips && (wider || taller) && !wholeOnHover)
        found.push({ where, how: 'cut off', text: text.slice(0, 40) });
      else if (!clips && wider && style.overflowX === 'visible')
        found.push({ where, how: 'spills out', text: text.slice(0, 40) });
    }
    return found;
  });
}

/** Checks one page (or the panel) and saves its screenshot as `<language>-<name>.png`. */
async function fits(page: Page, target: Locator, language: string, name: string) {
  await page.screenshot({ path: join(SHOTS, `${language}-${name}.png`), fullPage: true });
  return (await misfits(target)).map((m) => ({ page: name, ...m }));
}

async function everyPageFits(language: string): Promise<void> {
  const found: (Misfit & { page: string })[] = [];
  const pages: [string, string, string][] = [
    ['popup', 'popup.html', 'popup-end-audit'],
    ['options', 'options.html', 'options-language'],
    ['options-rubrics', 'options.html?tab=rubrics', 'options-language'],
    ['report', `report.html?study=${study.id}`, 'report-scoreboard'],
    ['touchpoints', `touchpoints.html?study=${study.id}`, 'touchpoint-row'],
    ['calibration', `calibration.html?study=${study.id}`, 'calibration-start-round'],
  ];
  for (const [name, path, ready] of pages) {
    const page = await ext.openExtensionPage(path);
    await page.getByTestId(ready).first().waitFor();
    found.push(...(await fits(page, page.locator('body'), language, name)));
    await page.close();
  }
  const shop = await openPage(ext, server.url('northwind', '/returns.html'));
  await startTagging(shop);
  await pickAt(shop, shop.locator('#returns-policy'));
  await panel(shop).waitFor({ state: 'visible' });
  found.push(...(await fits(shop, panel(shop), language, 'tagger-panel')));
  await ui(shop).getByTestId('tagger-cancel').click();
  await shop.close();
  expect(found, `texts that do not fit in ${language}`).toEqual([]);
}

describe('texts fit their boxes', () => {
  it('in the pseudo-locale (accented, 40 % longer) on every page and in the tagger panel', async () => {
    await setSettingRaw('pseudoLocale', true);
    try {
      await everyPageFits('pseudo');
    } finally {
      await setSettingRaw('pseudoLocale', false);
    }
  });

  it.each(['en', 'tl', 'lv', 'ms', 'vi', 'ru'])(
    'in %s on every page and in the tagger panel',
    async (language) => {
      await setSettingRaw('language', language);
      await everyPageFits(language);
    },
  );
});
