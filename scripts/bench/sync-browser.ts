/**
 * Team sync as a team runs it: two Chromium profiles with the built (production) extension,
 * the receiver's background loop already live on the server when the sender turns sync on,
 * so it pulls while the sender pushes. Measured from the sender's switch to the moment the
 * receiver holds every record, and to the sender's outbox empty; or the sender alone.
 * `TPA_SYNC_TRACE=1` prints both profiles' counts as they go and the service workers' console.
 */
import type { Page } from 'playwright-core';
import { EXTENSION_DIRS, launchWithExtension } from '../../tests/support/browser';
import type { BenchImage } from './sync-image';
import { benchRecords, type BenchRecords } from './sync-records';

/** What the browser run measured, in ms from the sender's switch. */
export interface BrowserSyncFigures {
  /** The sender's outbox empty: every document accepted by the server. */
  pushedMs: number;
  /** The receiver holds every touchpoint and screenshot (0 when there was no receiver). */
  receivedMs: number;
}

/** The study's rubric: the one the extension seeds at install (run in one of its pages). */
const seededRubricInPage = (): Promise<{ id: string; version: number } | null> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('rubrics')) return (db.close(), resolve(null));
      const read = db.transaction('rubrics').objectStore('rubrics').getAll();
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        db.close();
        const rubric = (read.result as { id: string; version: number }[])[0];
        resolve(rubric ? { id: rubric.id, version: rubric.version } : null);
      };
    };
  });

/**
 * Writes the bench's records straight into the extension's IndexedDB (run in one of its
 * pages), each screenshot a Blob of the PNG. Raw writes skip the outbox; turning sync on
 * queues every stored record anyway (docs/SYNC.md, "What is sent").
 */
const seedInPage = ({ records, image }: { records: BenchRecords; image: string }): Promise<void> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('touchpoint-auditor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const bytes = Uint8Array.from(atob(image), (c) => c.charCodeAt(0));
      // One Blob for every record: IndexedDB copies it at each put (a Blob per record of
      // hundreds of KB would leave them all to the garbage collector).
      const blob = new Blob([bytes], { type: records.evidence[0]?.mime });
      const tx = db.transaction(
        ['brands', 'studies', 'audits', 'touchpoints', 'evidence'],
        'readwrite',
      );
      tx.objectStore('brands').put(records.brand);
      tx.objectStore('studies').put(records.study);
      tx.objectStore('audits').put(records.audit);
      for (const tp of records.touchpoints) tx.objectStore('touchpoints').put(tp);
      for (const e of records.evidence) {
        tx.objectStore('evidence').put({ ...e, blob });
      }
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
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

/**
 * Runs the sync of `n` touchpoints with a screenshot each into database `db`: two profiles,
 * or with `alone` the sender only (its push with no receiver pulling beside it).
 */
export async function benchSyncBrowser(
  n: number,
  server: { url: string },
  db: string,
  who: { user: string; password: string },
  image: BenchImage,
  alone = false,
): Promise<BrowserSyncFigures> {
  const sender = await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  const receiver = alone
    ? null
    : await launchWithExtension({ extensionDir: EXTENSION_DIRS.production });
  if (process.env.TPA_SYNC_TRACE) {
    sender.serviceWorker.on('console', (m) => console.log('S', m.text()));
    receiver?.serviceWorker.on('console', (m) => console.log('R', m.text()));
  }
  try {
    const senderPage = await sender.openExtensionPage('options.html');
    // The service worker seeds the rubric at install: wait for it.
    let rubric: { id: string; version: number } | null = null;
    for (let tries = 0; !rubric; tries += 1) {
      rubric = await senderPage.evaluate(seededRubricInPage).catch(() => null);
      if (!rubric && tries > 50) throw new Error('the extension seeded no rubric');
      if (!rubric) await new Promise((r) => setTimeout(r, 200));
    }
    const records = benchRecords(n, {
      at: new Date().toISOString(),
      shopper: who.user,
      rubric,
      sha256: image.sha256,
      mime: image.mime,
    });
    await senderPage.evaluate(seedInPage, { records, image: image.base64 });
    const config = { url: server.url, db, ...who, enabled: true };
    if (receiver) {
      const receiverPage = await receiver.openExtensionPage('options.html');
      await turnSyncOn(receiverPage, config);
      while ((await receiverPage.evaluate(countsInPage)).state !== 'ok') {
        await new Promise((r) => setTimeout(r, 100));
      }
      // The pages go: an open options page follows the outbox live (its own counts after
      // every write), which a shopper's browser does not do while syncing in the background.
      await receiverPage.close();
    }
    const start = performance.now();
    await turnSyncOn(senderPage, config);
    await senderPage.close();
    let pushedMs = 0;
    let receivedMs = 0;
    const deadline = start + 10 * 60_000;
    while ((!pushedMs || (receiver && !receivedMs)) && performance.now() < deadline) {
      // Polled at 4 Hz: each look opens the database and counts stores, work the profiles'
      // IndexedDB does beside the sync being measured.
      await new Promise((r) => setTimeout(r, 250));
      if (!pushedMs) {
        const s = await sender.serviceWorker.evaluate(countsInPage);
        if (s.outbox === 0 && s.state === 'ok') pushedMs = performance.now() - start;
      }
      if (receiver && !receivedMs) {
        const r = await receiver.serviceWorker.evaluate(countsInPage);
        if (r.tp >= n && r.ev >= n) receivedMs = performance.now() - start;
        if (process.env.TPA_SYNC_TRACE) {
          const s = await sender.serviceWorker.evaluate(countsInPage);
          console.log(`${(performance.now() - start).toFixed(0)} ms`, JSON.stringify({ s, r }));
        }
      }
    }
    if (!pushedMs || (receiver && !receivedMs))
      throw new Error('browser sync did not finish in 10 minutes');
    return { pushedMs, receivedMs };
  } finally {
    await sender.close();
    await receiver?.close();
  }
}
