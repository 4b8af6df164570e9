// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createManualTouchpoint,
  discardManualDraft,
  keepManualDraft,
  keepManualPhoto,
  manualDraftOf,
} from '../../../lib/audit';
import { AuditorDb, endActiveAudit, getSetting, listEvidenceOf, startAudit } from '../../../lib/db';
import { describeProblemAt } from '../../../lib/i18n';
import { HTML, PNG_3X2, SVG } from '../../fixtures/images';
import { dropDb } from '../db/test-db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');

beforeEach(() => {
  db = new AuditorDb(`manual-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

describe('off-page touchpoints', () => {
  it('stores a manual touchpoint with its image as evidence: type, size and hash from the bytes', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    const png = Buffer.from(PNG_3X2, 'base64');
    // The declared type is wrong on purpose: the bytes decide.
    const file = new Blob([png], { type: 'image/jpeg' });
    const input = {
      category: 'packaging',
      stage: 'post_purchase',
      channel: 'in_store',
      scores: { speed: 4 },
      notes: 'box',
    } as const;
    const saved = await createManualTouchpoint(
      db,
      { ...input, scores: { ...input.scores } },
      file,
      t0,
    );
    if (!saved.ok) throw new Error(saved.error.code);
    const { touchpoint } = saved.value;
    expect(touchpoint).toMatchObject({
      source: 'manual',
      url: null,
      anchor: null,
      category: 'packaging',
    });
    const [evidence] = await listEvidenceOf(db, touchpoint.id);
    expect(evidence).toMatchObject({
      mime: 'image/png',
      width: 3,
      height: 2,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
  });

  it.each([
    ['a text file', new Blob(['abc'], { type: 'text/plain' }), /not a JPEG, PNG or WebP image/],
    ['an SVG', new Blob([Buffer.from(SVG, 'base64')], { type: 'image/svg+xml' }), /bytes are SVG/],
    ['HTML called a PNG', new Blob([Buffer.from(HTML, 'base64')], { type: 'image/png' }), /HTML/],
  ])('refuses %s as evidence and stores nothing', async (_name, file, message) => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    const before = await db.touchpoints.count();
    const saved = await createManualTouchpoint(
      db,
      { category: 'other', stage: 'consideration', channel: 'phone', scores: {}, notes: '' },
      file,
      t0,
    );
    expect(!saved.ok && describeProblemAt(saved.error)).toMatch(message);
    expect(await db.touchpoints.count()).toBe(before);
    expect(await db.evidence.count()).toBe(0);
  });

  it('refuses a manual touchpoint without a running audit', async () => {
    expect(
      await createManualTouchpoint(
        db,
        { category: 'other', stage: 'consideration', channel: 'phone', scores: {}, notes: '' },
        null,
        t0,
      ),
    ).toEqual({ ok: false, error: { code: 'no-active-audit' } });
  });
});

describe('the off-page form kept while it is filled in', () => {
  const form = {
    category: 'customer_support',
    stage: 'retention',
    channel: 'phone',
    scores: { speed: 2 },
    notes: 'On hold 14 minutes, then cut off',
  } as const;
  const copy = () => ({ ...form, scores: { ...form.scores } });

  it('comes back as it was typed, and is gone once the touchpoint is recorded', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    expect(await manualDraftOf(db)).toBeUndefined();
    expect(await keepManualDraft(db, copy(), t0)).toEqual({ ok: true, value: undefined });
    expect(await manualDraftOf(db)).toEqual({ form, photo: null });
    const saved = await createManualTouchpoint(db, copy(), null, t0);
    expect(saved.ok).toBe(true);
    expect(await manualDraftOf(db)).toBeUndefined();
    expect(await db.touchpoints.count()).toBe(1);
  });

  it('is looked for without writing anything when none is kept (the popup opening)', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    const settings = await db.settings.toArray();
    expect(await manualDraftOf(db)).toBeUndefined();
    expect(await db.settings.toArray()).toEqual(settings);
    expect(await db.drafts.count()).toBe(0);
  });

  it('is forgotten when the shopper cancels it', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    await keepManualDraft(db, copy(), t0);
    await discardManualDraft(db);
    expect(await manualDraftOf(db)).toBeUndefined();
  });

  it('is not brought into another audit than the one it was typed for', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    await keepManualDraft(db, copy(), t0);
    await endActiveAudit(db, t0);
    await startAudit(db, { studyId: 's', brandId: 'b2', shopper: 'Ana', scenario: '' }, t0);
    expect(await manualDraftOf(db)).toBeUndefined();
    expect(await db.drafts.count()).toBe(0);
  });

  it('is not kept when no audit runs', async () => {
    const kept = await keepManualDraft(db, copy(), t0);
    expect(kept).toMatchObject({ ok: false, error: { code: 'no-active-audit' } });
    expect(await db.drafts.count()).toBe(0);
  });

  it('keeps the photo picked with it, and forgets the photo once the touchpoint is recorded', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    const png = Buffer.from(PNG_3X2, 'base64');
    await keepManualDraft(db, copy(), t0);
    await keepManualPhoto(db, { blob: new Blob([png], { type: 'image/png' }), name: 'box.png' });
    const kept = await manualDraftOf(db);
    expect(kept?.photo?.name).toBe('box.png');
    expect(Buffer.from(await kept!.photo!.blob.arrayBuffer())).toEqual(png);

    const saved = await createManualTouchpoint(db, copy(), kept!.photo!.blob, t0);
    expect(saved.ok && saved.value.evidence?.width).toBe(3);
    expect(await getSetting(db, 'manualPhoto')).toBeNull();
    expect(await manualDraftOf(db)).toBeUndefined();
  });

  it('forgets the photo with the form: cancelled, or left from another audit', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    const photo = { blob: new Blob([Buffer.from(PNG_3X2, 'base64')]), name: 'a.png' };
    await keepManualDraft(db, copy(), t0);
    await keepManualPhoto(db, photo);
    await discardManualDraft(db);
    expect(await getSetting(db, 'manualPhoto')).toBeNull();

    await keepManualDraft(db, copy(), t0);
    await keepManualPhoto(db, photo);
    await endActiveAudit(db, t0);
    await startAudit(db, { studyId: 's', brandId: 'b2', shopper: 'Ana', scenario: '' }, t0);
    await keepManualDraft(db, copy(), t0); // a new form, in the new audit

    expect(await manualDraftOf(db)).toEqual({ form, photo: null });
  });
});
