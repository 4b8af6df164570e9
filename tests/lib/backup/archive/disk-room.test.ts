// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importBackupBlob, writeArchive } from '../../../../lib/backup/archive';
import { exportBackup } from '../../../../lib/backup/export-db';
import { importWithMarker } from '../../../../lib/backup/import-marker';
import { AuditorDb, getSetting } from '../../../../lib/db';
import { dropDb } from '../../db/test-db';
import { dump, freshDb, seed, wipe } from '../db-fixtures';
import { NOW } from '../fixtures';

const MB = 1024 * 1024;
let db: AuditorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await dropDb(db);
});

/** The browser's storage estimate: `free[k]` bytes free at its k-th call (the last one after). */
function diskWithFree(...free: number[]) {
  let call = 0;
  const estimate = () => {
    const left = free[Math.min(call, free.length - 1)]!;
    call += 1;
    return Promise.resolve({ quota: 500 * MB + left, usage: 500 * MB });
  };
  vi.stubGlobal('navigator', { storage: { estimate } });
  return { calls: () => call };
}

const importFile = (file: Blob) =>
  importWithMarker(db, { fileName: 'backup.tpa.zip', startedAt: NOW.toISOString() }, () =>
    importBackupBlob(db, file, NOW),
  );

describe('an import never fills the disk', () => {
  it.each([
    ['no room at all', [0]],
    ['less room than its 64 MB reserve', [40 * MB]],
    // Room at first, then another program fills the disk while screenshots are written.
    ['the disk filling up half-way', [1_000 * MB, 1_000 * MB, 1_000 * MB, 10 * MB]],
  ])('%s: refused as a full disk, nothing written, no marker left', async (_, free) => {
    await seed(db);
    const file = await writeArchive(db, NOW);
    await wipe(db);
    const before = await dump(db);
    const disk = diskWithFree(...free);
    const result = await importFile(file);
    expect(result).toEqual({ ok: false, error: { code: 'import-storage-full' } });
    expect(disk.calls()).toBe(free.length);
    expect(await dump(db)).toEqual(before);
    expect(await db.staging.count()).toBe(0);
    expect(await db.pendingEvidence.count()).toBe(0);
    expect(await getSetting(db, 'importStarted')).toBeNull();
  });

  it('a backup.json bigger than the room left is refused before anything is written', async () => {
    await seed(db);
    const { blob } = await exportBackup(db, NOW);
    await wipe(db);
    const before = await dump(db);
    diskWithFree(64 * MB + blob.size - 1);
    expect(await importFile(blob)).toEqual({
      ok: false,
      error: { code: 'import-storage-full' },
    });
    expect(await dump(db)).toEqual(before);
  });

  it('with room to spare the archive is imported', async () => {
    await seed(db);
    const file = await writeArchive(db, NOW);
    const full = await dump(db);
    await wipe(db);
    diskWithFree(1_000 * MB);
    expect(await importFile(file)).toMatchObject({ ok: true });
    expect(await dump(db)).toEqual(full);
  });
});
