import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualTouchpoint } from '../../../lib/audit';
import { AuditorDb, listEvidenceOf, startAudit } from '../../../lib/db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');

beforeEach(() => {
  db = new AuditorDb(`manual-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('off-page touchpoints', () => {
  it('stores a manual touchpoint with its file as evidence, hashed', async () => {
    await startAudit(db, { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: '' }, t0);
    const file = new Blob(['abc'], { type: 'text/plain' });
    const input = {
      category: 'packaging',
      stage: 'post_purchase',
      channel: 'in_store',
      scores: { speed: 4 },
      notes: 'box',
    } as const;
    const { touchpoint } = await createManualTouchpoint(
      db,
      { ...input, scores: { ...input.scores } },
      file,
      t0,
    );
    expect(touchpoint).toMatchObject({
      source: 'manual',
      url: null,
      anchor: null,
      category: 'packaging',
    });
    const [evidence] = await listEvidenceOf(db, touchpoint.id);
    expect(evidence).toMatchObject({
      mime: 'text/plain',
      width: 0,
      height: 0,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  it('refuses a manual touchpoint without a running audit', async () => {
    await expect(
      createManualTouchpoint(
        db,
        { category: 'other', stage: 'consideration', channel: 'phone', scores: {}, notes: '' },
        null,
        t0,
      ),
    ).rejects.toThrow(/no audit/);
  });
});
