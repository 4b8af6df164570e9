// The review e2e study: a knock-out rubric, two brands and Ana's running audit of Northwind,
// with readers of what the review tests look at (the audit as stored, the report's count).
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../support/browser';
import { announceAuditChange, readStore } from './extension-db';

/** The ids {@link seedReviewStudy} writes. */
export const reviewIds = {
  studyId: 'study-review',
  auditId: 'audit-review',
  brandId: 'brand-northwind',
};
/** The seeded study's name, as the report's heading shows it. */
export const REVIEW_STUDY_NAME = 'Reviewed study';

/**
 * A study pinned to a two-criterion rubric whose `speed` is a knock-out, Northwind and Contoso,
 * and Ana's running audit of Northwind: raw IndexedDB writes from an extension page. With
 * `requireReview` the study counts approved audits only from the start.
 */
export async function seedReviewStudy(
  ext: ExtensionSession,
  { requireReview = false }: { requireReview?: boolean } = {},
): Promise<void> {
  const page = await ext.openExtensionPage('popup.html');
  const at = new Date().toISOString();
  await page.evaluate(
    ({ ids, at, name, requireReview }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = ['rubrics', 'studies', 'brands', 'audits', 'settings'];
          const tx = db.transaction(stores, 'readwrite');
          const base = { createdAt: at, updatedAt: at };
          const criterion = (id: string, label: string, critical: boolean) => ({
            id,
            label,
            help: '',
            weight: 1,
            appliesTo: 'all',
            critical,
          });
          tx.objectStore('rubrics').put({
            id: 'knockout',
            version: 1,
            name: 'Knock-out kit',
            scale: { min: 1, max: 5 },
            criteria: [criterion('speed', 'Speed', true), criterion('clarity', 'Clarity', false)],
            ...base,
          });
          for (const [id, name, role, domain] of [
            [ids.brandId, 'Northwind Running', 'own', 'northwind.localhost'],
            ['brand-contoso', 'Contoso Sports', 'competitor', 'contoso.localhost'],
          ])
            tx.objectStore('brands').put({ id, name, role, domains: [domain], ...base });
          tx.objectStore('studies').put({
            id: ids.studyId,
            name,
            wave: '2026-Q4',
            waves: ['2026-Q4'],
            requireReview,
            rubricId: 'knockout',
            rubricVersion: 1,
            brandIds: [ids.brandId, 'brand-contoso'],
            ...base,
          });
          tx.objectStore('audits').put({
            id: ids.auditId,
            studyId: ids.studyId,
            brandId: ids.brandId,
            shopper: 'Ana',
            scenario: 'Return a pair of shoes',
            startedAt: at,
            endedAt: null,
            wave: '2026-Q4',
            purpose: 'audit',
            review: 'in_progress',
            ...base,
          });
          tx.objectStore('settings').put({ key: 'activeAuditId', value: ids.auditId });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { ids: reviewIds, at, name: REVIEW_STUDY_NAME, requireReview },
  );
  await announceAuditChange(page);
  await page.close();
}

/** The seeded audit as stored. */
export async function storedAudit(page: Page) {
  const audits = await readStore<{
    id: string;
    review: string;
    reviewedBy?: string;
    submitNote?: string;
    endedAt: string | null;
  }>(page, 'audits');
  return audits.find((a) => a.id === reviewIds.auditId);
}

/** Northwind's touchpoints counted in the report's scoreboard ("0" when it has no row). */
export async function countedInReport(report: Page): Promise<string> {
  await report.reload();
  await report.getByTestId('report-comparison').waitFor();
  const row = report.locator(
    `[data-testid="report-scoreboard-row"][data-brand-id="${reviewIds.brandId}"]`,
  );
  return (await row.count()) === 0 ? '0' : ((await row.locator('td').nth(2).textContent()) ?? '');
}

/** Opens one touchpoint in the touchpoints view, writes its notes and saves. */
export async function writeNotes(ext: ExtensionSession, touchpointId: string, notes: string) {
  const view = await ext.openExtensionPage(`touchpoints.html?study=${reviewIds.studyId}`);
  await view
    .locator(`[data-testid="touchpoint-row"][data-id="${touchpointId}"]`)
    .getByTestId('touchpoint-open')
    .click();
  await view.getByTestId('tagger-notes').fill(notes);
  await view.getByTestId('touchpoint-save').click();
  await view.getByTestId('touchpoint-saved').waitFor();
  await view.close();
}
