import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceTransactionAs, AuditorDb } from '../../../lib/db';
import type { Touchpoint } from '../../../lib/model';
import { freshDb } from '../backup/db-fixtures';
import { dropDb } from './test-db';

let db: AuditorDb;
let notices: Record<string, unknown>[];
const listen = (parts: Record<string, unknown>) => void notices.push(parts);
beforeEach(async () => {
  db = freshDb();
  // Opened and seeded before listening: only the test's own writes are heard.
  await db.staging.count();
  notices = [];
  Dexie.on('storagemutated', listen);
});
afterEach(async () => {
  Dexie.on('storagemutated').unsubscribe(listen);
  await dropDb(db);
});

/** Stages `n` rows in one transaction, announced as `what` (or as Dexie does by default). */
const stage = (n: number, what?: 'everything' | 'nothing') =>
  db.transaction('rw', db.staging, () => {
    if (what) announceTransactionAs(Dexie.currentTransaction!.idbtrans, what);
    return db.staging.bulkAdd(
      Array.from({ length: n }, (_, i) => ({
        importId: 'i',
        table: 'touchpoints' as const,
        record: { id: `t${i}` } as Touchpoint,
      })),
    );
  });

describe('announceTransactionAs', () => {
  it('by default Dexie announces every key written, table by table', async () => {
    await stage(3);
    expect(notices).toHaveLength(1);
    expect(Object.keys(notices[0]!).some((k) => k.endsWith('/staging/'))).toBe(true);
  });

  it('"everything": one notice that all may have changed, no keys', async () => {
    await stage(500, 'everything');
    expect(notices).toHaveLength(1);
    expect(Object.keys(notices[0]!)).toEqual(['all']);
  });

  it('"nothing": a notice with nothing in it, and the rows are written all the same', async () => {
    await stage(500, 'nothing');
    expect(notices).toEqual([{}]);
    expect(await db.staging.count()).toBe(500);
  });
});
