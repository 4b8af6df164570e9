import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  createStudy,
  createTouchpoint,
  endActiveAudit,
  getStudyTally,
  openNextWave,
  seedDefaults,
  startAudit,
  updateStudy,
  waveTally,
} from '../../../lib/db';
import { pageTag } from './page-tag';
import { dropDb } from './test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: AuditorDb;
beforeEach(async () => {
  db = new AuditorDb(`waves-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
});
afterEach(() => dropDb(db));

const newStudy = () =>
  createStudy(
    db,
    { name: 'Shoes', wave: '2026-Q4', rubricId: 'default', rubricVersion: 1, brandIds: ['b'] },
    now,
  );
const visit = (studyId: string) =>
  startAudit(db, { studyId, brandId: 'b', shopper: 'Ana', scenario: 'buy' }, now);
const tag = (auditId: string, speed: number) =>
  createTouchpoint(db, pageTag(auditId, { scores: { speed } }), now);

describe('waves of a study', () => {
  it('starts with its wave and opens the next after it; audits start in the open wave', async () => {
    const study = await newStudy();
    expect(study.waves).toEqual(['2026-Q4']);
    const first = await visit(study.id);
    expect(first).toMatchObject({ wave: '2026-Q4', purpose: 'audit', review: 'in_progress' });
    await tag(first.id, 2);
    expect(await endActiveAudit(db, now)).toMatchObject({ review: 'submitted' });

    const next = await openNextWave(db, study.id, ' 2027-Q1 ', now);
    expect(next).toMatchObject({
      ok: true,
      value: { wave: '2027-Q1', waves: ['2026-Q4', '2027-Q1'] },
    });
    expect(await openNextWave(db, study.id, '2026-Q4', now)).toEqual({
      ok: false,
      error: { code: 'wave-taken', params: { wave: '2026-Q4' }, path: 'wave' },
    });
    expect(await openNextWave(db, study.id, '  ', now)).toMatchObject({
      ok: false,
      error: { code: 'required', path: 'wave' },
    });

    const second = await visit(study.id);
    expect(second.wave).toBe('2027-Q1');
    await tag(second.id, 5);
    const kept = await getStudyTally(db, study.id, now);
    expect(waveTally(kept, '2026-Q4')['b']?.categories.cart?.sumPct).toBe(25);
    expect(waveTally(kept, '2027-Q1')['b']?.categories.cart?.sumPct).toBe(100);
  });

  it('a new wave without audits has empty totals', async () => {
    const study = await newStudy();
    await tag((await visit(study.id)).id, 3);
    await getStudyTally(db, study.id, now);
    await openNextWave(db, study.id, '2027-Q1', now);
    const kept = await getStudyTally(db, study.id, now);
    expect(Object.keys(kept!.waves)).toEqual(['2026-Q4', '2027-Q1']);
    expect(waveTally(kept, '2027-Q1')).toEqual({});
  });

  it('renaming the open wave moves its audits and totals with it', async () => {
    const study = await newStudy();
    const audit = await visit(study.id);
    await tag(audit.id, 4);
    await updateStudy(db, study.id, { wave: 'Q4 2026' }, now);
    expect((await db.studies.get(study.id))?.waves).toEqual(['Q4 2026']);
    expect((await db.audits.get(audit.id))?.wave).toBe('Q4 2026');
    const kept = await getStudyTally(db, study.id, now);
    expect(waveTally(kept, 'Q4 2026')['b']?.categories.cart?.n).toBe(1);
  });
});
