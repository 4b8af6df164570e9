// The chaos suite's tools (tests/e2e/chaos.test.ts): what the database holds, digested so "as
// before" can be compared; a service worker held in the middle of a save; an import cut short
// at a chosen moment. The import helpers take the file input's test id and the file, so the
// same checks serve the backup archive when it comes.
import { createHash } from 'node:crypto';
import type { Page, Worker } from 'playwright-core';
import type { ExtensionSession } from '../../support/browser';
import { JPEG_3X2 } from '../../fixtures/images';
import { zipOf } from '../../lib/backup/archive/zip-edit';

/** Every object store's record count and a digest of all its records (blobs by type and size). */
export interface DbSnapshot {
  counts: Record<string, number>;
  digests: Record<string, string>;
}

/**
 * Reads every store of the extension's database inside an extension page and digests it
 * (SHA-256 of the records as JSON, a Blob as its type and size): two snapshots are equal
 * exactly when nothing was added, changed or removed. Settings named in `ignoreSettings` are
 * left out (a marker a test expects to change).
 */
export function snapshotDb(page: Page, ignoreSettings: string[] = []): Promise<DbSnapshot> {
  return page.evaluate(async (ignored) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('touchpoint-auditor');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    try {
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const all = await Promise.all(
        names.map(
          (name) =>
            new Promise<unknown[]>((resolve, reject) => {
              const request = tx.objectStore(name).getAll();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      const plain = (value: unknown): string =>
        JSON.stringify(value, (_key, v: unknown) =>
          v instanceof Blob
            ? { blob: v.type, size: v.size }
            : v instanceof Uint8Array
              ? { bytes: v.length }
              : v,
        );
      const snapshot: DbSnapshot = { counts: {}, digests: {} };
      for (const [i, name] of names.entries()) {
        const records =
          name === 'settings'
            ? (all[i] as { key: string }[]).filter((r) => !ignored.includes(r.key))
            : all[i]!;
        const hash = await crypto.subtle.digest(
          'SHA-256',
          new TextEncoder().encode(plain(records)),
        );
        snapshot.counts[name] = records.length;
        snapshot.digests[name] = [...new Uint8Array(hash)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
      }
      return snapshot;
    } finally {
      db.close();
    }
  }, ignoreSettings);
}

/** The snapshot of the database, read from a popup page opened for it and closed after. */
export async function snapshotOf(
  ext: ExtensionSession,
  ignoreSettings: string[] = [],
): Promise<DbSnapshot> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await snapshotDb(page, ignoreSettings);
  } finally {
    await page.close();
  }
}

/**
 * The extension's service worker as it runs now: after a stop, Chrome starts a new one when
 * something asks it (here a page's message), and Playwright sees it as another worker.
 */
export async function runningServiceWorker(ext: ExtensionSession): Promise<Worker> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
    for (let tries = 0; tries < 50; tries++) {
      const live = ext.context
        .serviceWorkers()
        .filter((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
      for (const worker of live.reverse()) {
        const alive = await worker.evaluate(() => true).catch(() => false);
        if (alive) return worker;
      }
      await page.waitForTimeout(100);
    }
    throw new Error('the service worker did not start again');
  } finally {
    await page.close();
  }
}

/**
 * Makes the service worker's next write of a screenshot stop half-way: the evidence record is
 * put into the save's transaction, the transaction is kept open (one read after another), and
 * the save never goes on to commit. The touchpoint, its counters and totals, the draft's
 * removal and the screenshot are then all written but none committed; stopping the worker now
 * is the worst moment for a save. `heldSave` says when it is reached.
 */
export async function holdNextSaveOpen(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = self as unknown as { saveHeld?: boolean };
    g.saveHeld = false;
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if (this.name !== 'evidence') return add.apply(this, args);
      IDBObjectStore.prototype.add = add;
      const request = add.apply(this, args);
      const spin = () => {
        try {
          this.get('held-open').onsuccess = spin;
        } catch {
          // The transaction ended: nothing more to keep open.
        }
      };
      request.addEventListener('success', () => {
        g.saveHeld = true;
        spin();
      });
      // Dexie waits on this stand-in for ever: the save stays in its transaction.
      return { onsuccess: null, onerror: null, error: null, result: undefined } as never;
    };
  });
}

/** Whether the held save has written into its (open) transaction. */
export function heldSave(worker: Worker): Promise<boolean> {
  return worker.evaluate(() => (self as unknown as { saveHeld?: boolean }).saveHeld === true);
}

/** A file handed to a file input, as Playwright's `setInputFiles` takes it. */
export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Chooses `file` in the report's import input `inputTestId` and waits until the import says it
 * is writing (`Writing… n of m`, n > 0): the database transaction is open and half-way. Answers
 * the status it saw.
 */
