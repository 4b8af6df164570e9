// Review comments on a touchpoint (addTouchpointComment), on fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addTouchpointComment,
  AuditorDb,
  createTouchpoint,
  getAuditStats,
  seedDefaults,
} from '../../../lib/db';
import { dropDb, runningAudit } from './test-db';

const now = new Date('2026-11-22T10:00:00.000Z');
const later = new Date('2026-11-22T11:30:00.000Z');
let db: AuditorDb;
beforeEach(async () => {
  db = new AuditorDb(`comments-${crypto.randomUUID()}`);
  await seedDefaults(db, now);
});
afterEach(() => dropDb(db));

describe('addTouchpointComment', () => {
  it('appends a comment with a fresh id and time, moving updatedAt and nothing else', async () => {
    const { audit } = await runningAudit(db, now);
    const tp = await createTouchpoint(
      db,
      {
        auditId: audit.id,
        category: 'cart',
        stage: 'purchase',
        channel: 'web',
        source: 'manual',
        url: null,
        pageTitle: null,
        anchor: null,
        scores: { speed: 2 },
        notes: 'Slow',
      },
      now,
    );
    await addTouchpointComment(db, tp.id, { by: 'Lea', text: 'Which page?' }, now);
    const next = await addTouchpointComment(db, tp.id, { by: 'Lea', text: 'Add a photo' }, later);
    expect(next?.updatedAt).toBe(later.toISOString());
    const stored = await db.touchpoints.get(tp.id);
    expect(stored).toEqual({ ...tp, comments: stored?.comments, updatedAt: later.toISOString() });
    expect(stored?.comments?.map((c) => [c.by, c.text, c.at])).toEqual([
      ['Lea', 'Which page?', now.toISOString()],
      ['Lea', 'Add a photo', later.toISOString()],
    ]);
    const ids = stored?.comments?.map((c) => c.id) ?? [];
    expect(new Set(ids).size).toBe(2);
    // The audit's counters are untouched: a comment is not a new touchpoint.
    expect((await getAuditStats(db, audit.id)).total).toBe(1);
  });

  it('is undefined for a touchpoint that does not exist', async () => {
    expect(await addTouchpointComment(db, 'nope', { by: 'Lea', text: 'x' }, now)).toBeUndefined();
  });
});
