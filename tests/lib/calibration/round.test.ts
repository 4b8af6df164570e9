import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRound, loadCalibration, scoreItem } from '../../../lib/calibration/round';
import {
  AuditorDb,
  createStudy,
  createTouchpoint,
  endActiveAudit,
  getStudyTally,
  seedDefaults,
  startAudit,
  waveTally,
} from '../../../lib/db';
import { pageTag } from '../db/page-tag';
import { dropDb } from '../db/test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: AuditorDb;
beforeEach(async () => {
  db = new AuditorDb(`calibration-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
});
afterEach(() => dropDb(db));

async function studyWithTwoChats() {
  const study = await createStudy(
    db,
    { name: 'Chats', wave: 'W1', rubricId: 'default', rubricVersion: 1, brandIds: ['b'] },
    now,
  );
  const audit = await startAudit(
    db,
    { studyId: study.id, brandId: 'b', shopper: 'Lead', scenario: '' },
    now,
  );
  const ids: string[] = [];
  for (const speed of [2, 4]) {
    const tp = await createTouchpoint(
      db,
      pageTag(audit.id, {
        category: 'live_chat',
        stage: 'consideration',
        channel: 'chat',
        url: 'http://shop/',
        pageTitle: 'Shop',
        scores: { speed },
        notes: 'the lead saw it',
      }),
      now,
    );
    await db.evidence.add({
      id: `e-${tp.id}`,
      touchpointId: tp.id,
      blob: new Blob(['jpeg']),
      mime: 'image/jpeg',
      width: 1,
      height: 1,
      sha256: 'ab',
      capturedAt: now.toISOString(),
      url: null,
    });
    ids.push(tp.id);
  }
  await endActiveAudit(db, now);
  return { studyId: study.id, touchpointIds: ids };
}

describe('calibration rounds', () => {
  it('lets each shopper score the items on their own and measures their agreement', async () => {
    const { studyId, touchpointIds } = await studyWithTwoChats();
    const before = await getStudyTally(db, studyId, now);
    const keys = await createRound(
      db,
      { studyId, touchpointIds, lead: 'Lead', scenario: 'Round 1' },
      now,
    );
    expect(keys).toHaveLength(2);
    let view = (await loadCalibration(db, studyId))!;
    // The items carry neither the lead's scores nor notes, but do carry the screenshot.
    expect(
      view.items.map((i) => [i.touchpoint.scores, i.touchpoint.notes, i.evidence.length]),
    ).toEqual([
      [{}, '', 1],
      [{}, '', 1],
    ]);
    const [one, two] = view.items;
    for (const [shopper, a, b] of [
      ['Ana', 4, 2],
      ['Ben', 4, 2],
      ['Cai', 2, 1],
    ] as const) {
      await scoreItem(db, one!, shopper, { speed: a, clarity: a }, now);
      await scoreItem(db, two!, shopper, { speed: b, clarity: b }, now);
    }
    // Scoring again replaces, never adds.
    await scoreItem(db, two!, 'Cai', { speed: 1, clarity: 1 }, now);
    view = (await loadCalibration(db, studyId))!;
    expect(view.scorings).toHaveLength(6);
    const speed = view.agreement.criteria.find((c) => c.key === 'speed')!;
    expect(speed).toMatchObject({ items: 2, raters: 3 });
    expect(speed.alpha).toBeGreaterThan(0);
    const cai = view.agreement.shoppers.find((s) => s.shopper === 'Cai')!;
    expect(cai.meanDeviation).toBeCloseTo(-1.5, 9);
    // Calibration work never counts in the comparison.
    expect(waveTally(await getStudyTally(db, studyId, now), 'W1')).toEqual(waveTally(before, 'W1'));
  });
});
