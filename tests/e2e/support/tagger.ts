import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../../support/browser';
import { announceAuditChange } from './extension-db';

/** Brands and an audit written straight into the extension's database (from one of its pages). */
export interface SeededAudit {
  studyId: string;
  auditId: string;
  ownBrandId: string;
  rivalBrandId: string;
}

/**
 * Seeds a study (default rubric), Northwind (own) and Contoso (competitor), and a running audit
 * of `brand`, with raw IndexedDB writes from the popup page: the same origin as the background.
 */
export async function seedAudit(
  ext: ExtensionSession,
  brand: 'northwind' | 'contoso' = 'northwind',
): Promise<SeededAudit> {
  const page = await ext.openExtensionPage('popup.html');
  const at = new Date().toISOString();
  const ids: SeededAudit = {
    studyId: `study-${Date.now()}`,
    auditId: `audit-${Date.now()}`,
    ownBrandId: 'brand-northwind',
    rivalBrandId: 'brand-contoso',
  };
  await page.evaluate(
    ({ ids, at, brand }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchpoint-auditor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['studies', 'brands', 'audits', 'settings'], 'readwrite');
          const base = { createdAt: at, updatedAt: at };
          tx.objectStore('brands').put({
            id: ids.ownBrandId,
            name: 'Northwind Running',
            role: 'own',
            domains: ['northwind.localhost'],
            ...base,
          });
          tx.objectStore('brands').put({
            id: ids.rivalBrandId,
            name: 'Contoso Sports',
            role: 'competitor',
            domains: ['contoso.localhost'],
            ...base,
          });
          tx.objectStore('studies').put({
            id: ids.studyId,
            name: 'Running shoes Q4',
            wave: '2026-Q4',
            waves: ['2026-Q4'],
            requireReview: false,
            rubricId: 'default',
            rubricVersion: 1,
            brandIds: [ids.ownBrandId, ids.rivalBrandId],
            ...base,
          });
          const brandId = brand === 'northwind' ? ids.ownBrandId : ids.rivalBrandId;
          tx.objectStore('audits').put({
            id: ids.auditId,
            studyId: ids.studyId,
            brandId,
            shopper: 'Ana',
            scenario: 'Buy shoes',
            startedAt: at,
            endedAt: null,
            wave: '2026-Q4',
            purpose: 'audit',
            review: 'in_progress',
            ...base,
          });
          tx.objectStore('settings').put({ key: 'activeAuditId', value: ids.auditId });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { ids, at, brand },
  );
  // Written past the popup: the background registers the tagger once told, as the popup does.
  await announceAuditChange(page);
  await page.close();
  return ids;
}

/** A touchpoint as stored, with the fields the tests look at. */
export interface StoredTouchpoint {
  id: string;
  auditId: string;
  category: string;
  stage: string;
  channel: string;
  url: string;
  notes: string;
  scores: Record<string, number | 'NA'>;
  /** The element looked different at Save than at the pick. */
  changedAfterPick?: boolean;
  /** What the screenshot covered of the page's personal data. */
  redactions?: { kind: string; count: number; uncovered?: boolean }[];
  anchor: {
    css: string;
    text: string;
    framePath: string[];
    kind?: string;
    rect: { width: number };
  } | null;
}

/** Stored evidence, its blob summarised (type, size, whether it decodes as a JPEG). */
export interface StoredEvidence {
  touchpointId: string;
  mime: string;
  width: number;
  height: number;
  sha256: string;
  url: string;
  blobType: string;
  blobSize: number;
  capturedAt: string;
  /** When it was taken, on a touchpoint that kept both its pick's screenshot and Save's. */
  moment?: 'pick' | 'save';
}

