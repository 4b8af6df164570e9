import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadLastAuditLeftovers,
  loadReauditChecklist,
  notReaudited,
  previousWaveOf,
} from '../../../lib/audit';
import {
  AuditorDb,
  createStudy,
  createTouchpoint,
  endActiveAudit,
  openNextWave,
  seedDefaults,
  setTouchpointDeleted,
  startAudit,
  updateAudit,
  type NewTouchpoint,
} from '../../../lib/db';
import type { Audit, Study } from '../../../lib/model';
import { dropDb } from '../db/test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let db: AuditorDb;
let study: Study;

beforeEach(async () => {
  db = new AuditorDb(`reaudit-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
  study = await createStudy(
    db,
    { name: 'Shoes', wave: 'W1', rubricId: 'default', rubricVersion: 1, brandIds: ['b', 'c'] },
    now,
  );
});
afterEach(() => dropDb(db));

const visit = (brandId = 'b', at = now) =>
  startAudit(db, { studyId: study.id, brandId, shopper: 'Ana', scenario: '' }, at);

const tag = (auditId: string, notes: string, extra: Partial<NewTouchpoint> = {}, at = now) =>
  createTouchpoint(
    db,
    {
      auditId,
      category: 'cart',
      stage: 'purchase',
      channel: 'web',
      source: 'page',
      url: `https://shop.test/${notes}`,
      pageTitle: notes,
      anchor: null,
      scores: {},
      notes,
      ...extra,
    },
    at,
  );

/** Wave W1 with audits of brand b (two touchpoints, one deleted, one manual) and brand c. */
async function firstWave(): Promise<{ a: Audit; ids: string[] }> {
  const a = await visit('b');
  const one = await tag(a.id, 'one', {}, later(1));
  const two = await tag(a.id, 'two', { category: 'payment' }, later(2));
  const gone = await tag(a.id, 'gone', {}, later(3));
  await setTouchpointDeleted(db, gone.id, true, later(4));
  await tag(a.id, 'manual', { source: 'manual', url: null }, later(5));
  await endActiveAudit(db, later(6));
  const rival = await visit('c', later(7));
  await tag(rival.id, 'rival', {}, later(8));
  await endActiveAudit(db, later(9));
  return { a, ids: [one.id, two.id] };
}

describe('the re-audit checklist', () => {
  it('is null in the first wave', async () => {
    const { a } = await firstWave();
    expect(await previousWaveOf(db, a)).toBeNull();
    expect(await loadReauditChecklist(db, a)).toBeNull();
  });

  it("lists the brand's live page touchpoints of the previous wave, oldest first", async () => {
    const { ids } = await firstWave();
    await openNextWave(db, study.id, 'W2', later(10));
    const b2 = await visit('b', later(11));
    const list = await loadReauditChecklist(db, b2);
    expect(list?.previousWave).toBe('W1');
    expect(list?.items.map((i) => i.touchpoint.id)).toEqual(ids);
    expect(list?.items.every((i) => i.reauditedBy === null)).toBe(true);
  });

  it('marks an item done once a touchpoint of the audit names it as previousId', async () => {
    const { ids } = await firstWave();
    await openNextWave(db, study.id, 'W2', later(10));
    const b2 = await visit('b', later(11));
    const again = await tag(b2.id, 'again', { previousId: ids[1], relocatedBy: 'text' });
    const list = await loadReauditChecklist(db, b2);
    expect(list?.items.map((i) => i.reauditedBy?.id ?? null)).toEqual([null, again.id]);
    expect(notReaudited(list).map((i) => i.touchpoint.id)).toEqual([ids[0]]);
    // A deleted re-audit does not count.
    await setTouchpointDeleted(db, again.id, true, later(12));
    expect(notReaudited(await loadReauditChecklist(db, b2))).toHaveLength(2);
  });

  it('looks one wave back only, and leaves out calibration and deleted audits', async () => {
    const { a } = await firstWave();
    await openNextWave(db, study.id, 'W2', later(10));
    const w2 = await visit('b', later(11));
    const w2tp = await tag(w2.id, 'w2', {}, later(12));
    const cal = await visit('b', later(13));
    await db.audits.update(cal.id, { purpose: 'calibration' });
    await tag(cal.id, 'calibration', {}, later(14));
    await endActiveAudit(db, later(15));
    await openNextWave(db, study.id, 'W3', later(16));
    const w3 = await visit('b', later(17));
    const list = await loadReauditChecklist(db, w3);
    expect(list?.previousWave).toBe('W2');
    expect(list?.items.map((i) => i.touchpoint.id)).toEqual([w2tp.id]);
    await updateAudit(db, w2.id, { deleted: true }, later(18));
    expect((await loadReauditChecklist(db, w3))?.items).toEqual([]);
    expect(a.wave).toBe('W1');
  });

  it('keeps what the last ended audit did not re-audit, for the idle popup', async () => {
    const { ids } = await firstWave();
    expect(await loadLastAuditLeftovers(db)).toBeNull();
    await openNextWave(db, study.id, 'W2', later(10));
    const b2 = await visit('b', later(11));
    await tag(b2.id, 'again', { previousId: ids[0] });
    // Running: nothing to report yet.
    expect(await loadLastAuditLeftovers(db)).toBeNull();
    await endActiveAudit(db, later(12));
    const left = await loadLastAuditLeftovers(db);
    expect(left?.audit.id).toBe(b2.id);
    expect(left?.items.map((i) => i.touchpoint.id)).toEqual([ids[1]]);
    await tag(b2.id, 'late', { previousId: ids[1] });
    expect(await loadLastAuditLeftovers(db)).toBeNull();
  });
});