export async function importUntilWriting(
  page: Page,
  inputTestId: string,
  file: ChosenFile,
  timeoutMs = 60_000,
): Promise<string> {
  await page.getByTestId(inputTestId).setInputFiles(file);
  const status = page.getByTestId('report-files-status');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = (await status.textContent().catch(() => null)) ?? '';
    if (/^Writing… [1-9][\d,]* of /.test(text)) return text;
    if (Date.now() > until) throw new Error(`the import never started writing: "${text}"`);
    await page.waitForTimeout(20);
  }
}

/**
 * Makes the service worker's next write of a screenshot meet a full disk: the add throws the
 * `QuotaExceededError` IndexedDB raises then, after the save has already written its
 * touchpoint, counters, totals and the draft's removal into the same transaction. (The
 * extension holds `unlimitedStorage`, so Chrome enforces no DevTools quota override on it —
 * `Storage.overrideQuotaForOrigin` changes what `estimate()` says, yet a 5 MB write still
 * commits — and filling the real disk is no test; the error is raised where the browser would.)
 */
export async function failNextScreenshotWrite(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      if (this.name !== 'evidence') return add.apply(this, args);
      IDBObjectStore.prototype.add = add;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

/**
 * A `backup.json` (version 2) of one study with one brand, one audit and `count` scored
 * touchpoints, big enough that importing it takes seconds. Ids start with `prefix`.
 */
export function bigBackup(count: number, prefix = 'chaos'): ChosenFile {
  const at = '2026-11-20T09:00:00.000Z';
  const base = { createdAt: at, updatedAt: at };
  const touchpoints = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-tp-${String(i).padStart(6, '0')}`,
    auditId: `${prefix}-audit`,
    category: i % 2 ? 'checkout_step' : 'product_page',
    stage: i % 2 ? 'purchase' : 'consideration',
    channel: 'web',
    source: 'page',
    url: `https://chaos.test/page/${i}`,
    pageTitle: `Page ${i}`,
    anchor: null,
    scores: { clarity: 1 + (i % 5) },
    notes: `Touchpoint number ${i} of the chaos backup`,
    ...base,
  }));
  const backup = {
    format: 'touchpoint-auditor-backup',
    version: 2,
    exportedAt: at,
    studies: [
      {
        id: `${prefix}-study`,
        name: 'Chaos study',
        wave: 'W1',
        waves: ['W1'],
        requireReview: false,
        rubricId: 'default',
        rubricVersion: 1,
        brandIds: [`${prefix}-brand`],
        ...base,
      },
    ],
    brands: [
      { id: `${prefix}-brand`, name: 'Chaos', role: 'own', domains: ['chaos.test'], ...base },
    ],
    rubrics: [],
    categories: [],
    audits: [
      {
        id: `${prefix}-audit`,
        studyId: `${prefix}-study`,
        brandId: `${prefix}-brand`,
        shopper: 'Ana',
        scenario: 'Buy shoes',
        startedAt: at,
        endedAt: at,
        wave: 'W1',
        purpose: 'audit',
        review: 'submitted',
        ...base,
      },
    ],
    touchpoints,
    evidence: [],
  };
  return {
    name: `${prefix}-backup.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  };
}

/**
 * A backup archive (`.tpa.zip`) of the same study as `bigBackup`, with `count` touchpoints,
 * each with a screenshot (a real 3 × 2 JPEG), so importing it writes screenshots for seconds.
 */
export async function bigArchive(count: number, prefix = 'chaos-zip'): Promise<ChosenFile> {
  const backup = JSON.parse(bigBackup(count, prefix).buffer.toString('utf8')) as Record<
    string,
    unknown
  > & { touchpoints: { id: string; createdAt: string }[]; exportedAt: string };
  const jpeg = Buffer.from(JPEG_3X2, 'base64');
  const sha256 = createHash('sha256').update(jpeg).digest('hex');
  const evidence = backup.touchpoints.map((tp, i) => ({
    id: `${prefix}-ev-${String(i).padStart(6, '0')}`,
    touchpointId: tp.id,
    mime: 'image/jpeg',
    file: `evidence/${prefix}-ev-${String(i).padStart(6, '0')}.jpg`,
    width: 3,
    height: 2,
    sha256,
    capturedAt: tp.createdAt,
    url: null,
  }));
  const tables = ['studies', 'brands', 'rubrics', 'categories', 'audits', 'touchpoints'];
  const files = new Map<string, Uint8Array>();
  const counts: Record<string, number> = { evidence: evidence.length };
  const jsonl = (records: unknown[]) =>
    new TextEncoder().encode(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  for (const table of tables) {
    const records = backup[table] as unknown[];
    counts[table] = records.length;
    files.set(`records/${table}.jsonl`, jsonl(records));
  }
  files.set('records/evidence.jsonl', jsonl(evidence));
  for (const e of evidence) files.set(e.file, jpeg);
  const manifest = {
    format: 'touchpoint-auditor-archive',
    version: 2,
    exportedAt: backup.exportedAt,
    counts,
  };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  const blob = await zipOf(files);
  return {
    name: `${prefix}.tpa.zip`,
    mimeType: 'application/zip',
    buffer: Buffer.from(await blob.arrayBuffer()),
  };
}
