import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  createStudy,
  createTouchpoint,
  getStudyTally,
  rebuildStudyTally,
  reviewAudit,
  seedDefaults,
  setRequireReview,
  startAudit,
  waveTally,
} from '../../../lib/db';
import type { ReviewAction } from '../../../lib/review';
import { pageTag } from './page-tag';
import { dropDb } from './test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
let db: AuditorDb;
beforeEach(async () => {
  db = new AuditorDb(`review-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
});
afterEach(() => dropDb(db));

async function studyWithAudits(count: number) {
  const study = await createStudy(
    db,
    { name: 'S', wave: 'W1', rubricId: 'default', rubricVersion: 1, brandIds: ['b'] },
    now,
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const audit = await startAudit(
      db,
      { studyId: study.id, brandId: 'b', shopper: `S${i}`, scenario: '' },
      now,
    );
    await createTouchpoint(db, pageTag(audit.id, { scores: { speed: 1 + i } }), now);
    ids.push(audit.id);
  }
  return { studyId: study.id, auditIds: ids };
}

describe('review of audits', () => {
  it('counts approved audits only when the study says so, and follows approvals', async () => {
    const { studyId, auditIds } = await studyWithAudits(2);
    const n = async () =>
      waveTally(await getStudyTally(db, studyId, now), 'W1')['b']?.categories.cart?.n ?? 0;
    expect(await n()).toBe(2);
    await setRequireReview(db, studyId, true, now);
    expect(await n()).toBe(0);
    // startAudit ended the first audit (submitted); the second is still in progress.
    expect(await reviewAudit(db, auditIds[0]!, 'approve', 'Lead', now)).toMatchObject({
      ok: true,
      value: { review: 'approved', reviewedBy: 'Lead' },
    });
    expect(await n()).toBe(1);
    expect(await reviewAudit(db, auditIds[1]!, 'approve', 'Lead', now)).toMatchObject({
      ok: false,
      error: { code: 'review.not-allowed' },
    });
    await reviewAudit(db, auditIds[0]!, 'reopen', 'Lead', now);
    expect(await n()).toBe(0);
  });

  it('keeps totals equal to a recomputation through any sequence of review moves', async () => {
    const { studyId, auditIds } = await studyWithAudits(3);
    const actions: ReviewAction[] = ['submit', 'return', 'approve', 'reopen'];
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...actions)), { maxLength: 15 }),
        async (approvedOnly, moves) => {
          await setRequireReview(db, studyId, approvedOnly, now);
          await getStudyTally(db, studyId, now);
          for (const [i, action] of moves) await reviewAudit(db, auditIds[i]!, action, 'L', now);
          const kept = waveTally(await db.studyTallies.get(studyId), 'W1');
          const fresh = waveTally(await rebuildStudyTally(db, studyId, now), 'W1');
          expect(kept).toEqual(fresh);
        },
      ),
      { numRuns: 30 },
    );
  });
});
