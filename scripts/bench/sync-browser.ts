/**
 * Team sync as a team runs it: two Chromium profiles with the built (production) extension,
 * the receiver's background loop already live on the server when the sender turns sync on,
 * so it pulls while the sender pushes. Measured from the sender's switch to the moment the
 * receiver holds every record, and to the sender's outbox empty. Diagnostics:
 * `TPA_SYNC_SENDER_ONLY=1` runs the sender with no receiver (receivedMs is then 0);
 * `TPA_SYNC_TRACE=1` prints both profiles' counts as they go and the service workers' console.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { EXTENSION_DIRS, launchWithExtension } from '../../tests/support/browser';
import { PNG_3X2 } from '../../tests/fixtures/images';

/** What the browser run measured, in ms from the sender's switch. */
export interface BrowserSyncFigures {
  /** The sender's outbox empty: every document accepted by the server. */
  pushedMs: number;
  /** The receiver holds every touchpoint and screenshot. */
  receivedMs: number;
}

interface Seed {
  n: number;
  png: string;
  sha256: string;
  at: string;
}

/**
 * Writes a study, an audit, `n` touchpoints and `n` screenshots straight into the extension's
 * IndexedDB (run in one of its pages). Raw writes skip the outbox; turning sync on queues
 * every stored record anyway (docs/SYNC.md, "What is sent").
 */
const seedInPage = ({ n, png, sha256, at }: Seed): Promise<void> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('rubrics').objectStore('rubrics').getAll();
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        const rubric = (read.result as { id: string; version: number }[])[0];
        if (!rubric) return reject(new Error('no seeded rubric'));
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        const tx = db.transaction(
          ['brands', 'studies', 'audits', 'touchpoints', 'evidence'],
          'readwrite',
        );
        tx.objectStore('brands').put({
          id: 'b1',
          name: 'Own',
          role: 'own',
          domains: ['a.example'],
          createdAt: at,
          updatedAt: at,
        });
        tx.objectStore('studies').put({
          id: 's1',
          name: 'Bench',
          wave: 'W1',
          waves: ['W1'],
          requireReview: false,
          rubricId: rubric.id,
          rubricVersion: rubric.version,
          brandIds: ['b1'],
          createdAt: at,
          updatedAt: at,
        });
        tx.objectStore('audits').put({
          id: 'a1',
          studyId: 's1',
          brandId: 'b1',
          shopper: 'lea',
          scenario: 'bench',
          startedAt: at,
          endedAt: null,
          wave: 'W1',
          purpose: 'audit',
          review: 'in_progress',
          createdAt: at,
          updatedAt: at,
        });
        for (let i = 0; i < n; i += 1) {
          const id = crypto.randomUUID();
          tx.objectStore('touchpoints').put({
            id,
            auditId: 'a1',
            category: 'cart',
            stage: 'purchase',
            channel: 'web',
            source: 'page',
            url: `https://a.example/p/${i}`,
            pageTitle: `Page ${i}`,
            anchor: {
              css: `#item-${i}`,
              text: `Item ${i}`,
              rect: { x: 1, y: 2, width: 30, height: 40 },
              framePath: [],
            },
            scores: { speed: 4, clarity: 3 },
            notes: `note ${i}`,
            createdAt: at,
            updatedAt: at,
          });
          tx.objectStore('evidence').put({
            id: crypto.randomUUID(),
            touchpointId: id,
            blob: new Blob([bytes], { type: 'image/png' }),
            mime: 'image/png',
            width: 3,
            height: 2,
            sha256,
            capturedAt: at,
            url: null,
          });
        }
        tx.oncomplete = () => (db.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    };
  });

