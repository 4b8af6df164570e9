import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onAuditsWritten } from '@/lib/background/audit-watch';
import { AuditorDb } from '@/lib/db';

let db: AuditorDb;
let calls = 0;
let stop: () => void;
const T = '2026-12-01T10:00:00.000Z';
const audit = {
  id: 'a1',
  studyId: 's1',
  brandId: 'b1',
  shopper: 'Ana',
  scenario: 'Return shoes',
  startedAt: T,
  endedAt: null,
  wave: 'W1',
  purpose: 'audit' as const,
  review: 'in_progress' as const,
  createdAt: T,
  updatedAt: T,
};
const settled = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  db = new AuditorDb(`audit-watch-${crypto.randomUUID()}`);
  await db.open();
  calls = 0;
  stop = onAuditsWritten(db.name, () => calls++);
});
afterEach(async () => {
  stop();
  db.close();
  await db.delete();
});

describe('onAuditsWritten', () => {
  it('hears an audit started and ended by a write that is not a message to the background', async () => {
    await db.audits.put(audit);
    await settled();
    expect(calls).toBeGreaterThan(0);
    const afterStart = calls;
    await db.audits.update('a1', { endedAt: T });
    await settled();
    expect(calls).toBeGreaterThan(afterStart);
  });

  it('stays quiet for writes to other tables and to other databases', async () => {
    await db.brands.put({
      id: 'b1',
      name: 'Own',
      role: 'own',
      domains: ['a.example'],
      createdAt: T,
      updatedAt: T,
    });
    const other = new AuditorDb(`audit-watch-other-${crypto.randomUUID()}`);
    await other.audits.put(audit);
    await settled();
    expect(calls).toBe(0);
    other.close();
    await other.delete();
  });

  it('stops hearing once unsubscribed', async () => {
    stop();
    await db.audits.put(audit);
    await settled();
    expect(calls).toBe(0);
  });
});
