import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Rubric, Study, Touchpoint } from '../../lib/model';
import { scoreTouchpoint } from '../../lib/scoring';
import { launchWithExtension, type ExtensionSession } from '../support/browser';
import { checkA11y } from './support/axe';
import { closeTab } from './support/leave';

let ext: ExtensionSession;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await ext.openExtensionPage('options.html?tab=rubrics');
});

afterAll(async () => {
  await ext?.close();
});

/** Reads records from the extension's database by primary key (raw IndexedDB, no Dexie). */
async function readRecords<T>(
  store: string,
  keys: (string | [string, number])[],
): Promise<(T | undefined)[]> {
  const found: unknown[] = await page.evaluate(
    ({ store, keys }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store);
          const requests = keys.map((k) => tx.objectStore(store).get(k));
          tx.oncomplete = () => {
            open.result.close();
            resolve(requests.map((r) => r.result as unknown));
          };
        };
      }),
    { store, keys },
  );
  return found as (T | undefined)[];
}

/** Writes records into the extension's database, as another tab or an import would. */
function writeRecords(records: Record<string, unknown[]>): Promise<void> {
  return page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(records), 'readwrite');
          for (const [store, rows] of Object.entries(records))
            for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

const at = '2026-11-22T09:00:00.000Z';
const study: Study = {
  id: 'e2e-study',
  name: 'Shoes Q4',
  wave: '2026-Q4',
  waves: ['2026-Q4'],
  requireReview: false,
  rubricId: 'default',
  rubricVersion: 1,
  brandIds: ['e2e-brand'],
  createdAt: at,
  updatedAt: at,
};
const audit: Audit = {
  id: 'e2e-audit',
  studyId: study.id,
  brandId: 'e2e-brand',
  shopper: 'Ana',
  scenario: 'Buy running shoes',
  startedAt: at,
  endedAt: at,
  wave: '2026-Q4',
  purpose: 'audit',
  review: 'submitted',
  createdAt: at,
  updatedAt: at,
};
const touchpoint: Touchpoint = {
  id: 'e2e-tp',
  auditId: audit.id,
  category: 'checkout_step',
  stage: 'purchase',
  channel: 'web',
  source: 'manual',
  url: null,
  pageTitle: null,
  anchor: null,
  scores: { speed: 5, clarity: 3, effort: 1 },
  notes: 'Slow coupon field',
  createdAt: at,
  updatedAt: at,
};

