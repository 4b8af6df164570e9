// The shopper's submit (lib/audit/submit.ts) and the way back (resumeAudit), on fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAudit, listReturnedAudits, submitAudit } from '../../../lib/audit';
import {
  addTouchpointComment,
  AuditorDb,
  createTouchpoint,
  getActiveAudit,
  getSetting,
  resumeAudit,
  reviewAudit,
  seedDefaults,
  setRequireReview,
  updateTouchpoint,
  type NewTouchpoint,
} from '../../../lib/db';
import { makeDefaultRubric } from '../../../lib/rubric';
import { dropDb, runningAudit } from '../db/test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
const later = new Date('2026-11-22T11:00:00.000Z');
let db: AuditorDb;
beforeEach(async () => {
  db = new AuditorDb(`submit-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
});
afterEach(() => dropDb(db));

/** Every criterion of the default rubric scored `value`. */
const allScored = (value: number) =>
  Object.fromEntries(makeDefaultRubric(now.toISOString()).criteria.map((c) => [c.id, value]));

const manual = (auditId: string, changes: Partial<NewTouchpoint> = {}): NewTouchpoint => ({
  auditId,
  category: 'cart',
  stage: 'purchase',
  channel: 'phone',
  source: 'manual',
  url: null,
  pageTitle: null,
  anchor: null,
  scores: allScored(3),
  notes: 'Fine',
  ...changes,
});

const running = async () => (await runningAudit(db, now)).audit;

describe('checkAudit', () => {
  it('reads the audit’s live touchpoints and names each problem by touchpoint id', async () => {
    const audit = await running();
    const at = (minute: number) => new Date(now.getTime() + minute * 60_000);
    const ok = await createTouchpoint(db, manual(audit.id), at(1));
    const low = await createTouchpoint(
      db,
      manual(audit.id, { scores: allScored(1), notes: '' }),
      at(2),
    );
    const page = await createTouchpoint(
      db,
      manual(audit.id, { source: 'page', url: 'https://x.test/', notes: 'p' }),
      at(3),
    );
    const gone = await createTouchpoint(db, manual(audit.id, { scores: {} }), at(4));
    await db.touchpoints.update(gone.id, { deleted: true });
    const checked = await checkAudit(db, audit.id);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.touchpoints.map((t) => t.id)).toEqual([ok.id, low.id, page.id]);
    expect(checked.value.problems.map((p) => [p.code, p.path])).toEqual([
      ['review.lowest-without-note', low.id],
      ['review.no-screenshot', page.id],
    ]);
  });

  it('is not-found for an audit that does not exist', async () => {
    expect(await checkAudit(db, 'nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('submitAudit', () => {
  it('refuses with the problems and changes nothing when they are not fixed', async () => {
    const audit = await running();
    const low = await createTouchpoint(
      db,
      manual(audit.id, { scores: allScored(1), notes: '' }),
      now,
    );
    const refused = await submitAudit(db, audit.id, later);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.problems).toMatchObject([
      { code: 'review.lowest-without-note', path: low.id },
    ]);
    expect(refused.error.touchpoints.map((t) => t.id)).toEqual([low.id]);
    expect(await db.audits.get(audit.id)).toMatchObject({ review: 'in_progress', endedAt: null });
    expect((await getActiveAudit(db))?.id).toBe(audit.id);
  });

  it('submits once fixed: the audit ends, is no longer active, and keeps no old reason', async () => {
    const audit = await running();
    const low = await createTouchpoint(
      db,
      manual(audit.id, { scores: allScored(1), notes: '' }),
      now,
    );
    await updateTouchpoint(db, low.id, { notes: 'Rude on the phone' }, now);
    const done = await submitAudit(db, audit.id, later);
    expect(done).toMatchObject({
      ok: true,
      value: { review: 'submitted', endedAt: later.toISOString(), reviewedBy: 'Ana' },
    });
    expect((await db.audits.get(audit.id))?.submitNote).toBeUndefined();
    expect(await getActiveAudit(db)).toBeUndefined();
  });

  it('submits anyway with a reason, kept on the audit for the lead; a blank reason is none', async () => {
    const audit = await running();
    await createTouchpoint(db, manual(audit.id, { scores: {} }), now);
    expect((await submitAudit(db, audit.id, later, '   ')).ok).toBe(false);
    const done = await submitAudit(db, audit.id, later, '  Phone line dropped  ');
    expect(done.ok).toBe(true);
    expect(await db.audits.get(audit.id)).toMatchObject({
      review: 'submitted',
      submitNote: 'Phone line dropped',
    });
  });

  it('refuses a second submit through the review states', async () => {
    const audit = await running();
    await createTouchpoint(db, manual(audit.id), now);
    expect((await submitAudit(db, audit.id, later)).ok).toBe(true);
    const again = await submitAudit(db, audit.id, later);
    expect(again).toMatchObject({
      ok: false,
      error: { problems: [{ code: 'review.not-allowed', params: { state: 'submitted' } }] },
    });
  });
});

describe('End audit (submitAudit while ending)', () => {
  async function withProblem(requireReview: boolean) {
    const audit = await running();
    if (requireReview) await setRequireReview(db, audit.studyId, true, now);
    const low = await createTouchpoint(
      db,
      manual(audit.id, { scores: allScored(1), notes: '' }),
      now,
    );
    return { audit, low };
  }

  it('is stopped by the checks in a study that requires review, as a submit is', async () => {
    const { audit, low } = await withProblem(true);
    const refused = await submitAudit(db, audit.id, later, '', { ending: true });
    expect(refused).toMatchObject({
      ok: false,
      error: { problems: [{ code: 'review.lowest-without-note', path: low.id }] },
    });
    expect(await db.audits.get(audit.id)).toMatchObject({ review: 'in_progress', endedAt: null });
    expect((await getActiveAudit(db))?.id).toBe(audit.id);
    const anyway = await submitAudit(db, audit.id, later, 'Rude, no time', { ending: true });
    expect(anyway).toMatchObject({ ok: true, value: { submitNote: 'Rude, no time' } });
  });

  it('hands in without binding checks in a study that does not; the audit becomes the last one', async () => {
    const { audit } = await withProblem(false);
    const done = await submitAudit(db, audit.id, later, '', { ending: true });
    expect(done).toMatchObject({
      ok: true,
      value: { review: 'submitted', endedAt: later.toISOString(), reviewedBy: 'Ana' },
    });
    expect((await db.audits.get(audit.id))?.submitNote).toBeUndefined();
    expect(await getActiveAudit(db)).toBeUndefined();
    expect(await getSetting(db, 'lastAuditId')).toBe(audit.id);
  });
});

describe('returned audits', () => {
  it('lists a returned audit with its comment count, resumes it, and submits it again', async () => {
    const audit = await running();
    const tp = await createTouchpoint(db, manual(audit.id), now);
    await submitAudit(db, audit.id, now);
    await addTouchpointComment(db, tp.id, { by: 'Lea', text: 'Which store?' }, later);
    await addTouchpointComment(db, tp.id, { by: 'Lea', text: 'Add a photo' }, later);
    await reviewAudit(db, audit.id, 'return', 'Lea', later);

    const listed = await listReturnedAudits(db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ audit: { id: audit.id, reviewedBy: 'Lea' }, comments: 2 });
    expect(
      listed[0]!.commented.map((c) => [c.touchpoint.id, c.comments.map((x) => x.text)]),
    ).toEqual([[tp.id, ['Which store?', 'Add a photo']]]);

    const resumed = await resumeAudit(db, audit.id, later);
    expect(resumed).toMatchObject({ ok: true, value: { review: 'returned', endedAt: null } });
    expect((await getActiveAudit(db))?.id).toBe(audit.id);
    expect(await listReturnedAudits(db)).toEqual([]);

    expect(await submitAudit(db, audit.id, later)).toMatchObject({
      ok: true,
      value: { review: 'submitted' },
    });
  });

  it('resumes only a returned audit', async () => {
    const audit = await running();
    expect(await resumeAudit(db, audit.id, later)).toMatchObject({
      ok: false,
      error: { code: 'review.not-allowed' },
    });
    expect(await resumeAudit(db, 'nope', later)).toMatchObject({ ok: false });
  });
});
