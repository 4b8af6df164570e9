// The report e2e study (two brands, scored touchpoints) and raw IndexedDB helpers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Audit, Brand, Study, Touchpoint } from '../../../lib/model';
import { PNG_3X2 } from '../../fixtures/images';

/** The SHA-256 of the seeded screenshot (a real 3 × 2 PNG, so an import takes it back). */
export const PNG_3X2_SHA256 = createHash('sha256')
  .update(Buffer.from(PNG_3X2, 'base64'))
  .digest('hex');

export const T = '2026-11-22T10:00:00.000Z';
export const brands: Brand[] = [
  {
    id: 'b-own',
    name: 'Northwind',
    role: 'own',
    domains: ['northwind.test'],
    createdAt: T,
    updatedAt: T,
  },
  {
    id: 'b-rival',
    name: 'Contoso',
    role: 'competitor',
    domains: ['contoso.test'],
    createdAt: T,
    updatedAt: T,
  },
];
export const study: Study = {
  id: 's-e2e',
  name: 'Q4 shoes',
  wave: '2026-Q4',
  waves: ['2026-Q4'],
  requireReview: false,
  rubricId: 'default',
  rubricVersion: 1,
  brandIds: ['b-own', 'b-rival'],
  createdAt: T,
  updatedAt: T,
};
export const audit = (id: string, brandId: string): Audit => ({
  id,
  studyId: study.id,
  brandId,
  shopper: 'Ana',
  scenario: 'Buy shoes',
  startedAt: T,
  endedAt: null,
  wave: '2026-Q4',
  purpose: 'audit',
  review: 'in_progress',
  createdAt: T,
  updatedAt: T,
});
export const audits = [audit('a-own', 'b-own'), audit('a-rival', 'b-rival')];
export const tp = (
  id: string,
  auditId: string,
  category: string,
  stage: Touchpoint['stage'],
  scores: Touchpoint['scores'],
): Touchpoint => ({
  id,
  auditId,
  category,
  stage,
  channel: 'web',
  source: 'page',
  url: `https://shop.test/${id}`,
  pageTitle: `Page ${id}`,
  anchor: null,
  scores,
  notes: '',
  createdAt: T,
  updatedAt: T,
});
export const touchpoints: Touchpoint[] = [
  tp('t1', 'a-own', 'cart', 'purchase', { speed: 2, clarity: 3 }),
  tp('t2', 'a-own', 'live_chat', 'consideration', { speed: 5, empathy: 4 }),
  tp('t3', 'a-rival', 'cart', 'purchase', { speed: 5, clarity: 5 }),
  tp('t4', 'a-rival', 'payment', 'purchase', { trust: 4 }),
  tp('t5', 'a-rival', 'live_chat', 'consideration', { speed: 4, empathy: 'NA' }),
];

/** Writes records straight into the extension's IndexedDB from one of its pages. */
export async function seedRaw(page: Page): Promise<void> {
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(
            ['brands', 'studies', 'audits', 'touchpoints', 'evidence'],
            'readwrite',
          );
          data.brands.forEach((r) => tx.objectStore('brands').put(r));
          tx.objectStore('studies').put(data.study);
          data.audits.forEach((r) => tx.objectStore('audits').put(r));
          data.touchpoints.forEach((r) => tx.objectStore('touchpoints').put(r));
          const blob = new Blob([Uint8Array.from(atob(data.png), (c) => c.charCodeAt(0))], {
            type: 'image/png',
          });
          tx.objectStore('evidence').put({
            id: 'ev-1',
            touchpointId: 't1',
            blob,
            mime: 'image/png',
            width: 3,
            height: 2,
            sha256: data.pngSha256,
            capturedAt: data.at,
            url: null,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { brands, study, audits, touchpoints, at: T, png: PNG_3X2, pngSha256: PNG_3X2_SHA256 },
  );
}

/** Empties every store of the extension's database (a wiped profile). */
export async function wipeRaw(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onsuccess = () => {
          const names = [...open.result.objectStoreNames];
          const tx = open.result.transaction(names, 'readwrite');
          names.forEach((n) => tx.objectStore(n).clear());
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Clicks a control and returns the text of the file it downloads. */
export async function download(
  page: Page,
  testId: string,
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}
