// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBackup, type Backup } from '../../../lib/backup';
import { exportBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import type { AuditorDb } from '../../../lib/db';
import type { Redaction } from '../../../lib/model';
import { dropDb } from '../db/test-db';
import { freshDb } from './db-fixtures';
import { NOW, sampleData } from './fixtures';

let db: AuditorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const covered: Redaction[] = [
  { kind: 'email', count: 2 },
  { kind: 'order', count: 1, uncovered: true },
];

/** A backup whose first touchpoint records what its screenshot covered. */
function withRedactions(redactions: unknown): Backup {
  const backup = JSON.parse(JSON.stringify(toBackup(sampleData(), NOW))) as Backup;
  (backup.touchpoints[0] as unknown as { redactions: unknown }).redactions = redactions;
  return backup;
}

describe('what a screenshot covered, in backups', () => {
  it('is imported, stored and exported again as it was', async () => {
    const backup = withRedactions(covered);
    const id = backup.touchpoints[0]!.id;
    expect(await importBackup(db, JSON.stringify(backup), NOW)).toMatchObject({ ok: true });
    expect((await db.touchpoints.get(id))?.redactions).toEqual(covered);
    const again = JSON.parse(await (await exportBackup(db, NOW)).blob.text()) as Backup;
    expect(again.touchpoints.find((tp) => tp.id === id)?.redactions).toEqual(covered);
    // Touchpoints whose screenshot covered nothing carry no field at all.
    expect(again.touchpoints.filter((tp) => 'redactions' in tp)).toHaveLength(1);
  });

  it('goes with the newer copy of a touchpoint when files are merged', async () => {
    const older = withRedactions([{ kind: 'phone', count: 1 }]);
    expect(await importBackup(db, JSON.stringify(older), NOW)).toMatchObject({ ok: true });
    const newer = withRedactions([{ kind: 'phone', count: 1, uncovered: true }]);
    const tp = newer.touchpoints[0]!;
    tp.updatedAt = new Date(Date.parse(tp.updatedAt) + 60_000).toISOString();
    expect(await importBackup(db, JSON.stringify(newer), NOW)).toMatchObject({ ok: true });
    expect((await db.touchpoints.get(tp.id))?.redactions).toEqual([
      { kind: 'phone', count: 1, uncovered: true },
    ]);
  });

  it.each([
    [
      [{ kind: 'name', count: 1 }],
      'touchpoints[0].redactions[0].kind',
      'backup.expect.redaction-kind',
    ],
    [
      [{ kind: 'card', count: 0 }],
      'touchpoints[0].redactions[0].count',
      'backup.expect.redaction-count',
    ],
    [
      [{ kind: 'card', count: 1.5 }],
      'touchpoints[0].redactions[0].count',
      'backup.expect.redaction-count',
    ],
    [
      [{ kind: 'iban', count: 1, uncovered: 'yes' }],
      'touchpoints[0].redactions[0].uncovered',
      'backup.expect.boolean',
    ],
    [
      [
        { kind: 'email', count: 1 },
        { kind: 'email', count: 2 },
      ],
      'touchpoints[0].redactions',
      'backup.expect.redactions-unique',
    ],
    [['email'], 'touchpoints[0].redactions[0]', 'backup.expect.redaction'],
  ])('refuses %j, naming where and why', async (redactions, path, code) => {
    const result = await importBackup(db, JSON.stringify(withRedactions(redactions)), NOW);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain(path);
    expect(JSON.stringify(result)).toContain(code);
    expect(await db.touchpoints.count()).toBe(0);
  });
});
