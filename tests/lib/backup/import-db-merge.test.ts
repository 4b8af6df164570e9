// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { toBackup, type BackupData } from '../../../lib/backup';
import { AuditorDb, getStudyTally, waveTally } from '../../../lib/db';
import { importBackup } from '../../../lib/backup/import-db';
import { audit, brands, rubric, study, touchpoint } from '../export/fixtures';
import { evidence, NOW } from './fixtures';
import { dump, freshDb } from './db-fixtures';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute)).toISOString();
const opened: AuditorDb[] = [];
const open = () => {
  const db = freshDb();
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** What both shoppers got from the lead: the study, its brands and rubric. */
const shared = { studies: [study], brands, rubrics: [rubric], categories: [] };

/** Ana audited the own brand; she renamed a competitor at 10:05. */
function anaFile(): string {
  const data: BackupData = {
    ...shared,
    brands: brands.map((b) =>
      b.id === 'b-ru' ? { ...b, name: 'Ana’s name', updatedAt: at(5) } : b,
    ),
    audits: [audit('a-ana', 'b-own', at(1))],
    touchpoints: [
      touchpoint('tp-a1', 'a-ana', at(2), {
        category: 'cart',
        stage: 'purchase',
        scores: { speed: 2, clarity: 3 },
      }),
      touchpoint('tp-a2', 'a-ana', at(3), { scores: { speed: 5 } }),
    ],
    evidence: [evidence('ev-a1', 'tp-a1')],
  };
  return JSON.stringify(toBackup(data, NOW));
}

/** Ben audited a competitor, renamed the same one later (10:07) and deleted Ana's tp-a2. */
function benFile(): string {
  const data: BackupData = {
    ...shared,
    brands: brands.map((b) =>
      b.id === 'b-ru' ? { ...b, name: 'Ben’s name', updatedAt: at(7) } : b,
    ),
    audits: [audit('a-ana', 'b-own', at(1)), audit('a-ben', 'b-ru', at(4))],
    touchpoints: [
      touchpoint('tp-a2', 'a-ana', at(3), {
        scores: { speed: 5 },
        deleted: true,
        updatedAt: at(9),
      }),
      touchpoint('tp-b1', 'a-ben', at(5), {
        category: 'cart',
        stage: 'purchase',
        scores: { speed: 4, clarity: 5 },
      }),
      touchpoint('tp-b2', 'a-ben', at(6), {
        category: 'payment',
        stage: 'purchase',
        scores: { trust: 1 },
      }),
    ],
    evidence: [evidence('ev-b1', 'tp-b1')],
  };
  return JSON.stringify(toBackup(data, NOW));
}

describe('merging two shoppers’ backups', () => {
  it('gives the same database in either order', async () => {
    const ab = open();
    const ba = open();
    for (const text of [anaFile(), benFile()])
      expect((await importBackup(ab, text, NOW)).ok).toBe(true);
    for (const text of [benFile(), anaFile()])
      expect((await importBackup(ba, text, NOW)).ok).toBe(true);
    expect(await dump(ab)).toEqual(await dump(ba));
    const merged = await dump(ab);
    expect(merged.brands).toContainEqual(
      expect.objectContaining({ id: 'b-ru', name: 'Ben’s name' }),
    );
    expect(merged.touchpoints).toContainEqual(
      expect.objectContaining({ id: 'tp-a2', deleted: true }),
    );
    expect(merged.evidence).toHaveLength(2);
  });

  it('keeps the report totals right after merging (the tombstone is not counted)', async () => {
    const db = open();
    await importBackup(db, anaFile(), NOW);
    const second = await importBackup(db, benFile(), NOW);
    expect(second.ok && second.value.summary).toMatchObject({ removed: 1 });
    const kept = await getStudyTally(db, study.id, NOW);
    expect(waveTally(kept, '2026-Q4')['b-own']?.categories).toEqual({
      cart: { n: 1, scoredN: 1, sumPct: expect.closeTo(37.5, 6) as number, criticalFails: 0 },
    });
    expect(Object.keys(waveTally(kept, '2026-Q4')['b-ru']?.categories ?? {}).sort()).toEqual([
      'cart',
      'payment',
    ]);
    expect(await db.auditStats.get('a-ana')).toEqual({
      auditId: 'a-ana',
      total: 1,
      byCategory: { cart: 1 },
    });
  });
});