/** Every touchpoint and evidence record of the extension's database. */
export async function readSaved(
  ext: ExtensionSession,
): Promise<{ touchpoints: StoredTouchpoint[]; evidence: StoredEvidence[] }> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await page.evaluate(
      () =>
        new Promise<{ touchpoints: StoredTouchpoint[]; evidence: StoredEvidence[] }>(
          (resolve, reject) => {
            const open = indexedDB.open('touchpoint-auditor');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['touchpoints', 'evidence']);
              const tps = tx.objectStore('touchpoints').getAll();
              const evs = tx.objectStore('evidence').getAll();
              tx.oncomplete = () => {
                open.result.close();
                const evidence = (evs.result as (StoredEvidence & { blob: Blob })[]).map(
                  ({ blob, ...e }) => ({
                    ...e,
                    blobType: blob.type,
                    blobSize: blob.size,
                  }),
                );
                resolve({ touchpoints: tps.result as StoredTouchpoint[], evidence });
              };
            };
          },
        ),
    );
  } finally {
    await page.close();
  }
}

/** Polls until `count` touchpoints are stored; returns them with their evidence. */
export async function waitForSaved(ext: ExtensionSession, count: number, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const saved = await readSaved(ext);
    if (saved.touchpoints.length >= count || Date.now() > until) return saved;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Opens a page in its own tab, in front (only the visible tab can be captured). */
export async function openPage(ext: ExtensionSession, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  return page;
}

/** Starts tagging with the keyboard shortcut and waits for the picking toolbar. */
export async function startTagging(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Shift+T');
  await ui(page).getByTestId('tagger-toolbar').waitFor({ state: 'visible', timeout: 5_000 });
}

/**
 * Starts tagging with the extension's command (Alt+Shift+T as a browser shortcut), for a page
 * that has no tagger (no audit runs). A key press from the test reaches only the page, not the
 * browser's shortcuts, so the command's event is fired in the service worker for the page's tab.
 */
export async function startTaggingByCommand(ext: ExtensionSession, page: Page): Promise<void> {
  await ext.serviceWorker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (!tab) throw new Error(`no tab shows ${url}`);
    // Chrome's event objects can dispatch to their listeners, as a shortcut would.
    (chrome.commands.onCommand as unknown as { dispatch(c: string, t: unknown): void }).dispatch(
      'start-tagging',
      tab,
    );
  }, page.url());
  await ui(page).getByTestId('tagger-toolbar').waitFor({ state: 'visible', timeout: 5_000 });
}

/** Points at an element's centre and clicks it, as a shopper picking it would. */
export async function pickAt(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('target has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 5, y - 5);
  await page.mouse.move(x, y, { steps: 3 });
  await page.waitForTimeout(50);
  await page.mouse.click(x, y);
}

/**
 * The tagger's UI frame (toolbar and panel): an extension page framed inside the tagger's
 * shadow root (reachable because e2e builds open it).
 */
export const ui = (page: Page): FrameLocator => page.frameLocator('iframe.ui-frame');

/** The tagger's panel. */
export const panel = (page: Page): Locator => ui(page).getByTestId('tagger-panel');

/** Clicks one score choice of a criterion in the panel. */
export async function score(page: Page, criterionId: string, value: number | 'NA'): Promise<void> {
  await ui(page)
    .getByTestId(`tagger-score-${criterionId}`)
    .locator(`[data-value="${value}"]`)
    .click();
}

/** Clicks Save and waits for the panel to close. */
export async function saveAndWait(page: Page): Promise<void> {
  await ui(page).getByTestId('tagger-save').click();
  try {
    await panel(page).waitFor({ state: 'detached', timeout: 10_000 });
  } catch (e) {
    // What the panel says (an error, "saved without a screenshot") is what to look at first.
    const said = await panel(page)
      .innerText({ timeout: 1_000 })
      .catch(() => '(unreadable)');
    throw new Error(`the panel stayed open after Save; it shows:\n${said}`, { cause: e });
  }
}

/** The tagger's performance figures, as the top frame of `tabId` answers them (a Result). */
export function perfStatsOf(ext: ExtensionSession, tabId: number): Promise<unknown> {
  return ext.serviceWorker.evaluate(
    (id) =>
      chrome.tabs.sendMessage(
        id,
        { channel: 'touchpoint-auditor', type: 'getPerfStats', payload: {} },
        { frameId: 0 },
      ),
    tabId,
  );
}
