import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  attachEvidence,
  createTouchpointWithEvidence,
  getAuditStats,
  getDraft,
  listEvidenceOf,
  saveDraft,
  setTouchpointDeleted,
  type NewEvidence,
  type NewTouchpoint,
} from '../../../lib/db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');
const t1 = new Date('2026-11-22T10:05:00.000Z');

beforeEach(() => {
  db = new AuditorDb(`ev-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const input: NewTouchpoint = {
  auditId: 'a1',
  category: 'payment',
  stage: 'purchase',
  channel: 'web',
  source: 'page',
  url: 'http://northwind.localhost/checkout.html',
  pageTitle: 'Checkout',
  anchor: null,
  scores: { speed: 3 },
  notes: '',
};
const shot = (byte: number): NewEvidence => ({
  blob: new Blob([new Uint8Array([byte])], { type: 'image/jpeg' }),
  mime: 'image/jpeg',
  width: 10,
  height: 10,
  sha256: String(byte).padStart(2, '0').repeat(32),
  url: input.url,
});
const keepDraft = (tabKey: string) =>
  saveDraft(db, {
    tabKey,
    auditId: 'a1',
    category: 'payment',
    stage: 'purchase',
    channel: 'web',
    scores: {},
    notes: 'typing',
    includeFieldValues: false,
    url: input.url,
    pageTitle: 'Checkout',
    anchor: null,
    touchpointId: 'tp-1',
    updatedAt: t0.toISOString(),
  });

describe('saving with the id the client made', () => {
  it('stores the touchpoint under that id, and a retry writes nothing and answers the first', async () => {
    const first = await createTouchpointWithEvidence(db, input, shot(1), t0, { id: 'tp-1' });
    expect(first).toMatchObject({ existed: false, touchpoint: { id: 'tp-1' } });
    const retry = await createTouchpointWithEvidence(
      db,
      { ...input, notes: 'changed' },
      shot(2),
      t1,
      { id: 'tp-1' },
    );
    expect(retry.existed).toBe(true);
    expect(retry.touchpoint).toEqual(first.touchpoint);
    expect(retry.evidence?.id).toBe(first.evidence?.id);
    expect(await db.touchpoints.count()).toBe(1);
    expect(await db.evidence.count()).toBe(1);
    expect(await getAuditStats(db, 'a1')).toMatchObject({ total: 1 });
  });

  it('deletes the draft in the same IndexedDB transaction as the touchpoint write', async () => {
    await keepDraft('tab:7');
    const seen: { write?: unknown; draft?: unknown } = {};
    db.touchpoints.hook('creating', () => void (seen.write = Dexie.currentTransaction?.idbtrans));
    db.drafts.hook('deleting', () => void (seen.draft = Dexie.currentTransaction?.idbtrans));
    await createTouchpointWithEvidence(db, input, shot(1), t0, { id: 'tp-1', draftKey: 'tab:7' });
    expect(seen.write).toBeDefined();
    expect(seen.draft).toBe(seen.write);
    expect(await getDraft(db, 'tab:7')).toBeUndefined();
  });

  it('keeps the draft when the write fails, so nothing the shopper typed is lost', async () => {
    await keepDraft('tab:7');
    db.evidence.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      createTouchpointWithEvidence(db, input, shot(1), t0, { id: 'tp-1', draftKey: 'tab:7' }),
    ).rejects.toThrow('disk full');
    expect(await getDraft(db, 'tab:7')).toMatchObject({ notes: 'typing' });
    expect(await db.touchpoints.count()).toBe(0);
  });
});

describe('retaking a screenshot for a touchpoint saved without one', () => {
  it('attaches it once: a second retake keeps the first', async () => {
    await createTouchpointWithEvidence(db, input, null, t0, { id: 'tp-1' });
    const first = await attachEvidence(db, 'tp-1', shot(1), t1);
    expect(first).toMatchObject({ touchpointId: 'tp-1', capturedAt: t1.toISOString() });
    const again = await attachEvidence(db, 'tp-1', shot(2), t1);
    expect(again?.id).toBe(first?.id);
    expect(await listEvidenceOf(db, 'tp-1')).toHaveLength(1);
  });

  it.each([
    ['a touchpoint that does not exist', async () => undefined],
    [
      'a deleted touchpoint',
      async () => {
        await createTouchpointWithEvidence(db, input, null, t0, { id: 'tp-1' });
        await setTouchpointDeleted(db, 'tp-1', true, t1);
      },
    ],
  ])('attaches nothing to %s', async (_name, arrange) => {
    await arrange();
    expect(await attachEvidence(db, 'tp-1', shot(1), t1)).toBeUndefined();
    expect(await db.evidence.count()).toBe(0);
  });
});
