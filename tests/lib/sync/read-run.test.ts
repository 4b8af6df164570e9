import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditorDb } from '../../../lib/db';
import { readRun } from '../../../lib/sync/read-run';

let db: AuditorDb;
beforeEach(async () => {
  db = new AuditorDb(`read-run-${crypto.randomUUID()}`);
  await db.open();
  // Keys k00…k99, each row's rev naming its key.
  await db.syncRevs.bulkPut(
    Array.from({ length: 100 }, (_, i) => {
      const docId = `k${String(i).padStart(2, '0')}`;
      return { docId, rev: `rev-${docId}` };
    }),
  );
});
afterEach(() => db.delete());

const k = (...n: number[]) => n.map((i) => `k${String(i).padStart(2, '0')}`);

describe('readRun', () => {
  it.each([
    ['a run with nothing else in it', k(10, 11, 12, 13), 4],
    ['keys with a few others between them', k(10, 12, 14, 15), 6],
    ['keys out of order', k(13, 10, 12, 11), 4],
    ['one key', k(42), 1],
  ])('reads %s, in the order asked, counting the range', async (_, keys, inRange) => {
    const run = await readRun(db.syncRevs, keys);
    expect(run.rows.map((r) => r?.rev)).toEqual(keys.map((key) => `rev-${key}`));
    expect(run.inRange).toBe(inRange);
  });

  it('reads keys lying far apart one by one, and says it did not see the whole range', async () => {
    const keys = k(0, 50, 99);
    const run = await readRun(db.syncRevs, keys);
    expect(run.rows.map((r) => r?.rev)).toEqual(keys.map((key) => `rev-${key}`));
    expect(run.inRange).toBeUndefined();
  });

  it('answers undefined for keys the table does not hold', async () => {
    const run = await readRun(db.syncRevs, ['k10', 'k10a', 'zz']);
    expect(run.rows.map((r) => r?.rev)).toEqual(['rev-k10', undefined, undefined]);
  });

  it('answers nothing for no keys', async () => {
    expect((await readRun(db.syncRevs, [])).rows).toEqual([]);
  });
});