/** Counts of the stores sync fills and empties, and the sync state (run in an extension page). */
const countsInPage = (): Promise<{ tp: number; ev: number; outbox: number; state: string }> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['touchpoints', 'evidence', 'syncOutbox', 'settings']);
      const tp = tx.objectStore('touchpoints').count();
      const ev = tx.objectStore('evidence').count();
      const outbox = tx.objectStore('syncOutbox').count();
      const status = tx.objectStore('settings').get('syncStatus');
      tx.oncomplete = () => {
        db.close();
        const value = (status.result as { value?: { state?: string } } | undefined)?.value;
        resolve({
          tp: tp.result,
          ev: ev.result,
          outbox: outbox.result,
          state: value?.state ?? 'none',
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  });

/** The extension API as an extension page sees it (only what is used here). */
declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

/** Turns sync on in a profile, as the options' switch does once the permission is granted. */
const turnSyncOn = (page: Page, config: Record<string, unknown>) =>
  page.evaluate((c) => chrome.storage.local.set({ sync: c }), config);

/** Runs the two-profile sync of `n` touchpoints with a screenshot each into database `db`. */
export async function benchSyncBrowser(
  n: number,
  server: { url: string },
  db: string,
  who: { user: string; password: string },
): Promise<BrowserSyncFigures> {
  // TPA_SYNC_SENDER_ONLY=1: the sender alone, no receiver pulling (to tell the two costs apart).
  const alone = process.env.TPA_SYNC_SENDER_ONLY === '1';
  const sender = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  const receiver = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  if (process.env.TPA_SYNC_TRACE) {
    sender.serviceWorker.on('console', (m) => console.log('S', m.text()));
    receiver.serviceWorker.on('console', (m) => console.log('R', m.text()));
  }
  try {
    const senderPage = await sender.openExtensionPage('options.html');
    const receiverPage = await receiver.openExtensionPage('options.html');
    // The service worker seeds the rubric at install: wait for it.
    for (let tries = 0; ; tries += 1) {
      const ready = await senderPage
        .evaluate(seedInPage, {
          n,
          png: PNG_3X2,
          sha256: createHash('sha256').update(Buffer.from(PNG_3X2, 'base64')).digest('hex'),
          at: new Date().toISOString(),
        })
        .then(() => true)
        .catch((e: unknown) => {
          if (tries > 50) throw e;
          return false;
        });
      if (ready) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const config = { url: server.url, db, ...who, enabled: true };
    if (!alone) await turnSyncOn(receiverPage, config);
    while (!alone && (await receiverPage.evaluate(countsInPage)).state !== 'ok') {
      await new Promise((r) => setTimeout(r, 100));
    }
    // The pages go: an open options page follows the outbox live (its own counts after every
    // write), which a shopper's browser does not do while syncing in the background.
    const senderWorker = sender.serviceWorker;
    const receiverWorker = receiver.serviceWorker;
    await receiverPage.close();
    const start = performance.now();
    await turnSyncOn(senderPage, config);
    await senderPage.close();
    let pushedMs = 0;
    let receivedMs = 0;
    const deadline = start + 10 * 60_000;
    while ((!pushedMs || (!alone && !receivedMs)) && performance.now() < deadline) {
      // Polled at 4 Hz: each look opens the database and counts stores, work the profiles'
      // IndexedDB does beside the sync being measured.
      await new Promise((r) => setTimeout(r, 250));
      if (!pushedMs) {
        const s = await senderWorker.evaluate(countsInPage);
        if (s.outbox === 0 && s.state === 'ok') pushedMs = performance.now() - start;
      }
      if (!alone && !receivedMs) {
        const r = await receiverWorker.evaluate(countsInPage);
        if (r.tp >= n && r.ev >= n) receivedMs = performance.now() - start;
        if (process.env.TPA_SYNC_TRACE) {
          const s = await senderWorker.evaluate(countsInPage);
          console.log(`${(performance.now() - start).toFixed(0)} ms`, JSON.stringify({ s, r }));
        }
      }
    }
    if (!pushedMs || (!alone && !receivedMs))
      throw new Error('browser sync did not finish in 10 minutes');
    return { pushedMs, receivedMs };
  } finally {
    await sender.close();
    await receiver.close();
  }
}
