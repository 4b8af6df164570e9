// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../lib/backup';
import { AuditorDb, getStudyTally, waveTally } from '../../../lib/db';
import { exportBackup, readBackup } from '../../../lib/backup/export-db';
import { importBackup } from '../../../lib/backup/import-db';
import { tallyTouchpoints } from '../../../lib/report';
import type { Reencode } from '../../../lib/capture/reencode';
import { JPEG_3X2 } from '../../fixtures/images';
import { toBackup } from '../../../lib/backup';
import { evidence, NOW, sampleData } from './fixtures';
import { dump, freshDb, seed, wipe } from './db-fixtures';
import { dropDb } from '../db/test-db';

let db: AuditorDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const exportText = async (target: AuditorDb) => (await exportBackup(target, NOW)).blob.text();

describe('backup round trips', () => {
  it('export → wipe → import → export gives the same file and the same tables', async () => {
    await seed(db);
    const before = await dump(db);
    const first = await exportText(db);
    // Written in slices, yet exactly what one JSON.stringify of the backup gives.
    expect(first).toBe(JSON.stringify(await readBackup(db, NOW)));
    await wipe(db);
    expect((await dump(db)).touchpoints).toEqual([]);
    const result = await importBackup(db, first, NOW);
    expect(result).toMatchObject({ ok: true });
    // The same data (key order inside an anchor may differ: validation rebuilds the object).
    expect(JSON.parse(await exportText(db))).toEqual(JSON.parse(first));
    expect(await dump(db)).toEqual(before);
  });

  it('keeps the screenshots byte for byte and the tallies equal to a recomputation', async () => {
    await seed(db);
    const text = await exportText(db);
    const other = freshDb();
    try {
      await importBackup(other, text, NOW);
      const backup = JSON.parse(text) as Backup;
      expect(backup.evidence.map((e) => e.dataBase64)).toEqual(
        sampleData().evidence.map((e) => e.dataBase64),
      );
      const kept = await getStudyTally(other, 'study-1', NOW);
      const rubric = sampleData().rubrics[0]!;
      const live = sampleData().touchpoints.filter((tp) => !tp.deleted && tp.auditId === 'a-own');
      const fresh = tallyTouchpoints(
        live.map((touchpoint) => ({ brandId: 'b-own', touchpoint })),
        rubric,
      );
      expect(waveTally(kept, '2026-Q4')).toEqual(fresh);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('keeps clean screenshots byte for byte even where a canvas could re-encode them', async () => {
    await seed(db);
    const before = (await dump(db)).evidence;
    const text = await exportText(db);
    await wipe(db);
    let reencoded = 0;
    // A canvas that would change every image it is given.
    const reencode: Reencode = async () => {
      reencoded++;
      return new Blob([Buffer.from(JPEG_3X2, 'base64')]);
    };
    expect(await importBackup(db, text, NOW, undefined, { reencode })).toMatchObject({ ok: true });
    expect(reencoded).toBe(0);
    expect((await dump(db)).evidence).toEqual(before);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    await seed(db);
    const text = await exportText(db);
    await wipe(db);
    const first = await importBackup(db, text, NOW);
    const after = await dump(db);
    const second = await importBackup(db, text, NOW);
    const records = Object.values(sampleData()).reduce(
      (n, table: unknown[]) => n + table.length,
      0,
    );
    expect(first.ok && first.value.summary).toEqual({
      added: records,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(second.ok && second.value.summary).toEqual({
      added: 0,
      updated: 0,
      unchanged: records,
      removed: 0,
    });
    expect(await dump(db)).toEqual(after);
  });

  it('reports progress while writing', async () => {
    await seed(db);
    const text = await exportText(db);
    await wipe(db);
    const phases: string[] = [];
    await importBackup(db, text, NOW, (p) => phases.push(p.phase));
    expect(phases[0]).toBe('checking');
    expect(phases).toContain('writing');
  });

  it('keeps a touchpoint that changed after its pick, with both screenshots marked', async () => {
    const data = sampleData();
    data.touchpoints[0] = { ...data.touchpoints[0]!, changedAfterPick: true };
    data.evidence = [
      { ...evidence('ev-0', data.touchpoints[0].id), moment: 'pick' },
      { ...data.evidence[0]!, touchpointId: data.touchpoints[0].id, moment: 'save' },
      ...data.evidence.slice(1),
    ];
    const text = JSON.stringify(toBackup(data, NOW));
    expect(await importBackup(db, text, NOW)).toMatchObject({ ok: true });
    expect(await db.touchpoints.get(data.touchpoints[0].id)).toMatchObject({
      changedAfterPick: true,
    });
    const again = JSON.parse(await exportText(db)) as Backup;
    expect(again.evidence.map((e) => [e.id, e.moment])).toEqual(
      expect.arrayContaining([
        ['ev-0', 'pick'],
        [data.evidence[1]!.id, 'save'],
      ]),
    );
    expect(again.evidence.find((e) => e.id === data.evidence[2]!.id)).not.toHaveProperty('moment');
  });

  it('refuses a screenshot whose moment it does not know, naming where', async () => {
    const backup = JSON.parse(JSON.stringify(toBackup(sampleData(), NOW))) as Backup;
    (backup.evidence[1] as unknown as { moment: string }).moment = 'later';
    const result = await importBackup(db, JSON.stringify(backup), NOW);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain('evidence[1].moment');
    expect(await db.evidence.count()).toBe(0);
  });
});
