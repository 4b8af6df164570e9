// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../lib/backup';
import { AuditorDb } from '../../../lib/db';
import { readBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import { evidence, NOW } from './fixtures';
import { dump, expectRefused, freshDb, seed } from './db-fixtures';
import { dropDb } from '../db/test-db';

let db: AuditorDb;
let good: Backup;
beforeEach(async () => {
  db = freshDb();
  await seed(db);
  good = structuredClone(await readBackup(db, NOW));
  // A shopper's file: everything newer, so a good import would write every record.
  const later = '2026-11-23T07:00:00.000Z';
  for (const table of [good.studies, good.brands, good.audits, good.touchpoints]) {
    for (const record of table) record.updatedAt = later;
  }
  good.touchpoints.push({ ...good.touchpoints[0]!, id: 'tp-new', scores: { speed: 3 } });
});
afterEach(() => dropDb(db));

const mutate = (change: (b: Backup) => void): string => {
  const copy = structuredClone(good);
  change(copy);
  return JSON.stringify(copy);
};
/** A base64 text whose image decodes to `mb` MiB. */
const imageOf = (mb: number) => 'A'.repeat(Math.ceil((mb * 1024 * 1024) / 3) * 4);

const cases: [string, () => string, string, RegExp][] = [
  [
    'a truncated file',
    () => JSON.stringify(good).slice(0, 900),
    '',
    /ends unexpectedly.*truncated/,
  ],
  [
    'a wrong format',
    () => mutate((b) => Object.assign(b, { format: 'other-tool' })),
    'format',
    /not a Touchpoint Auditor backup/,
  ],
  [
    'a newer version',
    () => mutate((b) => Object.assign(b, { version: 3 })),
    'version',
    /newer version \(3\); update/,
  ],
  [
    'a touchpoint pointing at a missing audit',
    () => mutate((b) => (b.touchpoints[1]!.auditId = 'nowhere')),
    'touchpoints[1].auditId',
    /audit "nowhere" is neither in this backup nor in the extension/,
  ],
  [
    'a score outside the scale',
    () => mutate((b) => (b.touchpoints[0]!.scores = { speed: 9 })),
    'touchpoints[0].scores.speed',
    /expected an integer 1–5 or "NA"/,
  ],
  [
    'a 50 MB evidence image',
    () =>
      mutate((b) => b.evidence.push({ ...evidence('ev-big', 'tp-1'), dataBase64: imageOf(50) })),
    'evidence[2].dataBase64',
    /the image is 50(\.0)? MB, larger than the 25 MB limit/,
  ],
];

describe('a bad backup is refused with a clear message and writes nothing', () => {
  it.each(cases)('%s', (_name, text, path, message) => expectRefused(db, text(), path, message));

  it('rolls everything back when writing fails half-way (one transaction)', async () => {
    const before = await dump(db);
    const failing = importBackup(db, JSON.stringify(good), NOW, (p) => {
      if (p.phase === 'writing') throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await dump(db)).toEqual(before);
  });

  it('the same file, unharmed, is imported', async () => {
    const result = await importBackup(db, JSON.stringify(good), NOW);
    expect(result.ok && result.value.summary).toMatchObject({ added: 1, removed: 0 });
    expect((await dump(db)).touchpoints).toHaveLength(4);
  });
});
