import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditorDb,
  createTouchpoint,
  endActiveAudit,
  getActiveAudit,
  getAuditStats,
  getSetting,
  listTouchpointsOfAudit,
  setTouchpointDeleted,
  startAudit,
  updateTouchpoint,
  type NewTouchpoint,
} from '../../../lib/db';
import { dropDb } from './test-db';

let db: AuditorDb;
const t0 = new Date('2026-11-22T10:00:00.000Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(() => {
  db = new AuditorDb(`tp-${crypto.randomUUID()}`);
});
afterEach(() => dropDb(db));

const draft = (auditId: string, category: string): NewTouchpoint => ({
  auditId,
  category,
  stage: 'purchase',
  channel: 'web',
  source: 'page',
  url: 'http://contoso.localhost/checkout.html',
  pageTitle: 'Checkout',
  anchor: null,
  scores: { speed: 3 },
  notes: '',
});

describe('audits', () => {
  it('keeps one running audit, ends the previous one when a new one starts, remembers the shopper', async () => {
    const first = await startAudit(
      db,
      { studyId: 's', brandId: 'b1', shopper: 'Ana', scenario: 'x' },
      t0,
    );
    const second = await startAudit(
      db,
      { studyId: 's', brandId: 'b2', shopper: 'Ana B.', scenario: 'y' },
      later(5),
    );
    expect((await getActiveAudit(db))?.id).toBe(second.id);
    expect((await db.audits.get(first.id))?.endedAt).toBe(later(5).toISOString());
    expect(await getSetting(db, 'shopperName')).toBe('Ana B.');
    const ended = await endActiveAudit(db, later(30));
    expect(ended?.endedAt).toBe(later(30).toISOString());
    expect(await getActiveAudit(db)).toBeUndefined();
  });
});

describe('touchpoints and their kept counters', () => {
  it('counts live touchpoints per category through writes, edits, deletes and undeletes', async () => {
    const a = await createTouchpoint(db, draft('a1', 'cart'), t0);
    await createTouchpoint(db, draft('a1', 'cart'), later(1));
    await createTouchpoint(db, draft('a1', 'payment'), later(2));
    await createTouchpoint(db, draft('other-audit', 'cart'), later(3));
    expect(await getAuditStats(db, 'a1')).toEqual({
      auditId: 'a1',
      total: 3,
      byCategory: { cart: 2, payment: 1 },
    });

    await updateTouchpoint(db, a.id, { category: 'checkout_step' }, later(4));
    expect((await getAuditStats(db, 'a1')).byCategory).toEqual({
      cart: 1,
      payment: 1,
      checkout_step: 1,
    });

    await setTouchpointDeleted(db, a.id, true, later(5));
    expect(await getAuditStats(db, 'a1')).toMatchObject({
      total: 2,
      byCategory: { cart: 1, payment: 1 },
    });
    expect((await listTouchpointsOfAudit(db, 'a1')).map((t) => t.category)).toEqual([
      'cart',
      'payment',
    ]);
    const tomb = await db.touchpoints.get(a.id);
    expect(tomb).toMatchObject({ deleted: true, updatedAt: later(5).toISOString() });

    await setTouchpointDeleted(db, a.id, false, later(6));
    expect((await getAuditStats(db, 'a1')).total).toBe(3);
    expect((await db.touchpoints.get(a.id))?.deleted).toBeUndefined();
  });

  it('gives every touchpoint its own UUID and keeps createdAt through edits', async () => {
    const a = await createTouchpoint(db, draft('a1', 'cart'), t0);
    const b = await createTouchpoint(db, draft('a1', 'cart'), t0);
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    const edited = await updateTouchpoint(db, a.id, { notes: 'hidden fee' }, later(9));
    expect(edited).toMatchObject({
      createdAt: t0.toISOString(),
      updatedAt: later(9).toISOString(),
      notes: 'hidden fee',
    });
  });
});

describe('putTouchpoints (bulk writes)', () => {
  it('writes in chunks and keeps counters equal to writing one by one', async () => {
    const { putTouchpoints } = await import('../../../lib/db');
    const at = t0.toISOString();
    const many = Array.from({ length: 4_500 }, (_, i) => ({
      ...draft(i % 3 === 0 ? 'a1' : 'a2', i % 2 ? 'cart' : 'payment'),
      id: `tp-${i}`,
      createdAt: at,
      updatedAt: at,
      ...(i % 10 === 0 ? { deleted: true } : {}),
    }));
    const progress: number[] = [];
    await putTouchpoints(db, many, (n) => progress.push(n));
    expect(progress).toEqual([2_000, 4_000, 4_500]);
    const live = many.filter((t) => !t.deleted);
    const a1 = live.filter((t) => t.auditId === 'a1');
    expect(await getAuditStats(db, 'a1')).toEqual({
      auditId: 'a1',
      total: a1.length,
      byCategory: {
        cart: a1.filter((t) => t.category === 'cart').length,
        payment: a1.filter((t) => t.category === 'payment').length,
      },
    });
    // Writing the same records again replaces them: the counters do not double.
    await putTouchpoints(db, many);
    expect((await getAuditStats(db, 'a1')).total).toBe(a1.length);
  });
});
