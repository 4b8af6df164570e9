// Helpers for the backup data tests: a database filled with the backup sample data, and a
// snapshot of every table to compare before and after.
import { expect } from 'vitest';
import { type BackupData } from '../../../lib/backup';
import { AuditorDb, putTouchpoints } from '../../../lib/db';
import { base64ToBytes, blobToBase64 } from '../../../lib/backup/base64';
import type { Evidence } from '../../../lib/model';
import { importBackup } from '../../../lib/backup/import-db';
import { NOW, sampleData } from './fixtures';
import { said } from './said';

/** A fresh, empty database under a unique name. */
export function freshDb(): AuditorDb {
  return new AuditorDb(`backup-${crypto.randomUUID()}`);
}

/** Writes backup-shaped data the way the app does (touchpoints through the counters path). */
export async function seed(db: AuditorDb, data: BackupData = sampleData()): Promise<void> {
  await db.studies.bulkPut(data.studies);
  await db.brands.bulkPut(data.brands);
  await db.rubrics.bulkPut(data.rubrics);
  await db.audits.bulkPut(data.audits);
  await putTouchpoints(db, data.touchpoints);
  const evidence: Evidence[] = data.evidence.map(({ dataBase64, ...e }) => ({
    ...e,
    blob: new Blob([base64ToBytes(dataBase64)], { type: e.mime }),
  }));
  await db.evidence.bulkPut(evidence);
}

/** Every record of every table (images as base64, tally sums rounded past float noise). */
export async function dump(db: AuditorDb): Promise<Record<string, unknown[]>> {
  const evidence = await Promise.all(
    (await db.evidence.toArray()).map(async ({ blob, ...e }) => ({
      ...e,
      image: await blobToBase64(blob),
    })),
  );
  const round = (x: unknown): unknown =>
    JSON.parse(
      JSON.stringify(x, (_k, v: unknown) =>
        typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v,
      ),
    );
  return {
    studies: await db.studies.toArray(),
    brands: await db.brands.toArray(),
    rubrics: await db.rubrics.toArray(),
    audits: await db.audits.toArray(),
    touchpoints: await db.touchpoints.toArray(),
    evidence,
    auditStats: await db.auditStats.toArray(),
    // The kept totals' time stamp says when they were last moved, not what they hold.
    studyTallies: (await db.studyTallies.toArray()).map(({ updatedAt: _at, ...rest }) =>
      round(rest),
    ),
  };
}

/** Empties every table (a wiped profile). */
export async function wipe(db: AuditorDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

/** Imports `text` and expects it refused at `path` with `message`, and nothing written. */
export async function expectRefused(
  db: AuditorDb,
  text: string,
  path: string,
  message: RegExp,
): Promise<void> {
  const before = await dump(db);
  const result = await importBackup(db, text, NOW);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(said(result.error).path).toBe(path);
    expect(said(result.error).message).toMatch(message);
  }
  expect(await dump(db)).toEqual(before);
}