describe('editing a rubric a touchpoint was scored with', () => {
  it('saves a new version; the touchpoint keeps its score and the study its pinned version', async () => {
    // The service worker seeds the default rubric on install.
    await expect
      .poll(async () => (await readRecords<Rubric>('rubrics', [['default', 1]]))[0]?.version, {
        timeout: 15_000,
      })
      .toBe(1);
    const [v1] = await readRecords<Rubric>('rubrics', [['default', 1]]);
    await writeRecords({
      brands: [
        {
          id: 'e2e-brand',
          name: 'Northwind',
          role: 'own',
          domains: ['northwind.localhost'],
          createdAt: at,
          updatedAt: at,
        },
      ],
      studies: [study],
      audits: [audit],
      touchpoints: [touchpoint],
    });
    expect(scoreTouchpoint(touchpoint, v1!).pct).toBe(50);

    await page.reload();
    await expect
      .poll(() => page.getByTestId('rubric-note').textContent())
      .toContain('makes version 2');
    await page.getByTestId('criterion-weight-0').fill('3');
    await page.getByTestId('criterion-label-0').fill('Speed');
    await page.getByTestId('rubric-save').click();
    await expect
      .poll(() => page.getByTestId('rubric-notice').textContent())
      .toBe('Saved as version 2; version 1 is kept unchanged.');

    const [old, next] = await readRecords<Rubric>('rubrics', [
      ['default', 1],
      ['default', 2],
    ]);
    expect(old).toEqual(v1);
    expect(next?.criteria[0]).toMatchObject({ id: 'speed', label: 'Speed', weight: 3 });
    const [pinned] = await readRecords<Study>('studies', [study.id]);
    expect(pinned?.rubricVersion).toBe(1);
    const [kept] = await readRecords<Touchpoint>('touchpoints', [touchpoint.id]);
    expect(kept).toEqual(touchpoint);
    // Scored with the study's pinned version, the touchpoint's score is what it was.
    const [pinnedRubric] = await readRecords<Rubric>('rubrics', [
      ['default', pinned!.rubricVersion],
    ]);
    expect(scoreTouchpoint(kept!, pinnedRubric!).pct).toBe(50);
    expect(scoreTouchpoint(kept!, next!).pct).toBe(70);

    // The page says so too: v1 is kept read-only and the study is still on it.
    await expect
      .poll(() => page.getByTestId(`study-pin-${study.id}`).textContent())
      .toContain('pinned to v1');
    await page.getByTestId('rubric-version-1').click();
    await expect.poll(() => page.getByTestId('criterion-weight-0').inputValue()).toBe('1');
    expect(await page.getByTestId('criterion-weight-0').isDisabled()).toBe(true);
  });

  it('moves the study to the new version only when the lead confirms the warning', async () => {
    await page.getByTestId(`study-move-${study.id}`).click();
    const warning = page.getByTestId('study-move-warning');
    await expect.poll(() => warning.textContent()).toContain('Speed: weight 1 → 3');
    await page.getByTestId('study-move-cancel').click();
    expect((await readRecords<Study>('studies', [study.id]))[0]?.rubricVersion).toBe(1);

    await page.getByTestId(`study-move-${study.id}`).click();
    if (process.env.RUBRIC_SCREENSHOT)
      await page.screenshot({ path: process.env.RUBRIC_SCREENSHOT, fullPage: true });
    await page.getByTestId('study-move-confirm').click();
    await expect
      .poll(() => page.getByTestId('rubric-notice').textContent())
      .toBe('“Shoes Q4” now uses v2.');
    expect((await readRecords<Study>('studies', [study.id]))[0]?.rubricVersion).toBe(2);
    expect((await readRecords<Touchpoint>('touchpoints', [touchpoint.id]))[0]).toEqual(touchpoint);
  });

  it('asks before the tab closes while an edit is not saved, and not once it is', async () => {
    const editor = await ext.openExtensionPage('options.html?tab=rubrics');
    const label = editor.getByTestId('criterion-label-0');
    await expect.poll(() => label.inputValue()).toBe('Speed');
    await label.click();
    await label.fill('Speed of the answer');
    expect(await closeTab(editor)).toBe(true);
    expect(editor.isClosed()).toBe(false);
    // Saved, nothing is left to lose: the tab closes without a question.
    await editor.getByTestId('rubric-save').click();
    await expect.poll(() => editor.getByTestId('rubric-notice').textContent()).toContain('Saved');
    expect(await closeTab(editor)).toBe(false);
  });
  it('keeps an edit when another tab saves the same rubric meanwhile, and says so', async () => {
    const mine = await ext.openExtensionPage('options.html?tab=rubrics');
    const theirs = await ext.openExtensionPage('options.html?tab=rubrics');
    const name = (tab: Page) => tab.getByTestId('rubric-name');
    await expect.poll(() => name(mine).inputValue()).not.toBe('');
    const stored = await name(mine).inputValue();
    await name(mine).fill('Shoe shops, my version');
    await expect.poll(() => name(theirs).inputValue()).toBe(stored);
    await name(theirs).fill('Shoe shops, their version');
    await theirs.getByTestId('rubric-save').click();
    await expect.poll(() => theirs.getByTestId('rubric-notice').textContent()).toMatch(/Saved/);

    await mine.getByTestId('rubric-changed-elsewhere').waitFor();
    expect(await name(mine).inputValue()).toBe('Shoe shops, my version');
    await checkA11y(mine, 'rubric editor, the rubric changed in another tab');
    await mine.getByTestId('rubric-save').click();
    await expect.poll(() => mine.getByTestId('rubric-notice').textContent()).toMatch(/Saved/);
    expect(await mine.getByTestId('rubric-changed-elsewhere').count()).toBe(0);
    // The other tab has nothing unsaved: it follows the stored rubric.
    await expect.poll(() => name(theirs).inputValue()).toBe('Shoe shops, my version');
    await mine.close();
    await theirs.close();
  });
});
