/**
 * Runs inside Chromium (bundled by the bench): 10,000 touchpoints written through the
 * data-access layer (Dexie, chunked, counters kept) and through one raw IndexedDB
 * transaction with the same indexes, on the same data.
 */
import { AuditorDb, putTouchpoints } from '../../../lib/db';
import type { Touchpoint } from '../../../lib/model';
import { checkoutPage } from './fixtures';

const CATEGORIES = [
  'online_ad',
  'product_page',
  'live_chat',
  'checkout_step',
  'payment',
  'order_confirmation',
];

/** Makes `n` realistic ~1 KB touchpoints spread over 20 audits. */
export function makeTouchpoints(n: number): Touchpoint[] {
  const at = '2026-11-22T10:15:00.000Z';
  return Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    auditId: `audit-${i % 20}`,
    category: CATEGORIES[i % CATEGORIES.length]!,
    stage: 'purchase',
    channel: 'web',
    source: 'page',
    ...checkoutPage(i, 200 + i),
    scores: { speed: 1 + (i % 5), clarity: 3, effort: 'NA', empathy: 4, trust: 2 },
    notes: 'The service fee appeared only at the payment step. '.repeat(8),
    createdAt: at,
    updatedAt: at,
  }));
}

function rawWrite(records: Touchpoint[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`bench-raw-${crypto.randomUUID()}`, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('touchpoints', { keyPath: 'id' });
      store.createIndex('auditId_category', ['auditId', 'category']);
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const started = performance.now();
      const tx = open.result.transaction('touchpoints', 'readwrite');
      const store = tx.objectStore('touchpoints');
      for (const r of records) store.put(r);
      tx.oncomplete = () => {
        resolve(performance.now() - started);
        open.result.close();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function dexieWrite(records: Touchpoint[]): Promise<number> {
  const db = new AuditorDb(`bench-dexie-${crypto.randomUUID()}`);
  await db.open();
  const started = performance.now();
  await putTouchpoints(db, records);
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** Median of a few alternating runs of both ways; runs are noisy on a shared machine. */
export async function benchWrites(
  n: number,
  runs: number,
): Promise<{ dexieMs: number; rawMs: number }> {
  const dexie: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < runs; i++) {
    const records = makeTouchpoints(n);
    raw.push(await rawWrite(records));
    dexie.push(await dexieWrite(records));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { dexieMs: median(dexie), rawMs: median(raw) };
}

(globalThis as unknown as { tpaBench: unknown }).tpaBench = { benchWrites };
