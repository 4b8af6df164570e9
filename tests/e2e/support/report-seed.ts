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

/** What {@link writeRaw} puts in: a study with its audits and touchpoints, some with a shot. */
interface RawData {
  study: Study;
  audits: Audit[];
  touchpoints: Touchpoint[];
  /** Touchpoints that get the 3 × 2 PNG as evidence (`ev-<touchpointId>`). */
  shots: string[];
}

/** Writes records (and the brands) straight into the extension's IndexedDB from its page. */
async function writeRaw(page: Page, records: RawData): Promise<void> {
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
          for (const touchpointId of data.shots) {
            const blob = new Blob([Uint8Array.from(atob(data.png), (c) => c.charCodeAt(0))], {
              type: 'image/png',
            });
            tx.objectStore('evidence').put({
              id: `ev-${touchpointId}`,
              touchpointId,
              blob,
              mime: 'image/png',
              width: 3,
              height: 2,
              sha256: data.pngSha256,
              capturedAt: data.at,
              url: null,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { ...records, brands, at: T, png: PNG_3X2, pngSha256: PNG_3X2_SHA256 },
  );
}

/** Writes the one-wave study (one screenshot, on `t1`) into the extension's IndexedDB. */
export function seedRaw(page: Page): Promise<void> {
  return writeRaw(page, { study, audits, touchpoints, shots: ['t1'] });
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

/** A study measured twice: wave 2026-Q4 re-audits touchpoints of 2026-Q3 (report pairs). */
export const twoWaves = (() => {
  const waves = ['2026-Q3', '2026-Q4'];
  const studyW: Study = {
    ...study,
    id: 's-waves',
    name: 'Shoes over time',
    wave: waves[1]!,
    waves,
  };
  const auditW = (id: string, brandId: string, wave: string): Audit => ({
    ...audit(id, brandId),
    studyId: studyW.id,
    wave,
  });
  const at = (
    base: Touchpoint,
    relocatedBy: Touchpoint['relocatedBy'],
    previousId: string,
    textChanged = false,
  ): Touchpoint => ({ ...base, previousId, relocatedBy, textChanged });
  return {
    study: studyW,
    audits: [
      auditW('wa-own-1', 'b-own', waves[0]!),
      auditW('wa-rival-1', 'b-rival', waves[0]!),
      auditW('wa-own-2', 'b-own', waves[1]!),
      auditW('wa-rival-2', 'b-rival', waves[1]!),
    ],
    touchpoints: [
      tp('p-o1', 'wa-own-1', 'cart', 'purchase', { speed: 2, clarity: 3 }),
      tp('p-o2', 'wa-own-1', 'live_chat', 'consideration', { speed: 5, empathy: 5 }),
      tp('p-r1', 'wa-rival-1', 'payment', 'purchase', { clarity: 1, trust: 2 }),
      tp('p-r2', 'wa-rival-1', 'newsletter_signup', 'consideration', { speed: 3 }),
      tp('p-r3', 'wa-rival-1', 'live_chat', 'consideration', { speed: 1 }),
      // Own: cart 37.5 → 50 (same element); chat 100 → 62.5 (found by its text: moved).
      at(tp('p-o1b', 'wa-own-2', 'cart', 'purchase', { speed: 3, clarity: 3 }), 'css', 'p-o1'),
      at(
        tp('p-o2b', 'wa-own-2', 'live_chat', 'consideration', { speed: 3, empathy: 4 }),
        'text',
        'p-o2',
      ),
      // Rival: the fee shown up front, 12.5 → 87.5 (text changed); chat 0 → 50; pop-up gone.
      at(
        tp('p-r1b', 'wa-rival-2', 'payment', 'purchase', { clarity: 5, trust: 4 }),
        'css',
        'p-r1',
        true,
      ),
      at(tp('p-r2b', 'wa-rival-2', 'newsletter_signup', 'consideration', {}), 'none', 'p-r2'),
      at(tp('p-r3b', 'wa-rival-2', 'live_chat', 'consideration', { speed: 3 }), 'css', 'p-r3'),
      tp('p-new', 'wa-rival-2', 'cart', 'purchase', { speed: 4 }),
    ],
    /** Touchpoints with a screenshot. */
    shots: ['p-r1', 'p-r1b'],
  };
})();

/** Writes {@link twoWaves} (and the brands) straight into the extension's IndexedDB. */
export function seedTwoWavesRaw(page: Page): Promise<void> {
  return writeRaw(page, twoWaves);
}
