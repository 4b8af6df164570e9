import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  backupDue,
  getSetting,
  noteBackup,
  setSetting,
  touchpointsSinceBackup,
} from '../../../lib/db';
import { dropDb } from './test-db';

let db: AuditorDb;
const stats = (auditId: string, total: number) => ({ auditId, total, byCategory: {} });

beforeEach(() => {
  db = new AuditorDb(`reminder-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

describe('the backup reminder', () => {
  it('counts every touchpoint before the first backup, and is due past the chosen number', async () => {
    await db.auditStats.bulkPut([stats('a1', 30), stats('a2', 25)]);
    expect(await touchpointsSinceBackup(db)).toBe(55);
    expect(await backupDue(db)).toBe(55);
    await setSetting(db, 'backupEvery', 60);
    expect(await backupDue(db)).toBeNull();
  });

  it('counts from the last backup on, and never reminds when set to 0', async () => {
    await db.auditStats.bulkPut([stats('a1', 30), stats('a2', 25)]);
    await noteBackup(db, new Date('2026-12-01T10:00:00.000Z'));
    expect(await getSetting(db, 'lastBackupAt')).toBe('2026-12-01T10:00:00.000Z');
    expect(await backupDue(db)).toBeNull();
    await db.auditStats.put(stats('a3', 50));
    expect(await touchpointsSinceBackup(db)).toBe(50);
    expect(await backupDue(db)).toBe(50);
    await setSetting(db, 'backupEvery', 0);
    expect(await backupDue(db)).toBeNull();
  });

  it('does not go below zero when touchpoints were deleted since', async () => {
    await db.auditStats.put(stats('a1', 10));
    await noteBackup(db, new Date());
    await db.auditStats.put(stats('a1', 4));
    expect(await touchpointsSinceBackup(db)).toBe(0);
  });
});
