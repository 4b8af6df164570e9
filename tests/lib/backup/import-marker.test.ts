// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import {
  forgetInterruptedImport,
  importWithMarker,
  interruptedImport,
} from '../../../lib/backup/import-marker';
import { getSetting, type AuditorDb } from '../../../lib/db';
import { fail } from '../../../lib/result';
import { dropDb } from '../db/test-db';
import { freshDb, seed } from './db-fixtures';
import { NOW } from './fixtures';

let db: AuditorDb;
beforeEach(async () => {
  db = freshDb();
  await seed(db);
});
afterEach(() => dropDb(db));

const marker = { fileName: 'shopper.json', startedAt: NOW.toISOString() };
const stored = async () => db.settings.get('importStarted');
const idle = async () => false;

describe('the marker of an import under way (docs/RECOVERY.md)', () => {
  it('is written as the import starts and cleared by the transaction that commits it', async () => {
    const text = JSON.stringify(await readBackup(db, NOW));
    let during: unknown;
    const result = await importWithMarker(db, marker, async () => {
      during = await getSetting(db, 'importStarted');
      return importBackup(db, text, NOW);
    });
    expect(result.ok).toBe(true);
    expect(during).toEqual(marker);
    expect(await stored()).toBeUndefined();
    expect(await interruptedImport(db, idle)).toBeUndefined();
  });

  it('is cleared when the file is refused, and when the import throws (the user is told then)', async () => {
    expect(await importWithMarker(db, marker, async () => fail('backup.empty'))).toMatchObject({
      ok: false,
    });
    expect(await stored()).toBeUndefined();
    await expect(
      importWithMarker(db, marker, () => Promise.reject(new Error('disk gone'))),
    ).rejects.toThrow('disk gone');
    expect(await stored()).toBeUndefined();
  });

  it('left behind by an import that never ended, tells the next visit, until forgotten', async () => {
    // The page closed half-way: the import's transaction rolled back, the marker stayed.
    const cut = importWithMarker(db, marker, () => new Promise(() => undefined));
    await expect.poll(stored).toBeDefined();
    void cut;
    expect(await interruptedImport(db, idle)).toEqual(marker);
    // Another tab holds the import's lock: that import is running, not cut short.
    expect(await interruptedImport(db, async () => true)).toBeUndefined();
    await forgetInterruptedImport(db);
    expect(await interruptedImport(db, idle)).toBeUndefined();
    expect(await db.settings.count()).toBe(0);
  });
});
